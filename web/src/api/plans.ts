/** /api/v1/plans — kế hoạch, chương trình: phases, review points (sơ kết, tổng kết) and targets (chỉ tiêu). */
import { api } from './client.ts';
import type { Page, TCreatePlanBody, TPlan, TPlanSummary, TUpdatePlanBody } from './types.ts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';

export interface PlanListParams {
  q?: string;
  ownerUnitId?: number;
  activeOn?: string;
  status?: 'active' | 'closed';
  page?: number;
  pageSize?: number;
}

export const plansApi = {
  list: (params: PlanListParams, signal?: AbortSignal) => api.get<Page<TPlanSummary>>('/plans', { ...params }, signal),
  get: (id: number) => api.get<TPlan>(`/plans/${id}`),
  create: (body: TCreatePlanBody) => api.post<TPlan>('/plans', body),
  update: (id: number, body: TUpdatePlanBody) => api.patch<TPlan>(`/plans/${id}`, body),
  close: (id: number, revision: number) => api.post<TPlan>(`/plans/${id}/close`, { revision }),
};

// Query hooks: the pages read and refresh this area through these.

export function usePlans(params: PlanListParams) {
  return useQuery({
    queryKey: ['plans', 'list', params],
    queryFn: ({ signal }) => plansApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(id: number | null) {
  return useQuery({ queryKey: ['plans', 'one', id], queryFn: () => plansApi.get(id!), enabled: id !== null });
}

/** Plans changed: lists, the plan, and the pickers that offer plans. */
export function useInvalidatePlans() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['plans'] });
}
