import { sql, type Kysely } from 'kysely';

/** People: cán bộ, đảng viên, người lao động — the future subjects of individual exemplars. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table person (
      id serial primary key,
      full_name text not null,
      family_name text not null,
      middle_name text not null default '',
      given_name text not null,
      sort_key text not null,
      search_text text not null,
      gender text check (gender in ('male', 'female')),
      birth_year int check (birth_year between 1900 and 2100),
      position text,
      unit_id int not null references org_unit(id),
      party_member boolean not null default false,
      status text not null default 'active' check (status in ('active', 'left')),
      left_on date,
      left_reason text,
      revision int not null default 1,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index person_unit_idx on person (unit_id)`.execute(db);
  await sql`create index person_sort_idx on person (sort_key collate "C", id)`.execute(db);
  await sql`create index person_search_idx on person using gin (search_text gin_trgm_ops)`.execute(db);
}
