import { sql, type Kysely } from 'kysely';

/**
 * The per-account lockout (app_user.failed_logins, locked_until) let anyone keep an account locked and told
 * which usernames exist; sign-in is throttled per name and address instead (20261207_0019_login_throttle,
 * server/accounts/login-throttle.ts). The columns have had no reader or writer since: drop them, so nobody
 * reads a lock state that no longer means anything.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table app_user drop column failed_logins, drop column locked_until`.execute(db);
}
