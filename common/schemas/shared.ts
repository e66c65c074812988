/** Field schemas used by many resources, on the server and in web forms. */
import { z } from '../zod-setup.ts';

/** A calendar date as 'YYYY-MM-DD' (the API's date format; the UI shows dd/mm/yyyy). */
export const ZDate = z
  .string({ error: 'Ngày phải có dạng YYYY-MM-DD.' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng YYYY-MM-DD.')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return (
      !Number.isNaN(d.getTime()) &&
      d.toISOString().slice(0, 10) === s &&
      d.getUTCFullYear() >= 1900 &&
      d.getUTCFullYear() <= 2200
    );
  }, 'Ngày không tồn tại trong lịch.');

export const ZId = z.coerce
  .number({ error: 'Mã số phải là số.' })
  .int('Mã số phải là số nguyên.')
  .positive('Mã số phải lớn hơn 0.')
  .max(2147483647, 'Mã số quá lớn.');

export const ZIdParams = z.object({ id: ZId });
/** An optional reference that is stored as null when left out. */
export const nullableId = ZId.nullish().transform((v) => v ?? null);
/** Another record as a response names it: its id and its name. */
export const ZRef = z.object({ id: z.number().int(), name: z.string() });

/**
 * No NUL (U+0000): PostgreSQL's text cannot hold it. The server refuses it in every request anyway
 * (server/lib/input-guard.ts); here it gives web forms and imported rows a message naming the field.
 */
const noNul = (label: string) =>
  [(s: string) => !s.includes('\u0000'), `${label} có ký tự NUL (U+0000), không lưu được; hãy xóa ký tự này.`] as const;

/** A required one-line text, trimmed, with a Vietnamese message naming the field. */
export const requiredText = (label: string, max = 500) =>
  z
    .string({ error: `${label} không được để trống.` })
    .trim()
    .min(1, `${label} không được để trống.`)
    .max(max, `${label} dài quá ${max} ký tự.`)
    .refine(...noNul(label));

export const optionalText = (label: string, max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `${label} dài quá ${max} ký tự.`)
    .refine(...noNul(label))
    .nullish()
    .transform((v) => (v ? v : null));

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1, 'Trang phải từ 1 trở lên.').default(1),
  pageSize: z.coerce.number().int().min(1).max(500, 'Mỗi trang tối đa 500 dòng.').default(50),
});

export const ZRevision = z.number({ error: 'Thiếu phiên bản (revision) của bản ghi đang sửa.' }).int().min(1);

export function ZPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export const ZOk = z.object({ ok: z.literal(true) });
