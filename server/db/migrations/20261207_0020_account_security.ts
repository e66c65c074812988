import { sql, type Kysely } from 'kysely';

/**
 * Account security (issue 13, items 9, 10, 12):
 * - password_history: the hashes a user's password replaced, for "no reuse of the last 5";
 * - the auditor role (kiểm tra viên, reads the audit log) joins role_grant's allowed roles;
 * - every API token expires: tokens made without a lifetime get one now. 90 days from the
 *   upgrade (the default lifetime, API_TOKEN_DAYS), not from their creation, so an integration
 *   is not cut off the day the new version starts; then expires_at becomes mandatory.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table password_history (
      id serial primary key,
      user_id int not null references app_user(id),
      password_hash text not null,
      replaced_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index password_history_user_idx on password_history (user_id, id)`.execute(db);

  // The check constraint was created inline (unnamed): find it by what it checks, on PGlite and PostgreSQL alike.
  const checks = await sql<{ conname: string }>`
    select conname from pg_constraint
    where conrelid = 'role_grant'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%role%'`.execute(db);
  for (const { conname } of checks.rows) {
    await sql`alter table role_grant drop constraint ${sql.id(conname)}`.execute(db);
  }
  await sql`
    alter table role_grant add constraint role_grant_role_check
      check (role in ('admin', 'operator', 'reporter', 'monitor', 'viewer', 'auditor'))`.execute(db);

  await sql`update api_token set expires_at = now() + interval '90 days' where expires_at is null`.execute(db);
  await sql`alter table api_token alter column expires_at set not null`.execute(db);
}
