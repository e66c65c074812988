/** /api/v1/people — cán bộ, đảng viên, người lao động. */
import { api } from './client.ts';
import type { Page, TCreatePersonBody, TLeavePersonBody, TPerson, TUpdatePersonBody } from './types.ts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';

export interface PeopleListParams {
  q?: string;
  unitId?: number;
  status?: 'active' | 'left';
  partyMember?: 'true' | 'false';
  gender?: 'male' | 'female';
  page?: number;
  pageSize?: number;
}

export const peopleApi = {
  list: (params: PeopleListParams, signal?: AbortSignal) => api.get<Page<TPerson>>('/people', { ...params }, signal),
  get: (id: number) => api.get<TPerson>(`/people/${id}`),
  create: (body: TCreatePersonBody) => api.post<TPerson>('/people', body),
  update: (id: number, body: TUpdatePersonBody) => api.patch<TPerson>(`/people/${id}`, body),
  leave: (id: number, body: TLeavePersonBody) => api.post<TPerson>(`/people/${id}/leave`, body),
  reinstate: (id: number, revision: number) => api.post<TPerson>(`/people/${id}/reinstate`, { revision }),
};

// Query hooks: the pages read and refresh this area through these.

export function usePeople(params: PeopleListParams) {
  return useQuery({
    queryKey: ['people', params],
    queryFn: ({ signal }) => peopleApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInvalidatePeople() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['people'] });
}
