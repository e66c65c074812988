import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { auditApi, type AuditListParams } from '../../api/audit.ts';

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
