/**
 * Who may do what with a periodic report: reading follows the entry (an
 * assigned monitor reads it; outside that 404); writing needs registry.write
 * on the owner unit, reviewing registry.approve at the entry's level (403).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { notFound } from '../lib/errors.ts';
import { canApproveAt, canWriteUnit, loadEntryFor, type ApproveReach, type EntryMode } from '../registry/policy.ts';
import type { EntryDetailRow } from '../registry/queries.ts';
import { findReadableReport, type ReportRecord, type ReportRef } from './queries.ts';

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
  const report = await findReadableReport(db, actor, id);
  if (!report) throw notFound(`báo cáo định kỳ có mã số ${id}`);
  if (mode === 'read') return { report, entry: null };
  return { report, entry: await loadEntryFor(db, actor, report.entry_id, mode) };
}

/** What the actor may do with the report now: edit and submit while the window is open (or it was returned), review once submitted. */
export function reportAbilities(actor: Actor, reach: ApproveReach, r: ReportRecord, windowOpen: boolean) {
  const owner = { id: r.owner_unit_id, path: r.owner_path };
  const write = canWriteUnit(actor, owner);
  const approve = canApproveAt(reach, owner, r.level_rank);
  const editableNow = r.status === 'returned' || windowOpen;
  return {
    edit: write && editableNow,
    submit: write && (r.status === 'draft' || r.status === 'returned') && editableNow,
    review: approve && r.status === 'submitted',
  };
}
