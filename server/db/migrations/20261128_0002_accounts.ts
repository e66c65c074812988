import { sql, type Kysely } from 'kysely';

/** Local accounts, server-side sessions and API tokens. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app_user (
      id serial primary key,
      username text not null,
      full_name text not null,
      email text,
      password_hash text not null,
      status text not null default 'active' check (status in ('active', 'disabled')),
      must_change_password boolean not null default false,
      failed_logins int not null default 0,
      locked_until timestamptz,
      password_changed_at timestamptz not null default now(),
      last_login_at timestamptz,
      revision int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index app_user_username_key on app_user (lower(username))`.execute(db);

  await sql`
    create table user_session (
      id text primary key,
      user_id int not null references app_user(id),
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index user_session_user_idx on user_session (user_id) where revoked_at is null`.execute(db);

  await sql`
    create table api_token (
      id serial primary key,
      user_id int not null references app_user(id),
      name text not null,
      token_hash text not null unique,
      prefix text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz,
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`create index api_token_user_idx on api_token (user_id)`.execute(db);
}
