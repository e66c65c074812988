/**
 * Request and response schemas of review reports (báo cáo sơ kết, tổng kết,
 * 6 tháng, năm): computed figures stored as a snapshot, the operator's texts,
 * hand-typed overrides, warnings and their acknowledgement.
 */
import { z } from '../zod-setup.ts';
import { ZDate, ZId, ZRevision, optionalText, requiredText } from './shared.ts';
import { ZReviewFigures } from './review-figures.ts';

export const REVIEW_REPORT_KINDS = ['so_ket', 'tong_ket', 'six_month', 'annual'] as const;
/** review_report.status: final once signed (registered as a document and frozen). */
export const REVIEW_REPORT_STATUSES = ['draft', 'final'] as const;
export type ReviewReportKind = (typeof REVIEW_REPORT_KINDS)[number];
export const REVIEW_REPORT_KIND_LABELS: Record<ReviewReportKind, string> = {
  so_ket: 'Báo cáo sơ kết',
  tong_ket: 'Báo cáo tổng kết',
  six_month: 'Báo cáo 6 tháng',
  annual: 'Báo cáo năm',
};

export const REVIEW_TEXT_KEYS = [
  'intro',
  'leadership',
  'implementation',
  'results',
  'strengths',
  'weaknesses',
  'causes',
  'directions',
  'recommendations',
  'closing',
] as const;
export const REVIEW_TEXT_LABELS: Record<(typeof REVIEW_TEXT_KEYS)[number], string> = {
  intro: 'Mở đầu',
  leadership: 'I. Công tác lãnh đạo, chỉ đạo',
  implementation: 'II. Công tác triển khai thực hiện',
  results: 'III. Các kết quả khác',
  strengths: 'IV.1. Ưu điểm',
  weaknesses: 'IV.2. Hạn chế, khuyết điểm',
  causes: 'IV.3. Nguyên nhân',
  directions: 'V. Phương hướng nhiệm vụ',
  recommendations: 'VI. Kiến nghị, đề xuất',
  closing: 'Kết luận',
};

const ZKind = z.enum(REVIEW_REPORT_KINDS, { error: 'Loại báo cáo không hợp lệ.' });
const ZTexts = z.partialRecord(
  z.enum(REVIEW_TEXT_KEYS, { error: 'Mục văn bản không hợp lệ.' }),
  z.string().max(50_000, 'Mỗi mục dài quá 50.000 ký tự.'),
);
const ZOverrides = z.record(
  z
    .string()
    .regex(/^[a-zA-Z0-9_.]+$/, 'Mã số liệu không hợp lệ.')
    .max(120),
  z
    .number({ error: 'Số liệu sửa tay phải là số.' })
    .int('Số liệu sửa tay phải là số nguyên.')
    .min(0, 'Số liệu sửa tay không được âm.'),
);
const ZRecipients = z.array(requiredText('Nơi nhận', 300)).max(50, 'Tối đa 50 nơi nhận.');
const mm = (label: string) =>
  z
    .number({ error: `${label} phải là số.` })
    .min(0, `${label} không được âm.`)
    .max(400, `${label} quá lớn.`);
const pt = (label: string) =>
  z
    .number({ error: `${label} phải là số.` })
    .min(6, `${label} tối thiểu 6.`)
    .max(40, `${label} tối đa 40.`);
