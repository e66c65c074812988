/** How periods, reports and completeness buckets look: Vietnamese labels (from the catalogue) and tag colours. */
import type {
  CompletenessBucket,
  PeriodKind,
  ReportEventKind,
  ReportStatus,
  TReportCriterion,
} from '../../api/reporting.ts';
import { t, type MessageKey } from '../../i18n/index.ts';

export const periodKindLabel = (kind: PeriodKind) => t(`reporting.kind.${kind}` as MessageKey);
export const reportStatusLabel = (status: ReportStatus) => t(`reporting.status.${status}` as MessageKey);
export const bucketLabel = (bucket: CompletenessBucket) => t(`reporting.bucket.${bucket}` as MessageKey);
export const eventLabel = (kind: ReportEventKind) => t(`reporting.event.${kind}` as MessageKey);

export const BUCKET_COLORS: Record<CompletenessBucket, string> = {
  none: 'default',
  draft: 'gold',
  returned: 'error',
  submitted: 'processing',
  accepted: 'success',
};

export const EVENT_COLORS: Record<ReportEventKind, string> = {
  created: 'gray',
  submitted: 'blue',
  resubmitted: 'blue',
  returned: 'red',
  accepted: 'green',
  changed: 'orange',
  reaccepted: 'green',
};

/** Narrative fields, in the order of the form. */
export const NARRATIVES = ['results', 'difficulties', 'proposals'] as const;
export type Narrative = (typeof NARRATIVES)[number];
export const narrativeLabel = (field: Narrative) => t(`reporting.narrative.${field}` as MessageKey);

/** The return-note field of a criterion. */
export const criterionField = (criterionId: number) => `criterion:${criterionId}`;

/** The label of a return-note field (criterion:<id> → its code and title). */
export function noteFieldLabel(
  field: string,
  criteria: Pick<TReportCriterion, 'criterionId' | 'code' | 'title'>[],
): string {
  const m = /^criterion:(\d+)$/.exec(field);
  if (m) {
    const c = criteria.find((x) => x.criterionId === Number(m[1]));
    return c ? t('reporting.noteField.criterion', { code: c.code, title: c.title }) : field;
  }
  if (field === 'files') return t('reporting.files.title');
  if ((NARRATIVES as readonly string[]).includes(field)) return narrativeLabel(field as Narrative);
  return field;
}

/** A number as shown (Vietnamese separators), with % for percentages. */
export function formatValue(value: number | null, measure: TReportCriterion['measure']): string {
  if (value === null) return '—';
  return `${value.toLocaleString('vi-VN')}${measure === 'percent' ? '%' : ''}`;
}

/** Percent with one decimal, or a dash. */
export const formatPercent = (value: number | null) =>
  value === null ? '—' : `${value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`;
