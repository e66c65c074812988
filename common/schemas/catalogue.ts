/**
 * Request and response schemas of the catalogue: fields / model types (lĩnh
 * vực, loại mô hình) and their versioned criteria sets (bộ tiêu chí).
 */
import { z } from '../zod-setup.ts';
import { foldVietnamese } from '../vn-text.ts';
import { ZDate, ZId, ZRevision, optionalText, requiredText } from './shared.ts';

export const FIELD_APPLIES_TO = ['model', 'exemplar', 'both'] as const;
export type FieldAppliesTo = (typeof FIELD_APPLIES_TO)[number];
export const FIELD_APPLIES_TO_LABELS: Record<FieldAppliesTo, string> = {
  model: 'Mô hình (tập thể)',
  exemplar: 'Điển hình tiên tiến (cá nhân)',
  both: 'Cả mô hình và điển hình tiên tiến',
};

export const CRITERION_MEASURES = ['boolean', 'number', 'percent', 'score', 'text'] as const;
export type CriterionMeasure = (typeof CRITERION_MEASURES)[number];
export const CRITERION_MEASURE_LABELS: Record<CriterionMeasure, string> = {
  boolean: 'Có / không',
  number: 'Số lượng',
  percent: 'Tỷ lệ (%)',
  score: 'Điểm',
  text: 'Nhận xét bằng văn bản',
};

export const CRITERION_RULES = ['yes', 'gte', 'lte', 'none'] as const;
export type CriterionRule = (typeof CRITERION_RULES)[number];
export const CRITERION_RULE_LABELS: Record<CriterionRule, string> = {
  yes: 'Đạt khi "có"',
  gte: 'Đạt khi không thấp hơn mức yêu cầu (≥)',
  lte: 'Đạt khi không vượt quá mức yêu cầu (≤)',
  none: 'Không chấm đạt / không đạt',
};

/** Which rules make sense for each measure. */
export const RULES_FOR_MEASURE: Record<CriterionMeasure, readonly CriterionRule[]> = {
  boolean: ['yes', 'none'],
  number: ['gte', 'lte', 'none'],
  percent: ['gte', 'lte', 'none'],
  score: ['gte', 'lte', 'none'],
  text: ['none'],
};

/** Vietnamese names of the catalogue's request fields (for common/field-labels.ts). */
export const CATALOGUE_FIELD_LABELS: Record<string, string> = {
  appliesTo: 'Áp dụng cho',
  description: 'Mô tả',
  sortOrder: 'Thứ tự',
  active: 'Đang sử dụng',
  effectiveFrom: 'Áp dụng từ ngày',
  criteria: 'Các tiêu chí',
  parentCode: 'Mã tiêu chí cha',
  title: 'Nội dung',
  measure: 'Cách đo',
  rule: 'Cách đánh giá đạt',
  target: 'Mức yêu cầu',
  scaleMax: 'Thang điểm tối đa',
  forUnitId: 'Dùng cho đơn vị',
};

const CRITERION_CODE = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
const codeMessage = 'chỉ gồm chữ, số, dấu chấm, gạch ngang, gạch dưới (ví dụ "TC1", "S1", "TC2.1").';

export const ZCriterionInput = z.object({
  code: requiredText('Mã tiêu chí', 20).regex(CRITERION_CODE, `Mã tiêu chí ${codeMessage}`),
  parentCode: z
    .string()
    .trim()
    .max(20, 'Mã tiêu chí cha dài quá 20 ký tự.')
    .nullish()
    .transform((v) => (v ? v : null)),
  title: requiredText('Nội dung tiêu chí', 1000),
  measure: z.enum(CRITERION_MEASURES, {
    error:
      'Cách đo phải là một trong: boolean (có/không), number (số lượng), percent (tỷ lệ %), score (điểm), text (nhận xét).',
  }),
  rule: z.enum(CRITERION_RULES, {
    error:
      'Cách đánh giá phải là một trong: yes (đạt khi có), gte (≥ mức yêu cầu), lte (≤ mức yêu cầu), none (không chấm).',
  }),
  target: z
    .number({ error: 'Mức yêu cầu phải là số.' })
    .nullish()
    .transform((v) => v ?? null),
  scaleMax: z
    .number({ error: 'Thang điểm tối đa phải là số.' })
    .positive('Thang điểm tối đa phải lớn hơn 0.')
    .nullish()
    .transform((v) => v ?? null),
});
export type TCriterionInput = z.output<typeof ZCriterionInput>;