const SIZE_KEYS = [
  'partyHeading',
  'superior',
  'issuer',
  'number',
  'placeDate',
  'docType',
  'summary',
  'body',
  'table',
  'recipientsHeading',
  'recipients',
  'signature',
  'footnote',
] as const;
/** Layout parameters overriding the Party format's defaults (server/docgen/party-layout.ts) for this report. */
export const ZPartyLayoutOverride = z
  .object({
    pageWidthMm: mm('Chiều rộng trang').min(100, 'Chiều rộng trang quá nhỏ.'),
    pageHeightMm: mm('Chiều cao trang').min(100, 'Chiều cao trang quá nhỏ.'),
    margins: z
      .object({ topMm: mm('Lề trên'), bottomMm: mm('Lề dưới'), leftMm: mm('Lề trái'), rightMm: mm('Lề phải') })
      .partial()
      .strict(),
    font: z.string().trim().min(1, 'Phông chữ không được để trống.').max(100),
    partyHeading: z.string().trim().min(1, 'Tiêu đề không được để trống.').max(200),
    sizes: z
      .object(
        Object.fromEntries(SIZE_KEYS.map((k) => [k, pt('Cỡ chữ')])) as Record<
          (typeof SIZE_KEYS)[number],
          ReturnType<typeof pt>
        >,
      )
      .partial()
      .strict(),
    body: z
      .object({
        firstLineIndentMm: mm('Thụt đầu dòng').max(50),
        spaceAfterPt: z.number().min(0, 'Khoảng cách đoạn không được âm.').max(72, 'Khoảng cách đoạn quá lớn.'),
        lineSpacing: z.number().min(1, 'Giãn dòng tối thiểu 1.').max(3, 'Giãn dòng tối đa 3.'),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();
const ZLayout = ZPartyLayoutOverride;

const datesOk = <T extends { from?: string; to?: string }>(v: T, ctx: z.RefinementCtx) => {
  if (v.from && v.to && v.to < v.from)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'Ngày cuối kỳ báo cáo phải từ ngày đầu kỳ trở đi.' });
};

export const ZCreateReviewReportBody = z
  .object({
    unitId: ZId,
    kind: ZKind,
    title: requiredText('Tên (trích yếu) báo cáo', 1000),
    from: ZDate,
    to: ZDate,
    snapshotOn: ZDate.optional(),
    planId: ZId.nullish(),
    number: z.string().trim().max(100, 'Số, ký hiệu dài quá 100 ký tự.').default(''),
    place: z.string().trim().max(200, 'Địa danh dài quá 200 ký tự.').default(''),
    reportDate: ZDate.nullish(),
    signerAuthority: optionalText('Thẩm quyền ký', 200),
    signerTitle: z.string().trim().max(200).default(''),
    signerName: z.string().trim().max(200).default(''),
    recipients: ZRecipients.default([]),
  })
  .superRefine(datesOk);
export type TCreateReviewReportBody = z.infer<typeof ZCreateReviewReportBody>;

export const ZUpdateReviewReportBody = z.object({
  revision: ZRevision,
  title: requiredText('Tên (trích yếu) báo cáo', 1000).optional(),
  texts: ZTexts.optional(),
  overrides: ZOverrides.optional(),
  number: z.string().trim().max(100, 'Số, ký hiệu dài quá 100 ký tự.').optional(),
  place: z.string().trim().max(200, 'Địa danh dài quá 200 ký tự.').optional(),
  reportDate: ZDate.nullish(),
  signerAuthority: optionalText('Thẩm quyền ký', 200).optional(),
  signerTitle: z.string().trim().max(200).optional(),
  signerName: z.string().trim().max(200).optional(),
  recipients: ZRecipients.optional(),
  layout: ZLayout.optional(),
});
export type TUpdateReviewReportBody = z.infer<typeof ZUpdateReviewReportBody>;

export const ZReviewRevisionBody = z.object({ revision: ZRevision });

/** Units a report can be made for, as they stood on a day (an ended unit is reached through the units that succeeded it). */
export const ZReportUnitsQuery = z.object({
  q: z.string().trim().max(200, 'Từ khóa tìm kiếm dài quá 200 ký tự.').optional(),
  asOf: ZDate.optional(),
  pageSize: z.coerce.number().int().min(1).max(100, 'Tối đa 100 đơn vị.').default(30),
});
export const ZReportUnit = z.object({
  id: z.number().int(),
  name: z.string(),
  parentName: z.string().nullable(),
  endedOn: z.string().nullable(),
});
export const ZReportUnitList = z.object({ items: z.array(ZReportUnit) });
export type TReportUnit = z.infer<typeof ZReportUnit>;

export const ZReviewReportListQuery = z.object({
  unitId: ZId.optional(),
  kind: ZKind.optional(),
  page: z.coerce.number().int().min(1, 'Trang phải từ 1 trở lên.').default(1),
  pageSize: z.coerce.number().int().min(1).max(500, 'Mỗi trang tối đa 500 dòng.').default(50),
});

export const ZReviewWarning = z.object({ code: z.string(), message: z.string(), sections: z.array(z.string()) });

export const ZReviewReportSummary = z.object({
  id: z.number().int(),
  unit: z.object({ id: z.number().int(), name: z.string() }),
  kind: ZKind,
  title: z.string(),
  number: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  snapshotOn: z.string(),
  reportDate: z.string().nullable(),
  status: z.enum(REVIEW_REPORT_STATUSES),
  revision: z.number().int(),
  createdAt: z.string(),
  /** Consistency warnings as of the report's last change (the detail recomputes them). */
  warningCount: z.number().int(),
  warningsAcknowledged: z.boolean(),
});

export const ZReviewReport = ZReviewReportSummary.extend({
  place: z.string(),
  planId: z.number().int().nullable(),
  /** The stored snapshot of the computed figures (common/schemas/review-figures.ts). */
  figures: ZReviewFigures,
  texts: z.record(z.string(), z.string()),
  overrides: z.record(z.string(), z.number()),
  warnings: z.array(ZReviewWarning),
  warningsAcknowledged: z.boolean(),
  warningsAcknowledgedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  warningsAcknowledgedAt: z.string().nullable(),
  signerAuthority: z.string().nullable(),
  signerTitle: z.string(),
  signerName: z.string(),
  recipients: z.array(z.string()),
  layout: ZPartyLayoutOverride,
  /** Every number the report states that may be typed over: the keys `overrides` takes, computed and stated values. */
  numbers: z.array(z.object({ key: z.string(), computed: z.number(), value: z.number(), overridden: z.boolean() })),
  createdBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  updatedAt: z.string(),
  /** Who signed and issued the report (ký ban hành); a final report is immutable. */
  signedBy: z.object({ id: z.number().int(), name: z.string() }).nullable().optional(),
  signedAt: z.string().nullable().optional(),
  /** The document the report was registered as in its unit's registry when signed. */
  document: z.object({ id: z.number().int(), symbol: z.string(), issuedOn: z.string() }).nullable().optional(),
});
export type TReviewReport = z.infer<typeof ZReviewReport>;

export const ZReviewReportPage = z.object({
  items: z.array(ZReviewReportSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** Ký ban hành: sign and issue the report at the revision the signer saw. */
export const ZFinalizeReviewReportBody = z.object({ revision: ZRevision });

/** Thể thức văn bản of a unit: layout parameters and the place name, inherited by the units under it. */
export const ZDocumentSettingsBody = z.object({
  layout: ZPartyLayoutOverride.default({}),
  place: z.string().trim().max(200, 'Địa danh dài quá 200 ký tự.').nullish(),
  /** null when the unit has no settings of its own yet. */
  revision: ZRevision.nullable(),
});
export type TDocumentSettingsBody = z.infer<typeof ZDocumentSettingsBody>;

const ZResolvedLayout = z.object({
  pageWidthMm: z.number(),
  pageHeightMm: z.number(),
  margins: z.object({ topMm: z.number(), bottomMm: z.number(), leftMm: z.number(), rightMm: z.number() }),
  font: z.string(),
  partyHeading: z.string(),
  sizes: z.record(z.string(), z.number()),
  body: z.object({ firstLineIndentMm: z.number(), spaceAfterPt: z.number(), lineSpacing: z.number() }),
});

export const ZDocumentSettings = z.object({
  unit: z.object({ id: z.number().int(), name: z.string() }),
  /** The unit's own settings, or null when it only inherits. */
  own: z.object({ layout: ZPartyLayoutOverride, place: z.string().nullable(), revision: z.number().int() }).nullable(),
  /** What documents of the unit get: the defaults under the nearest settings at or above the unit. */
  effective: z.object({
    layout: ZResolvedLayout,
    /** The override those settings make over the defaults (the unit's own, or the ancestor's it inherits). */
    override: ZPartyLayoutOverride,
    place: z.string().nullable(),
    inheritedFrom: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  }),
});
export type TDocumentSettings = z.infer<typeof ZDocumentSettings>;
