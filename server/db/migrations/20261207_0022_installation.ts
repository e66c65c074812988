import { sql, type Kysely } from 'kysely';

/**
 * What kind of installation this database is: one row, written by the demo loader (server/seed/demo.ts) and by
 * `npm run setup`. Every later start reads it, whatever DEMO_DATA says now: a database that holds the demo's
 * published passwords stays a demo (listens on 127.0.0.1, refused in production), and nothing can unmark it —
 * a real installation starts from a new database.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table installation (
      singleton boolean primary key default true check (singleton),
      demo_data boolean not null default false,
      demo_loaded_at timestamptz,
      first_admin_created_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  // A database that loaded the demo before this migration existed: the demo loader's own audit trail says so
  // (its accounts are audited as "Tạo tài khoản mẫu …" by the system, nothing else writes that summary).
  await sql`
    insert into installation (demo_data, demo_loaded_at)
    select true, min(occurred_at) from audit_event
    where action = 'user.created' and actor_user_id is null and summary like 'Tạo tài khoản mẫu %'
    having count(*) > 0`.execute(db);
}
