/**
 * Reading one periodic report: who may (entryReadable on its entry — so an
 * assigned monitor reads it; outside that 404), and its presentation with
 * criteria, values, files, events, window and what the user may do.
 */
import { sql, type Kysely } from 'kysely';
import { todayInVietnam } from '../../common/dates.ts';
import { REPORT_EVENT_LABELS, type TReport } from '../../common/schemas/reporting.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { notFound } from '../lib/errors.ts';
import { latestUnitName } from '../lib/sql-text.ts';
import { approveReach, canApproveAt, canWriteUnit, loadEntryFor, type EntryMode } from '../registry/policy.ts';
import { entryReadable } from '../registry/entry-scope.ts';
import type { EntryDetailRow } from '../registry/queries.ts';
import { lateSql, periodWindow } from './period-rules.ts';

export interface ReportRef {
  id: number;
  entry_id: number;
  period_id: number;
  status: 'draft' | 'submitted' | 'returned' | 'accepted';
}

/**
 * Load a report for an action: outside the entry's read scope 404; for
 * 'write' registry.write on the owner unit, for 'approve' registry.approve at
 * the entry's level (403 otherwise).
 */
export async function loadReportFor(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  mode: EntryMode,
): Promise<{ report: ReportRef; entry: EntryDetailRow | null }> {
  const report = await db
    .selectFrom('period_report as r')
    .innerJoin('registry_entry as e', 'e.id', 'r.entry_id')
    .select(['r.id', 'r.entry_id', 'r.period_id', 'r.status'])
    .where('r.id', '=', id)
    .where(entryReadable(actor, sql.ref('e.id'), sql.ref('e.owner_unit_id')))
    .executeTakeFirst();
  if (!report) throw notFound(`báo cáo định kỳ có mã số ${id}`);
  if (mode === 'read') return { report, entry: null };
  return { report, entry: await loadEntryFor(db, actor, report.entry_id, mode) };
}

export async function presentReport(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  today = todayInVietnam(),
): Promise<TReport> {
  const r = await db
    .selectFrom('period_report as r')
    .innerJoin('registry_entry as e', 'e.id', 'r.entry_id')
    .innerJoin('org_unit as ou', 'ou.id', 'e.owner_unit_id')
    .innerJoin('model_field as f', 'f.id', 'e.field_id')
    .innerJoin('org_level as l', 'l.id', 'e.level_id')
    .innerJoin('report_period as p', 'p.id', 'r.period_id')
    .innerJoin('criteria_set as cs', 'cs.id', 'r.criteria_set_id')
    .leftJoin('app_user as su', 'su.id', 'r.submitted_by')
    .leftJoin('app_user as au', 'au.id', 'r.accepted_by')
    .leftJoin('app_user as uu', 'uu.id', 'r.updated_by')
    .selectAll('r')
    .select([
      'e.kind as entry_kind',
      'e.name as entry_name',
      'e.owner_unit_id',
      latestUnitName('e.owner_unit_id').as('owner_name'),
      sql<string>`ou.current_path::text`.as('owner_path'),
      'e.field_id',
      'f.name as field_name',
      'e.level_id',
      'l.name as level_name',
      'l.rank as level_rank',
      'p.name as period_name',
      'p.kind as period_kind',
      'p.starts_on',
      'p.ends_on',
      'p.due_on',
      'cs.version as criteria_version',
      'su.full_name as submitted_by_name',
      'au.full_name as accepted_by_name',
      'uu.full_name as updated_by_name',
      lateSql('r', 'p', today).as('late'),
    ])
    .where('r.id', '=', id)
    .executeTakeFirstOrThrow();
  const [criteria, files, events, window, reach] = await Promise.all([
    db
      .selectFrom('criterion as c')
      .leftJoin('period_report_value as v', (j) => j.onRef('v.criterion_id', '=', 'c.id').on('v.report_id', '=', id))
      .select([
        'c.id',
        'c.code',
        'c.parent_code',
        'c.title',
        'c.measure',
        'c.rule',
        'c.target',
        'c.scale_max',
        'v.value',
        'v.comment',
        'v.met',
      ])
      .where('c.criteria_set_id', '=', r.criteria_set_id)
      .orderBy('c.sort_order')
      .orderBy('c.id')
      .execute(),
    db
      .selectFrom('period_report_file as rf')
      .innerJoin('stored_file as sf', 'sf.id', 'rf.file_id')
      .select(['sf.id', 'sf.original_name', 'sf.mime_type', 'sf.size_bytes', 'rf.caption'])
      .where('rf.report_id', '=', id)
      .orderBy('sf.id')
      .execute(),
    db
      .selectFrom('period_report_event as ev')
      .leftJoin('app_user as u', 'u.id', 'ev.created_by')
      .select(['ev.id', 'ev.kind', 'ev.reason', 'u.full_name', 'ev.created_at'])
      .where('ev.report_id', '=', id)
      .orderBy('ev.id')
      .execute(),
    periodWindow(db, r.period_id, r.owner_unit_id, today),
    approveReach(db, actor),
  ]);
  const owner = { id: r.owner_unit_id, path: r.owner_path };
  const write = canWriteUnit(actor, owner);
  const approve = canApproveAt(reach, owner, r.level_rank);
  const editableNow = r.status === 'returned' || window.open;
  const num = (v: string | null) => (v === null ? null : Number(v));
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
    can: {
      edit: write && editableNow,
      submit: write && (r.status === 'draft' || r.status === 'returned') && editableNow,
      review: approve && r.status === 'submitted',
    },
  };
}
