/**
 * /api/v1/honours — the council (sessions, attendance, recusals, ballots,
 * closing and minutes), decisions and the honours register (certificates,
 * revocation), disclosure for comments (staff side and the public page), and
 * the funnel of a round. Queries keep every key under 'honours' so one
 * invalidation refreshes the round page, the register and the council page.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TCouncilSession,
  TCreateCouncilBody,
  ZBallotBody,
  ZCouncilSummary,
} from '@common/schemas/honours-council.ts';
import type { TDecisionBody, THonour, ZDecisionResult, ZRevokeBody } from '@common/schemas/honours-decisions.ts';
import type {
  ZComment,
  ZCreateDisclosureBody,
  ZDisclosure,
  ZDisclosureSummary,
  ZPublicCandidate,
  ZPublicCommentBody,
  ZPublicDisclosure,
} from '@common/schemas/honours-disclosure.ts';
import type {
  HonourSubject,
  TCandidate,
  TProposal,
  TProposalSummary,
  ZQueueCandidate,
} from '@common/schemas/honours-flow.ts';
import type { FunnelStage, TFunnel, ZFunnelRow } from '@common/schemas/honours-funnel.ts';
import { api, download, request } from './client.ts';
import type { Page } from './types.ts';

export type { TCouncilSession, TCreateCouncilBody, TVoteResult } from '@common/schemas/honours-council.ts';
export type { TDecisionBody, THonour } from '@common/schemas/honours-decisions.ts';
export type { CandidateStatus, HonourSubject, TCandidate, TRound } from '@common/schemas/honours-flow.ts';
export type { FunnelStage, TFunnel } from '@common/schemas/honours-funnel.ts';

export type TCouncilSummary = z.infer<typeof ZCouncilSummary>;
export type TQueueCandidate = z.infer<typeof ZQueueCandidate>;
export type TBallotBody = z.input<typeof ZBallotBody>;
export type TRevokeBody = z.input<typeof ZRevokeBody>;
export type TDecisionResult = z.infer<typeof ZDecisionResult>;
export type TDisclosure = z.infer<typeof ZDisclosure>;
export type TDisclosureSummary = z.infer<typeof ZDisclosureSummary>;
export type TCreateDisclosureBody = z.input<typeof ZCreateDisclosureBody>;
export type TComment = z.infer<typeof ZComment>;
export type TPublicCandidate = z.infer<typeof ZPublicCandidate>;
export type TPublicDisclosure = z.infer<typeof ZPublicDisclosure>;
export type TPublicCommentBody = z.input<typeof ZPublicCommentBody>;
export type TFunnelRow = z.infer<typeof ZFunnelRow>;
export type TCouncilAgendaItem = TCouncilSession['agenda'][number];
/** A unit's own honours (tự khen): the unit grants them and keeps the record. */
export type TRecordOwnBody = Omit<TDecisionBody, 'grantorUnitId' | 'ownerUnitId' | 'externalBody'> & {
  grantorUnitId: number;
};

interface Paging {
  page?: number;
  pageSize?: number;
}

export interface CouncilListParams extends Paging {
  roundId?: number;
  mine?: boolean;
}

export interface QueueParams extends Paging {
  roundId?: number;
  status?: TCandidate['status'];
  subject?: HonourSubject;
}

export interface HonourListParams extends Paging {
  unitId?: number;
  roundId?: number;
  personId?: number;
  entryId?: number;
  awardFormId?: number;
  decisionDocumentId?: number;
  subject?: HonourSubject;
  status?: 'active' | 'revoked';
  external?: boolean;
  from?: string;
  to?: string;
  q?: string;
}

export interface ProposalListParams extends Paging {
  roundId?: number;
  unitId?: number;
  direction?: 'sent' | 'received';
  status?: 'draft' | 'submitted';
}

export interface DisclosureListParams extends Paging {
  roundId?: number;
  unitId?: number;
}

