/**
 * When a unit ends by merger or split, what hung on it passes to its
 * successors: its active people move to the primary successor, and active
 * role grants on it are re-issued on every successor (the grantee had
 * authority over the whole of the old unit, which now lives on in them).
 */
import type { Transaction } from 'kysely';
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
  const grants = await trx
    .selectFrom('role_grant')
    .select(['id', 'user_id', 'role'])
    .where('unit_id', '=', fromUnitId)
    .where('revoked_at', 'is', null)
    .execute();
  for (const grant of grants) {
    for (const successor of successorIds) {
      const exists = await trx
        .selectFrom('role_grant')
        .select('id')
        .where('user_id', '=', grant.user_id)
        .where('role', '=', grant.role)
        .where('unit_id', '=', successor)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (!exists) {
        await trx
          .insertInto('role_grant')
          .values({ user_id: grant.user_id, role: grant.role, unit_id: successor, granted_by: ctx.actor?.userId ?? null })
          .execute();
      }
    }
  }
  if (grants.length > 0) {
    await trx
      .updateTable('role_grant')
      .set({ revoked_at: new Date(), revoked_by: ctx.actor?.userId ?? null })
      .where('id', 'in', grants.map((g) => g.id))
      .execute();
  }
  return { people: Number(people.numUpdatedRows), grants: grants.length };
}
