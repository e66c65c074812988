/**
 * /api/v1/evaluation — đánh giá, công nhận đạt tiêu chí: the lists of a period
 * or a phase with proposals and decisions, one entry's detail, deciding,
 * confirming many proposals, the "to review" list and the dashboard.
 */
import type {
  EvaluationResult,
  TConfirmManyResult,
  TDashboard,
  TDecisionInput,
  TEvaluationDetail,
  TEvaluationPage,
  TToReviewPage,
} from '@common/schemas/evaluation.ts';
import type { TPeriod } from '@common/schemas/reporting-periods.ts';
import { api } from './client.ts';
import type { Page } from './types.ts';

export type {
  EvaluationResult,
  TConfirmManyResult,
  TDashboard,
  TDecisionInput,
  TEvaluationCriterion,
  TEvaluationDetail,
  TEvaluationPage,
  TEvaluationRow,
  TMetRow,
  TToReviewPage,
  TToReviewRow,
  TTrendRow,
} from '@common/schemas/evaluation.ts';

export interface EvaluationListParams {
  unitId?: number;
  fieldId?: number;
  levelId?: number;
  kind?: 'model' | 'exemplar';
  result?: EvaluationResult;
  search?: string;
  page?: number;
  pageSize?: number;
}

export type EvaluationScope = { type: 'period'; id: number } | { type: 'phase'; id: number };

export const evaluationApi = {
  /** The reporting periods (of a plan, or of every plan the user sees) to pick from. */
  periods: (planId?: number) => api.get<Page<TPeriod>>('/reporting/periods', { planId, pageSize: 500 }),
  list: (scope: EvaluationScope, params: EvaluationListParams, signal?: AbortSignal) =>
    api.get<TEvaluationPage>(
      `/evaluation/${scope.type === 'period' ? 'periods' : 'phases'}/${scope.id}`,
      { ...params },
      signal,
    ),
  detail: (entryId: number, scope: EvaluationScope) =>
    api.get<TEvaluationDetail>(
      `/evaluation/entries/${entryId}`,
      scope.type === 'period' ? { periodId: scope.id } : { phaseId: scope.id },
    ),
  decide: (body: TDecisionInput) => api.post<TEvaluationDetail>('/evaluation/decisions', body),
  confirmMany: (periodId: number, entryIds: number[]) =>
    api.post<TConfirmManyResult>(`/evaluation/periods/${periodId}/confirm-many`, { entryIds }),
  toReview: (params: { unitId?: number; page?: number; pageSize?: number }, signal?: AbortSignal) =>
    api.get<TToReviewPage>('/evaluation/to-review', { ...params }, signal),
  dashboard: (params: { planId?: number; periodId?: number; unitId?: number }, signal?: AbortSignal) =>
    api.get<TDashboard>('/evaluation/dashboard', { ...params }, signal),
};
