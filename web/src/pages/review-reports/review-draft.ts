/** The editable copy of a review report: what the form holds, and the update body it becomes. */
import { REVIEW_TEXT_KEYS, type TReviewReportFull, type TUpdateReviewReportBody } from '../../api/review-reports.ts';

export interface ReviewDraft {
  title: string;
  number: string;
  place: string;
  reportDate: string | null;
  signerAuthority: string;
  signerTitle: string;
  signerName: string;
  /** One recipient (nơi nhận) a line. */
  recipients: string;
  texts: Record<string, string>;
  overrides: Record<string, number>;
}

export const draftOf = (r: TReviewReportFull): ReviewDraft => ({
  title: r.title,
  number: r.number,
  place: r.place,
  reportDate: r.reportDate,
  signerAuthority: r.signerAuthority ?? '',
  signerTitle: r.signerTitle,
  signerName: r.signerName,
  recipients: r.recipients.join('\n'),
  texts: { ...r.texts },
  overrides: { ...r.overrides },
});

export const bodyOf = (d: ReviewDraft, revision: number): TUpdateReviewReportBody => ({
  revision,
  title: d.title,
  number: d.number,
  place: d.place,
  reportDate: d.reportDate,
  signerAuthority: d.signerAuthority,
  signerTitle: d.signerTitle,
  signerName: d.signerName,
  recipients: d.recipients
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== ''),
  texts: Object.fromEntries(REVIEW_TEXT_KEYS.map((k) => [k, d.texts[k] ?? ''])),
  overrides: d.overrides,
});
