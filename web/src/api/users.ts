/** /api/v1/users — accounts, their roles on units, status and passwords. */
import { api } from './client.ts';
import type { Page, TCreateUserBody, TGrantBody, TUser } from './types.ts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';

export interface UserListParams {
  q?: string;
  unitId?: number;
  status?: 'active' | 'disabled';
  page?: number;
  pageSize?: number;
}

export const usersApi = {
  list: (params: UserListParams, signal?: AbortSignal) => api.get<Page<TUser>>('/users', { ...params }, signal),
  create: (body: TCreateUserBody) => api.post<TUser>('/users', body),
  update: (id: number, body: { fullName: string; email?: string | null; revision: number }) =>
    api.patch<TUser>(`/users/${id}`, body),
  setStatus: (id: number, status: 'active' | 'disabled', revision: number) =>
    api.post<TUser>(`/users/${id}/status`, { status, revision }),
  resetPassword: (id: number, newPassword: string) => api.post<TUser>(`/users/${id}/password`, { newPassword }),
  unlock: (id: number) => api.post<TUser>(`/users/${id}/unlock`),
  grant: (id: number, body: TGrantBody) => api.post<TUser>(`/users/${id}/grants`, body),
  revokeGrant: (id: number, grantId: number) => api.post<TUser>(`/users/${id}/grants/${grantId}/revoke`),
};

// Query hooks: the pages read and refresh this area through these.

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: ['users', 'list', params],
    queryFn: ({ signal }) => usersApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInvalidateUsers() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['users'] });
}
