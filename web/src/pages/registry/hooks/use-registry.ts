/** Queries of the registry pages; every key starts with 'registry' so one invalidation refreshes lists, entries and the ledger. */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { registryApi, type EntryListParams, type LedgerParams } from '../../../api/registry.ts';
import type { LedgerBucket } from '../../../api/types.ts';

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

/** After any change to an entry: lists, the entry, its timeline, the ledger, my assignments. */
export function useInvalidateRegistry() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['registry'] });
}
