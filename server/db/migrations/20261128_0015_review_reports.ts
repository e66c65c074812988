import { sql, type Kysely } from 'kysely';

/**
 * Review reports (báo cáo sơ kết, tổng kết, 6 tháng, năm) are records: the
 * computed figures are stored as a snapshot (as of snapshot_on), with the
 * operator's texts, hand-typed overrides, the warnings and who acknowledged
 * them, the number, the signer and the recipients.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table review_report (
      id serial primary key,
      owner_unit_id int not null references org_unit(id),
      kind text not null check (kind in ('so_ket', 'tong_ket', 'six_month', 'annual')),
      title text not null,
      number text not null default '',
      place text not null default '',
      report_date date,
      period_from date not null,
      period_to date not null,
      snapshot_on date not null,
      plan_id int references plan(id),
      figures jsonb not null,
      texts jsonb not null default '{}'::jsonb,
      overrides jsonb not null default '{}'::jsonb,
      warnings jsonb not null default '[]'::jsonb,
      warnings_acknowledged_by int references app_user(id),
      warnings_acknowledged_at timestamptz,
      signer_authority text,
      signer_title text not null default '',
      signer_name text not null default '',
      recipients jsonb not null default '[]'::jsonb,
      layout jsonb not null default '{}'::jsonb,
      status text not null default 'draft' check (status in ('draft', 'final')),
      revision int not null default 1,
      created_by int references app_user(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (period_to >= period_from)
    )`.execute(db);
  await sql`create index review_report_unit_idx on review_report (owner_unit_id, kind, created_at)`.execute(db);
}
