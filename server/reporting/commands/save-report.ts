/**
 * Lưu báo cáo (tự động lưu nháp) — every value and narrative as now on screen
 * replaces what was stored. Values must fit their criterion's measure and
 * belong to the report's criteria set; "met" is judged on save. A returned
 * report may always be corrected; otherwise the window must be open. Saving
 * an accepted report sends it back for acceptance (flagged as changed).
 */
import type { Kysely } from 'kysely';
import { todayInVietnam } from '../../../common/dates.ts';
import type { TSaveReportBody } from '../../../common/schemas/reporting.ts';
import type { CriterionMeasure, DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalid, invalidState } from '../../lib/errors.ts';
import { isCriterionMet } from '../../../common/criterion-rules.ts';
import { assertFilesUsable } from '../../registry/entry-record.ts';
import { periodWindow } from '../period-rules.ts';
import { insertReportEvent, lockReport, reportLabel, saveReportRow, snapshot } from '../report-record.ts';

/** Why a value does not fit the criterion's measure (Vietnamese), or null when it fits. Null values always fit (not yet entered). */
export function valueProblem(
  c: { title: string; measure: CriterionMeasure; scale_max: string | number | null },
  value: unknown,
): string | null {
  if (value === null || value === undefined) return null;
  switch (c.measure) {
    case 'boolean':
      return typeof value === 'boolean' ? null : `Tiêu chí "${c.title}" cần trả lời có hoặc không.`;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : `Tiêu chí "${c.title}" cần một số.`;
    case 'percent':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return `Tiêu chí "${c.title}" cần một tỷ lệ phần trăm (số).`;
      return value < 0 ? `Tỷ lệ của tiêu chí "${c.title}" không được âm.` : null;
    case 'score': {
      const max = c.scale_max === null ? null : Number(c.scale_max);
      if (typeof value !== 'number' || !Number.isFinite(value)) return `Tiêu chí "${c.title}" cần một số điểm.`;
      if (value < 0 || (max !== null && value > max))
        return `Điểm của tiêu chí "${c.title}" phải từ 0 đến ${max ?? 0}.`;
      return null;
    }
    case 'text':
      return typeof value === 'string' ? null : `Tiêu chí "${c.title}" cần nội dung bằng chữ.`;
    default:
      return `Tiêu chí "${c.title}" có cách đo không xác định.`;
  }
}

/** The caller loaded the report and checked registry.write on its entry. */
export async function saveReport(
  db: Kysely<DB>,
  ctx: RequestContext,
  reportId: number,
  body: TSaveReportBody,
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockReport(trx, reportId, body.revision);
    if (before.status !== 'returned') {
      const window = await periodWindow(trx, before.period_id, before.ownerUnitId, todayInVietnam());
      if (!window.open) throw invalidState(`${window.reason} Không lưu được thay đổi.`);
    }
    const criteria = await trx
      .selectFrom('criterion')
      .select(['id', 'title', 'measure', 'rule', 'target', 'scale_max'])
      .where('criteria_set_id', '=', before.criteria_set_id)
      .execute();
    const byId = new Map(criteria.map((c) => [c.id, c]));
    const seen = new Set<number>();
    const values = body.values.map((v, i) => {
      const c = byId.get(v.criterionId);
      if (!c)
        throw invalid(
          `values.${i}.criterionId`,
          `Tiêu chí có mã số ${v.criterionId} không thuộc bộ tiêu chí của báo cáo này.`,
        );
      if (seen.has(c.id)) throw invalid(`values.${i}.criterionId`, `Tiêu chí "${c.title}" được gửi hai lần.`);
      seen.add(c.id);
      const problem = valueProblem(c, v.value);
      if (problem) throw invalid(`values.${i}.value`, problem);
      const value =
        typeof v.value === 'string' && v.value.trim() === ''
          ? null
          : typeof v.value === 'string'
            ? v.value.trim()
            : v.value;
      return {
        report_id: reportId,
        criterion_id: c.id,
        value: value === null ? null : JSON.stringify(value),
        comment: v.comment,
        met: isCriterionMet({ measure: c.measure, rule: c.rule, target: c.target, scaleMax: c.scale_max }, value),
      };
    });
    const fileIds = body.files.map((f) => f.fileId);
    if (new Set(fileIds).size !== fileIds.length) throw invalid('files', 'Một tệp minh chứng được đính kèm hai lần.');
    await assertFilesUsable(trx, ctx, fileIds, 'files');

    await trx.deleteFrom('period_report_value').where('report_id', '=', reportId).execute();
    if (values.length > 0) await trx.insertInto('period_report_value').values(values).execute();
    await trx.deleteFrom('period_report_file').where('report_id', '=', reportId).execute();
    if (body.files.length > 0) {
      await trx
        .insertInto('period_report_file')
        .values(body.files.map((f) => ({ report_id: reportId, file_id: f.fileId, caption: f.caption })))
        .execute();
    }
    const reopened = before.status === 'accepted';
    const now = new Date();
    const after = await saveReportRow(trx, ctx, reportId, now, {
      results: body.results,
      difficulties: body.difficulties,
      proposals: body.proposals,
      ...(reopened ? { status: 'submitted' as const, changed_after_acceptance: true } : {}),
    });
    if (reopened) await insertReportEvent(trx, ctx, reportId, 'changed', now);
    await audit({
      action: reopened ? 'report.changed' : 'report.saved',
      entityType: 'period_report',
      entityId: reportId,
      unitId: before.ownerUnitId,
      summary: reopened
        ? `Sửa ${reportLabel(before)} sau khi đã tiếp nhận: cần tiếp nhận lại`
        : `Lưu ${reportLabel(before)}`,
      before: snapshot(before),
      after: { ...snapshot(after), values: body.values, files: fileIds },
    });
  });
}
