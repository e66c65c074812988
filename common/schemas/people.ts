/** Request and response schemas of the people registry (cán bộ, đảng viên, người lao động). */
import { z } from '../zod-setup.ts';
import { todayInVietnam } from '../dates.ts';
import { ZDate, ZId, ZRevision, optionalText, requiredText } from './shared.ts';

export const GENDERS = ['male', 'female'] as const;
export const GENDER_LABELS = { male: 'Nam', female: 'Nữ' } as const;
export const PERSON_STATUSES = ['active', 'left'] as const;
export const PERSON_STATUS_LABELS = { active: 'Đang công tác', left: 'Đã thôi công tác / chuyển đi' } as const;

export const ZGender = z.enum(GENDERS, { error: 'Giới tính phải là "male" (nam) hoặc "female" (nữ).' });

const currentYear = () => Number(todayInVietnam().slice(0, 4));

export const ZBirthYear = z
  .number({ error: 'Năm sinh phải là số.' })
  .int('Năm sinh phải là số nguyên.')
  .min(1900, 'Năm sinh phải từ 1900 trở về sau.')
  .refine((y) => y <= currentYear(), 'Năm sinh không được sau năm hiện tại.');

/** A boolean in a query string: only "true" or "false". */
export const ZQueryBoolean = z
  .enum(['true', 'false'], { error: 'Giá trị phải là "true" hoặc "false".' })
  .transform((v) => v === 'true');

/** A date that has already happened (or is today), in Vietnam's calendar. */
export const ZPastDate = ZDate.refine((d) => d <= todayInVietnam(), 'Ngày không được ở tương lai.');

const personFields = {
  fullName: requiredText('Họ và tên', 200),
  gender: ZGender.nullish().transform((v) => v ?? null),
  birthYear: ZBirthYear.nullish().transform((v) => v ?? null),
  position: optionalText('Chức vụ', 300),
  unitId: ZId,
  partyMember: z.boolean({ error: 'Đảng viên phải là true hoặc false.' }).default(false),
};

export const ZCreatePersonBody = z.object(personFields);
export type TCreatePersonBody = z.input<typeof ZCreatePersonBody>;

/** PATCH: only the fields sent are changed; `revision` is the one the client last read. */
export const ZUpdatePersonBody = z.object({
  fullName: personFields.fullName.optional(),
  gender: ZGender.nullable().optional(),
  birthYear: ZBirthYear.nullable().optional(),
  position: optionalText('Chức vụ', 300).optional(),
  unitId: ZId.optional(),
  partyMember: z.boolean({ error: 'Đảng viên phải là true hoặc false.' }).optional(),
  revision: ZRevision,
});
export type TUpdatePersonBody = z.input<typeof ZUpdatePersonBody>;

export const ZLeavePersonBody = z.object({
  leftOn: ZPastDate,
  reason: requiredText('Lý do', 1000),
  revision: ZRevision,
});
export type TLeavePersonBody = z.input<typeof ZLeavePersonBody>;

export const ZReinstatePersonBody = z.object({ revision: ZRevision });

export const ZPersonListQuery = z.object({
  unitId: ZId.optional(),
  q: z.string().trim().max(200, 'Từ khóa dài quá 200 ký tự.').optional(),
  status: z.enum(PERSON_STATUSES, { error: 'Trạng thái phải là "active" hoặc "left".' }).optional(),
  partyMember: ZQueryBoolean.optional(),
  gender: ZGender.optional(),
  page: z.coerce.number().int().min(1, 'Trang phải từ 1 trở lên.').default(1),
  pageSize: z.coerce.number().int().min(1).max(500, 'Mỗi trang tối đa 500 dòng.').default(50),
});
export type TPersonListQuery = z.infer<typeof ZPersonListQuery>;

export const ZPerson = z.object({
  id: z.number().int(),
  fullName: z.string(),
  familyName: z.string(),
  middleName: z.string(),
  givenName: z.string(),
  gender: ZGender.nullable(),
  birthYear: z.number().int().nullable(),
  position: z.string().nullable(),
  unitId: z.number().int(),
  unitName: z.string(),
  partyMember: z.boolean(),
  status: z.enum(PERSON_STATUSES),
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** May the current user change this person (people.write on the person's unit)? */
  canWrite: z.boolean(),
});
export type TPerson = z.infer<typeof ZPerson>;
