/**
 * The embedded database: PGlite with the extensions our migrations create,
 * behind our own Kysely dialect. Imported only where PGlite is used (the
 * default start without DATABASE_URL, tests, benchmarks).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, type PGliteInterface } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { Kysely } from 'kysely';
import type { Database, Listen } from './database.ts';
import { PGliteDialect, pgliteParsers } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

/** Extensions our migrations create; PGlite needs them loaded up front. */
export const pgliteExtensions = { ltree, pg_trgm, unaccent };

export async function createPglite(dataDir?: string): Promise<PGlite> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  return PGlite.create(dataDir ? path.resolve(dataDir) : undefined, {
    extensions: pgliteExtensions,
    parsers: pgliteParsers,
  });
}

export function kyselyOnPglite(pglite: PGliteInterface): Database {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite as PGlite) });
  // One process owns the folder: what its transactions commit is announced in-process.
  const listen: Listen = async (channel, handlers) => {
    const unlisten = await pglite.listen(channel, (payload) => handlers.onNotify(payload));
    handlers.onListening(true);
    // Closing the database ends its listeners too: nothing left to unlisten then.
    return { close: async () => (pglite.closed ? undefined : unlisten()) };
  };
  return { db, kind: 'pglite', close: () => db.destroy(), listen };
}
