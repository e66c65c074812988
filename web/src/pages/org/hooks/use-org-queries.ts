/** Queries of the org page; every key starts with 'org' so one invalidation refreshes them all. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { orgApi } from '../../../api/org.ts';

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

/** After a change to the tree: refetch everything under 'org' (and pickers that list units). */
export function useInvalidateOrg() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['org'] });
}
