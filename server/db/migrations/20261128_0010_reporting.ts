import { sql, type Kysely } from 'kysely';

/**
 * Periodic reports (báo cáo định kỳ 6 tháng, năm) of every model and exemplar
 * against the criteria of the version it was registered under.
 *
 * - report_period: a reporting period of a plan (half-year or year) with its
 *   due date and an optional grace window (submissions accepted until
 *   grace_until; late after due_on).
 * - report_period_override: an operator's exception for one unit and its
 *   subtree — reopen until a date, or close now. The override on the nearest
 *   unit (deepest path) wins; the latest one on that unit wins.
 * - period_report: one report of one entry for one period; values per
 *   criterion in period_report_value (judged "met" by criterion-rules when
 *   saved), evidence in period_report_file, every transition in
 *   period_report_event.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table report_period (
      id serial primary key,
      plan_id int not null references plan(id),
      phase_id int references plan_phase(id),
      kind text not null check (kind in ('half_year', 'year')),
      name text not null,
      starts_on date not null,
      ends_on date not null,
      due_on date not null,
      grace_until date,
      remind_days_before int not null default 7 check (remind_days_before between 0 and 60),
      revision int not null default 1,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on),
      check (due_on >= starts_on),
      check (grace_until is null or grace_until >= due_on),
      unique (plan_id, kind, starts_on)
    )`.execute(db);
  await sql`create index report_period_due_idx on report_period (due_on)`.execute(db);

  await sql`
    create table report_period_override (
      id serial primary key,
      period_id int not null references report_period(id),
      unit_id int not null references org_unit(id),
      state text not null check (state in ('open', 'closed')),
      open_until date,
      reason text not null,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      check ((state = 'open') = (open_until is not null))
    )`.execute(db);
  await sql`create index report_period_override_idx on report_period_override (period_id, unit_id, id)`.execute(db);

  await sql`
    create table period_report (
      id serial primary key,
      entry_id int not null references registry_entry(id),
      period_id int not null references report_period(id),
      criteria_set_id int not null references criteria_set(id),
      status text not null default 'draft' check (status in ('draft', 'submitted', 'returned', 'accepted')),
      changed_after_acceptance boolean not null default false,
      results text,
      difficulties text,
      proposals text,
      return_reason text,
      return_notes jsonb,
      submitted_at timestamptz,
      submitted_by int references app_user(id),
      accepted_at timestamptz,
      accepted_by int references app_user(id),
      revision int not null default 1,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      updated_by int references app_user(id),
      updated_at timestamptz not null default now(),
      unique (entry_id, period_id)
    )`.execute(db);
  await sql`create index period_report_period_idx on period_report (period_id, status)`.execute(db);

  await sql`
    create table period_report_value (
      report_id int not null references period_report(id),
      criterion_id int not null references criterion(id),
      value jsonb,
      comment text,
      met boolean,
      primary key (report_id, criterion_id)
    )`.execute(db);

  await sql`
    create table period_report_file (
      report_id int not null references period_report(id),
      file_id int not null references stored_file(id),
      caption text,
      primary key (report_id, file_id)
    )`.execute(db);

  await sql`
    create table period_report_event (
      id serial primary key,
      report_id int not null references period_report(id),
      kind text not null check (kind in ('created', 'submitted', 'resubmitted', 'returned', 'accepted', 'changed', 'reaccepted')),
      reason text,
      data jsonb,
      created_by int references app_user(id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index period_report_event_report_idx on period_report_event (report_id, id)`.execute(db);
}
