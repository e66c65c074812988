/** Kết thúc kế hoạch — a plan is closed; it stays readable, with its phases and targets, and no longer changes. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalidState } from '../../lib/errors.ts';
import type { PlanView } from '../queries.ts';
import { lockPlan, snapshot } from './plan-rules.ts';

/** `plan` was loaded and checked for plans.write by the caller. */
export async function closePlan(
  db: Kysely<DB>,
  ctx: RequestContext,
  plan: PlanView,
  input: { revision: number },
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const row = await lockPlan(trx, plan.id, input.revision);
    if (row.status === 'closed') throw invalidState(`Kế hoạch "${row.title}" đã kết thúc.`);
    const before = await snapshot(trx, plan.id);
    await trx
      .updateTable('plan')
      .set((eb) => ({ status: 'closed', revision: eb('revision', '+', 1), updated_at: new Date() }))
      .where('id', '=', plan.id)
      .execute();
    await audit({
      action: 'plan.updated',
      entityType: 'plan',
      entityId: plan.id,
      unitId: row.owner_unit_id,
      summary: `Kết thúc kế hoạch "${row.title}"`,
      before,
      after: await snapshot(trx, plan.id),
    });
  });
}
