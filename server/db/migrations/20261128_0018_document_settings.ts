import { sql, type Kysely } from 'kysely';

/**
 * Layout parameters are settings (thể thức văn bản): a unit's layout override
 * and place name, inherited by the units under it; and a review report signed
 * and issued (ký ban hành) records who signed, when, and the document it was
 * registered as.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table unit_document_settings (
      unit_id int primary key references org_unit(id),
      layout jsonb not null default '{}'::jsonb,
      place text,
      revision int not null default 1,
      updated_by int references app_user(id),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    alter table review_report
      add column signed_by int references app_user(id),
      add column signed_at timestamptz,
      add column document_id int references document(id)`.execute(db);
}
