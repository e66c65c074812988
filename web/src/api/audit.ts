/** /api/v1/audit — the audit log, newest first. */
import { api } from './client.ts';
import type { TAuditIntegrity } from '@common/schemas/audit-integrity.ts';
import type { Page, TAuditActionOption, TAuditEvent } from './types.ts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';

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

// Query hooks: the pages read and refresh this area through these.

export function useAuditEvents(params: AuditListParams) {
  return useQuery({
    queryKey: ['audit', params],
    queryFn: ({ signal }) => auditApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAuditActions() {
  return useQuery({ queryKey: ['audit', 'actions'], queryFn: auditApi.actions, staleTime: 60 * 60_000 });
}
