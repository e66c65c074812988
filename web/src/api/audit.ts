/** /api/v1/audit — the audit log, newest first. */
import { api } from './client.ts';
import type { Page, TAuditActionOption, TAuditEvent } from './types.ts';

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
};
