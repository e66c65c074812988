/** The signed-in user and their abilities (GET /auth/me); null when signed out. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Action } from '@common/roles.ts';
import { authApi } from '../api/auth.ts';
import { ApiError } from '../api/client.ts';
import type { TMe } from '../api/types.ts';

export const ME_KEY = ['me'] as const;

async function fetchMe(): Promise<TMe | null> {
  try {
    return await authApi.me();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMeQuery() {
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, staleTime: 60_000, retry: false });
}

/** The signed-in user; only call inside the signed-in area. */
export function useMe(): TMe {
  const { data } = useMeQuery();
  if (!data) throw new Error('useMe() outside the signed-in area');
  return data;
}

export function useCan(action: Action): boolean {
  const { data } = useMeQuery();
  return Boolean(data?.abilities[action]);
}

export function useSetMe() {
  const client = useQueryClient();
  return (me: TMe | null) => client.setQueryData(ME_KEY, me);
}
