/** Shapes plans for the API, with what the current user may do to them. */
import type { TPlan, TPlanSummary } from '../../common/schemas/plans.ts';
import type { Actor } from '../lib/context.ts';
import { canWritePlan } from './policy.ts';
import type { PhaseRow, PlanView, TargetRow } from './queries.ts';

export function presentPlanSummary(row: PlanView, actor: Actor): TPlanSummary {
  return {
    id: row.id,
    ownerUnitId: row.owner_unit_id,
    ownerUnitName: row.owner_unit_name,
    title: row.title,
    document:
      row.document_id !== null && row.document_symbol !== null && row.document_issued_on !== null
        ? {
            id: row.document_id,
            symbol: row.document_symbol,
            issuedOn: row.document_issued_on,
            readable: Boolean(row.document_readable),
          }
        : null,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    status: row.status,
    note: row.note,
    revision: row.revision,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    canWrite: canWritePlan(actor, row),
  };
}

export function presentPlan(row: PlanView, phases: PhaseRow[], targets: TargetRow[], actor: Actor): TPlan {
  return {
    ...presentPlanSummary(row, actor),
    phases: phases.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      reviewOn: p.review_on,
      sortOrder: p.sort_order,
    })),
    targets: targets.map((t) => ({
      id: t.id,
      subject: t.subject,
      levelId: t.level_id,
      levelName: t.level_name,
      fieldId: t.field_id,
      fieldName: t.field_name,
      value: Number(t.target_value),
      measure: t.measure,
      description: t.description,
      sortOrder: t.sort_order,
    })),
  };
}
