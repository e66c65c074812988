/**
 * Queries of the unit-type and level catalogues. The keys are the ones the org
 * page, LevelSelect and the registry forms use, so they share the cache.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { orgApi } from '../../api/org.ts';

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
