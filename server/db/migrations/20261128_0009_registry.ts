import { sql, type Kysely } from 'kysely';

/**
 * The registry of collective models (mô hình) and individual exemplars
 * (điển hình tiên tiến). Every change is a dated registry_event. Time on the
 * list is kept as spans (registry_span: on the list at one level over
 * [valid_from, valid_to), with how the span began and ended), maintained by
 * the commands, so the movement ledger (start + added ± moved − removed −
 * transferred − replaced = end) is set-based SQL over spans.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table registry_entry (
      id serial primary key,
      kind text not null check (kind in ('model', 'exemplar')),
      name text not null,
      content text,
      goals text,
      commitments text,
      owner_unit_id int not null references org_unit(id),
      person_id int references person(id),
      position text,
      party_unit_id int references org_unit(id),
      field_id int not null references model_field(id),
      criteria_set_id int not null references criteria_set(id),
      plan_id int references plan(id),
      level_id int not null references org_level(id),
      responsible_unit_id int references org_unit(id),
      started_on date,
      status text not null default 'draft' check (status in ('draft', 'submitted', 'returned', 'active', 'removed', 'transferred', 'replaced')),
      return_reason text,
      replicates_id int references registry_entry(id),
      replaced_by_id int references registry_entry(id),
      search_text text not null,
      sort_key text not null,
      revision int not null default 1,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (kind = 'model' or person_id is not null)
    )`.execute(db);
  await sql`create index registry_entry_owner_idx on registry_entry (owner_unit_id)`.execute(db);
  await sql`create index registry_entry_status_idx on registry_entry (status, level_id)`.execute(db);
  await sql`create index registry_entry_field_idx on registry_entry (field_id)`.execute(db);
  await sql`create index registry_entry_plan_idx on registry_entry (plan_id)`.execute(db);
  await sql`create index registry_entry_person_idx on registry_entry (person_id)`.execute(db);
  await sql`create index registry_entry_replicates_idx on registry_entry (replicates_id)`.execute(db);
  await sql`create index registry_entry_sort_idx on registry_entry (sort_key collate "C", id)`.execute(db);
  await sql`create index registry_entry_search_idx on registry_entry using gin (search_text gin_trgm_ops)`.execute(db);

  await sql`
    create table registry_event (
      id serial primary key,
      entry_id int not null references registry_entry(id),
      kind text not null check (kind in (
        'registered', 'submitted', 'returned', 'accepted', 'level_changed', 'renamed', 'content_adjusted',
        'removed', 'replaced', 'replacement_for', 'transferred_out', 'reinstated', 'replication_recorded',
        'launched', 'commitment_signed', 'monitor_assigned', 'monitor_unassigned', 'imported')),
      effective_date date not null,
      reason text,
      document_id int references document(id),
      from_level_id int references org_level(id),
      to_level_id int references org_level(id),
      related_entry_id int references registry_entry(id),
      data jsonb,
      created_by int references app_user(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index registry_event_entry_idx on registry_event (entry_id, effective_date, id)`.execute(db);

  await sql`
    create table registry_event_file (
      event_id int not null references registry_event(id),
      file_id int not null references stored_file(id),
      primary key (event_id, file_id)
    )`.execute(db);

  await sql`
    create table registry_span (
      id serial primary key,
      entry_id int not null references registry_entry(id),
      level_id int not null references org_level(id),
      valid_from date not null,
      valid_to date,
      began text not null check (began in ('accepted', 'reinstated', 'level_in', 'imported')),
      ended text check (ended in ('removed', 'transferred', 'replaced', 'level_out')),
      check (valid_to is null or valid_to >= valid_from),
      check ((valid_to is null) = (ended is null))
    )`.execute(db);
  await sql`create unique index registry_span_open_key on registry_span (entry_id) where valid_to is null`.execute(db);
  await sql`create index registry_span_level_idx on registry_span (level_id, valid_from)`.execute(db);
  await sql`create index registry_span_entry_idx on registry_span (entry_id, valid_from)`.execute(db);

  await sql`
    create table registry_monitor (
      id serial primary key,
      entry_id int not null references registry_entry(id),
      user_id int not null references app_user(id),
      assigned_on date not null,
      unassigned_on date,
      note text,
      created_by int references app_user(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index registry_monitor_active_key on registry_monitor (entry_id, user_id) where unassigned_on is null`.execute(
    db,
  );
  await sql`create index registry_monitor_user_idx on registry_monitor (user_id) where unassigned_on is null`.execute(
    db,
  );

  await sql`
    create table registry_import (
      id serial primary key,
      owner_unit_id int not null references org_unit(id),
      file_id int not null references stored_file(id),
      kind text not null check (kind in ('model', 'exemplar')),
      status text not null check (status in ('previewed', 'committed')),
      row_count int not null,
      created_count int not null default 0,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      committed_at timestamptz
    )`.execute(db);
}
