/**
 * Opens the database: embedded PGlite under DATA_DIR by default, or a real
 * PostgreSQL server when DATABASE_URL is set. Both speak the same SQL.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteInterface } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect, pgliteParsers } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  close(): Promise<void>;
}

/** Extensions our migrations create; PGlite needs them loaded up front. */
export const pgliteExtensions = { ltree, pg_trgm, unaccent };


let pgParsersSet = false;
function setPgParsers(): void {
  if (pgParsersSet) return;
  pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
  pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
  pgParsersSet = true;
}

export async function createPglite(dataDir?: string): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return PGlite.create(dataDir ? path.resolve(dataDir) : undefined, {
    extensions: pgliteExtensions,
    parsers: pgliteParsers,
  });
}

export function kyselyOnPglite(pglite: PGliteInterface): Database {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite as PGlite) });
  return { db, kind: 'pglite', close: () => db.destroy() };
}

export function kyselyOnPostgres(connectionString: string, max = 10): Database {
  setPgParsers();
  const pool = new pg.Pool({ connectionString, max });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (options.databaseUrl) return kyselyOnPostgres(options.databaseUrl);
  return kyselyOnPglite(await createPglite(path.join(options.dataDir, 'pglite')));
}
