/** The audit log's integrity check: GET /api/v1/audit/integrity (server/audit/integrity.ts). */
import { z } from '../zod-setup.ts';

/** A head written down earlier ("mã niêm phong"): give both, or neither. */
export const ZAuditIntegrityQuery = z
  .object({
    anchorSeq: z.coerce
      .number({ error: 'Số thứ tự sự kiện phải là số.' })
      .int('Số thứ tự sự kiện phải là số nguyên.')
      .positive('Số thứ tự sự kiện phải lớn hơn 0.')
      .max(Number.MAX_SAFE_INTEGER, 'Số thứ tự sự kiện quá lớn.')
      .optional(),
    anchorHash: z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, 'Mã niêm phong phải gồm đúng 64 ký tự 0–9, a–f (mã SHA-256 đã ghi lại).')
      .optional(),
  })
  .refine((v) => (v.anchorSeq === undefined) === (v.anchorHash === undefined), {
    path: ['anchorHash'],
    message: 'Hãy nhập cả số thứ tự sự kiện và mã niêm phong đã ghi lại, hoặc bỏ trống cả hai.',
  });
export type TAuditIntegrityQuery = z.infer<typeof ZAuditIntegrityQuery>;

export const ZAuditIntegrity = z.object({
  ok: z.boolean(),
  /** Events checked. */
  checked: z.number().int(),
  firstBroken: z
    .object({
      seq: z.number().int(),
      /** missing: an event was removed; content: changed in place; link: changed and re-hashed. */
      reason: z.enum(['missing', 'content', 'link']),
      message: z.string(),
    })
    .nullable(),
  /** The newest event: its seq and hash are the seal to write down outside the system. */
  head: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
  anchor: z
    .object({ seq: z.number().int(), hash: z.string(), found: z.boolean(), matches: z.boolean(), message: z.string() })
    .nullable(),
  checkedAt: z.string(),
  durationMs: z.number().int(),
});
export type TAuditIntegrity = z.infer<typeof ZAuditIntegrity>;
