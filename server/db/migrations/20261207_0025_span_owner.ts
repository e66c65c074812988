import { sql, type Kysely } from 'kysely';

/**
 * Dated ownership of a registry entry: who owned it is a property of each time on the list, so a merger or a
 * split can pass an entry to a successor from a day on (the span closes 'owner_out' with the old owner and a
 * new one opens 'owner_in' with the new owner) and every count "on the list in subtree S on day D" follows the
 * owner of that day. Until now an entry never changed owner, so every span's owner is the entry's owner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table registry_span add column owner_unit_id int references org_unit(id)`.execute(db);
  await sql`update registry_span s set owner_unit_id = e.owner_unit_id from registry_entry e where e.id = s.entry_id`.execute(
    db,
  );
  await sql`alter table registry_span alter column owner_unit_id set not null`.execute(db);
  await sql`create index registry_span_owner_idx on registry_span (owner_unit_id, valid_from)`.execute(db);

  await sql`alter table registry_span drop constraint registry_span_began_check`.execute(db);
  await sql`alter table registry_span add constraint registry_span_began_check
    check (began in ('accepted', 'reinstated', 'level_in', 'imported', 'owner_in'))`.execute(db);
  await sql`alter table registry_span drop constraint registry_span_ended_check`.execute(db);
  await sql`alter table registry_span add constraint registry_span_ended_check
    check (ended in ('removed', 'transferred', 'replaced', 'level_out', 'owner_out'))`.execute(db);

  await sql`alter table registry_event drop constraint registry_event_kind_check`.execute(db);
  await sql`alter table registry_event add constraint registry_event_kind_check check (kind in (
    'registered', 'submitted', 'returned', 'accepted', 'level_changed', 'renamed', 'content_adjusted',
    'removed', 'replaced', 'replacement_for', 'transferred_out', 'reinstated', 'replication_recorded',
    'launched', 'commitment_signed', 'monitor_assigned', 'monitor_unassigned', 'imported', 'owner_changed'))`.execute(
    db,
  );
}
