/**
 * /api/v1/inspections — kiểm tra, giám sát (team, entries covered, findings,
 * conclusion, follow-ups) — and /registry/entries/:id/monitor-notes (theo dõi, đôn đốc).
 */
import type { z } from 'zod';
import type {
  FollowupStatus,
  InspectionKind,
  InspectionStatus,
  TCloseFollowupBody,
  TConcludeBody,
  TCreateInspectionBody,
  TFindingsBody,
  TFollowupBody,
  TUpdateInspectionBody,
  ZFollowupPage,
  ZInspectionDetail,
  ZInspectionPage,
} from '@common/schemas/inspections.ts';
import type { TMonitorNoteBody, TMonitorNotePage } from '@common/schemas/monitoring.ts';
import { api } from './client.ts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';

export type {
  Assessment,
  FollowupStatus,
  InspectionKind,
  InspectionStatus,
  MemberRole,
  TFollowup,
  TInspectionDetail,
  TInspectionSummary,
  TCreateInspectionBody,
  TUpdateInspectionBody,
} from '@common/schemas/inspections.ts';
export type { MonitorNoteKind, TMonitorNote, TMonitorNotePage, TMonitorNoteBody } from '@common/schemas/monitoring.ts';

export type TInspectionPage = z.infer<typeof ZInspectionPage>;
export type TFollowupPage = z.infer<typeof ZFollowupPage>;
type Detail = z.infer<typeof ZInspectionDetail>;

export interface InspectionListParams {
  status?: InspectionStatus;
  kind?: InspectionKind;
  unitId?: number;
  entryId?: number;
  search?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface FollowupListParams {
  status?: FollowupStatus;
  unitId?: number;
  inspectionId?: number;
  overdue?: boolean;
  page?: number;
  pageSize?: number;
}

export const inspectionsApi = {
  list: (params: InspectionListParams, signal?: AbortSignal) =>
    api.get<TInspectionPage>('/inspections', { ...params }, signal),
  get: (id: number) => api.get<Detail>(`/inspections/${id}`),
  create: (body: TCreateInspectionBody) => api.post<Detail>('/inspections', body),
  update: (id: number, body: TUpdateInspectionBody) => api.patch<Detail>(`/inspections/${id}`, body),
  saveFindings: (id: number, body: TFindingsBody) => api.put<Detail>(`/inspections/${id}/findings`, body),
  conclude: (id: number, body: TConcludeBody) => api.post<Detail>(`/inspections/${id}/conclude`, body),
  addFollowup: (id: number, body: TFollowupBody) => api.post<Detail>(`/inspections/${id}/followups`, body),
  closeFollowup: (followupId: number, body: TCloseFollowupBody) =>
    api.post<Detail>(`/inspections/followups/${followupId}/close`, body),
  followups: (params: FollowupListParams, signal?: AbortSignal) =>
    api.get<TFollowupPage>('/inspections/followups', { ...params }, signal),
};

export const monitoringApi = {
  notes: (entryId: number, page = 1, pageSize = 20) =>
    api.get<TMonitorNotePage>(`/registry/entries/${entryId}/monitor-notes`, { page, pageSize }),
  record: (entryId: number, body: TMonitorNoteBody) =>
    api.post<TMonitorNotePage>(`/registry/entries/${entryId}/monitor-notes`, body),
};

// Query hooks: the pages read and refresh this area through these.

/** Queries of the inspection pages; every key starts with 'inspections' so one invalidation refreshes lists and details. */
export function useInspections(params: InspectionListParams) {
  return useQuery({
    queryKey: ['inspections', 'list', params],
    queryFn: ({ signal }) => inspectionsApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useInspection(id: number | null) {
  return useQuery({
    queryKey: ['inspections', 'one', id],
    queryFn: () => inspectionsApi.get(id!),
    enabled: id !== null,
  });
}

export function useFollowups(params: FollowupListParams) {
  return useQuery({
    queryKey: ['inspections', 'followups', params],
    queryFn: ({ signal }) => inspectionsApi.followups(params, signal),
    placeholderData: keepPreviousData,
  });
}

/** Inspections changed: lists, details, and the entry timelines that show them. */
export function useInvalidateInspections() {
  const client = useQueryClient();
  return async () => {
    await client.invalidateQueries({ queryKey: ['inspections'] });
    await client.invalidateQueries({ queryKey: ['registry'] });
  };
}
