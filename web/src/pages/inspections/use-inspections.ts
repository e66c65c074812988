/** Queries of the inspection pages; every key starts with 'inspections' so one invalidation refreshes lists and details. */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { inspectionsApi, type FollowupListParams, type InspectionListParams } from '../../api/inspections.ts';

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
