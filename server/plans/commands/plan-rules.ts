/**
 * The rules every plan write checks — the source document exists and the
 * actor may read it; phases lie inside the plan's dates with distinct names;
 * targets name existing levels and fields the owner unit may use — and the
 * shared writes: replacing the phase and target sets, the audit snapshot, the
 * revision lock.
 */
import { sql, type Transaction } from 'kysely';
import type { FieldIssue } from '../../../common/errors.ts';
import { phaseIssues, type TPhaseInput, type TTargetInput } from '../../../common/schemas/plans.ts';
import { foldVietnamese } from '../../../common/vn-text.ts';
import type { DB } from '../../db/schema.ts';
import { fieldProblem, findUsableFields } from '../../catalogue/field-usage.ts';
import { scopeOf, unitInScope, type Actor } from '../../lib/context.ts';
import { AppError, invalid, notFound, staleRevision } from '../../lib/errors.ts';

export function planSearchText(p: { title: string; note: string | null }, documentSymbol: string | null): string {
  return foldVietnamese([p.title, documentSymbol ?? '', p.note ?? ''].join(' '));
}

/** The document a plan cites: it exists, is in force and the actor may read it. Returns its symbol. */
export async function assertDocumentLinkable(trx: Transaction<DB>, actor: Actor, documentId: number): Promise<string> {
  const doc = await trx
    .selectFrom('document as d')
    .select(['d.symbol', 'd.status'])
    .where('d.id', '=', documentId)
    .where(unitInScope(scopeOf(actor, 'documents.read'), sql.ref('d.owner_unit_id')))
    .executeTakeFirst();
  if (!doc) throw invalid('documentId', `Không tìm thấy văn bản có mã số ${documentId} trong sổ văn bản bạn được xem.`);
  if (doc.status === 'revoked')
    throw invalid('documentId', `Văn bản ${doc.symbol} đã bị thu hồi; không dùng làm căn cứ của kế hoạch.`);
  return doc.symbol;
}

export interface PlanSets {
  phases?: TPhaseInput[];
  targets?: TTargetInput[];
}

export interface ExistingSets {
  phaseIds: number[];
  targetIds: number[];
  /** Fields the plan already uses: they stay usable even if retired since. */
  targetFieldIds: number[];
}

const NONE: ExistingSets = { phaseIds: [], targetIds: [], targetFieldIds: [] };

/** Check the phases and targets against the plan's dates and the database; one 400 naming every bad field. */
export async function assertSetsValid(
  trx: Transaction<DB>,
  owner: { id: number; name: string },
  dates: { startsOn: string; endsOn: string },
  sets: PlanSets,
  existing: ExistingSets = NONE,
): Promise<void> {
  const issues: FieldIssue[] = [];
  const add = (path: Array<string | number>, message: string) => issues.push({ field: path.join('.'), message });
  if (sets.phases) {
    for (const issue of phaseIssues(dates, sets.phases)) add(issue.path, issue.message);
    sets.phases.forEach((p, i) => {
      if (p.id !== undefined && !existing.phaseIds.includes(p.id))
        add(['phases', i, 'id'], `Giai đoạn có mã số ${p.id} không thuộc kế hoạch này.`);
    });
  }
  if (sets.targets) {
    const targets = sets.targets;
    const levelIds = [...new Set(targets.map((t) => t.levelId).filter((id): id is number => id !== null))];
    const levels = new Set(
      levelIds.length
        ? (await trx.selectFrom('org_level').select('id').where('id', 'in', levelIds).execute()).map((l) => l.id)
        : [],
    );
    const fields = await findUsableFields(
      trx,
      owner.id,
      targets.map((t) => t.fieldId).filter((id): id is number => id !== null),
    );
    targets.forEach((t, i) => {
      if (t.id !== undefined && !existing.targetIds.includes(t.id))
        add(['targets', i, 'id'], `Chỉ tiêu có mã số ${t.id} không thuộc kế hoạch này.`);
      if (t.levelId !== null && !levels.has(t.levelId))
        add(['targets', i, 'levelId'], `Không có cấp có mã số ${t.levelId}.`);
      if (t.fieldId !== null) {
        const kind = t.subject === 'model' || t.subject === 'exemplar' ? t.subject : null;
        const problem = fieldProblem(
          fields.get(t.fieldId),
          t.fieldId,
          owner.name,
          kind,
          existing.targetFieldIds.includes(t.fieldId),
        );
        if (problem) add(['targets', i, 'fieldId'], problem);
      }
    });
  }
  if (issues.length > 0)
    throw new AppError('VALIDATION', `Dữ liệu không hợp lệ — ${issues.map((i) => i.message).join('; ')}`, issues);
}

