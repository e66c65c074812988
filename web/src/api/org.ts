/** /api/v1/org — the organisation tree and its restructuring. */
import { api } from './client.ts';
import type {
  Page,
  TChangeUnitBody,
  TCreateUnitBody,
  TDissolveBody,
  TLevel,
  TLevelBody,
  TMergeBody,
  TMoveUnitBody,
  TOrgStats,
  TSplitBody,
  TUnitDetail,
  TUnitHistory,
  TUnitSummary,
  TUnitType,
  TUnitTypeBody,
} from './types.ts';

export interface UnitListParams {
  parentId?: number;
  asOf?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export const orgApi = {
  unitTypes: () => api.get<TUnitType[] | { items: TUnitType[] }>('/org/unit-types').then(unwrapList),
  levels: () => api.get<TLevel[] | { items: TLevel[] }>('/org/levels').then(unwrapList),
  /** Danh mục loại đơn vị và cấp: system administrators only; no delete (deactivate instead). */
  createUnitType: (body: TUnitTypeBody) => api.post<TUnitType>('/org/unit-types', body),
  updateUnitType: (id: number, body: TUnitTypeBody) => api.put<TUnitType>(`/org/unit-types/${id}`, body),
  createLevel: (body: TLevelBody) => api.post<TLevel>('/org/levels', body),
  updateLevel: (id: number, body: TLevelBody) => api.put<TLevel>(`/org/levels/${id}`, body),
  units: (params: UnitListParams, signal?: AbortSignal) =>
    api.get<Page<TUnitSummary>>('/org/units', { ...params }, signal),
  unit: (id: number, asOf?: string) => api.get<TUnitDetail>(`/org/units/${id}`, { asOf }),
  history: (id: number) => api.get<TUnitHistory>(`/org/units/${id}/history`),
  stats: (rootId?: number, asOf?: string) => api.get<TOrgStats>('/org/stats', { rootId, asOf }),
  create: (body: TCreateUnitBody) => api.post<TUnitDetail>('/org/units', body),
  change: (id: number, body: TChangeUnitBody) => api.post<TUnitDetail>(`/org/units/${id}/change`, body),
  move: (id: number, body: TMoveUnitBody) => api.post<TUnitDetail>(`/org/units/${id}/move`, body),
  merge: (body: TMergeBody) => api.post<unknown>('/org/merges', body),
  split: (id: number, body: TSplitBody) => api.post<unknown>(`/org/units/${id}/split`, body),
  dissolve: (id: number, body: TDissolveBody) => api.post<unknown>(`/org/units/${id}/dissolve`, body),
};

/** Reference lists may come bare or wrapped in {items}; accept both. */
function unwrapList<T>(value: T[] | { items: T[] }): T[] {
  return Array.isArray(value) ? value : value.items;
}
