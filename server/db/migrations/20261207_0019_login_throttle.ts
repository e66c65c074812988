import { sql, type Kysely } from 'kysely';

/**
 * Sign-in throttling keyed by the sign-in name as typed (normalised), whether an account has it or not,
 * so the answers never tell which names exist. Kept in the database so the limits hold across nodes and
 * restarts. (The old per-account lockout columns app_user.failed_logins / locked_until are no longer used.)
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Failed sign-ins for one name from one address: the back-off that address must wait before the next try.
  await sql`
    create table login_throttle (
      name_key text not null,
      ip text not null,
      failures int not null,
      last_failure_at timestamptz not null,
      retry_at timestamptz,
      primary key (name_key, ip)
    )`.execute(db);
  await sql`create index login_throttle_last_failure_idx on login_throttle (last_failure_at)`.execute(db);

  // Failed sign-ins for one name from every address in a window: past the ceiling the name is locked for everyone.
  await sql`
    create table login_name_lock (
      name_key text primary key,
      window_started_at timestamptz not null,
      failures int not null,
      locked_until timestamptz,
      lockouts int not null default 0
    )`.execute(db);
  await sql`create index login_name_lock_window_idx on login_name_lock (window_started_at)`.execute(db);
}
