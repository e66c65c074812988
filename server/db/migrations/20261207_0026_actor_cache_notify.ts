import { sql, type Kysely } from 'kysely';

/**
 * Every node caches the actor (session, user, grants, archive grants) per session for a few seconds
 * (server/accounts/actor-cache.ts). What would make a cached actor wrong announces itself on the channel
 * `dh_actor_cache`, from triggers, so that no write path — a route, a CLI command, another node, a restore —
 * can forget, and the notification is sent only if the transaction commits:
 *
 * - a session revoked or deleted, a user changed or deleted, a grant added, changed or removed: the
 *   user's id (that user's cached sessions are dropped);
 * - the organisation tree (units, their versions, successions): an empty payload (every cached actor is
 *   dropped: grants carry units' paths and names, archive grants follow successions). Statement-level, so
 *   restructuring a large subtree sends one notification, not one per row.
 *
 * A session's sliding renewal (last_seen_at, expires_at) does not notify: a cached entry holds the session's
 * end as it was, and is reloaded when that passes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function notify_actor_cache_user() returns trigger language plpgsql as $$
    begin
      -- tg_argv[0]: the column holding the user's id (id on app_user, user_id elsewhere).
      perform pg_notify('dh_actor_cache', to_jsonb(coalesce(new, old)) ->> tg_argv[0]);
      return null;
    end $$`.execute(db);
  await sql`
    create function notify_actor_cache_all() returns trigger language plpgsql as $$
    begin
      perform pg_notify('dh_actor_cache', '');
      return null;
    end $$`.execute(db);
  await sql`create trigger app_user_actor_cache after update or delete on app_user
    for each row execute function notify_actor_cache_user('id')`.execute(db);
  await sql`create trigger role_grant_actor_cache after insert or update or delete on role_grant
    for each row execute function notify_actor_cache_user('user_id')`.execute(db);
  await sql`create trigger user_session_actor_cache after update of revoked_at, user_id or delete on user_session
    for each row execute function notify_actor_cache_user('user_id')`.execute(db);
  for (const table of ['org_unit', 'org_unit_version', 'org_unit_successor']) {
    await sql`create trigger ${sql.raw(`${table}_actor_cache`)} after insert or update or delete on ${sql.table(table)}
      for each statement execute function notify_actor_cache_all()`.execute(db);
  }
}
