/**
 * What the database holds, read from PostgreSQL's own catalog — the same queries on PGlite and on a
 * PostgreSQL server: the application's tables (schema public, not an extension's, not Kysely's
 * migration book-keeping), their columns, primary keys, foreign keys and serial sequences, the
 * migrations applied and the head of the audit chain. Dump and load both start here, so what is
 * written and what is read back are the same list by construction.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Kysely's own tables: the manifest names the migrations; the target gets them by migrating. */
export const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'];

/**
 * Tables the migrations themselves fill (reference data, the installation row). A database whose
 * only rows are in these tables holds nothing anybody typed: it counts as empty.
 */
export const MIGRATION_FILLED_TABLES = [
  'org_level',
  'unit_type',
  'document_type',
  'party_term',
  'award_form',
  'award_form_rule',
  'installation',
];

export interface TableInfo {
  name: string;
  /** Every column, in table order. */
  columns: string[];
  /** Generated (computed) columns: dumped for reading, never inserted. */
  generated: string[];
  primaryKey: string[];
}

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

export interface SerialColumn {
  table: string;
  column: string;
  sequence: string;
}

type Db = Kysely<DB>;

export async function listTables(db: Db): Promise<TableInfo[]> {
  const { rows } = await sql<{ table_name: string; column_name: string; generated: boolean }>`
    select c.relname as table_name, a.attname as column_name, a.attgenerated <> '' as generated
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
     where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
       and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'e')
     order by c.relname, a.attnum`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    select cl.relname as table_name, a.attname as column_name
      from pg_constraint co
      join pg_class cl on cl.oid = co.conrelid
      join pg_namespace n on n.oid = cl.relnamespace
      cross join lateral unnest(co.conkey) with ordinality as k(attnum, ord)
      join pg_attribute a on a.attrelid = co.conrelid and a.attnum = k.attnum
     where co.contype = 'p' and n.nspname = 'public'
     order by cl.relname, k.ord`.execute(db);
  const tables = new Map<string, TableInfo>();
  for (const r of rows) {
    if (MIGRATION_TABLES.includes(r.table_name)) continue;
    let t = tables.get(r.table_name);
    if (!t) tables.set(r.table_name, (t = { name: r.table_name, columns: [], generated: [], primaryKey: [] }));
    t.columns.push(r.column_name);
    if (r.generated) t.generated.push(r.column_name);
  }
  for (const k of keys.rows) tables.get(k.table_name)?.primaryKey.push(k.column_name);
  return [...tables.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export async function listForeignKeys(db: Db): Promise<ForeignKey[]> {
  const { rows } = await sql<{ table_name: string; name: string; definition: string }>`
    select cl.relname as table_name, co.conname as name, pg_get_constraintdef(co.oid) as definition
      from pg_constraint co
      join pg_class cl on cl.oid = co.conrelid
      join pg_namespace n on n.oid = cl.relnamespace
     where co.contype = 'f' and n.nspname = 'public'
     order by cl.relname, co.conname`.execute(db);
  return rows.map((r) => ({ table: r.table_name, name: r.name, definition: r.definition }));
}

/** Columns fed by a sequence (serial or identity), with the sequence's name. */
export async function listSerialColumns(db: Db): Promise<SerialColumn[]> {
  const { rows } = await sql<{ table_name: string; column_name: string; sequence_name: string }>`
    select t.relname as table_name, a.attname as column_name, s.relname as sequence_name
      from pg_class s
      join pg_namespace n on n.oid = s.relnamespace
      join pg_depend d on d.classid = 'pg_class'::regclass and d.objid = s.oid and d.refclassid = 'pg_class'::regclass and d.deptype in ('a', 'i')
      join pg_class t on t.oid = d.refobjid
      join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
     where s.relkind = 'S' and n.nspname = 'public'
     order by t.relname, a.attname`.execute(db);
  return rows
    .filter((r) => !MIGRATION_TABLES.includes(r.table_name))
    .map((r) => ({ table: r.table_name, column: r.column_name, sequence: r.sequence_name }));
}

export async function tableExists(db: Db, name: string): Promise<boolean> {
  const { rows } = await sql<{ ok: boolean }>`select to_regclass(${`public.${name}`}) is not null as ok`.execute(db);
  return rows[0]?.ok === true;
}

/** Migrations applied, in name order (Kysely's order); empty when the database was never migrated. */
export async function appliedMigrations(db: Db): Promise<string[]> {
  if (!(await tableExists(db, 'kysely_migration'))) return [];
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

export interface ChainHead {
  seq: number;
  hash: string;
}

/** The audit chain's head (migration 20261207_0021_audit_chain), null before that migration or with no events. */
export async function auditChainHead(db: Db): Promise<ChainHead | null> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from information_schema.columns
     where table_schema = 'public' and table_name = 'audit_event' and column_name in ('seq', 'hash')`.execute(db);
  if (rows[0]?.n !== 2) return null;
  const head = await sql<{
    head_seq: string;
    hash: string;
  }>`select e.seq::text as head_seq, e.hash from audit_event e order by e.seq desc limit 1`.execute(db);
  const row = head.rows[0];
  return row ? { seq: Number(row.head_seq), hash: row.hash } : null;
}

/** Tables that hold rows (one `exists` per table: cheap whatever their size). */
export async function tablesWithRows(db: Db, tables: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const t of tables) {
    const { rows } = await sql<{ has: boolean }>`select exists (select 1 from ${sql.id(t)}) as has`.execute(db);
    if (rows[0]?.has) found.push(t);
  }
  return found;
}

/** The tables beyond migration-filled ones that hold rows: empty list = nothing anybody typed. */
export async function userDataTables(db: Db): Promise<string[]> {
  const tables = (await listTables(db)).map((t) => t.name).filter((t) => !MIGRATION_FILLED_TABLES.includes(t));
  return tablesWithRows(db, tables);
}
