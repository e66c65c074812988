/** The exports of a review report: the .docx in the Party format and the .xlsx annex, and their file names. */
import type { Kysely } from 'kysely';
import { REVIEW_REPORT_KIND_LABELS } from '../../common/schemas/review-reports.ts';
import type { DB } from '../db/schema.ts';
import { packPartyDocument } from '../docgen/party-document.ts';
import { buildAnnex, composeReport } from './compose.ts';
import { effectiveLayout } from './document-settings.ts';
import { figuresOf, layoutOf, overridesOf, recipientsOf, textsOf, type ReviewReportRow } from './report-record.ts';

/**
 * The .docx in the Party format, laid out with the unit's effective settings
 * (thể thức văn bản) under the report's own layout; a signed report keeps the
 * layout fixed when it was signed.
 */
export async function buildReviewDocx(db: Kysely<DB>, r: ReviewReportRow): Promise<Buffer> {
  const figures = figuresOf(r);
  const composed = composeReport(figures, textsOf(r), overridesOf(r));
  return packPartyDocument({
    layout: r.status === 'final' ? layoutOf(r) : await effectiveLayout(db, r.owner_unit_id, layoutOf(r)),
    superior: figures.unit.parentName ? figures.unit.parentName.toLocaleUpperCase('vi') : null,
    issuer: figures.unit.name.toLocaleUpperCase('vi'),
    number: r.number || 'Số      -BC',
    place: r.place,
    date: r.report_date,
    year: Number((r.report_date ?? r.snapshot_on).slice(0, 4)),
    docType: 'BÁO CÁO',
    summary: [r.title],
    body: composed.body,
    recipients: recipientsOf(r),
    signature:
      r.signer_name || r.signer_title
        ? { authority: r.signer_authority, title: r.signer_title, name: r.signer_name }
        : null,
  });
}

export async function buildReviewAnnex(r: ReviewReportRow): Promise<Buffer> {
  const composed = composeReport(figuresOf(r), textsOf(r), overridesOf(r));
  return buildAnnex(composed.tables, `${REVIEW_REPORT_KIND_LABELS[r.kind]}: ${r.title}`);
}

/** "Bao-cao-so-ket-15.docx"-style names with the id. */
export const exportName = (r: ReviewReportRow, ext: string) =>
  `Báo-cáo-${r.id}${r.number ? `-${r.number.replace(/[^\p{L}\p{N}-]+/gu, '-')}` : ''}.${ext}`;
