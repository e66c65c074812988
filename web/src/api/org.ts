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
import type { TUnitActiveEntries } from '@common/schemas/org.ts';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';

export interface UnitListParams {
  parentId?: number;
  asOf?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

/** An entry on the list owned directly by a unit today (GET /org/units/:id/active-entries): what restructuring carries. */
export type ActiveEntry = TUnitActiveEntries['items'][number];

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
  activeEntries: (id: number, signal?: AbortSignal) =>
    api.get<TUnitActiveEntries>(`/org/units/${id}/active-entries`, undefined, signal),
};

/** Reference lists may come bare or wrapped in {items}; accept both. */
function unwrapList<T>(value: T[] | { items: T[] }): T[] {
  return Array.isArray(value) ? value : value.items;
}

// Query hooks: the pages read and refresh this area through these.

/** Queries of the org page; every key starts with 'org' so one invalidation refreshes them all. */
export function useUnitTypes() {
  return useQuery({ queryKey: ['org', 'unit-types'], queryFn: orgApi.unitTypes, staleTime: 10 * 60_000 });
}

export function useLevels() {
  return useQuery({ queryKey: ['org', 'levels'], queryFn: orgApi.levels, staleTime: 10 * 60_000 });
}

export function useUnitDetail(id: number | null, asOf: string) {
  return useQuery({
    queryKey: ['org', 'unit', id, asOf],
    queryFn: () => orgApi.unit(id!, asOf),
    enabled: id !== null,
  });
}

export function useUnitHistory(id: number | null) {
  return useQuery({ queryKey: ['org', 'history', id], queryFn: () => orgApi.history(id!), enabled: id !== null });
}

export function useOrgStats(rootId: number | null, asOf: string) {
  return useQuery({ queryKey: ['org', 'stats', rootId, asOf], queryFn: () => orgApi.stats(rootId ?? undefined, asOf) });
}

export function useUnitSearch(q: string, asOf: string) {
  return useQuery({
    queryKey: ['org', 'units', 'search', { q, asOf }],
    queryFn: ({ signal }) => orgApi.units({ q, asOf, pageSize: 50 }, signal),
    enabled: q.length > 0,
  });
}

/** The active entries of each unit, in the order given (a restructuring's preview); `unitId` says whose. */
export function useActiveEntries(unitIds: number[], enabled = true) {
  return useQueries({
    queries: unitIds.map((id) => ({
      queryKey: ['org', 'active-entries', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => orgApi.activeEntries(id, signal),
      enabled,
    })),
    combine: (results) => ({
      items: results.flatMap((r, i) => (r.data?.items ?? []).map((e) => ({ ...e, unitId: unitIds[i]! }))),
      isPending: results.some((r) => r.isPending && r.fetchStatus !== 'idle'),
      error: results.find((r) => r.error)?.error ?? null,
    }),
  });
}

/** After a change to the tree: refetch everything under 'org' (and pickers that list units). */
export function useInvalidateOrg() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['org'] });
}

/**
 * Queries of the unit-type and level catalogues. The keys are the ones the org
 * page, LevelSelect and the registry forms use, so they share the cache.
 */
export const UNIT_TYPES_KEY = ['org', 'unit-types'] as const;
export const LEVELS_KEY = ['org', 'levels'] as const;

export function useUnitTypeList() {
  return useQuery({ queryKey: UNIT_TYPES_KEY, queryFn: orgApi.unitTypes, staleTime: 10 * 60_000 });
}

export function useLevelCatalogue() {
  return useQuery({ queryKey: LEVELS_KEY, queryFn: orgApi.levels, staleTime: 10 * 60_000 });
}

/**
 * After saving: refetch the catalogues and everything else under 'org'
 * (tree, unit details and statistics show type and level names).
 */
export function useInvalidateOrgReference() {
  const client = useQueryClient();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: UNIT_TYPES_KEY }),
      client.invalidateQueries({ queryKey: LEVELS_KEY }),
    ]);
    await client.invalidateQueries({ queryKey: ['org'] });
  };
}
