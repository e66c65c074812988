/** Shapes inspections, their follow-ups and what the current user may do, for the API. */
import type { Kysely } from 'kysely';
import type { TFollowup, TInspectionDetail, TInspectionSummary } from '../../common/schemas/inspections.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { canWriteInspection } from './policy.ts';
import {
  getFindings,
  getFollowups,
  getMembers,
  getSubjects,
  type FollowupRow,
  type InspectionSummaryRow,
} from './queries.ts';

export function presentSummary(r: InspectionSummaryRow): TInspectionSummary {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    ownerUnit: { id: r.owner_unit_id, name: r.owner_name },
    document:
      r.document_id !== null
        ? { id: r.document_id, symbol: r.document_symbol ?? '', issuedOn: r.document_issued_on ?? '' }
        : null,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    status: r.status,
    concludedOn: r.concluded_on,
    subjectCount: r.subject_count,
    openFollowups: r.open_followups,
    overdueFollowups: r.overdue_followups,
    revision: r.revision,
  };
}

export function presentFollowup(actor: Actor, r: FollowupRow): TFollowup {
  return {
    id: r.id,
    inspectionId: r.inspection_id,
    inspectionTitle: r.inspection_title,
    entry: r.entry_id !== null ? { id: r.entry_id, name: r.entry_name ?? '' } : null,
    action: r.action,
    responsibleUnit:
      r.responsible_unit_id !== null ? { id: r.responsible_unit_id, name: r.responsible_unit_name ?? '' } : null,
    dueOn: r.due_on,
    status: r.status,
    closedOn: r.closed_on,
    closingNote: r.closing_note,
    overdue: r.overdue,
    revision: r.revision,
    canClose: r.status === 'open' && canWriteInspection(actor, { id: r.owner_unit_id, path: r.owner_path }),
  };
}

export async function presentDetail(db: Kysely<DB>, actor: Actor, r: InspectionSummaryRow): Promise<TInspectionDetail> {
  const write = canWriteInspection(actor, { id: r.owner_unit_id, path: r.owner_path });
  const [members, subjects, followups] = await Promise.all([
    getMembers(db, r.id),
    getSubjects(db, actor, r.id),
    getFollowups(db, actor, r.id),
  ]);
  const findings = await getFindings(
    db,
    r.id,
    subjects.visible.map((s) => s.id),
  );
  return {
    ...presentSummary(r),
    conclusions: r.conclusions,
    recommendations: r.recommendations,
    members: members.map((m) => ({
      id: m.id,
      fullName: m.full_name,
      position: m.position,
      role: m.role,
      personId: m.person_id,
    })),
    subjects: subjects.visible.map((s) => ({
      id: s.id,
      kind: s.kind,
      name: s.name,
      status: s.status,
      ownerUnit: { id: s.owner_unit_id, name: s.owner_name },
      level: { id: s.level_id, name: s.level_name },
      field: { id: s.field_id, name: s.field_name },
      criteriaSetId: s.criteria_set_id,
    })),
    hiddenSubjects: subjects.hidden,
    findings: findings.map((f) => ({
      id: f.id,
      entryId: f.entry_id,
      criterionId: f.criterion_id,
      assessment: f.assessment,
      note: f.note,
    })),
    followups: followups.map((f) => presentFollowup(actor, f)),
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    can: { edit: write && r.status !== 'concluded', conclude: write && r.status !== 'concluded', addFollowup: write },
  };
}
