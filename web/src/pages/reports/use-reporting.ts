/**
 * Queries of the reporting pages; every key starts with 'reporting' so one invalidation refreshes periods, lists,
 * completeness and reports.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { reportingApi, type PeriodEntriesParams, type PeriodListParams } from '../../api/reporting.ts';

export function usePeriods(params: PeriodListParams, enabled = true) {
  return useQuery({
    queryKey: ['reporting', 'periods', params],
    queryFn: ({ signal }) => reportingApi.periods(params, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useCompleteness(periodId: number | null, unitId: number | undefined) {
  return useQuery({
    queryKey: ['reporting', 'completeness', periodId, unitId ?? null],
    queryFn: ({ signal }) => reportingApi.completeness(periodId!, unitId, signal),
    enabled: periodId !== null,
    placeholderData: keepPreviousData,
  });
}

export function usePeriodEntries(periodId: number | null, params: PeriodEntriesParams) {
  return useQuery({
    queryKey: ['reporting', 'entries', periodId, params],
    queryFn: ({ signal }) => reportingApi.entries(periodId!, params, signal),
    enabled: periodId !== null,
    placeholderData: keepPreviousData,
  });
}

export function useReport(id: number | null) {
  return useQuery({
    queryKey: ['reporting', 'report', id],
    queryFn: () => reportingApi.report(id!),
    enabled: id !== null,
  });
}

export function useOverrides(periodId: number | null) {
  return useQuery({
    queryKey: ['reporting', 'overrides', periodId],
    queryFn: () => reportingApi.overrides(periodId!),
    enabled: periodId !== null,
  });
}

/** After any change: periods, lists, completeness, reports. */
export function useInvalidateReporting() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['reporting'] });
}
