/** /api/v1/plans — kế hoạch, chương trình: phases, review points (sơ kết, tổng kết) and targets (chỉ tiêu). */
import { api } from './client.ts';
import type { Page, TCreatePlanBody, TPlan, TPlanSummary, TUpdatePlanBody } from './types.ts';

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
