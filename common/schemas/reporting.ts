/**
 * Periodic reports (báo cáo định kỳ 6 tháng, năm) of models and exemplars
 * against their criteria: the report form and its flow (draft → submitted →
 * returned | accepted). Periods and overrides: reporting-periods.ts; who has
 * reported: reporting-completeness.ts. Shared by the server routes and the web
 * forms. Rules: server/reporting/period-rules.ts.
 */
import { z } from '../zod-setup.ts';
import { CRITERION_MEASURES, CRITERION_RULES } from './catalogue.ts';
import { ENTRY_KINDS } from './registry.ts';
import { PERIOD_KINDS, ZWindow } from './reporting-periods.ts';
import { ZId, ZRef, ZRevision, optionalText, requiredText } from './shared.ts';

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi, chờ tiếp nhận',
  returned: 'Bị trả lại',
  accepted: 'Đã tiếp nhận',
};

export const REPORT_EVENT_KINDS = [
  'created',
  'submitted',
  'resubmitted',
  'returned',
  'accepted',
  'changed',
  'reaccepted',
] as const;
export type ReportEventKind = (typeof REPORT_EVENT_KINDS)[number];
export const REPORT_EVENT_LABELS: Record<ReportEventKind, string> = {
  created: 'Bắt đầu soạn',
  submitted: 'Gửi báo cáo',
  resubmitted: 'Gửi lại sau khi sửa',
  returned: 'Trả lại',
  accepted: 'Tiếp nhận',
  changed: 'Sửa sau khi đã tiếp nhận',
  reaccepted: 'Tiếp nhận lại',
};

/** Narrative fields of a report; with `criterion:<id>` and `files` they name what a return note is about. */
export const NARRATIVE_FIELDS = ['results', 'difficulties', 'proposals'] as const;
export const NARRATIVE_LABELS: Record<(typeof NARRATIVE_FIELDS)[number], string> = {
  results: 'Kết quả đạt được',
  difficulties: 'Khó khăn, vướng mắc',
  proposals: 'Đề xuất, kiến nghị',
};

// ─── Reports ────────────────────────────────────────────────────────────────

/** A value as the criterion's measure wants it: boolean, number (number/percent/score), or text. */
export const ZReportValue = z
  .union([z.boolean(), z.number().finite(), z.string().max(4000, 'Nội dung tiêu chí dài quá 4000 ký tự.')])
  .nullable();

export const ZReportValueInput = z.object({
  criterionId: ZId,
  value: ZReportValue,
  comment: optionalText('Nhận xét theo tiêu chí', 2000),
});

export const ZStartReportBody = z.object({ entryId: ZId, periodId: ZId });

/** Save (autosave) a report: every value and narrative as now on screen. */
export const ZSaveReportBody = z.object({
  values: z.array(ZReportValueInput).max(500),
  results: optionalText('Kết quả đạt được', 20000),
  difficulties: optionalText('Khó khăn, vướng mắc', 20000),
  proposals: optionalText('Đề xuất, kiến nghị', 20000),
  files: z
    .array(z.object({ fileId: ZId, caption: optionalText('Chú thích tệp', 500) }))
    .max(50, 'Tối đa 50 tệp minh chứng.'),
  revision: ZRevision,
});
export type TSaveReportBody = z.infer<typeof ZSaveReportBody>;

export const ZReportRevisionBody = z.object({ revision: ZRevision });

/** A return note next to one field: `criterion:<id>`, `results`, `difficulties`, `proposals` or `files`. */
export const ZReturnNote = z.object({
  field: z
    .string()
    .regex(
      /^(criterion:\d+|results|difficulties|proposals|files)$/,
      'Ô được nhận xét phải là criterion:<mã tiêu chí>, results, difficulties, proposals hoặc files.',
    ),
  note: requiredText('Nhận xét', 2000),
});
export const ZReturnReportBody = z.object({
  reason: requiredText('Lý do trả lại', 2000),
  notes: z.array(ZReturnNote).max(200).default([]),
  revision: ZRevision,
});
export type TReturnReportBody = z.infer<typeof ZReturnReportBody>;

export const ZReportCriterion = z.object({
  criterionId: z.number().int(),
  code: z.string(),
  parentCode: z.string().nullable(),
  title: z.string(),
  measure: z.enum(CRITERION_MEASURES),
  rule: z.enum(CRITERION_RULES),
  target: z.number().nullable(),
  scaleMax: z.number().nullable(),
  value: ZReportValue,
  comment: z.string().nullable(),
  /** Judged by the criterion's rule (null: not judged, or no valid value yet). */
  met: z.boolean().nullable(),
});
export type TReportCriterion = z.infer<typeof ZReportCriterion>;

export const ZReportFile = z.object({
  id: z.number().int(),
  name: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  caption: z.string().nullable(),
});

export const ZReportEvent = z.object({
  id: z.number().int(),
  kind: z.enum(REPORT_EVENT_KINDS),
  label: z.string(),
  reason: z.string().nullable(),
  by: z.string().nullable(),
  at: z.string(),
});

export const ZReport = z.object({
  id: z.number().int(),
  entry: z.object({
    id: z.number().int(),
    kind: z.enum(ENTRY_KINDS),
    name: z.string(),
    ownerUnit: ZRef,
    field: ZRef,
    level: ZRef,
  }),
  period: z.object({
    id: z.number().int(),
    name: z.string(),
    kind: z.enum(PERIOD_KINDS),
    startsOn: z.string(),
    endsOn: z.string(),
    dueOn: z.string(),
  }),
  window: ZWindow,
  criteriaSet: z.object({ id: z.number().int(), version: z.number().int() }),
  status: z.enum(REPORT_STATUSES),
  changedAfterAcceptance: z.boolean(),
  criteria: z.array(ZReportCriterion),
  results: z.string().nullable(),
  difficulties: z.string().nullable(),
  proposals: z.string().nullable(),
  files: z.array(ZReportFile),
  returnReason: z.string().nullable(),
  returnNotes: z.array(z.object({ field: z.string(), note: z.string() })),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  /** Submitted after the due date. */
  late: z.boolean(),
  acceptedAt: z.string().nullable(),
  acceptedBy: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
  events: z.array(ZReportEvent),
  revision: z.number().int(),
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() }),
});
export type TReport = z.infer<typeof ZReport>;

// ─── Lists, completeness, bulk acceptance ───────────────────────────────────
