import { sql, type Kysely } from 'kysely';

/**
 * Plans (kế hoạch, chương trình) with phases, review points and targets; the
 * catalogue of fields / model types (lĩnh vực, loại mô hình) and their
 * versioned criteria sets. A criteria set version is immutable once anything
 * is registered against it; changing criteria makes a new version.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table plan (
      id serial primary key,
      owner_unit_id int not null references org_unit(id),
      title text not null,
      document_id int references document(id),
      starts_on date not null,
      ends_on date not null,
      status text not null default 'active' check (status in ('active', 'closed')),
      note text,
      search_text text not null,
      revision int not null default 1,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    )`.execute(db);
  await sql`create index plan_owner_idx on plan (owner_unit_id, starts_on desc)`.execute(db);

  await sql`
    create table plan_phase (
      id serial primary key,
      plan_id int not null references plan(id),
      name text not null,
      kind text not null check (kind in ('year_review', 'midterm_review', 'final_review', 'period', 'other')),
      starts_on date not null,
      ends_on date not null,
      review_on date,
      sort_order int not null default 0,
      check (ends_on >= starts_on)
    )`.execute(db);
  await sql`create index plan_phase_plan_idx on plan_phase (plan_id, sort_order)`.execute(db);

  await sql`
    create table plan_target (
      id serial primary key,
      plan_id int not null references plan(id),
      subject text not null check (subject in ('model', 'exemplar', 'unit_plan_coverage', 'personal_plan_coverage', 'other')),
      level_id int references org_level(id),
      field_id int,
      target_value numeric not null check (target_value >= 0),
      measure text not null check (measure in ('count', 'percent')),
      description text,
      sort_order int not null default 0
    )`.execute(db);
  await sql`create index plan_target_plan_idx on plan_target (plan_id)`.execute(db);

  await sql`
    create table model_field (
      id serial primary key,
      owner_unit_id int references org_unit(id),
      code text not null,
      name text not null,
      applies_to text not null check (applies_to in ('model', 'exemplar', 'both')),
      description text,
      sort_order int not null default 0,
      active boolean not null default true,
      search_text text not null,
      revision int not null default 1,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create unique index model_field_code_key on model_field (coalesce(owner_unit_id, 0), code)`.execute(db);
  await sql`alter table plan_target add constraint plan_target_field_fk foreign key (field_id) references model_field(id)`.execute(
    db,
  );

  await sql`
    create table criteria_set (
      id serial primary key,
      field_id int not null references model_field(id),
      version int not null,
      effective_from date not null,
      note text,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      unique (field_id, version)
    )`.execute(db);

  await sql`
    create table criterion (
      id serial primary key,
      criteria_set_id int not null references criteria_set(id),
      code text not null,
      parent_code text,
      title text not null,
      measure text not null check (measure in ('boolean', 'number', 'percent', 'score', 'text')),
      rule text not null check (rule in ('yes', 'gte', 'lte', 'none')),
      target numeric,
      scale_max numeric,
      sort_order int not null default 0,
      unique (criteria_set_id, code)
    )`.execute(db);
}
