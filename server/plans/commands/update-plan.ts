/**
 * Sửa kế hoạch — title, source document, dates, note; the phases and targets,
 * when sent, replace the whole set. Phases are checked against the dates the
 * plan will have after the change.
 */
import type { Kysely } from 'kysely';
import type { TPhaseInput, TTargetInput } from '../../../common/schemas/plans.ts';
import { normalizeSpaces } from '../../../common/vn-text.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { requireActor, type RequestContext } from '../../lib/context.ts';
import { invalid, invalidState } from '../../lib/errors.ts';
import type { PlanView } from '../queries.ts';
import {
  assertDocumentLinkable,
  assertSetsValid,
  lockPlan,
  planSearchText,
  replacePhases,
  replaceTargets,
  snapshot,
} from './plan-rules.ts';

export interface UpdatePlanInput {
  title?: string;
  documentId?: number | null;
  startsOn?: string;
  endsOn?: string;
  note?: string | null;
  phases?: TPhaseInput[];
  targets?: TTargetInput[];
  revision: number;
}

const LABELS: Record<string, string> = {
  title: 'tên',
  documentId: 'văn bản căn cứ',
  startsOn: 'ngày bắt đầu',
  endsOn: 'ngày kết thúc',
  note: 'ghi chú',
  phases: 'giai đoạn, mốc sơ kết',
  targets: 'chỉ tiêu',
};

/** Thrown inside the transaction when the request changes nothing: it rolls back. */
class NothingChanged extends Error {}

/** `plan` was loaded and checked for plans.write by the caller. */
export async function updatePlan(
  db: Kysely<DB>,
  ctx: RequestContext,
  plan: PlanView,
  input: UpdatePlanInput,
): Promise<void> {
  const actor = requireActor(ctx);
  if (plan.status === 'closed') throw invalidState(`Kế hoạch "${plan.title}" đã kết thúc; không sửa được nữa.`);
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const row = await lockPlan(trx, plan.id, input.revision);
    const before = await snapshot(trx, plan.id);
    const next = {
      title: input.title === undefined ? row.title : normalizeSpaces(input.title),
      document_id: input.documentId === undefined ? row.document_id : input.documentId,
      starts_on: input.startsOn ?? row.starts_on,
      ends_on: input.endsOn ?? row.ends_on,
      note: input.note === undefined ? row.note : input.note,
    };
    let symbol = plan.document_symbol;
    if (next.document_id !== row.document_id)
      symbol = next.document_id === null ? null : await assertDocumentLinkable(trx, actor, next.document_id);
    const currentPhases = await trx
      .selectFrom('plan_phase')
      .select(['id', 'name', 'kind', 'starts_on', 'ends_on', 'review_on'])
      .where('plan_id', '=', plan.id)
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
    const currentTargets = await trx
      .selectFrom('plan_target')
      .select(['id', 'field_id'])
      .where('plan_id', '=', plan.id)
      .execute();
    // Phases not sent stay as they are, but must still fit the (possibly new) dates.
    const phases =
      input.phases ??
      currentPhases.map((p) => ({
        id: p.id,
        name: p.name,
        kind: p.kind,
        startsOn: p.starts_on,
        endsOn: p.ends_on,
        reviewOn: p.review_on,
      }));
    const dates = { startsOn: next.starts_on, endsOn: next.ends_on };
    if (dates.endsOn < dates.startsOn) {
      throw invalid(
        input.endsOn !== undefined ? 'endsOn' : 'startsOn',
        'Ngày kết thúc kế hoạch phải không sớm hơn ngày bắt đầu.',
      );
    }
    await assertSetsValid(
      trx,
      { id: plan.owner_unit_id, name: plan.owner_unit_name },
      dates,
      { phases, targets: input.targets },
      {
        phaseIds: currentPhases.map((p) => p.id),
        targetIds: currentTargets.map((t) => t.id),
        targetFieldIds: currentTargets.map((t) => t.field_id).filter((id): id is number => id !== null),
      },
    );
    await trx
      .updateTable('plan')
      .set({ ...next, search_text: planSearchText(next, symbol) })
      .where('id', '=', plan.id)
      .execute();
    if (input.phases) await replacePhases(trx, plan.id, input.phases);
    if (input.targets) await replaceTargets(trx, plan.id, input.targets);
    const after = await snapshot(trx, plan.id);
    const changed = (Object.keys(LABELS) as Array<keyof typeof before>).filter(
      (k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]),
    );
    if (changed.length === 0) throw new NothingChanged();
    const updated = await trx
      .updateTable('plan')
      .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: new Date() }))
      .where('id', '=', plan.id)
      .returning(['title', 'owner_unit_id'])
      .executeTakeFirstOrThrow();
    await audit({
      action: 'plan.updated',
      entityType: 'plan',
      entityId: plan.id,
      unitId: updated.owner_unit_id,
      summary: `Sửa kế hoạch "${updated.title}" (${changed.map((k) => LABELS[k]).join(', ')})`,
      before,
      after,
    });
  }).catch((error: unknown) => {
    if (!(error instanceof NothingChanged)) throw error;
  });
}
