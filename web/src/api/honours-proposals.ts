/**
 * /api/v1/honours — rounds (đợt khen thưởng), proposals (tờ trình) with their
 * candidates, review (trả lại / chuyển Hội đồng), suggestions; and a person's
 * honours and disciplines (/people/:id/honours, /people/:id/disciplines).
 * Every query key starts with 'honoursFlow' so one invalidation refreshes all.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { THonour } from '@common/schemas/honours-decisions.ts';
import type { ZDiscipline, ZDisciplineBody } from '@common/schemas/honours-discipline.ts';
import type {
  TAddCandidateBody,
  TCreateProposalBody,
  TCreateRoundBody,
  TProposal,
  TProposalSummary,
  TReviewBody,
  TRound,
  TUpdateProposalBody,
  TUpdateRoundBody,
  ZQueueCandidate,
  ZSuggestion,
  ZUpdateCandidateBody,
  CandidateStatus,
  HonourSubject,
} from '@common/schemas/honours-flow.ts';
import { api, isApiError } from './client.ts';
import { honoursApi } from './honours.ts';
import type { Page } from './types.ts';

export type { THonour } from '@common/schemas/honours-decisions.ts';
export type {
  CandidateStatus,
  HonourSubject,
  RoundKind,
  TAddCandidateBody,
  TCandidate,
  TCreateProposalBody,
  TCreateRoundBody,
  TProposal,
  TProposalSummary,
  TReviewBody,
  TRound,
  TUpdateProposalBody,
  TUpdateRoundBody,
} from '@common/schemas/honours-flow.ts';
export type TQueueCandidate = z.infer<typeof ZQueueCandidate>;
export type TSuggestion = z.infer<typeof ZSuggestion>;
export type TDiscipline = z.infer<typeof ZDiscipline>;
export type TDisciplineBody = z.input<typeof ZDisciplineBody>;
export type TUpdateCandidateBody = z.input<typeof ZUpdateCandidateBody>;

export interface RoundListParams {
  unitId?: number;
  status?: 'open' | 'closed';
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface ProposalListParams {
  roundId?: number;
  unitId?: number;
  direction?: 'sent' | 'received';
  status?: 'draft' | 'submitted';
  page?: number;
  pageSize?: number;
}

export interface ReviewQueueParams {
  roundId?: number;
  status?: CandidateStatus;
  subject?: HonourSubject;
  page?: number;
  pageSize?: number;
}

/** A list that may come as `{ items }` (a page or not) or, defensively, as a bare array. */
export function itemsOf<T>(data: { items?: T[] } | T[] | null | undefined): T[] {
  if (!data) return [];
  if (Array.isArray(data)) return data;
  return data.items ?? [];
}

