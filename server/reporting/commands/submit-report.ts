/**
 * Gửi báo cáo — from draft (or returned, once corrected). The period row is
 * held `for share` while the window is judged, so an operator's override
 * (which takes it `for update`) lands wholly before or after the submission.
 * Every judged criterion needs a value.
 */
import type { Kysely } from 'kysely';
import { todayInVietnam } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { AppError, invalidState } from '../../lib/errors.ts';
import { periodWindow } from '../period-rules.ts';
import { insertReportEvent, lockReport, reportLabel, saveReportRow, snapshot } from '../report-record.ts';

/** The caller loaded the report and checked registry.write on its entry. */
export async function submitReport(
  db: Kysely<DB>,
  ctx: RequestContext,
  reportId: number,
  revision: number,
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockReport(trx, reportId, revision);
    if (before.status !== 'draft' && before.status !== 'returned') {
      throw invalidState(
        before.status === 'submitted'
          ? `Báo cáo đã được gửi, đang chờ tiếp nhận; không gửi lại được.`
          : `Báo cáo đã được tiếp nhận; muốn sửa thì lưu thay đổi, báo cáo sẽ chờ tiếp nhận lại.`,
      );
    }
    await trx
      .selectFrom('report_period')
      .select('id')
      .where('id', '=', before.period_id)
      .forShare()
      .executeTakeFirstOrThrow();
    if (before.status !== 'returned') {
      const window = await periodWindow(trx, before.period_id, before.ownerUnitId, todayInVietnam());
      if (!window.open) throw invalidState(`${window.reason} Không gửi được báo cáo.`);
    }
    const missing = await trx
      .selectFrom('criterion as c')
      .leftJoin('period_report_value as v', (j) =>
        j.onRef('v.criterion_id', '=', 'c.id').on('v.report_id', '=', reportId),
      )
      .select(['c.id', 'c.code', 'c.title'])
      .where('c.criteria_set_id', '=', before.criteria_set_id)
      .where('c.rule', '<>', 'none')
      .where('v.value', 'is', null)
      .orderBy('c.sort_order')
      .orderBy('c.id')
      .execute();
    if (missing.length > 0) {
      throw new AppError(
        'VALIDATION',
        `Chưa nhập kết quả của ${missing.length} tiêu chí được đánh giá: ${missing.map((c) => `${c.code}. ${c.title}`).join('; ')}.`,
        missing.map((c) => ({ field: `criterion:${c.id}`, message: `Chưa nhập kết quả tiêu chí "${c.title}".` })),
      );
    }
    const resubmitted = before.status === 'returned';
    const now = new Date();
    const after = await saveReportRow(trx, ctx, reportId, now, {
      status: 'submitted',
      submitted_at: now,
      submitted_by: ctx.actor?.userId ?? null,
      return_reason: null,
      return_notes: null,
    });
    await insertReportEvent(trx, ctx, reportId, resubmitted ? 'resubmitted' : 'submitted', now);
    await audit({
      action: 'report.submitted',
      entityType: 'period_report',
      entityId: reportId,
      unitId: before.ownerUnitId,
      summary: `${resubmitted ? 'Gửi lại' : 'Gửi'} ${reportLabel(before)}`,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
}
