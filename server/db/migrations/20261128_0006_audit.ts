import { sql, type Kysely } from 'kysely';

/** The audit log: who, when, what, before and after; written in the same transaction as the change. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_event (
      id bigserial primary key,
      occurred_at timestamptz not null default now(),
      actor_user_id int references app_user(id),
      actor_name text not null,
      via text not null check (via in ('session', 'token', 'system')),
      action text not null,
      entity_type text not null,
      entity_id text,
      unit_id int references org_unit(id),
      summary text not null,
      before jsonb,
      after jsonb,
      request_id text,
      ip text
    )`.execute(db);
  await sql`create index audit_event_time_idx on audit_event (occurred_at desc, id desc)`.execute(db);
  await sql`create index audit_event_entity_idx on audit_event (entity_type, entity_id)`.execute(db);
  await sql`create index audit_event_actor_idx on audit_event (actor_user_id, occurred_at desc)`.execute(db);
  await sql`create index audit_event_unit_idx on audit_event (unit_id, occurred_at desc)`.execute(db);
  await sql`create index audit_event_action_idx on audit_event (action, occurred_at desc)`.execute(db);
}
