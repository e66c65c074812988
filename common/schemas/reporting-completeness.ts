/**
 * Who has reported for a period: the expected entries with their reports (the list behind every
 * completeness number), the counts per subtree and child unit, and accepting many reports at once.
 */
import { z } from '../zod-setup.ts';
import { ENTRY_KINDS } from './registry.ts';
import { REPORT_STATUSES } from './reporting.ts';
import { ZId, ZRef, ZRevision } from './shared.ts';

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