export interface FunnelListParams extends Paging {
  roundId: number;
  unitId?: number;
  stage: FunnelStage;
  subject?: HonourSubject;
}

export const councilApi = {
  sessions: (params: CouncilListParams, signal?: AbortSignal) =>
    api.get<Page<TCouncilSummary>>(
      '/honours/council-sessions',
      { ...params, mine: params.mine === undefined ? undefined : String(params.mine) },
      signal,
    ),
  session: (id: number) => api.get<TCouncilSession>(`/honours/council-sessions/${id}`),
  create: (body: TCreateCouncilBody) => api.post<TCouncilSession>('/honours/council-sessions', body),
  attendance: (id: number, presentUserIds: number[], revision: number) =>
    api.post<TCouncilSession>(`/honours/council-sessions/${id}/attendance`, { presentUserIds, revision }),
  recuse: (id: number, candidateId: number, reason: string) =>
    api.post<TCouncilSession>(`/honours/council-sessions/${id}/recusals`, { candidateId, reason }),
  vote: (id: number, body: TBallotBody) => api.post<TCouncilSession>(`/honours/council-sessions/${id}/ballots`, body),
  close: (id: number, revision: number) =>
    api.post<TCouncilSession>(`/honours/council-sessions/${id}/close`, { revision }),
  minutes: (id: number) =>
    download(`/honours/council-sessions/${id}/minutes.docx`, undefined, `bien-ban-hoi-dong-${id}.docx`),
  /** Candidates of the review queue (e.g. a round's candidates passed to the council, or approved by it). */
  queue: (params: QueueParams, signal?: AbortSignal) =>
    api.get<Page<TQueueCandidate>>('/honours/review-queue', { ...params }, signal),
  proposals: (params: ProposalListParams, signal?: AbortSignal) =>
    api.get<Page<TProposalSummary>>('/honours/proposals', { ...params }, signal),
  proposal: (id: number) => api.get<TProposal>(`/honours/proposals/${id}`),
};

export const honoursRegisterApi = {
  list: (params: HonourListParams, signal?: AbortSignal) =>
    api.get<Page<THonour>>(
      '/honours',
      { ...params, external: params.external === undefined ? undefined : String(params.external) },
      signal,
    ),
  get: (id: number) => api.get<THonour>(`/honours/${id}`),
  decide: (body: TDecisionBody) => api.post<TDecisionResult>('/honours/decisions', body),
  /** Record the honours a unit granted itself (grantor = owner; optionally counted in one of its rounds). */
  recordOwn: (body: TRecordOwnBody) =>
    api.post<TDecisionResult>('/honours/decisions', {
      ...body,
      externalBody: null,
      ownerUnitId: body.grantorUnitId,
    } satisfies TDecisionBody),
  revoke: (id: number, body: TRevokeBody) => api.post<THonour>(`/honours/${id}/revoke`, body),
  certificate: (id: number, format: 'docx' | 'pdf') =>
    download(`/honours/${id}/certificate.${format}`, undefined, `giay-khen-${id}.${format}`),
  certificates: (decisionDocumentId: number, format: 'docx' | 'pdf') =>
    download(
      `/honours/certificates.${format}`,
      { decisionDocumentId },
      `giay-khen-quyet-dinh-${decisionDocumentId}.${format}`,
    ),
};

export const disclosureApi = {
  list: (params: DisclosureListParams, signal?: AbortSignal) =>
    api.get<Page<TDisclosureSummary>>('/honours/disclosures', { ...params }, signal),
  get: (id: number) => api.get<TDisclosure>(`/honours/disclosures/${id}`),
  create: (body: TCreateDisclosureBody) => api.post<TDisclosure>('/honours/disclosures', body),
  markRead: (commentId: number) => api.post<unknown>(`/honours/comments/${commentId}/read`),
};

