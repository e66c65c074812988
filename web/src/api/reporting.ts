/**
 * /api/v1/reporting — reporting periods of a plan (with unit exceptions), the
 * periodic report of a model or exemplar (autosave, submit, return, accept),
 * completeness of a period for a subtree and the list behind every number,
 * and accepting many reports at once (preview first).
 */
import type { z } from 'zod';
import type { TReport, TReturnReportBody, TSaveReportBody } from '@common/schemas/reporting.ts';
import type {
  CompletenessBucket,
  TCompleteness,
  TPeriodEntryRow,
  ZAcceptManyPreview,
  ZAcceptManyResult,
} from '@common/schemas/reporting-completeness.ts';
import type {
  TCreatePeriodBody,
  TOverride,
  TOverrideBody,
  TPeriod,
  TWindow,
  ZGeneratePeriodsBody,
  ZGeneratePeriodsResult,
  ZUpdatePeriodBody,
} from '@common/schemas/reporting-periods.ts';
import { API_BASE, api } from './client.ts';
import type { Page } from './types.ts';

export type { ReportEventKind, ReportStatus, TReport, TReportCriterion } from '@common/schemas/reporting.ts';
export type {
  CompletenessBucket,
  TCompleteness,
  TCompletenessCounts,
  TPeriodEntryRow,
} from '@common/schemas/reporting-completeness.ts';
export type { PeriodKind, TOverride, TPeriod, TWindow } from '@common/schemas/reporting-periods.ts';

export type TGeneratePeriodsBody = z.input<typeof ZGeneratePeriodsBody>;
export type TGeneratePeriodsResult = z.infer<typeof ZGeneratePeriodsResult>;
export type TUpdatePeriodBody = z.input<typeof ZUpdatePeriodBody>;
export type TAcceptManyPreview = z.infer<typeof ZAcceptManyPreview>;
export type TAcceptManyPreviewItem = TAcceptManyPreview['items'][number];
export type TAcceptManyResult = z.infer<typeof ZAcceptManyResult>;
export type TReportFile = TReport['files'][number];
export type TReportEvent = TReport['events'][number];

export interface PeriodListParams {
  planId?: number;
  onDate?: string;
  page?: number;
  pageSize?: number;
}

export interface PeriodEntriesParams {
  unitId?: number;
  bucket?: CompletenessBucket;
  late?: boolean;
  kind?: 'model' | 'exemplar';
  fieldId?: number;
  levelId?: number;
  search?: string;
  page?: number;
  pageSize?: number;
}

export const reportingApi = {
  periods: (params: PeriodListParams, signal?: AbortSignal) =>
    api.get<Page<TPeriod>>('/reporting/periods', { ...params }, signal),
  period: (id: number) => api.get<TPeriod>(`/reporting/periods/${id}`),
  createPeriod: (body: TCreatePeriodBody) => api.post<TPeriod>('/reporting/periods', body),
  generatePeriods: (body: TGeneratePeriodsBody) =>
    api.post<TGeneratePeriodsResult>('/reporting/periods/generate', body),
  updatePeriod: (id: number, body: TUpdatePeriodBody) => api.patch<TPeriod>(`/reporting/periods/${id}`, body),
  overrides: (periodId: number) => api.get<TOverride[]>(`/reporting/periods/${periodId}/overrides`),
  addOverride: (periodId: number, body: TOverrideBody) =>
    api.post<TOverride>(`/reporting/periods/${periodId}/overrides`, body),
  window: (periodId: number, unitId: number) => api.get<TWindow>(`/reporting/periods/${periodId}/window`, { unitId }),
  entries: (periodId: number, params: PeriodEntriesParams, signal?: AbortSignal) =>
    api.get<Page<TPeriodEntryRow>>(`/reporting/periods/${periodId}/entries`, { ...params }, signal),
  completeness: (periodId: number, unitId: number | undefined, signal?: AbortSignal) =>
    api.get<TCompleteness>(`/reporting/periods/${periodId}/completeness`, { unitId }, signal),

  /** Start the report of an entry for a period, or get the one already started. */
  start: (entryId: number, periodId: number) => api.post<TReport>('/reporting/reports', { entryId, periodId }),
  report: (id: number) => api.get<TReport>(`/reporting/reports/${id}`),
  save: (id: number, body: TSaveReportBody) => api.put<TReport>(`/reporting/reports/${id}`, body),
  submit: (id: number, revision: number) => api.post<TReport>(`/reporting/reports/${id}/submit`, { revision }),
  returnReport: (id: number, body: TReturnReportBody) => api.post<TReport>(`/reporting/reports/${id}/return`, body),
  accept: (id: number, revision: number) => api.post<TReport>(`/reporting/reports/${id}/accept`, { revision }),
  acceptManyPreview: (reportIds: number[]) =>
    api.post<TAcceptManyPreview>('/reporting/reports/accept-many/preview', { reportIds }),
  acceptMany: (items: Array<{ reportId: number; revision: number }>) =>
    api.post<TAcceptManyResult>('/reporting/reports/accept-many', { items }),
};

/** Link to a stored file (same origin, cookie-authenticated GET). */
export function storedFileUrl(fileId: number): string {
  return `${API_BASE}/files/${fileId}`;
}
