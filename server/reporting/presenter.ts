/** A periodic report as the API shows it: criteria, values, files, events, the window and what the user may do. */
import type { Kysely } from 'kysely';
import { todayInVietnam } from '../../common/dates.ts';
import { REPORT_EVENT_LABELS, type TReport } from '../../common/schemas/reporting.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { approveReach } from '../registry/policy.ts';
import { periodWindow } from './period-rules.ts';
import { reportAbilities } from './policy.ts';
import { getReportParts, getReportRecord } from './queries.ts';

const num = (v: string | null) => (v === null ? null : Number(v));

export async function presentReport(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  today = todayInVietnam(),
): Promise<TReport> {
  const r = await getReportRecord(db, id, today);
  const [{ criteria, files, events }, window, reach] = await Promise.all([
    getReportParts(db, id, r.criteria_set_id),
    periodWindow(db, r.period_id, r.owner_unit_id, today),
    approveReach(db, actor),
  ]);
  return {
    id: r.id,
    entry: {
      id: r.entry_id,
      kind: r.entry_kind,
      name: r.entry_name,
      ownerUnit: { id: r.owner_unit_id, name: r.owner_name },
      field: { id: r.field_id, name: r.field_name },
      level: { id: r.level_id, name: r.level_name },
    },
    period: {
      id: r.period_id,
      name: r.period_name,
      kind: r.period_kind,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      dueOn: r.due_on,
    },
    window,
    criteriaSet: { id: r.criteria_set_id, version: r.criteria_version },
    status: r.status,
    changedAfterAcceptance: r.changed_after_acceptance,
    criteria: criteria.map((c) => ({
      criterionId: c.id,
      code: c.code,
      parentCode: c.parent_code,
      title: c.title,
      measure: c.measure,
      rule: c.rule,
      target: num(c.target),
      scaleMax: num(c.scale_max),
      value: (c.value ?? null) as boolean | number | string | null,
      comment: c.comment ?? null,
      met: c.met ?? null,
    })),
    results: r.results,
    difficulties: r.difficulties,
    proposals: r.proposals,
    files: files.map((f) => ({
      id: f.id,
      name: f.original_name,
      mimeType: f.mime_type,
      sizeBytes: f.size_bytes,
      caption: f.caption,
    })),
    returnReason: r.return_reason,
    returnNotes: (r.return_notes as Array<{ field: string; note: string }> | null) ?? [],
    submittedAt: r.submitted_at?.toISOString() ?? null,
    submittedBy: r.submitted_by_name,
    late: r.late,
    acceptedAt: r.accepted_at?.toISOString() ?? null,
    acceptedBy: r.accepted_by_name,
    updatedAt: r.updated_at.toISOString(),
    updatedBy: r.updated_by_name,
    events: events.map((ev) => ({
      id: ev.id,
      kind: ev.kind,
      label: REPORT_EVENT_LABELS[ev.kind],
      reason: ev.reason,
      by: ev.full_name,
      at: ev.created_at.toISOString(),
    })),
    revision: r.revision,
    can: reportAbilities(actor, reach, r, window.open),
  };
}
