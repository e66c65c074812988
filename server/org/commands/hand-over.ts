/**
 * When a unit ends by merger or split, what hung on it passes to its
 * successors: its active people move to the primary successor, and active
 * role grants on it are re-issued on every successor (the grantee had
 * authority over the whole of the old unit, which now lives on in them).
 */
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { RequestContext } from '../../lib/context.ts';

export async function endUnit(
  trx: Transaction<DB>,
  unitId: number,
  date: string,
  reason: 'dissolved' | 'merged' | 'split',
): Promise<void> {
  await trx
    .updateTable('org_unit')
    .set((eb) => ({ ended_on: date, end_reason: reason, revision: eb('revision', '+', 1) }))
    .where('id', '=', unitId)
    .execute();
}

export async function handOver(
  trx: Transaction<DB>,
  ctx: RequestContext,
  fromUnitId: number,
  successorIds: number[],
  eventId: number,
): Promise<{ people: number; grants: number }> {
  const primary = successorIds[0]!;
  await trx
    .insertInto('org_unit_successor')
    .values(successorIds.map((successor_id) => ({ predecessor_id: fromUnitId, successor_id, event_id: eventId })))
    .execute();
  const people = await trx
    .updateTable('person')
    .set((eb) => ({ unit_id: primary, revision: eb('revision', '+', 1), updated_at: new Date() }))
    .where('unit_id', '=', fromUnitId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  // Re-issue each active grant on every successor (unless already held), then revoke the old ones.
  const actorId = ctx.actor?.userId ?? null;
  await sql`
    insert into role_grant (user_id, role, unit_id, granted_by)
    select distinct g.user_id, g.role, s.successor_id, ${actorId}::int
    from role_grant g cross join unnest(${sql.raw(`array[${successorIds.map(Number).join(',')}]::int[]`)}) as s(successor_id)
    where g.unit_id = ${fromUnitId} and g.revoked_at is null
      and not exists (select 1 from role_grant h where h.user_id = g.user_id and h.role = g.role and h.unit_id = s.successor_id and h.revoked_at is null)
  `.execute(trx);
  const revoked = await trx
    .updateTable('role_grant')
    .set({ revoked_at: new Date(), revoked_by: actorId })
    .where('unit_id', '=', fromUnitId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return { people: Number(people.numUpdatedRows), grants: Number(revoked.numUpdatedRows) };
}
