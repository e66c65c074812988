import { sql, type Kysely } from 'kysely';

/**
 * The record of backup runs (server/backup/): one row per finished run, written by whichever node or
 * command made it, so every node's administrator page lists them all. A row is written when the run
 * ends (succeeded or failed), never while it runs: the archive's own snapshot therefore never holds a
 * half-finished record of itself. `node` + `file_name` say where the archive lies (BACKUP_DIR of that
 * host); `pruned_at` is set when BACKUP_KEEP deleted it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table backup_run (
      id serial primary key,
      started_at timestamptz not null,
      finished_at timestamptz not null,
      status text not null check (status in ('succeeded', 'failed')),
      trigger text not null check (trigger in ('manual', 'scheduled', 'cli')),
      requested_by int references app_user(id),
      requested_by_name text,
      node text not null,
      file_name text,
      size_bytes bigint,
      sha256 text,
      engine text,
      last_migration text,
      table_count int,
      row_count bigint,
      file_count int,
      file_bytes bigint,
      missing_files jsonb not null default '[]',
      audit_head_seq bigint,
      audit_head_hash text,
      error text,
      pruned_at timestamptz
    )`.execute(db);
  await sql`create index backup_run_started_idx on backup_run (started_at desc, id desc)`.execute(db);
  await sql`create index backup_run_file_idx on backup_run (file_name)`.execute(db);
}
