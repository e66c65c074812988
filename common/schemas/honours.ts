/**
 * Honours (thi đua, khen thưởng): the catalogue of award forms and their
 * dated rules. Shared by the server routes and the web forms.
 */
import { z } from '../zod-setup.ts';
import { ZDate, ZRevision, optionalText, requiredText } from './shared.ts';

export const AWARD_KINDS = ['commendation', 'certificate', 'merit', 'title', 'flag', 'other'] as const;
export const AWARD_KIND_LABELS: Record<(typeof AWARD_KINDS)[number], string> = {
  commendation: 'Tuyên dương',
  certificate: 'Giấy khen',
  merit: 'Bằng khen',
  title: 'Danh hiệu thi đua',
  flag: 'Cờ thi đua',
  other: 'Hình thức khác',
};
export const AWARD_SUBJECTS = ['collective', 'individual', 'both'] as const;
/** award_form_rule: how the council votes and how the threshold is counted. */
export const BALLOT_KINDS = ['secret', 'open'] as const;
export const THRESHOLD_COMPARISONS = ['gte', 'gt'] as const;
export const THRESHOLD_BASES = ['all_members', 'voters'] as const;
export const AWARD_SUBJECT_LABELS: Record<(typeof AWARD_SUBJECTS)[number], string> = {
  collective: 'Tập thể',
  individual: 'Cá nhân',
  both: 'Tập thể và cá nhân',
};
export const GRANTOR_KINDS = [
  'party_committee',
  'people_committee',
  'agency_head',
  'enterprise',
  'mass_organisation',
  'other',
] as const;
export const GRANTOR_KIND_LABELS: Record<(typeof GRANTOR_KINDS)[number], string> = {
  party_committee: 'Cấp ủy đảng',
  people_committee: 'Ủy ban nhân dân',
  agency_head: 'Thủ trưởng cơ quan, đơn vị',
  enterprise: 'Giám đốc doanh nghiệp',
  mass_organisation: 'Đoàn thể',
  other: 'Cơ quan khác',
};

/** "90%", "9/10", "2/3": a share written as officials write it. */
const ZShare = (label: string) =>
  z
    .string({ error: `${label} không được để trống.` })
    .trim()
    .regex(/^(\d{1,3}\s*%|\d+\s*\/\s*\d+)$/, `${label} phải viết dạng 90% hoặc 2/3.`)
    .refine((v) => {
      const m = /^(\d+)\s*\/\s*(\d+)$/.exec(v);
      if (m) return Number(m[2]) > 0 && Number(m[1]) <= Number(m[2]);
      return Number(v.replace('%', '').trim()) <= 100;
    }, `${label} phải từ 0 đến 100%.`);

export const ZAwardRuleInput = z.object({
  validFrom: ZDate,
  grantorKind: z.enum(GRANTOR_KINDS, { error: 'Cấp có thẩm quyền khen phải là một trong danh mục.' }),
  grantorLevelId: z
    .number()
    .int()
    .positive()
    .nullish()
    .transform((v) => v ?? null),
  councilRequired: z.boolean(),
  ballot: z.enum(BALLOT_KINDS, {
    error: 'Hình thức biểu quyết phải là secret (bỏ phiếu kín) hoặc open (biểu quyết công khai).',
  }),
  threshold: ZShare('Tỷ lệ phiếu đồng ý cần đạt'),
  comparison: z.enum(THRESHOLD_COMPARISONS, { error: 'So sánh phải là gte (từ … trở lên) hoặc gt (trên …).' }),
  basis: z.enum(THRESHOLD_BASES, {
    error: 'Cách tính phải là all_members (trên tổng số thành viên) hoặc voters (trên số người bỏ phiếu).',
  }),
  quorum: ZShare('Tỷ lệ thành viên có mặt tối thiểu'),
  disclosureDays: z
    .number()
    .int()
    .min(1, 'Số ngày công khai từ 1 đến 60.')
    .max(60, 'Số ngày công khai từ 1 đến 60.')
    .nullish()
    .transform((v) => v ?? null),
  legalBasis: optionalText('Căn cứ', 1000),
  note: optionalText('Ghi chú', 2000),
});
export type TAwardRuleInput = z.infer<typeof ZAwardRuleInput>;

export const ZCreateAwardFormBody = z.object({
  code: requiredText('Mã hình thức', 40).regex(
    /^[A-Z0-9_]+$/,
    'Mã hình thức chỉ gồm chữ in hoa không dấu, số và dấu gạch dưới.',
  ),
  name: requiredText('Tên hình thức', 300),
  kind: z.enum(AWARD_KINDS, { error: 'Loại hình thức không hợp lệ.' }),
  subject: z.enum(AWARD_SUBJECTS, { error: 'Đối tượng phải là collective (tập thể), individual (cá nhân) hoặc both.' }),
  sortOrder: z.number().int().default(0),
  rule: ZAwardRuleInput,
});
export type TCreateAwardFormBody = z.infer<typeof ZCreateAwardFormBody>;

export const ZUpdateAwardFormBody = z.object({
  name: requiredText('Tên hình thức', 300),
  kind: z.enum(AWARD_KINDS, { error: 'Loại hình thức không hợp lệ.' }),
  subject: z.enum(AWARD_SUBJECTS, { error: 'Đối tượng phải là collective (tập thể), individual (cá nhân) hoặc both.' }),
  sortOrder: z.number().int(),
  active: z.boolean(),
  revision: ZRevision,
});

export const ZAwardRule = z.object({
  id: z.number().int(),
  validFrom: z.string(),
  /** The day before the next version, or null while in force. */
  validTo: z.string().nullable(),
  grantorKind: z.enum(GRANTOR_KINDS),
  grantorLevel: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  councilRequired: z.boolean(),
  ballot: z.enum(BALLOT_KINDS),
  threshold: z.object({ num: z.number().int(), den: z.number().int() }),
  comparison: z.enum(THRESHOLD_COMPARISONS),
  basis: z.enum(THRESHOLD_BASES),
  quorum: z.object({ num: z.number().int(), den: z.number().int() }),
  disclosureDays: z.number().int().nullable(),
  legalBasis: z.string().nullable(),
  note: z.string().nullable(),
  /** "Bỏ phiếu kín; đồng ý từ 90% tổng số thành viên trở lên; có mặt từ 2/3" */
  summary: z.string(),
});
export type TAwardRule = z.infer<typeof ZAwardRule>;

export const ZAwardForm = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(AWARD_KINDS),
  subject: z.enum(AWARD_SUBJECTS),
  sortOrder: z.number().int(),
  active: z.boolean(),
  revision: z.number().int(),
  /** The version in force on the requested date (null: none yet). */
  rule: ZAwardRule.nullable(),
  versions: z.array(ZAwardRule),
});
export type TAwardForm = z.infer<typeof ZAwardForm>;

export const ZAwardFormListQuery = z.object({
  onDate: ZDate.optional(),
  subject: z.enum(['collective', 'individual']).optional(),
  includeInactive: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