export interface CriterionIssue {
  /** Index of the criterion in the list. */
  index: number;
  key: 'code' | 'parentCode' | 'rule' | 'target' | 'scaleMax';
  message: string;
}

/**
 * Everything that can be wrong with a list of criteria as a whole or with one
 * criterion's combination of measure, rule, target and scale. Shared by the
 * server schema and the web form.
 */
export function criterionIssues(
  list: ReadonlyArray<Pick<TCriterionInput, 'code' | 'parentCode' | 'measure' | 'rule' | 'target' | 'scaleMax'>>,
): CriterionIssue[] {
  const issues: CriterionIssue[] = [];
  const seen = new Map<string, number>();
  list.forEach((c, index) => {
    const n = index + 1;
    const key = foldVietnamese(c.code);
    const first = seen.get(key);
    if (first !== undefined)
      issues.push({ index, key: 'code', message: `Mã tiêu chí "${c.code}" bị trùng với tiêu chí thứ ${first + 1}.` });
    else seen.set(key, index);

    if (c.parentCode !== null) {
      const parent = seen.get(foldVietnamese(c.parentCode));
      if (foldVietnamese(c.parentCode) === key)
        issues.push({
          index,
          key: 'parentCode',
          message: `Tiêu chí "${c.code}" không thể là tiêu chí con của chính nó.`,
        });
      else if (parent === undefined || parent >= index) {
        issues.push({
          index,
          key: 'parentCode',
          message: `Không có tiêu chí cha mã "${c.parentCode}" đứng trước tiêu chí thứ ${n}; tiêu chí cha phải được liệt kê trước các tiêu chí con.`,
        });
      }
    }

    if (!RULES_FOR_MEASURE[c.measure].includes(c.rule)) {
      const allowed = RULES_FOR_MEASURE[c.measure].map((r) => `"${r}"`).join(', ');
      issues.push({
        index,
        key: 'rule',
        message: `Tiêu chí thứ ${n} đo bằng "${CRITERION_MEASURE_LABELS[c.measure]}" chỉ dùng được cách đánh giá ${allowed}.`,
      });
    }
    const compares = c.rule === 'gte' || c.rule === 'lte';
    if (compares && c.target === null) {
      issues.push({
        index,
        key: 'target',
        message: `Tiêu chí thứ ${n} cần có mức yêu cầu để so sánh (${c.rule === 'gte' ? '≥' : '≤'}).`,
      });
    }
    if (!compares && c.target !== null) {
      issues.push({
        index,
        key: 'target',
        message: `Tiêu chí thứ ${n} chỉ có mức yêu cầu khi cách đánh giá là ≥ (gte) hoặc ≤ (lte).`,
      });
    }
    if (c.measure === 'score') {
      if (c.scaleMax === null)
        issues.push({ index, key: 'scaleMax', message: `Tiêu chí thứ ${n} chấm điểm cần có thang điểm tối đa.` });
      else if (c.target !== null && (c.target < 0 || c.target > c.scaleMax)) {
        issues.push({
          index,
          key: 'target',
          message: `Mức yêu cầu của tiêu chí thứ ${n} phải từ 0 đến ${c.scaleMax} (thang điểm tối đa).`,
        });
      }
    } else if (c.scaleMax !== null) {
      issues.push({
        index,
        key: 'scaleMax',
        message: `Chỉ tiêu chí chấm điểm (score) mới có thang điểm tối đa; tiêu chí thứ ${n} đo bằng "${CRITERION_MEASURE_LABELS[c.measure]}".`,
      });
    }
  });
  return issues;
}

export const ZCriteriaList = z
  .array(ZCriterionInput, { error: 'Các tiêu chí phải là một danh sách.' })
  .min(1, 'Bộ tiêu chí phải có ít nhất 1 tiêu chí.')
  .max(100, 'Bộ tiêu chí có tối đa 100 tiêu chí.')
  .superRefine((list, ctx) => {
    for (const issue of criterionIssues(list))
      ctx.addIssue({ code: 'custom', message: issue.message, path: [issue.index, issue.key] });
  });

const FIELD_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const criteriaSetFields = {
  effectiveFrom: ZDate,
  note: optionalText('Ghi chú', 2000),
  criteria: ZCriteriaList,
};

