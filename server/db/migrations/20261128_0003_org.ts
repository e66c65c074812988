import { sql, type Kysely } from 'kysely';

/**
 * The organisation tree with history. An org_unit is an identity; what it was
 * called, where it sat and what it was are effective-dated rows in
 * org_unit_version ([valid_from, valid_to), valid_to null = still valid).
 * Each version carries its materialised ltree path of unit ids, so "the
 * subtree of X as of D" is one indexed query. Every change is an org_event
 * with its effective date and deciding document.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table unit_type (
      id serial primary key,
      code text not null unique,
      name text not null,
      is_party boolean not null default false,
      sort_order int not null default 0,
      active boolean not null default true
    )`.execute(db);

  await sql`
    create table org_level (
      id serial primary key,
      code text not null unique,
      name text not null,
      rank int not null,
      active boolean not null default true
    )`.execute(db);

  await sql`
    create table org_unit (
      id serial primary key,
      code text unique,
      created_on date not null,
      ended_on date,
      end_reason text check (end_reason in ('dissolved', 'merged', 'split')),
      current_path ltree not null,
      revision int not null default 1,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index org_unit_current_path_idx on org_unit using gist (current_path)`.execute(db);

  await sql`
    create table org_event (
      id serial primary key,
      kind text not null check (kind in ('create', 'rename', 'update', 'move', 'merge', 'split', 'dissolve')),
      effective_date date not null,
      document_id int,
      note text,
      created_by int references app_user(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index org_event_date_idx on org_event (effective_date)`.execute(db);

  await sql`
    create table org_event_unit (
      event_id int not null references org_event(id),
      unit_id int not null references org_unit(id),
      role text not null check (role in ('subject', 'source', 'target', 'old_parent', 'new_parent')),
      primary key (event_id, unit_id, role)
    )`.execute(db);
  await sql`create index org_event_unit_unit_idx on org_event_unit (unit_id)`.execute(db);

  await sql`
    create table org_unit_version (
      id serial primary key,
      unit_id int not null references org_unit(id),
      valid_from date not null,
      valid_to date,
      name text not null,
      short_name text,
      type_id int not null references unit_type(id),
      level_id int not null references org_level(id),
      parent_id int references org_unit(id),
      path ltree not null,
      sort_key text not null,
      search_text text not null,
      event_id int not null references org_event(id),
      check (valid_to is null or valid_to > valid_from)
    )`.execute(db);
  await sql`create unique index org_unit_version_open_key on org_unit_version (unit_id) where valid_to is null`.execute(
    db,
  );
  await sql`create index org_unit_version_unit_idx on org_unit_version (unit_id, valid_from)`.execute(db);
  await sql`create index org_unit_version_parent_idx on org_unit_version (parent_id, valid_from)`.execute(db);
  await sql`create index org_unit_version_path_idx on org_unit_version using gist (path)`.execute(db);
  await sql`create index org_unit_version_search_idx on org_unit_version using gin (search_text gin_trgm_ops)`.execute(
    db,
  );

  await sql`
    create table org_unit_successor (
      predecessor_id int not null references org_unit(id),
      successor_id int not null references org_unit(id),
      event_id int not null references org_event(id),
      primary key (predecessor_id, successor_id, event_id)
    )`.execute(db);
  await sql`create index org_unit_successor_successor_idx on org_unit_successor (successor_id)`.execute(db);

  await sql`
    create table role_grant (
      id serial primary key,
      user_id int not null references app_user(id),
      role text not null check (role in ('admin', 'operator', 'reporter', 'monitor', 'viewer')),
      unit_id int not null references org_unit(id),
      granted_by int references app_user(id),
      granted_at timestamptz not null default now(),
      revoked_at timestamptz,
      revoked_by int references app_user(id)
    )`.execute(db);
  await sql`create index role_grant_user_idx on role_grant (user_id) where revoked_at is null`.execute(db);
  await sql`create index role_grant_unit_idx on role_grant (unit_id) where revoked_at is null`.execute(db);
  await sql`create unique index role_grant_active_key on role_grant (user_id, role, unit_id) where revoked_at is null`.execute(
    db,
  );
}
