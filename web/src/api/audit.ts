/** /api/v1/audit — the audit log, newest first. */
import { api } from './client.ts';
import type { TAuditIntegrity } from '@common/schemas/audit-integrity.ts';
import type { Page, TAuditActionOption, TAuditEvent } from './types.ts';

export type { TAuditIntegrity };

/** A seal written down earlier: the seq and hash of the then newest event. */
export interface AuditAnchor {
  anchorSeq?: number;
  anchorHash?: string;
}

export interface AuditListParams {
  from?: string;
  to?: string;
  actorId?: number;
  action?: string;
  unitId?: number;
  entityType?: string;
  entityId?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const auditApi = {
  list: (params: AuditListParams, signal?: AbortSignal) => api.get<Page<TAuditEvent>>('/audit', { ...params }, signal),
  actions: () => api.get<TAuditActionOption[]>('/audit/actions'),
  /** Recompute the hash chain (readers of the whole log only); audited on the server. */
  integrity: (anchor: AuditAnchor) => api.get<TAuditIntegrity>('/audit/integrity', { ...anchor }),
};
