/**
 * Đánh giá, công nhận: record (or re-record) the evaluator's decision for an
 * entry and a period or phase. The decision is compared with the system's
 * proposal, computed again inside the transaction: where it differs (overall
 * or on a criterion — deciding where the system could not propose counts
 * too) it is an override and needs a reason. The proposal is stored with the
 * decision as a snapshot. Re-deciding needs the current revision.
 */
import type { Kysely, Transaction } from 'kysely';
import { formatDateVi, todayInVietnam } from '../../../common/dates.ts';
import type { TDecisionBody } from '../../../common/schemas/evaluation.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { forbidden, invalid, invalidState, staleRevision } from '../../lib/errors.ts';
import { assertDocumentUsable } from '../../registry/entry-record.ts';
import { canApproveAt, contextReach, type UnitPath } from '../../registry/policy.ts';
import { proposalsFor, type EntryProposal } from '../proposal-queries.ts';
import { isOnList, type ScopeRow } from '../queries.ts';
import type { ScopeKey } from '../scope-sql.ts';

const resultLabel = (met: boolean) => (met ? 'Đạt' : 'Không đạt');

export interface DecisionEntry {
  id: number;
  name: string;
  criteria_set_id: number;
  owner_unit_id: number;
}

export interface PlannedDecision {
  decidedMet: boolean;
  overridden: boolean;
  reason: string | null;
  criteria: Array<{ criterionId: number; proposed: boolean | null; decided: boolean | null; reason: string | null }>;
}

/** Compare the input with the proposal; throws 400 naming the field where an override lacks a reason. */
export function planDecision(
  proposal: EntryProposal,
  input: Pick<TDecisionBody, 'decidedMet' | 'criteria' | 'reason'>,
): PlannedDecision {
  const known = new Map(proposal.proposal.criteria.map((c) => [c.criterionId, c]));
  const titles = new Map(proposal.criteria.map((c) => [c.id, `${c.code}. ${c.title}`]));
  const given = new Map<number, { decidedMet: boolean | null; reason: string | null; index: number }>();
  input.criteria.forEach((c, index) => {
    if (!known.has(c.criterionId))
      throw invalid(
        `criteria.${index}.criterionId`,
        `Tiêu chí có mã số ${c.criterionId} không thuộc bộ tiêu chí của mô hình, điển hình này.`,
      );
    given.set(c.criterionId, { decidedMet: c.decidedMet, reason: c.reason, index });
  });
  const criteria: PlannedDecision['criteria'] = [];
  const criterionReasons: string[] = [];
  let criterionOverride = false;
  for (const p of proposal.proposal.criteria) {
    const g = given.get(p.criterionId);
    const decided = g ? g.decidedMet : p.proposed;
    const differs = decided !== p.proposed;
    if (differs) {
      criterionOverride = true;
      if (!g?.reason) {
        throw invalid(
          `criteria.${g?.index ?? 0}.reason`,
          `Tiêu chí "${titles.get(p.criterionId) ?? p.criterionId}" được đánh giá khác đề xuất của hệ thống: hãy ghi lý do.`,
        );
      }
      criterionReasons.push(`${titles.get(p.criterionId) ?? p.criterionId}: ${g.reason}`);
    }
    criteria.push({ criterionId: p.criterionId, proposed: p.proposed, decided, reason: g?.reason ?? null });
  }
  const overallDiffers = input.decidedMet !== proposal.proposal.met;
  if (overallDiffers && !input.reason) {
    throw invalid(
      'reason',
      proposal.proposal.met === null
        ? 'Hệ thống chưa đủ dữ liệu để đề xuất kết quả: hãy ghi lý do của kết quả đánh giá.'
        : `Kết quả "${resultLabel(input.decidedMet)}" khác đề xuất "${resultLabel(proposal.proposal.met)}" của hệ thống: hãy ghi lý do.`,
    );
  }
  const overridden = overallDiffers || criterionOverride;
  const reason = input.reason ?? (criterionOverride ? criterionReasons.join('; ') : null);
  return { decidedMet: input.decidedMet, overridden, reason, criteria };
}

