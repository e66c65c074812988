/** /api/v1/honours — the catalogue of award forms and their dated council rules. */
import type { z } from 'zod';
import type {
  TAwardForm,
  TAwardRuleInput,
  TCreateAwardFormBody,
  ZUpdateAwardFormBody,
} from '@common/schemas/honours.ts';
import { api } from './client.ts';

export type { TAwardForm, TAwardRule, TAwardRuleInput, TCreateAwardFormBody } from '@common/schemas/honours.ts';
export type TUpdateAwardFormBody = z.input<typeof ZUpdateAwardFormBody>;

export const honoursApi = {
  awardForms: (includeInactive: boolean) =>
    api.get<{ items: TAwardForm[]; onDate: string }>(
      '/honours/award-forms',
      includeInactive ? { includeInactive: 'true' } : {},
    ),
  createAwardForm: (body: TCreateAwardFormBody) => api.post<TAwardForm>('/honours/award-forms', body),
  updateAwardForm: (id: number, body: TUpdateAwardFormBody) =>
    api.patch<TAwardForm>(`/honours/award-forms/${id}`, body),
  addRule: (id: number, body: TAwardRuleInput) => api.post<TAwardForm>(`/honours/award-forms/${id}/rules`, body),
};
