/**
 * Periodic reports (báo cáo định kỳ 6 tháng, năm) of models and exemplars
 * against their criteria: reporting periods of a plan, unit overrides (open
 * or close a period for a unit), the report form and its flow, completeness.
 * Shared by the server routes and the web forms. Rules: server/reporting/period-rules.ts.
 */
import { z } from '../zod-setup.ts';
import { CRITERION_MEASURES, CRITERION_RULES } from './catalogue.ts';
import { ENTRY_KINDS } from './registry.ts';
import { ZDate, ZId, ZRevision, optionalText, requiredText } from './shared.ts';

export const PERIOD_KINDS = ['half_year', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = { half_year: '6 tháng', year: 'Năm' };

export const REPORT_STATUSES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi, chờ tiếp nhận',
  returned: 'Bị trả lại',
  accepted: 'Đã tiếp nhận',
};

/** Completeness buckets of an expected entry in a period; `none` = nothing started. */
export const COMPLETENESS_BUCKETS = ['none', 'draft', 'returned', 'submitted', 'accepted'] as const;
export type CompletenessBucket = (typeof COMPLETENESS_BUCKETS)[number];
export const COMPLETENESS_BUCKET_LABELS: Record<CompletenessBucket, string> = {
  none: 'Chưa báo cáo',
  draft: 'Đang soạn',
  returned: 'Bị trả lại',
  submitted: 'Đã gửi, chờ tiếp nhận',
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

const ZRef = z.object({ id: z.number().int(), name: z.string() });

// ─── Periods ────────────────────────────────────────────────────────────────

export const ZPeriod = z.object({
  id: z.number().int(),
  plan: z.object({ id: z.number().int(), title: z.string() }),
  phase: ZRef.nullable(),
  kind: z.enum(PERIOD_KINDS),
  name: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  dueOn: z.string(),
  graceUntil: z.string().nullable(),
  remindDaysBefore: z.number().int(),
  revision: z.number().int(),
  /** What the current user may do: change the period (plans.write on the plan's owner). */
  can: z.object({ edit: z.boolean() }),
});
export type TPeriod = z.infer<typeof ZPeriod>;

export const ZPeriodListQuery = z.object({
  planId: ZId.optional(),
  /** Periods that include this date. */
  onDate: ZDate.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type TPeriodListQuery = z.infer<typeof ZPeriodListQuery>;
export const ZPeriodPage = z.object({
  items: z.array(ZPeriod),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

const periodDates = <T extends { startsOn: string; endsOn: string; dueOn: string; graceUntil?: string | null }>(
  v: T,
  ctx: z.RefinementCtx,
) => {
  if (v.endsOn < v.startsOn)
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Ngày kết thúc kỳ phải từ ngày bắt đầu trở đi.' });
  if (v.dueOn < v.startsOn)
    ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'Hạn nộp báo cáo phải từ ngày bắt đầu kỳ trở đi.' });
  if (v.graceUntil && v.graceUntil < v.dueOn)
    ctx.addIssue({ code: 'custom', path: ['graceUntil'], message: 'Hạn gia hạn phải từ hạn nộp trở đi.' });
};

export const ZCreatePeriodBody = z
  .object({
    planId: ZId,
    phaseId: ZId.nullish().transform((v) => v ?? null),
    kind: z.enum(PERIOD_KINDS, { error: 'Loại kỳ phải là half_year (6 tháng) hoặc year (năm).' }),
    name: requiredText('Tên kỳ báo cáo', 200),
    startsOn: ZDate,
    endsOn: ZDate,
    dueOn: ZDate,
    graceUntil: ZDate.nullish().transform((v) => v ?? null),
    remindDaysBefore: z
      .number()
      .int()
      .min(0, 'Số ngày nhắc trước phải từ 0 đến 60.')
      .max(60, 'Số ngày nhắc trước phải từ 0 đến 60.')
      .default(7),
  })
  .superRefine(periodDates);
export type TCreatePeriodBody = z.infer<typeof ZCreatePeriodBody>;

/**
 * Make every missing six-month and/or annual period of a plan (over its
 * dates, calendar halves and years): due `dueDays` after the period ends,
 * grace `graceDays` after that (0 = none). Existing periods are kept.
 */
export const ZGeneratePeriodsBody = z.object({
  planId: ZId,
  kinds: z
    .array(z.enum(PERIOD_KINDS))
    .min(1, 'Chọn ít nhất một loại kỳ (6 tháng, năm).')
    .default(['half_year', 'year']),
  dueDays: z
    .number()
    .int()
    .min(0, 'Số ngày đến hạn nộp phải từ 0 đến 90.')
    .max(90, 'Số ngày đến hạn nộp phải từ 0 đến 90.')
    .default(15),
  graceDays: z
    .number()
    .int()
    .min(0, 'Số ngày gia hạn phải từ 0 đến 60.')
    .max(60, 'Số ngày gia hạn phải từ 0 đến 60.')
    .default(0),
  remindDaysBefore: z.number().int().min(0).max(60).default(7),
});
export type TGeneratePeriodsBody = z.infer<typeof ZGeneratePeriodsBody>;
export const ZGeneratePeriodsResult = z.object({ created: z.array(ZPeriod), existing: z.number().int() });

export const ZUpdatePeriodBody = z
  .object({
    name: requiredText('Tên kỳ báo cáo', 200),
    startsOn: ZDate,
    endsOn: ZDate,
    dueOn: ZDate,
    graceUntil: ZDate.nullish().transform((v) => v ?? null),
    remindDaysBefore: z.number().int().min(0).max(60),
    revision: ZRevision,
  })
  .superRefine(periodDates);
export type TUpdatePeriodBody = z.infer<typeof ZUpdatePeriodBody>;

/** report_period_override.state: reopened until a date, or closed. */
export const OVERRIDE_STATES = ['open', 'closed'] as const;

/** An operator's exception for one unit and its subtree: reopen until a date, or close now. */
export const ZOverrideBody = z
  .object({
    unitId: ZId,
    state: z.enum(OVERRIDE_STATES, { error: 'Trạng thái phải là open (mở) hoặc closed (khóa).' }),
    openUntil: ZDate.nullish().transform((v) => v ?? null),
    reason: requiredText('Lý do', 1000),
  })
  .superRefine((v, ctx) => {
    if (v.state === 'open' && !v.openUntil)
      ctx.addIssue({ code: 'custom', path: ['openUntil'], message: 'Mở lại kỳ báo cáo cần có ngày hết hạn mới.' });
    if (v.state === 'closed' && v.openUntil)
      ctx.addIssue({ code: 'custom', path: ['openUntil'], message: 'Khóa kỳ báo cáo thì không có ngày hết hạn.' });
  });
export type TOverrideBody = z.infer<typeof ZOverrideBody>;

export const ZOverride = z.object({
  id: z.number().int(),
  unit: ZRef,
  state: z.enum(OVERRIDE_STATES),
  openUntil: z.string().nullable(),
  reason: z.string(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type TOverride = z.infer<typeof ZOverride>;

/** The period's window for one unit (GET /reporting/periods/:id/window?unitId=). */
export const ZWindow = z.object({
  closingDay: z.string().nullable(),
  dueOn: z.string(),
  startsOn: z.string(),
  open: z.boolean(),
  reason: z.string().nullable(),
});
export type TWindow = z.infer<typeof ZWindow>;

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

/** One expected entry of a period with its report (if any). The list behind every completeness number. */
export const ZPeriodEntryRow = z.object({
  entry: z.object({
    id: z.number().int(),
    kind: z.enum(ENTRY_KINDS),
    name: z.string(),
    ownerUnit: ZRef,
    field: ZRef,
    level: ZRef,
  }),
  reportId: z.number().int().nullable(),
  bucket: z.enum(COMPLETENESS_BUCKETS),
  changedAfterAcceptance: z.boolean(),
  late: z.boolean(),
  submittedAt: z.string().nullable(),
  closingDay: z.string().nullable(),
  metCount: z.number().int(),
  judgedCount: z.number().int(),
});
export type TPeriodEntryRow = z.infer<typeof ZPeriodEntryRow>;

export const ZPeriodEntriesQuery = z.object({
  unitId: ZId.optional(),
  bucket: z.enum(COMPLETENESS_BUCKETS).optional(),
  /** Only late ones (nothing submitted by the due date). */
  late: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  kind: z.enum(ENTRY_KINDS).optional(),
  fieldId: ZId.optional(),
  levelId: ZId.optional(),
  search: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type TPeriodEntriesQuery = z.infer<typeof ZPeriodEntriesQuery>;
export const ZPeriodEntriesPage = z.object({
  items: z.array(ZPeriodEntryRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZCompletenessCounts = z.object({
  expected: z.number().int(),
  none: z.number().int(),
  draft: z.number().int(),
  returned: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  /** Nothing submitted and the due date has passed. */
  late: z.number().int(),
  /** (submitted + accepted) / expected, 0–100, one decimal; null when nothing is expected. */
  submittedPercent: z.number().nullable(),
  acceptedPercent: z.number().nullable(),
});
export type TCompletenessCounts = z.infer<typeof ZCompletenessCounts>;

/** Completeness of a subtree for a period, and of each child unit's subtree. */
export const ZCompleteness = z.object({
  period: z.object({ id: z.number().int(), name: z.string(), dueOn: z.string() }),
  unit: ZRef.nullable(),
  total: ZCompletenessCounts,
  children: z.array(ZCompletenessCounts.extend({ unit: ZRef })),
});
export type TCompleteness = z.infer<typeof ZCompleteness>;
export const ZCompletenessQuery = z.object({ unitId: ZId.optional() });

export const ZAcceptManyPreviewBody = z.object({
  reportIds: z.array(ZId).min(1, 'Chọn ít nhất một báo cáo.').max(500, 'Mỗi lần tiếp nhận tối đa 500 báo cáo.'),
});
export const ZAcceptManyPreview = z.object({
  items: z.array(
    z.object({
      reportId: z.number().int(),
      entryName: z.string(),
      ownerUnitName: z.string(),
      status: z.enum(REPORT_STATUSES),
      revision: z.number().int(),
      /** Can it be accepted now? If not, why (Vietnamese). */
      acceptable: z.boolean(),
      problem: z.string().nullable(),
      metCount: z.number().int(),
      judgedCount: z.number().int(),
      missingValues: z.number().int(),
    }),
  ),
});
export const ZAcceptManyBody = z.object({
  items: z
    .array(z.object({ reportId: ZId, revision: ZRevision }))
    .min(1, 'Chọn ít nhất một báo cáo.')
    .max(500, 'Mỗi lần tiếp nhận tối đa 500 báo cáo.'),
});
export const ZAcceptManyResult = z.object({ accepted: z.number().int() });
