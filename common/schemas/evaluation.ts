/**
 * Evaluation (đánh giá, công nhận đạt tiêu chí) of models and exemplars for a
 * reporting period or a plan phase: the system's proposal, the evaluator's
 * decision (confirm or override with a reason), the "to review" list and the
 * dashboard of the reporting loop. Rules: server/evaluation/proposal.ts.
 */
import { z } from '../zod-setup.ts';
import { CRITERION_MEASURES, CRITERION_RULES } from './catalogue.ts';
import { ENTRY_KINDS } from './registry.ts';
import { ZDate, ZId, optionalText } from './shared.ts';
import { REPORT_STATUSES } from './reporting.ts';
import { ZCompleteness } from './reporting-completeness.ts';
import { PERIOD_KINDS } from './reporting-periods.ts';

const ZRef = z.object({ id: z.number().int(), name: z.string() });

export const EVALUATION_RESULTS = ['met', 'not_met', 'decided', 'undecided', 'no_report'] as const;
export type EvaluationResult = (typeof EVALUATION_RESULTS)[number];
export const EVALUATION_RESULT_LABELS: Record<EvaluationResult, string> = {
  met: 'Đạt',
  not_met: 'Không đạt',
  decided: 'Đã đánh giá',
  undecided: 'Chưa đánh giá',
  no_report: 'Chưa có báo cáo được tiếp nhận',
};

export const ZEvaluationListQuery = z.object({
  unitId: ZId.optional(),
  fieldId: ZId.optional(),
  levelId: ZId.optional(),
  kind: z.enum(ENTRY_KINDS).optional(),
  result: z
    .enum(EVALUATION_RESULTS, { error: 'Kết quả lọc phải là met, not_met, decided, undecided hoặc no_report.' })
    .optional(),
  search: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500, 'Mỗi trang tối đa 500 dòng.').default(50),
});
export type TEvaluationListQuery = z.infer<typeof ZEvaluationListQuery>;

export const ZEvaluationEntry = z.object({
  id: z.number().int(),
  kind: z.enum(ENTRY_KINDS),
  name: z.string(),
  status: z.string(),
  ownerUnit: ZRef,
  field: ZRef,
  level: ZRef,
});

export const ZProposalSummary = z.object({
  met: z.boolean().nullable(),
  metCount: z.number().int(),
  judgedCount: z.number().int(),
  missingCount: z.number().int(),
});
export type TProposalSummary = z.infer<typeof ZProposalSummary>;

export const ZDecisionSummary = z.object({
  id: z.number().int(),
  decidedMet: z.boolean(),
  overridden: z.boolean(),
  decidedOn: z.string(),
  decidedBy: z.string().nullable(),
  recognitionLevel: ZRef.nullable(),
  revision: z.number().int(),
});

export const ZEvaluationRow = z.object({
  entry: ZEvaluationEntry,
  /** The report for the period (null: none started); for a phase, accepted reports / evaluated periods. */
  report: z
    .object({ id: z.number().int(), status: z.enum(REPORT_STATUSES), changedAfterAcceptance: z.boolean() })
    .nullable(),
  acceptedReports: z.number().int(),
  proposal: ZProposalSummary,
  decision: ZDecisionSummary.nullable(),
  canDecide: z.boolean(),
});
export type TEvaluationRow = z.infer<typeof ZEvaluationRow>;

export const ZScope = z.object({
  type: z.enum(['period', 'phase']),
  id: z.number().int(),
  name: z.string(),
  plan: z.object({ id: z.number().int(), title: z.string() }),
  startsOn: z.string(),
  endsOn: z.string(),
});
export type TScope = z.infer<typeof ZScope>;

