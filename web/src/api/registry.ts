/**
 * /api/v1/registry — mô hình, điển hình: registration, approval, life events,
 * monitors, the list and its Excel export, the timeline, the movement ledger,
 * and the Excel import (template, preview, commit).
 */
import { api, download, request } from './client.ts';
import type {
  EntryKind,
  EntryStatus,
  ImportKind,
  LedgerBucket,
  TActivityBody,
  TCreateEntryBody,
  TEntryDetail,
  TEntryPage,
  TImportCommitBody,
  TImportCommitResult,
  TImportPreview,
  TLedger,
  TLedgerEntries,
  TLifeEventBody,
  TTimelineItem,
  TUpdateEntryBody,
} from './types.ts';
import type {
  TChangeOwnerBody,
  TOwnerDivergences,
  TRepairDivergencesBody,
  TRepairDivergencesResult,
} from '@common/schemas/registry.ts';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';

export interface EntryListParams {
  kind?: EntryKind;
  levelId?: number;
  fieldId?: number;
  status?: EntryStatus;
  unitId?: number;
  planId?: number;
  monitorId?: number;
  onDate?: string;
  asOf?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

export interface LedgerParams {
  unitId?: number;
  levelId?: number;
  kind?: EntryKind;
  fieldId?: number;
  from: string;
  to: string;
}

export const registryApi = {
  list: (params: EntryListParams, signal?: AbortSignal) =>
    api.get<TEntryPage>('/registry/entries', { ...params }, signal),
  myAssignments: (page = 1, pageSize = 50) => api.get<TEntryPage>('/registry/my-assignments', { page, pageSize }),
  get: (id: number) => api.get<TEntryDetail>(`/registry/entries/${id}`),
  create: (body: TCreateEntryBody) => api.post<TEntryDetail>('/registry/entries', body),
  update: (id: number, body: TUpdateEntryBody) => api.patch<TEntryDetail>(`/registry/entries/${id}`, body),
  submit: (id: number, revision: number) => api.post<TEntryDetail>(`/registry/entries/${id}/submit`, { revision }),
  returnEntry: (id: number, body: { reason: string; revision: number }) =>
    api.post<TEntryDetail>(`/registry/entries/${id}/return`, body),
  accept: (id: number, body: { effectiveDate: string; documentId: number | null; revision: number }) =>
    api.post<TEntryDetail>(`/registry/entries/${id}/accept`, body),
  /** Chuyển đơn vị quản lý: the entry passes to another unit from the effective date. */
  changeOwner: (id: number, body: TChangeOwnerBody) => api.post<TEntryDetail>(`/registry/entries/${id}/owner`, body),
  event: (id: number, body: TLifeEventBody) => api.post<TEntryDetail>(`/registry/entries/${id}/events`, body),
  activity: (id: number, body: TActivityBody) => api.post<TEntryDetail>(`/registry/entries/${id}/activities`, body),
  timeline: (id: number) => api.get<{ entryId: number; items: TTimelineItem[] }>(`/registry/entries/${id}/timeline`),
  assignMonitor: (id: number, body: { userId: number; assignedOn: string; note: string | null; revision: number }) =>
    api.post<TEntryDetail>(`/registry/entries/${id}/monitors`, body),
  unassignMonitor: (
    id: number,
    monitorId: number,
    body: { unassignedOn: string; note: string | null; revision: number },
  ) => api.post<TEntryDetail>(`/registry/entries/${id}/monitors/${monitorId}/unassign`, body),
  ledger: (params: LedgerParams, signal?: AbortSignal) => api.get<TLedger>('/registry/ledger', { ...params }, signal),
  ledgerEntries: (
    params: LedgerParams & { bucket: LedgerBucket; page?: number; pageSize?: number },
    signal?: AbortSignal,
  ) => api.get<TLedgerEntries>('/registry/ledger/entries', { ...params }, signal),

  /** Đối chiếu đơn vị quản lý: exemplars whose person belongs to another unit, and the repair of chosen ones. */
  ownerDivergences: (page: number, pageSize: number, signal?: AbortSignal) =>
    api.get<TOwnerDivergences>('/registry/owner-divergences', { page, pageSize }, signal),
  repairDivergences: (body: TRepairDivergencesBody) =>
    api.post<TRepairDivergencesResult>('/registry/owner-divergences/repair', body),

  /** The list as .xlsx, with the same filters as the list (no paging). */
  exportXlsx: (params: Omit<EntryListParams, 'page' | 'pageSize'>, fallbackName: string) =>
    download('/registry/export.xlsx', { ...params }, fallbackName),
  template: (kind: ImportKind, ownerUnitId: number | undefined, fallbackName: string) =>
    download('/registry/import/template.xlsx', { kind, ownerUnitId }, fallbackName),
  importPreview: (file: File, kind: ImportKind, ownerUnitId: number) => {
    const body = new FormData();
    // Text fields first: the server reads the parts in order.
    body.append('kind', kind);
    body.append('ownerUnitId', String(ownerUnitId));
    body.append('file', file);
    return request<TImportPreview>('POST', '/registry/import', { body });
  },
  importCommit: (id: number, body: TImportCommitBody) =>
    api.post<TImportCommitResult>(`/registry/import/${id}/commit`, body),
};

// Query hooks: the pages read and refresh this area through these.

/** Queries of the registry pages; every key starts with 'registry' so one invalidation refreshes lists, entries and the ledger. */
export function useEntries(params: EntryListParams) {
  return useQuery({
    queryKey: ['registry', 'list', params],
    queryFn: ({ signal }) => registryApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEntry(id: number | null) {
  return useQuery({ queryKey: ['registry', 'entry', id], queryFn: () => registryApi.get(id!), enabled: id !== null });
}

export function useTimeline(id: number | null) {
  return useQuery({
    queryKey: ['registry', 'timeline', id],
    queryFn: () => registryApi.timeline(id!),
    enabled: id !== null,
  });
}

export function useMyAssignments() {
  return useQuery({ queryKey: ['registry', 'mine'], queryFn: () => registryApi.myAssignments(1, 100) });
}

export function useLedger(params: LedgerParams | null) {
  return useQuery({
    queryKey: ['registry', 'ledger', params],
    queryFn: ({ signal }) => registryApi.ledger(params!, signal),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}

export function useLedgerEntries(
  params: (LedgerParams & { bucket: LedgerBucket; page: number; pageSize: number }) | null,
) {
  return useQuery({
    queryKey: ['registry', 'ledger-entries', params],
    queryFn: ({ signal }) => registryApi.ledgerEntries(params!, signal),
    enabled: params !== null,
    placeholderData: keepPreviousData,
  });
}

export function useOwnerDivergences(page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: ['registry', 'owner-divergences', { page, pageSize }],
    queryFn: ({ signal }) => registryApi.ownerDivergences(page, pageSize, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** After any change to an entry: lists, the entry, its timeline, the ledger, my assignments. */
export function useInvalidateRegistry() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['registry'] });
}
