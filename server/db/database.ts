/**
 * Opens the database: embedded PGlite under DATA_DIR by default, or a real
 * PostgreSQL server when DATABASE_URL is set. Both speak the same SQL.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
}


let pgParsersSet = false;
function setPgParsers(): void {
  if (pgParsersSet) return;
  pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
  pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
  pgParsersSet = true;
}

export function kyselyOnPostgres(connectionString: string, max = 10): Database {
  setPgParsers();
  const pool = new pg.Pool({ connectionString, max });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

/** PGlite (its WebAssembly PostgreSQL, ≈45 MB resident) is loaded only when it is the database. */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (options.databaseUrl) return kyselyOnPostgres(options.databaseUrl);
  const { createPglite, kyselyOnPglite } = await import('./pglite.ts');
  const dir = path.join(options.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  return kyselyOnPglite(await createPglite(dir));
}