export const ZCreateFieldBody = z.object({
  /** null: a global field (system administrators only); otherwise the organisation that defines it. */
  ownerUnitId: ZId.nullable(),
  code: z
    .string()
    .trim()
    .max(50, 'Mã lĩnh vực dài quá 50 ký tự.')
    .refine(
      (v) => v === '' || FIELD_CODE.test(v),
      'Mã lĩnh vực chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.',
    )
    .nullish()
    .transform((v) => (v ? v : null)),
  name: requiredText('Tên lĩnh vực / loại mô hình', 300),
  appliesTo: z.enum(FIELD_APPLIES_TO, {
    error: 'Áp dụng cho phải là "model" (mô hình), "exemplar" (điển hình cá nhân) hoặc "both" (cả hai).',
  }),
  description: optionalText('Mô tả', 4000),
  sortOrder: z.number({ error: 'Thứ tự phải là số.' }).int('Thứ tự phải là số nguyên.').min(0).max(100000).default(0),
  ...criteriaSetFields,
});
export type TCreateFieldBody = z.input<typeof ZCreateFieldBody>;

/** PATCH: name, description, order and active only; criteria change by a new version. */
export const ZUpdateFieldBody = z.object({
  name: ZCreateFieldBody.shape.name.optional(),
  description: optionalText('Mô tả', 4000).optional(),
  sortOrder: z.number({ error: 'Thứ tự phải là số.' }).int('Thứ tự phải là số nguyên.').min(0).max(100000).optional(),
  active: z.boolean({ error: 'Đang sử dụng phải là true hoặc false.' }).optional(),
  revision: ZRevision,
});
export type TUpdateFieldBody = z.input<typeof ZUpdateFieldBody>;

/** A new version of the field's criteria: the full list, from a date. `revision` is the field's. */
export const ZAddCriteriaSetBody = z.object({ ...criteriaSetFields, revision: ZRevision });
export type TAddCriteriaSetBody = z.input<typeof ZAddCriteriaSetBody>;

const ZQueryBoolean = z
  .enum(['true', 'false'], { error: 'Giá trị phải là "true" hoặc "false".' })
  .transform((v) => v === 'true');

export const ZFieldListQuery = z.object({
  /** model / exemplar: fields usable for that kind (including "both"); both: only fields for both. */
  appliesTo: z.enum(FIELD_APPLIES_TO, { error: 'Áp dụng cho phải là "model", "exemplar" hoặc "both".' }).optional(),
  q: z.string().trim().max(200, 'Từ khóa dài quá 200 ký tự.').optional(),
  active: ZQueryBoolean.optional(),
  /** Only the fields a unit may use: global ones and those of the unit, its ancestors and their predecessors. */
  forUnitId: ZId.optional(),
  /** The date whose criteria set is "current" (default: today). */
  asOf: ZDate.optional(),
});
export type TFieldListQuery = z.infer<typeof ZFieldListQuery>;

export const ZCriterion = z.object({
  id: z.number().int(),
  code: z.string(),
  parentCode: z.string().nullable(),
  title: z.string(),
  measure: z.enum(CRITERION_MEASURES),
  rule: z.enum(CRITERION_RULES),
  target: z.number().nullable(),
  scaleMax: z.number().nullable(),
  sortOrder: z.number().int(),
});
export type TCriterion = z.infer<typeof ZCriterion>;

export const ZCriteriaSet = z.object({
  id: z.number().int(),
  fieldId: z.number().int(),
  fieldName: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  note: z.string().nullable(),
  createdAt: z.string(),
  criteria: z.array(ZCriterion),
});
export type TCriteriaSet = z.infer<typeof ZCriteriaSet>;

export const ZCriteriaSetRef = z.object({
  id: z.number().int(),
  version: z.number().int(),
  effectiveFrom: z.string(),
  criterionCount: z.number().int(),
});

export const ZField = z.object({
  id: z.number().int(),
  /** null: a global field. */
  ownerUnitId: z.number().int().nullable(),
  ownerUnitName: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  appliesTo: z.enum(FIELD_APPLIES_TO),
  description: z.string().nullable(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  revision: z.number().int(),
  createdAt: z.string(),
  /** The criteria set in effect on the requested date (today by default); null before the first one takes effect. */
  currentCriteriaSet: ZCriteriaSetRef.nullable(),
  /** May the current user change this field (system admin for global fields, catalogue.write on the owner otherwise)? */
  canWrite: z.boolean(),
});
export type TField = z.infer<typeof ZField>;

export const ZFieldDetail = ZField.extend({
  /** Every version, oldest first. */
  criteriaSets: z.array(ZCriteriaSet),
});
export type TFieldDetail = z.infer<typeof ZFieldDetail>;