export interface DecideOptions {
  entry: DecisionEntry;
  owner: UnitPath;
  scope: ScopeRow;
}

async function writeDecision(
  trx: Transaction<DB>,
  ctx: RequestContext,
  key: ScopeKey,
  entry: DecisionEntry,
  proposal: EntryProposal,
  plan: PlannedDecision,
  extra: { recognitionLevelId: number | null; documentId: number | null; decidedOn: string; revision: number | null },
) {
  const column = key.type === 'period' ? 'period_id' : 'phase_id';
  const existing = await trx
    .selectFrom('evaluation')
    .select(['id', 'revision', 'decided_met', 'overridden', 'reason'])
    .where('entry_id', '=', entry.id)
    .where(column, '=', key.id)
    .forUpdate()
    .executeTakeFirst();
  const stale = () => staleRevision(`Kết quả đánh giá "${entry.name}"`);
  if (existing ? extra.revision !== existing.revision : extra.revision !== null) throw stale();
  const values = {
    proposed_met: proposal.proposal.met,
    decided_met: plan.decidedMet,
    overridden: plan.overridden,
    reason: plan.reason,
    recognition_level_id: extra.recognitionLevelId,
    document_id: extra.documentId,
    decided_on: extra.decidedOn,
    decided_by: ctx.actor?.userId ?? null,
  };
  let id: number;
  if (existing) {
    await trx
      .updateTable('evaluation')
      .set((eb) => ({ ...values, revision: eb('revision', '+', 1), updated_at: new Date() }))
      .where('id', '=', existing.id)
      .execute();
    id = existing.id;
    await trx.deleteFrom('evaluation_criterion').where('evaluation_id', '=', id).execute();
  } else {
    const inserted = await trx
      .insertInto('evaluation')
      .values({
        entry_id: entry.id,
        period_id: key.type === 'period' ? key.id : null,
        phase_id: key.type === 'phase' ? key.id : null,
        ...values,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) throw stale(); // decided by someone else a moment ago
    id = inserted.id;
  }
  if (plan.criteria.length > 0) {
    await trx
      .insertInto('evaluation_criterion')
      .values(
        plan.criteria.map((c) => ({
          evaluation_id: id,
          criterion_id: c.criterionId,
          proposed_met: c.proposed,
          decided_met: c.decided,
          reason: c.reason,
        })),
      )
      .execute();
  }
  return { id, existing };
}

/** The caller loaded the entry for 'approve' (registry.approve at its level). */
export async function decide(
  db: Kysely<DB>,
  ctx: RequestContext,
  o: DecideOptions,
  input: TDecisionBody,
): Promise<number> {
  const key: ScopeKey =
    input.periodId !== null ? { type: 'period', id: input.periodId } : { type: 'phase', id: input.phaseId! };
  if (input.decidedOn > todayInVietnam()) throw invalid('decidedOn', 'Ngày đánh giá không được sau ngày hôm nay.');
  if (input.recognitionLevelId !== null) {
    if (!input.decidedMet)
      throw invalid('recognitionLevelId', 'Chỉ công nhận ở một cấp khi kết quả đánh giá là "Đạt".');
    const level = await db
      .selectFrom('org_level')
      .select(['name', 'rank'])
      .where('id', '=', input.recognitionLevelId)
      .executeTakeFirst();
    if (!level) throw invalid('recognitionLevelId', `Không tìm thấy cấp có mã số ${input.recognitionLevelId}.`);
    if (!canApproveAt(await contextReach(db, ctx), o.owner, level.rank)) {
      throw forbidden(`Bạn không có quyền công nhận "${o.entry.name}" ở ${level.name.toLowerCase()}.`);
    }
  }
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    await assertDocumentUsable(trx, ctx, input.documentId);
    if (!(await isOnList(trx, key, o.entry.id))) {
      throw invalidState(
        `"${o.entry.name}" không thuộc danh sách ${key.type === 'period' ? 'phải báo cáo kỳ' : 'của giai đoạn'} "${o.scope.name}", nên không đánh giá được.`,
      );
    }
    const proposal = (await proposalsFor(trx, key, [o.entry])).get(o.entry.id)!;
    const plan = planDecision(proposal, input);
    const { id, existing } = await writeDecision(trx, ctx, key, o.entry, proposal, plan, input);
    await audit({
      action: 'evaluation.decided',
      entityType: 'evaluation',
      entityId: id,
      unitId: o.entry.owner_unit_id,
      summary: `${existing ? 'Đánh giá lại' : 'Đánh giá'} "${o.entry.name}" ${key.type === 'period' ? 'kỳ' : 'giai đoạn'} "${o.scope.name}": ${resultLabel(plan.decidedMet)}${plan.overridden ? ' (khác đề xuất của hệ thống)' : ''}, ngày ${formatDateVi(input.decidedOn)}`,
      before: existing
        ? { decidedMet: existing.decided_met, overridden: existing.overridden, reason: existing.reason }
        : undefined,
      after: {
        entryId: o.entry.id,
        [key.type === 'period' ? 'periodId' : 'phaseId']: key.id,
        proposedMet: proposal.proposal.met,
        ...plan,
        recognitionLevelId: input.recognitionLevelId,
        documentId: input.documentId,
      },
    });
    return id;
  });
}

