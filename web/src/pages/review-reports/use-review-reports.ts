/** Queries of the review-report pages; every key starts with 'review-reports'. */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { reviewReportsApi, type ReviewReportListParams, type ReviewReportKind } from '../../api/review-reports.ts';
import { t, type MessageKey } from '../../i18n/index.ts';

export function useReviewReports(params: ReviewReportListParams) {
  return useQuery({
    queryKey: ['review-reports', 'list', params],
    queryFn: ({ signal }) => reviewReportsApi.list(params, signal),
    placeholderData: keepPreviousData,
  });
}

export function useReviewReport(id: number) {
  return useQuery({
    queryKey: ['review-reports', 'one', id],
    queryFn: () => reviewReportsApi.get(id),
    staleTime: 10_000,
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useInvalidateReviewReports() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['review-reports'] });
}

export const reviewKindLabel = (k: ReviewReportKind) => t(`reviewReports.kind.${k}` as MessageKey);
