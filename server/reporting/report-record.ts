/**
 * Shared pieces of the report commands: the revision lock with a conflict
 * message naming who saved last, events, the audit snapshot, notifications.
 */
import type { Selectable, Transaction } from 'kysely';
import { formatDateTimeVi } from '../../common/dates.ts';
import type { ReportEventKind } from '../../common/schemas/reporting.ts';
import type { DB, PeriodReportTable } from '../db/schema.ts';
import type { RequestContext } from '../lib/context.ts';
import { AppError, notFound } from '../lib/errors.ts';

export type ReportRow = Selectable<PeriodReportTable>;

/** Context of a report for messages and audit: its entry, owner unit and period. */
export interface ReportSubject {
  entryName: string;
  ownerUnitId: number;
  periodName: string;
}

export const reportLabel = (s: ReportSubject) => `báo cáo "${s.periodName}" của "${s.entryName}"`;

/** Lock the report's row and check the client saw its latest revision: 409 naming who saved last, and when. */
export async function lockReport(
  trx: Transaction<DB>,
  id: number,
  revision: number,
): Promise<ReportRow & ReportSubject> {
  const row = await trx.selectFrom('period_report').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound(`báo cáo định kỳ có mã số ${id}`);
  const subject = await trx
    .selectFrom(['registry_entry as e', 'report_period as p'])
    .select(['e.name as entryName', 'e.owner_unit_id as ownerUnitId', 'p.name as periodName'])
    .where('e.id', '=', row.entry_id)
    .where('p.id', '=', row.period_id)
    .executeTakeFirstOrThrow();
  if (row.revision !== revision) {
    const who =
      row.updated_by === null
        ? null
        : await trx.selectFrom('app_user').select('full_name').where('id', '=', row.updated_by).executeTakeFirst();
    throw new AppError(
      'CONFLICT',
      `Báo cáo này vừa được ${who?.full_name ?? 'người khác'} lưu lúc ${formatDateTimeVi(row.updated_at)}, sau khi bạn mở. ` +
        'Nội dung bạn vừa nhập vẫn còn trên màn hình, chưa được lưu: hãy lấy bản mới nhất rồi ghép phần của mình vào trước khi lưu.',
    );
  }
  return { ...row, ...subject };
}

/** Apply changes, bump the revision and record who changed it when. */
export async function saveReportRow(
  trx: Transaction<DB>,
  ctx: RequestContext,
  id: number,
  now: Date,
  changes: Partial<Omit<ReportRow, 'id' | 'revision' | 'return_notes'>> & { return_notes?: string | null },
): Promise<ReportRow> {
  return trx
    .updateTable('period_report')
    .set((eb) => ({
      ...changes,
      revision: eb('revision', '+', 1),
      updated_by: ctx.actor?.userId ?? null,
      updated_at: now,
    }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertReportEvent(
  trx: Transaction<DB>,
  ctx: RequestContext,
  reportId: number,
  kind: ReportEventKind,
  now: Date,
  reason: string | null = null,
  data: Record<string, unknown> | null = null,
): Promise<number> {
  const { id } = await trx
    .insertInto('period_report_event')
    .values({
      report_id: reportId,
      kind,
      reason,
      data: data ? JSON.stringify(data) : null,
      created_by: ctx.actor?.userId ?? null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** What the audit log keeps of a report (values are audited separately when saved). */
export function snapshot(r: ReportRow) {
  return {
    entryId: r.entry_id,
    periodId: r.period_id,
    criteriaSetId: r.criteria_set_id,
    status: r.status,
    changedAfterAcceptance: r.changed_after_acceptance,
    results: r.results,
    difficulties: r.difficulties,
    proposals: r.proposals,
    returnReason: r.return_reason,
    returnNotes: r.return_notes,
    revision: r.revision,
  };
}

/** The web app's page of a report. */
export const reportLink = (id: number) => `/bao-cao-dinh-ky/${id}`;