export interface ConfirmCandidate {
  entry: DecisionEntry;
  proposal: EntryProposal;
}

/** Confirm the (non-null) proposals of several entries for a period in one transaction. */
export async function confirmMany(
  db: Kysely<DB>,
  ctx: RequestContext,
  scope: ScopeRow,
  candidates: ConfirmCandidate[],
  decidedOn: string,
): Promise<number> {
  if (candidates.length === 0) return 0;
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const ids = candidates.map((c) => c.entry.id);
    // Decided meanwhile: skip silently rather than overwrite (the caller counted them as candidates a moment ago).
    const decided = new Set(
      (
        await trx
          .selectFrom('evaluation')
          .select('entry_id')
          .where('period_id', '=', scope.id)
          .where('entry_id', 'in', ids)
          .forUpdate()
          .execute()
      ).map((r) => r.entry_id),
    );
    const todo = candidates.filter((c) => !decided.has(c.entry.id) && c.proposal.proposal.met !== null);
    if (todo.length === 0) {
      await audit({
        action: 'evaluation.decided',
        entityType: 'evaluation',
        entityId: null,
        unitId: null,
        summary: `Xác nhận đề xuất kỳ "${scope.name}": không có mô hình, điển hình nào cần xác nhận`,
      });
      return 0;
    }
    const inserted = await trx
      .insertInto('evaluation')
      .values(
        todo.map((c) => ({
          entry_id: c.entry.id,
          period_id: scope.id,
          proposed_met: c.proposal.proposal.met,
          decided_met: c.proposal.proposal.met!,
          overridden: false,
          decided_on: decidedOn,
          decided_by: ctx.actor?.userId ?? null,
        })),
      )
      .returning(['id', 'entry_id'])
      .execute();
    const idOf = new Map(inserted.map((r) => [r.entry_id, r.id]));
    const rows = todo.flatMap((c) =>
      c.proposal.proposal.criteria.map((p) => ({
        evaluation_id: idOf.get(c.entry.id)!,
        criterion_id: p.criterionId,
        proposed_met: p.proposed,
        decided_met: p.proposed,
        reason: null,
      })),
    );
    for (let i = 0; i < rows.length; i += 1000)
      await trx
        .insertInto('evaluation_criterion')
        .values(rows.slice(i, i + 1000))
        .execute();
    for (const c of todo) {
      await audit({
        action: 'evaluation.decided',
        entityType: 'evaluation',
        entityId: idOf.get(c.entry.id)!,
        unitId: c.entry.owner_unit_id,
        summary: `Xác nhận đề xuất: "${c.entry.name}" kỳ "${scope.name}": ${resultLabel(c.proposal.proposal.met!)}, ngày ${formatDateVi(decidedOn)}`,
        after: {
          entryId: c.entry.id,
          periodId: scope.id,
          proposedMet: c.proposal.proposal.met,
          decidedMet: c.proposal.proposal.met,
          confirmed: true,
        },
      });
    }
    return todo.length;
  });
}