export const honoursFlowApi = {
  rounds: (params: RoundListParams, signal?: AbortSignal) =>
    api.get<Page<TRound>>('/honours/rounds', { ...params }, signal),
  round: (id: number) => api.get<TRound>(`/honours/rounds/${id}`),
  createRound: (body: TCreateRoundBody) => api.post<TRound>('/honours/rounds', body),
  updateRound: (id: number, body: TUpdateRoundBody) => api.patch<TRound>(`/honours/rounds/${id}`, body),

  proposals: (params: ProposalListParams, signal?: AbortSignal) =>
    api.get<Page<TProposalSummary>>('/honours/proposals', { ...params }, signal),
  proposal: (id: number) => api.get<TProposal>(`/honours/proposals/${id}`),
  createProposal: (body: TCreateProposalBody) => api.post<TProposal>('/honours/proposals', body),
  updateProposal: (id: number, body: TUpdateProposalBody) => api.patch<TProposal>(`/honours/proposals/${id}`, body),
  submitProposal: (id: number, revision: number) =>
    api.post<TProposal>(`/honours/proposals/${id}/submit`, { revision }),
  suggestions: (id: number) => api.get<{ items: TSuggestion[] }>(`/honours/proposals/${id}/suggestions`),
  addCandidate: (proposalId: number, body: TAddCandidateBody) =>
    api.post<unknown>(`/honours/proposals/${proposalId}/candidates`, body),
  updateCandidate: (id: number, body: TUpdateCandidateBody) => api.patch<unknown>(`/honours/candidates/${id}`, body),
  withdrawCandidate: (id: number, revision: number) =>
    api.post<unknown>(`/honours/candidates/${id}/withdraw`, { revision }),
  review: (proposalId: number, body: TReviewBody) => api.post<unknown>(`/honours/proposals/${proposalId}/review`, body),
  reviewQueue: (params: ReviewQueueParams, signal?: AbortSignal) =>
    api.get<Page<TQueueCandidate>>('/honours/review-queue', { ...params }, signal),

  personHonours: (personId: number) =>
    api.get<{ items?: THonour[] } | THonour[]>(`/people/${personId}/honours`, { pageSize: 200 }),
  disciplines: (personId: number) =>
    api.get<{ items?: TDiscipline[] } | TDiscipline[]>(`/people/${personId}/disciplines`),
  addDiscipline: (personId: number, body: TDisciplineBody) =>
    api.post<unknown>(`/people/${personId}/disciplines`, body),
};

const KEY = 'honoursFlow';

export function useRounds(params: RoundListParams) {
  return useQuery({
    queryKey: [KEY, 'rounds', params],
    queryFn: ({ signal }) => honoursFlowApi.rounds(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useRound(id: number | null) {
  return useQuery({ queryKey: [KEY, 'round', id], queryFn: () => honoursFlowApi.round(id!), enabled: id !== null });
}

export function useProposals(params: ProposalListParams, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'proposals', params],
    queryFn: ({ signal }) => honoursFlowApi.proposals(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProposal(id: number | null) {
  return useQuery({
    queryKey: [KEY, 'proposal', id],
    queryFn: () => honoursFlowApi.proposal(id!),
    enabled: id !== null,
  });
}

export function useSuggestions(id: number | null, enabled: boolean) {
  return useQuery({
    queryKey: [KEY, 'suggestions', id],
    queryFn: () => honoursFlowApi.suggestions(id!),
    enabled: id !== null && enabled,
    staleTime: 30_000,
  });
}

export function useReviewQueue(params: ReviewQueueParams, enabled = true) {
  return useQuery({
    queryKey: [KEY, 'queue', params],
    queryFn: ({ signal }) => honoursFlowApi.reviewQueue(params, signal),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Award forms in force (the catalogue), for the candidate form. */
export function useActiveAwardForms() {
  return useQuery({
    queryKey: [KEY, 'awardForms'],
    queryFn: () => honoursApi.awardForms(false),
    staleTime: 5 * 60_000,
  });
}

export function usePersonHonours(personId: number | null) {
  return useQuery({
    queryKey: [KEY, 'personHonours', personId],
    queryFn: () => honoursFlowApi.personHonours(personId!),
    enabled: personId !== null,
    select: (d) => itemsOf<THonour>(d),
  });
}

export function useDisciplines(personId: number | null) {
  return useQuery({
    queryKey: [KEY, 'disciplines', personId],
    queryFn: () => honoursFlowApi.disciplines(personId!),
    enabled: personId !== null,
    select: (d) => itemsOf<TDiscipline>(d),
  });
}

/**
 * Run a write; when the server answers 409 (someone changed the record
 * meanwhile, or its state moved on) refresh the data before rethrowing, so the
 * user sees the server's message and then the current state.
 */
export async function refreshOnConflict<T>(write: Promise<T>, refresh: () => Promise<void>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (isApiError(error) && error.status === 409) void refresh();
    throw error;
  }
}

/** Honours data changed: rounds, proposals, queues (and the registry timelines that show honours). */
export function useInvalidateHonoursFlow() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: [KEY] });
  };
}