export const ZEvaluationPage = z.object({
  scope: ZScope,
  items: z.array(ZEvaluationRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TEvaluationPage = z.infer<typeof ZEvaluationPage>;

export const ZEvaluationDetailQuery = z
  .object({ periodId: ZId.optional(), phaseId: ZId.optional() })
  .superRefine((v, ctx) => {
    if ((v.periodId === undefined) === (v.phaseId === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['periodId'],
        message: 'Chọn đúng một trong hai: kỳ báo cáo (periodId) hoặc giai đoạn (phaseId).',
      });
    }
  });

export const ZEvaluationCriterion = z.object({
  criterionId: z.number().int(),
  code: z.string(),
  parentCode: z.string().nullable(),
  title: z.string(),
  measure: z.enum(CRITERION_MEASURES),
  rule: z.enum(CRITERION_RULES),
  target: z.number().nullable(),
  scaleMax: z.number().nullable(),
  /** The accepted report's value (periods only). */
  value: z.union([z.boolean(), z.number(), z.string()]).nullable(),
  comment: z.string().nullable(),
  judged: z.boolean(),
  proposed: z.boolean().nullable(),
  decided: z.boolean().nullable(),
  reason: z.string().nullable(),
});
export type TEvaluationCriterion = z.infer<typeof ZEvaluationCriterion>;

export const ZEvaluationDetail = z.object({
  entry: ZEvaluationEntry,
  scope: ZScope,
  /** The entry is on the list for this period / phase (only then can it be decided). */
  onList: z.boolean(),
  report: z
    .object({ id: z.number().int(), status: z.enum(REPORT_STATUSES), changedAfterAcceptance: z.boolean() })
    .nullable(),
  /** Phase: what each evaluated period contributed (decision or proposal). */
  periods: z.array(
    z.object({
      id: z.number().int(),
      name: z.string(),
      endsOn: z.string(),
      met: z.boolean().nullable(),
      source: z.enum(['decision', 'proposal']),
    }),
  ),
  criteria: z.array(ZEvaluationCriterion),
  proposal: ZProposalSummary,
  decision: z
    .object({
      id: z.number().int(),
      decidedMet: z.boolean(),
      proposedMet: z.boolean().nullable(),
      overridden: z.boolean(),
      reason: z.string().nullable(),
      recognitionLevel: ZRef.nullable(),
      document: z
        .object({ id: z.number().int(), symbol: z.string(), issuedOn: z.string(), summary: z.string() })
        .nullable(),
      decidedOn: z.string(),
      decidedBy: z.string().nullable(),
      decidedAt: z.string(),
    })
    .nullable(),
  /** Current revision of the decision (null: not decided yet) — send it back to re-decide. */
  revision: z.number().int().nullable(),
  can: z.object({ decide: z.boolean() }),
});
export type TEvaluationDetail = z.infer<typeof ZEvaluationDetail>;

export const ZDecisionBody = z
  .object({
    entryId: ZId,
    periodId: ZId.nullish().transform((v) => v ?? null),
    phaseId: ZId.nullish().transform((v) => v ?? null),
    decidedMet: z.boolean({ error: 'Hãy chọn kết quả: đạt hay không đạt.' }),
    criteria: z
      .array(
        z.object({
          criterionId: ZId,
          decidedMet: z.boolean().nullable(),
          reason: optionalText('Lý do đánh giá khác đề xuất', 2000),
        }),
      )
      .max(500)
      .default([]),
    reason: optionalText('Lý do', 4000),
    recognitionLevelId: ZId.nullish().transform((v) => v ?? null),
    documentId: ZId.nullish().transform((v) => v ?? null),
    decidedOn: ZDate,
    revision: z.number().int().min(1).nullable(),
  })
  .superRefine((v, ctx) => {
    if ((v.periodId === null) === (v.phaseId === null)) {
      ctx.addIssue({
        code: 'custom',
        path: ['periodId'],
        message: 'Chọn đúng một trong hai: kỳ báo cáo (periodId) hoặc giai đoạn (phaseId).',
      });
    }
    const seen = new Set<number>();
    v.criteria.forEach((c, i) => {
      if (seen.has(c.criterionId))
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'criterionId'],
          message: 'Một tiêu chí được đánh giá hai lần.',
        });
      seen.add(c.criterionId);
    });
  });
export type TDecisionBody = z.infer<typeof ZDecisionBody>;
export type TDecisionInput = z.input<typeof ZDecisionBody>;

