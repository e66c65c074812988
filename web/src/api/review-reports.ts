/**
 * /api/v1/review-reports — review reports (sơ kết, tổng kết, 6 tháng, năm):
 * the stored figures, the operator's texts and overrides, warnings and their
 * acknowledgement, and the exports (.docx, .pdf, .xlsx annex).
 */
import type { z } from 'zod';
import type {
  ZCreateReviewReportBody,
  ZDocumentSettingsBody,
  ZReviewReportSummary,
  ZReviewWarning,
  ZUpdateReviewReportBody,
  TDocumentSettings,
  TReviewReport,
  TReportUnit,
} from '@common/schemas/review-reports.ts';
import { API_BASE, api } from './client.ts';
import type { Page } from './types.ts';
import type {
  EntryKind as ReviewEntryKind,
  MovementRow as ReviewMovementRow,
  ReviewFigures,
} from '@common/schemas/review-figures.ts';

export type { ReviewReportKind } from '@common/schemas/review-reports.ts';
export { REVIEW_REPORT_KINDS, REVIEW_TEXT_KEYS } from '@common/schemas/review-reports.ts';

export type TCreateReviewReportBody = z.input<typeof ZCreateReviewReportBody>;
export type TUpdateReviewReportBody = z.input<typeof ZUpdateReviewReportBody>;
export type TReviewReportSummary = z.infer<typeof ZReviewReportSummary>;
export type TReviewWarning = z.infer<typeof ZReviewWarning>;
export type TReviewNumber = TReviewReport['numbers'][number];
export type TDocumentSettingsBody = z.input<typeof ZDocumentSettingsBody>;
export type { TDocumentSettings };

/** The stored figures (server/review-report/figures.ts computes them; the types live in common/schemas/review-figures.ts). */
export type {
  CriteriaRow as ReviewCriteriaRow,
  ExemplarMet as ReviewExemplarMet,
  LevelRef as ReviewLevelRef,
} from '@common/schemas/review-figures.ts';
export type { ReviewEntryKind, ReviewFigures, ReviewMovementRow };
export const MOVEMENT_BUCKETS: Array<keyof ReviewMovementRow> = [
  'start',
  'added',
  'movedIn',
  'movedOut',
  'removed',
  'transferred',
  'replaced',
  'end',
];

export type TReviewReportFull = Omit<TReviewReport, 'figures'> & { figures: ReviewFigures };

export interface ReviewReportListParams {
  unitId?: number;
  kind?: string;
  page?: number;
  pageSize?: number;
}

export const reviewReportsApi = {
  /** Units a report can be made for as they stood on `asOf` (an ended unit through its successors). */
  units: (params: { q?: string; asOf?: string; pageSize?: number }, signal?: AbortSignal) =>
    api.get<{ items: TReportUnit[] }>('/review-reports/units', { ...params }, signal),
  list: (params: ReviewReportListParams, signal?: AbortSignal) =>
    api.get<Page<TReviewReportSummary>>('/review-reports', { ...params }, signal),
  get: (id: number) => api.get<TReviewReportFull>(`/review-reports/${id}`),
  create: (body: TCreateReviewReportBody) => api.post<TReviewReportFull>('/review-reports', body),
  update: (id: number, body: TUpdateReviewReportBody) => api.patch<TReviewReportFull>(`/review-reports/${id}`, body),
  refresh: (id: number, revision: number) => api.post<TReviewReportFull>(`/review-reports/${id}/refresh`, { revision }),
  acknowledge: (id: number, revision: number) =>
    api.post<TReviewReportFull>(`/review-reports/${id}/acknowledge`, { revision }),
  /** Ký ban hành: registers the report in its unit's document registry; the report is final afterwards. */
  finalize: (id: number, revision: number) =>
    api.post<TReviewReportFull>(`/review-reports/${id}/finalize`, { revision }),
};

/** Thể thức văn bản of a unit (/units/:id/document-settings): its own settings and what applies, inherited or not. */
export const documentSettingsApi = {
  get: (unitId: number) => api.get<TDocumentSettings>(`/units/${unitId}/document-settings`),
  save: (unitId: number, body: TDocumentSettingsBody) =>
    api.put<TDocumentSettings>(`/units/${unitId}/document-settings`, body),
};

/** Links to the exports (same origin, cookie-authenticated GET). */
export const reviewReportExportUrl = (id: number, format: 'docx' | 'pdf' | 'annex.xlsx') =>
  `${API_BASE}/review-reports/${id}/${format}`;
