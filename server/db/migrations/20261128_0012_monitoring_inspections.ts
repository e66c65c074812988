import { sql, type Kysely } from 'kysely';

/**
 * Monitoring (đôn đốc, theo dõi): dated notes and visits by the people
 * assigned to a model or exemplar. Inspections (kiểm tra, giám sát) by a
 * unit: a team, dates, the entries covered, findings per entry and
 * criterion, conclusions, recommendations, and follow-ups tracked to closure.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table monitor_note (
      id serial primary key,
      entry_id int not null references registry_entry(id),
      kind text not null check (kind in ('note', 'visit', 'urge')),
      occurred_on date not null,
      content text not null,
      created_by int references app_user(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index monitor_note_entry_idx on monitor_note (entry_id, occurred_on)`.execute(db);

  await sql`
    create table monitor_note_file (
      note_id int not null references monitor_note(id),
      file_id int not null references stored_file(id),
      primary key (note_id, file_id)
    )`.execute(db);

  await sql`
    create table inspection (
      id serial primary key,
      owner_unit_id int not null references org_unit(id),
      kind text not null check (kind in ('inspection', 'supervision')),
      title text not null,
      document_id int references document(id),
      starts_on date not null,
      ends_on date,
      status text not null default 'planned' check (status in ('planned', 'in_progress', 'concluded')),
      conclusions text,
      recommendations text,
      concluded_on date,
      search_text text not null,
      revision int not null default 1,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on is null or ends_on >= starts_on)
    )`.execute(db);
  await sql`create index inspection_owner_idx on inspection (owner_unit_id, starts_on desc)`.execute(db);

  await sql`
    create table inspection_member (
      id serial primary key,
      inspection_id int not null references inspection(id),
      full_name text not null,
      position text,
      role text not null check (role in ('lead', 'deputy', 'member', 'secretary')),
      person_id int references person(id),
      sort_order int not null default 0
    )`.execute(db);
  await sql`create index inspection_member_idx on inspection_member (inspection_id)`.execute(db);

  await sql`
    create table inspection_subject (
      inspection_id int not null references inspection(id),
      entry_id int not null references registry_entry(id),
      primary key (inspection_id, entry_id)
    )`.execute(db);
  await sql`create index inspection_subject_entry_idx on inspection_subject (entry_id)`.execute(db);

  await sql`
    create table inspection_finding (
      id serial primary key,
      inspection_id int not null references inspection(id),
      entry_id int not null references registry_entry(id),
      criterion_id int references criterion(id),
      assessment text not null check (assessment in ('met', 'partly_met', 'not_met', 'not_assessed')),
      note text,
      created_by int references app_user(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index inspection_finding_key on inspection_finding (inspection_id, entry_id, coalesce(criterion_id, 0))`.execute(
    db,
  );

  await sql`
    create table inspection_followup (
      id serial primary key,
      inspection_id int not null references inspection(id),
      entry_id int references registry_entry(id),
      action text not null,
      responsible_unit_id int references org_unit(id),
      due_on date,
      status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
      closed_on date,
      closing_note text,
      revision int not null default 1,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      check ((status = 'open') = (closed_on is null))
    )`.execute(db);
  await sql`create index inspection_followup_idx on inspection_followup (inspection_id)`.execute(db);
  await sql`create index inspection_followup_open_idx on inspection_followup (entry_id) where status = 'open'`.execute(
    db,
  );
}