export const ZConfirmManyBody = z.object({
  entryIds: z
    .array(ZId)
    .min(1, 'Chọn ít nhất một mô hình, điển hình.')
    .max(500, 'Mỗi lần xác nhận tối đa 500 mô hình, điển hình.'),
});
export const CONFIRM_SKIP_REASONS = [
  'not_found',
  'not_allowed',
  'not_on_list',
  'no_proposal',
  'already_decided',
] as const;
export type ConfirmSkipReason = (typeof CONFIRM_SKIP_REASONS)[number];
export const CONFIRM_SKIP_LABELS: Record<ConfirmSkipReason, string> = {
  not_found: 'Không tìm thấy',
  not_allowed: 'Không thuộc thẩm quyền đánh giá của bạn',
  not_on_list: 'Không thuộc danh sách phải báo cáo kỳ này',
  no_proposal: 'Hệ thống chưa đủ dữ liệu để đề xuất',
  already_decided: 'Đã được đánh giá',
};
export const ZConfirmManyResult = z.object({
  confirmed: z.number().int(),
  skipped: z.array(z.object({ entryId: z.number().int(), reason: z.enum(CONFIRM_SKIP_REASONS), label: z.string() })),
});
export type TConfirmManyResult = z.infer<typeof ZConfirmManyResult>;

// ─── To review ─────────────────────────────────────────────────────────────

export const ZToReviewQuery = z.object({
  unitId: ZId.optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
const ZReviewPeriod = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(PERIOD_KINDS),
  endsOn: z.string(),
  decidedOn: z.string(),
  reason: z.string().nullable(),
});
export const ZToReviewRow = z.object({ entry: ZEvaluationEntry, previous: ZReviewPeriod, latest: ZReviewPeriod });
export type TToReviewRow = z.infer<typeof ZToReviewRow>;
export const ZToReviewPage = z.object({
  items: z.array(ZToReviewRow),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TToReviewPage = z.infer<typeof ZToReviewPage>;

// ─── Dashboard ─────────────────────────────────────────────────────────────

const planOrPeriod = (v: { planId?: number; periodId?: number }, ctx: z.RefinementCtx) => {
  if (v.planId === undefined && v.periodId === undefined)
    ctx.addIssue({ code: 'custom', path: ['planId'], message: 'Hãy chọn kế hoạch hoặc kỳ báo cáo.' });
};
const dashboardQueryFields = { planId: ZId.optional(), periodId: ZId.optional(), unitId: ZId.optional() };
export const ZDashboardQuery = z.object(dashboardQueryFields).superRefine(planOrPeriod);
/** The dashboard's data as .xlsx; `sheet` picks one chart's table. */
export const ZDashboardXlsxQuery = z
  .object({
    ...dashboardQueryFields,
    sheet: z.enum(['completeness', 'met', 'trend'], { error: 'Biểu phải là completeness, met hoặc trend.' }).optional(),
  })
  .superRefine(planOrPeriod);

export const ZMetRow = z.object({
  field: ZRef,
  level: ZRef,
  /** Expected entries = evaluated + undecided. */
  expected: z.number().int(),
  evaluated: z.number().int(),
  met: z.number().int(),
  notMet: z.number().int(),
  undecided: z.number().int(),
});
export type TMetRow = z.infer<typeof ZMetRow>;

export const ZTrendRow = z.object({
  period: z.object({ id: z.number().int(), name: z.string(), kind: z.enum(PERIOD_KINDS), endsOn: z.string() }),
  expected: z.number().int(),
  /** Submitted or accepted (= completeness "submitted" + "accepted"). */
  submitted: z.number().int(),
  accepted: z.number().int(),
  evaluated: z.number().int(),
  met: z.number().int(),
});
export type TTrendRow = z.infer<typeof ZTrendRow>;

export const ZDashboard = z.object({
  plan: z.object({ id: z.number().int(), title: z.string() }),
  period: z
    .object({
      id: z.number().int(),
      name: z.string(),
      kind: z.enum(PERIOD_KINDS),
      startsOn: z.string(),
      endsOn: z.string(),
      dueOn: z.string(),
    })
    .nullable(),
  periods: z.array(
    z.object({ id: z.number().int(), name: z.string(), kind: z.enum(PERIOD_KINDS), endsOn: z.string() }),
  ),
  unit: ZRef.nullable(),
  completeness: ZCompleteness.nullable(),
  metByFieldAndLevel: z.array(ZMetRow),
  totals: z.object({
    expected: z.number().int(),
    evaluated: z.number().int(),
    met: z.number().int(),
    notMet: z.number().int(),
    undecided: z.number().int(),
  }),
  trend: z.array(ZTrendRow),
});
export type TDashboard = z.infer<typeof ZDashboard>;
