/**
 * Reporting periods (kỳ báo cáo 6 tháng, năm) of a plan, an operator's override for one unit (open until
 * a date, or closed) and a unit's window. Shared by the server routes and the web forms.
 * Rules: server/reporting/period-rules.ts. The reports themselves: reporting.ts.
 */
import { z } from '../zod-setup.ts';
import { ZDate, ZId, ZRef, ZRevision, requiredText } from './shared.ts';

export const PERIOD_KINDS = ['half_year', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = { half_year: '6 tháng', year: 'Năm' };

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