/** The public page (no sign-in): a 401 must never send the reader to the sign-in page. */
export const publicDisclosureApi = {
  get: (token: string, signal?: AbortSignal) =>
    request<TPublicDisclosure>('GET', `/public/disclosures/${encodeURIComponent(token)}`, { signal, quiet401: true }),
  comment: (token: string, body: TPublicCommentBody) =>
    request<unknown>('POST', `/public/disclosures/${encodeURIComponent(token)}/comments`, { body, quiet401: true }),
};

export const funnelApi = {
  get: (roundId: number, unitId: number | undefined, signal?: AbortSignal) =>
    api.get<TFunnel>('/honours/funnel', { roundId, unitId }, signal),
  list: (params: FunnelListParams, signal?: AbortSignal) =>
    api.get<Page<TFunnelRow>>('/honours/funnel/list', { ...params }, signal),
};

// ─── Queries ───────────────────────────────────────────────────────────────

export function useCouncilSessions(params: CouncilListParams) {
  return useQuery({
    queryKey: ['honours', 'council', 'list', params],
    queryFn: ({ signal }) => councilApi.sessions(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useCouncilSession(id: number | null) {
  return useQuery({
    queryKey: ['honours', 'council', 'one', id],
    queryFn: () => councilApi.session(id!),
    enabled: id !== null,
    // While the council sits, the counts of ballots cast follow the room.
    refetchInterval: (query) => (query.state.data?.status === 'open' ? 20_000 : false),
  });
}

export function useReviewQueue(params: QueueParams, enabled = true) {
  return useQuery({
    queryKey: ['honours', 'queue', params],
    queryFn: ({ signal }) => councilApi.queue(params, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useSentProposals(roundId: number, enabled = true) {
  return useQuery({
    queryKey: ['honours', 'proposals', 'sent', roundId],
    queryFn: ({ signal }) =>
      councilApi.proposals({ roundId, direction: 'sent', status: 'submitted', pageSize: 200 }, signal),
    enabled,
  });
}

export function useProposalDetail(id: number | null) {
  return useQuery({
    queryKey: ['honours', 'proposals', 'one', id],
    queryFn: () => councilApi.proposal(id!),
    enabled: id !== null,
  });
}

export function useHonours(params: HonourListParams, enabled = true) {
  return useQuery({
    queryKey: ['honours', 'register', params],
    queryFn: ({ signal }) => honoursRegisterApi.list(params, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useHonour(id: number | null) {
  return useQuery({
    queryKey: ['honours', 'register', 'one', id],
    queryFn: () => honoursRegisterApi.get(id!),
    enabled: id !== null,
  });
}

export function useDisclosures(params: DisclosureListParams) {
  return useQuery({
    queryKey: ['honours', 'disclosures', 'list', params],
    queryFn: ({ signal }) => disclosureApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useDisclosure(id: number | null) {
  return useQuery({
    queryKey: ['honours', 'disclosures', 'one', id],
    queryFn: () => disclosureApi.get(id!),
    enabled: id !== null,
  });
}

export function usePublicDisclosure(token: string) {
  return useQuery({
    queryKey: ['public-disclosure', token],
    queryFn: ({ signal }) => publicDisclosureApi.get(token, signal),
    enabled: token !== '',
    staleTime: 60_000,
  });
}

export function useFunnel(roundId: number, unitId: number | undefined) {
  return useQuery({
    queryKey: ['honours', 'funnel', roundId, unitId ?? null],
    queryFn: ({ signal }) => funnelApi.get(roundId, unitId, signal),
    placeholderData: keepPreviousData,
  });
}

export function useFunnelList(params: FunnelListParams | null) {
  return useQuery({
    queryKey: ['honours', 'funnel', 'list', params],
    queryFn: ({ signal }) => funnelApi.list(params!, signal),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}

/** Honours data changed: every honours list and detail, and the timelines of entries and people that show honours. */
export function useInvalidateHonours() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: ['honours'] });
    await client.invalidateQueries({ queryKey: ['registry'] });
    await client.invalidateQueries({ queryKey: ['people'] });
  };
}
