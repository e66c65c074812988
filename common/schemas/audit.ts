/** Request and response schemas of the audit log (nhật ký thao tác). */
import { z } from '../zod-setup.ts';
import { AUDIT_ACTION_KEYS } from '../audit-actions.ts';
import { ZDate, ZId, ZPage, ZPageQuery } from './shared.ts';

export const ZAuditAction = z.enum(AUDIT_ACTION_KEYS as [string, ...string[]], {
  error: 'Thao tác không có trong danh mục.',
});

/** Audit ids are bigserial: larger than the int range of ZId. */
export const ZAuditIdParams = z.object({
  id: z.coerce
    .number({ error: 'Mã số phải là số.' })
    .int('Mã số phải là số nguyên.')
    .positive('Mã số phải lớn hơn 0.')
    .max(Number.MAX_SAFE_INTEGER, 'Mã số quá lớn.'),
});

/** from/to are calendar days in Vietnam time, both inclusive. */
export const ZAuditQuery = ZPageQuery.extend({
  from: ZDate.optional(),
  to: ZDate.optional(),
  actorId: ZId.optional(),
  action: ZAuditAction.optional(),
  entityType: z.string().trim().min(1).max(50).optional(),
  entityId: z.string().trim().min(1).max(100).optional(),
  unitId: ZId.optional(),
  q: z.string().trim().max(200).optional(),
}).refine((v) => !v.from || !v.to || v.from <= v.to, { path: ['to'], message: 'Đến ngày phải không sớm hơn Từ ngày.' });
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

/** audit_event.via: how the actor reached the server (the session cookie, an API token, or the system itself). */
export const AUDIT_VIAS = ['session', 'token', 'system'] as const;

export const ZAuditEvent = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorId: z.number().int().nullable(),
  actorName: z.string(),
  via: z.enum(AUDIT_VIAS),
  action: z.string(),
  actionLabel: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  unitId: z.number().int().nullable(),
  unitName: z.string().nullable(),
  summary: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;

export const ZAuditPage = ZPage(ZAuditEvent);

export const ZAuditActionOption = z.object({ action: z.string(), label: z.string() });
export const ZAuditActionList = z.array(ZAuditActionOption);
