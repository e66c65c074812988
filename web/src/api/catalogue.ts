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
