import { sql, type Kysely } from 'kysely';

/** ltree for org paths, pg_trgm for fast substring search, unaccent for SQL-side folding. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists ltree`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists unaccent`.execute(db);
}