/** Make the plan's phases exactly `phases`, in order: listed ids are updated in place, others removed, new ones added. */
export async function replacePhases(trx: Transaction<DB>, planId: number, phases: TPhaseInput[]): Promise<void> {
  const keep = phases.map((p) => p.id).filter((id): id is number => id !== undefined);
  let remove = trx.deleteFrom('plan_phase').where('plan_id', '=', planId);
  if (keep.length) remove = remove.where('id', 'not in', keep);
  await remove.execute();
  for (const [index, p] of phases.entries()) {
    const values = {
      name: p.name,
      kind: p.kind,
      starts_on: p.startsOn,
      ends_on: p.endsOn,
      review_on: p.reviewOn,
      sort_order: index,
    };
    if (p.id !== undefined)
      await trx.updateTable('plan_phase').set(values).where('id', '=', p.id).where('plan_id', '=', planId).execute();
    else
      await trx
        .insertInto('plan_phase')
        .values({ ...values, plan_id: planId })
        .execute();
  }
}

/** Make the plan's targets exactly `targets`, in order (same rules as phases). */
export async function replaceTargets(trx: Transaction<DB>, planId: number, targets: TTargetInput[]): Promise<void> {
  const keep = targets.map((t) => t.id).filter((id): id is number => id !== undefined);
  let remove = trx.deleteFrom('plan_target').where('plan_id', '=', planId);
  if (keep.length) remove = remove.where('id', 'not in', keep);
  await remove.execute();
  for (const [index, t] of targets.entries()) {
    const values = {
      subject: t.subject,
      level_id: t.levelId,
      field_id: t.fieldId,
      target_value: t.value,
      measure: t.measure,
      description: t.description,
      sort_order: index,
    };
    if (t.id !== undefined)
      await trx.updateTable('plan_target').set(values).where('id', '=', t.id).where('plan_id', '=', planId).execute();
    else
      await trx
        .insertInto('plan_target')
        .values({ ...values, plan_id: planId })
        .execute();
  }
}

/** What the audit log keeps of a plan (ids left out, so "same content" compares equal). */
export async function snapshot(trx: Transaction<DB>, planId: number) {
  const plan = await trx.selectFrom('plan').selectAll().where('id', '=', planId).executeTakeFirstOrThrow();
  const phases = await trx
    .selectFrom('plan_phase')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  const targets = await trx
    .selectFrom('plan_target')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  return {
    ownerUnitId: plan.owner_unit_id,
    title: plan.title,
    documentId: plan.document_id,
    startsOn: plan.starts_on,
    endsOn: plan.ends_on,
    status: plan.status,
    note: plan.note,
    phases: phases.map((p) => ({
      name: p.name,
      kind: p.kind,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      reviewOn: p.review_on,
    })),
    targets: targets.map((t) => ({
      subject: t.subject,
      levelId: t.level_id,
      fieldId: t.field_id,
      value: Number(t.target_value),
      measure: t.measure,
      description: t.description,
    })),
  };
}

/** Lock the plan's row and check the client saw the latest revision. */
export async function lockPlan(trx: Transaction<DB>, id: number, revision: number) {
  const row = await trx.selectFrom('plan').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound(`kế hoạch có mã số ${id}`);
  if (row.revision !== revision) throw staleRevision(`Kế hoạch "${row.title}"`);
  return row;
}
