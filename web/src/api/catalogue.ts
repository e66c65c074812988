/** /api/v1/catalogue — lĩnh vực, loại mô hình and their versioned criteria sets (bộ tiêu chí). */
import { api } from './client.ts';
import type {
  TAddCriteriaSetBody,
  TCreateFieldBody,
  TCriteriaSet,
  TField,
  TFieldDetail,
  TUpdateFieldBody,
} from './types.ts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';

export interface FieldListParams {
  appliesTo?: 'model' | 'exemplar' | 'both';
  q?: string;
  active?: 'true' | 'false';
  forUnitId?: number;
  asOf?: string;
}

export const catalogueApi = {
  fields: (params: FieldListParams, signal?: AbortSignal) =>
    api.get<{ items: TField[] }>('/catalogue/fields', { ...params }, signal).then((r) => r.items),
  field: (id: number) => api.get<TFieldDetail>(`/catalogue/fields/${id}`),
  create: (body: TCreateFieldBody) => api.post<TFieldDetail>('/catalogue/fields', body),
  update: (id: number, body: TUpdateFieldBody) => api.patch<TFieldDetail>(`/catalogue/fields/${id}`, body),
  addCriteriaSet: (id: number, body: TAddCriteriaSetBody) =>
    api.post<TFieldDetail>(`/catalogue/fields/${id}/criteria-sets`, body),
  criteriaSet: (id: number) => api.get<TCriteriaSet>(`/catalogue/criteria-sets/${id}`),
};

// Query hooks: the pages read and refresh this area through these.

export function useFields(params: FieldListParams) {
  return useQuery({
    queryKey: ['catalogue', 'fields', 'list', params],
    queryFn: ({ signal }) => catalogueApi.fields(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useFieldDetail(id: number | null) {
  return useQuery({
    queryKey: ['catalogue', 'field', id],
    queryFn: () => catalogueApi.field(id!),
    enabled: id !== null,
  });
}

/** The catalogue changed: lists, details and every field picker. */
export function useInvalidateCatalogue() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['catalogue'] });
}
