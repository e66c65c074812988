/** Shaping evaluations for the API: the scope, a list row, one entry's detail. */
import type { TEvaluationDetail, TEvaluationRow, TScope } from '../../common/schemas/evaluation.ts';
import type { EntryDetailRow, EntrySummaryRow } from '../registry/queries.ts';
import type { EntryProposal } from './proposal-queries.ts';
import type { EvaluationDetailData, ListRow, ScopeRow } from './queries.ts';

const num = (v: string | null) => (v === null ? null : Number(v));
const jsonValue = (v: unknown): boolean | number | string | null =>
  typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string' ? v : null;

export function presentScope(s: ScopeRow): TScope {
  return {
    type: s.type,
    id: s.id,
    name: s.name,
    plan: { id: s.planId, title: s.planTitle },
    startsOn: s.startsOn,
    endsOn: s.endsOn,
  };
}

/** The overall proposal; an entry without one (none computed) proposes nothing. */
function presentProposalSummary(p: EntryProposal | undefined) {
  const s = p?.proposal;
  return {
    met: s?.met ?? null,
    metCount: s?.metCount ?? 0,
    judgedCount: s?.judgedCount ?? 0,
    missingCount: s?.missingCount ?? 0,
  };
}

/** The entry as the evaluation and to-review lists show it (a registry summary row's columns). */
export function presentEvaluationEntry(r: EntrySummaryRow): TEvaluationRow['entry'] {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    status: r.status,
    ownerUnit: { id: r.owner_unit_id, name: r.owner_name },
    field: { id: r.field_id, name: r.field_name },
    level: { id: r.level_id, name: r.level_name },
  };
}

export function presentEvaluationRow(
  r: ListRow,
  proposal: EntryProposal | undefined,
  canDecide: boolean,
): TEvaluationRow {
  return {
    entry: presentEvaluationEntry(r),
    report:
      r.report_id !== null
        ? { id: r.report_id, status: r.report_status!, changedAfterAcceptance: r.report_changed ?? false }
        : null,
    acceptedReports: r.accepted_reports,
    proposal: presentProposalSummary(proposal),
    decision:
      r.ev_id !== null
        ? {
            id: r.ev_id,
            decidedMet: r.ev_decided_met!,
            overridden: r.ev_overridden ?? false,
            decidedOn: r.ev_decided_on!,
            decidedBy: r.ev_decided_by,
            recognitionLevel: r.ev_level_id !== null ? { id: r.ev_level_id, name: r.ev_level_name ?? '' } : null,
            revision: r.ev_revision!,
          }
        : null,
    canDecide,
  };
}

function presentDecision(decision: EvaluationDetailData['decision']): TEvaluationDetail['decision'] {
  if (!decision) return null;
  return {
    id: decision.id,
    decidedMet: decision.decided_met,
    proposedMet: decision.proposed_met,
    overridden: decision.overridden,
    reason: decision.reason,
    recognitionLevel:
      decision.recognition_level_id !== null
        ? { id: decision.recognition_level_id, name: decision.level_name ?? '' }
        : null,
    document:
      decision.document_id !== null
        ? {
            id: decision.document_id,
            symbol: decision.symbol ?? '',
            issuedOn: decision.issued_on ?? '',
            summary: decision.summary ?? '',
          }
        : null,
    decidedOn: decision.decided_on,
    decidedBy: decision.decided_by,
    decidedAt: decision.updated_at.toISOString(),
  };
}

/** One entry's evaluation: criteria with the report's values, the proposal and the decision side by side. */
export function presentEvaluationDetail(
  entry: EntryDetailRow,
  data: EvaluationDetailData,
  canApprove: boolean,
): TEvaluationDetail {
  const { scope, onList, proposal: p, decision, decidedCriteria, report } = data;
  const proposedOf = new Map(p.proposal.criteria.map((c) => [c.criterionId, c]));
  return {
    entry: {
      id: entry.id,
      kind: entry.kind,
      name: entry.name,
      status: entry.status,
      ownerUnit: { id: entry.owner_unit_id, name: entry.owner_name },
      field: { id: entry.field_id, name: entry.field_name },
      level: { id: entry.level_id, name: entry.level_name },
    },
    scope: presentScope(scope),
    onList,
    report: report
      ? { id: report.id, status: report.status, changedAfterAcceptance: report.changed_after_acceptance }
      : null,
    periods: p.periods,
    criteria: p.criteria.map((c) => {
      const value = p.values.get(c.id);
      const d = decidedCriteria.get(c.id);
      return {
        criterionId: c.id,
        code: c.code,
        parentCode: c.parent_code,
        title: c.title,
        measure: c.measure,
        rule: c.rule,
        target: num(c.target),
        scaleMax: num(c.scale_max),
        value: jsonValue(value?.value),
        comment: value?.comment ?? null,
        judged: proposedOf.get(c.id)?.judged ?? false,
        proposed: proposedOf.get(c.id)?.proposed ?? null,
        decided: d ? d.decided_met : null,
        reason: d?.reason ?? null,
      };
    }),
    proposal: presentProposalSummary(p),
    decision: presentDecision(decision),
    revision: decision?.revision ?? null,
    can: { decide: onList && canApprove },
  };
}
