/** /api/v1/registry/overview — the list on a date, coverage, movement by year — and the dashboards' .xlsx data exports. */
import type { TOverview, TViewUnit } from '@common/schemas/registry-overview.ts';
import { API_BASE, api } from './client.ts';
import type { Page } from './types.ts';

export type { TOverview } from '@common/schemas/registry-overview.ts';
export interface OverviewParams {
  unitId?: number;
  asOf?: string;
  kind?: 'model' | 'exemplar';
}
export interface TCoverageUnit {
  id: number;
  name: string;
  parent: { id: number; name: string } | null;
  models: number;
}

const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const overviewApi = {
  get: (params: OverviewParams, signal?: AbortSignal) =>
    api.get<TOverview>('/registry/overview', { ...params }, signal),
  coverageUnits: (
    params: OverviewParams & { childId?: number; covered: boolean; page: number; pageSize: number },
    signal?: AbortSignal,
  ) => api.get<Page<TCoverageUnit>>('/registry/coverage/units', { ...params, covered: String(params.covered) }, signal),
  xlsxUrl: (params: OverviewParams, sheet: 'active' | 'coverage' | 'movement') =>
    `${API_BASE}/registry/overview.xlsx${query({ ...params, sheet })}`,
  dashboardXlsxUrl: (
    params: { planId?: number; periodId?: number; unitId?: number },
    sheet: 'completeness' | 'met' | 'trend',
  ) => `${API_BASE}/evaluation/dashboard.xlsx${query({ ...params, sheet })}`,
};

export type { TViewUnit } from '@common/schemas/registry-overview.ts';
/** Units whose registry the user may open, ended ones included (their lastDay set): GET /registry/units. */
export const viewUnitsApi = {
  search: (params: { q?: string; pageSize?: number }, signal?: AbortSignal) =>
    api.get<{ items: TViewUnit[] }>('/registry/units', { ...params }, signal),
};
