/** Tạo kế hoạch — a plan of a unit, citing its document, with phases and targets. */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { TPhaseInput, TTargetInput } from '../../../common/schemas/plans.ts';
import { normalizeSpaces } from '../../../common/vn-text.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { requireActor, type RequestContext } from '../../lib/context.ts';
import { invalid } from '../../lib/errors.ts';
import type { UnitRef } from '../../org/unit-access.ts';
import {
  assertDocumentLinkable,
  assertSetsValid,
  planSearchText,
  replacePhases,
  replaceTargets,
  snapshot,
} from './plan-rules.ts';

export interface CreatePlanInput {
  title: string;
  documentId: number | null;
  startsOn: string;
  endsOn: string;
  note: string | null;
  phases: TPhaseInput[];
  targets: TTargetInput[];
}

/** `owner` must already be checked for plans.write by the caller. */
export async function createPlan(
  db: Kysely<DB>,
  ctx: RequestContext,
  owner: UnitRef,
  input: CreatePlanInput,
): Promise<number> {
  const actor = requireActor(ctx);
  if (owner.endedOn) {
    throw invalid(
      'ownerUnitId',
      `Đơn vị "${owner.name}" đã kết thúc hoạt động từ ${formatDateVi(owner.endedOn)}; không tạo kế hoạch mới cho đơn vị này.`,
    );
  }
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const symbol = input.documentId === null ? null : await assertDocumentLinkable(trx, actor, input.documentId);
    await assertSetsValid(trx, owner, input, { phases: input.phases, targets: input.targets });
    const title = normalizeSpaces(input.title);
    const plan = await trx
      .insertInto('plan')
      .values({
        owner_unit_id: owner.id,
        title,
        document_id: input.documentId,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        note: input.note,
        search_text: planSearchText({ title, note: input.note }, symbol),
        created_by: actor.userId,
      })
      .returning(['id', 'title'])
      .executeTakeFirstOrThrow();
    await replacePhases(trx, plan.id, input.phases);
    await replaceTargets(trx, plan.id, input.targets);
    await audit({
      action: 'plan.created',
      entityType: 'plan',
      entityId: plan.id,
      unitId: owner.id,
      summary: `Tạo kế hoạch "${plan.title}"${symbol ? ` (${symbol})` : ''} của "${owner.name}", ${formatDateVi(input.startsOn)} – ${formatDateVi(input.endsOn)}`,
      after: await snapshot(trx, plan.id),
    });
    return plan.id;
  });
}
