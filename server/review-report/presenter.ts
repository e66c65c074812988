/** Shaping review reports for the API: a list row, and one report with its current warnings and numbers. */
import type { Kysely } from 'kysely';
import type { TReviewReport } from '../../common/schemas/review-reports.ts';
import type { DB } from '../db/schema.ts';
import { composeReport } from './compose.ts';
import { findReportPeopleAndDocument } from './queries.ts';
import {
  figuresOf,
  layoutOf,
  overridesOf,
  recipientsOf,
  storedWarningsOf,
  textsOf,
  type ReviewReportRow,
} from './report-record.ts';
import { currentWarnings, warningsAcknowledged } from './warnings.ts';

export function presentSummary(r: ReviewReportRow, unitName: string) {
  return {
    id: r.id,
    unit: { id: r.owner_unit_id, name: unitName },
    kind: r.kind,
    title: r.title,
    number: r.number,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    snapshotOn: r.snapshot_on,
    reportDate: r.report_date,
    status: r.status,
    revision: r.revision,
    createdAt: new Date(r.created_at).toISOString(),
    // Every write stores the warnings it leaves and clears the acknowledgement when they change.
    warningCount: storedWarningsOf(r).length,
    warningsAcknowledged: storedWarningsOf(r).length === 0 || r.warnings_acknowledged_at !== null,
  };
}

export async function presentReviewReport(db: Kysely<DB>, r: ReviewReportRow): Promise<TReviewReport> {
  const figures = figuresOf(r);
  const warnings = await currentWarnings(db, figures, textsOf(r), overridesOf(r));
  const { users, doc } = await findReportPeopleAndDocument(db, r);
  const user = (id: number | null) => {
    const u = users.find((x) => x.id === id);
    return u ? { id: u.id, name: u.full_name } : null;
  };
  return {
    ...presentSummary(r, figures.unit.name),
    place: r.place,
    planId: r.plan_id,
    figures,
    texts: textsOf(r),
    overrides: overridesOf(r),
    warnings,
    warningCount: warnings.length,
    warningsAcknowledged: warningsAcknowledged(r, warnings),
    warningsAcknowledgedBy: user(r.warnings_acknowledged_by),
    warningsAcknowledgedAt: r.warnings_acknowledged_at ? new Date(r.warnings_acknowledged_at).toISOString() : null,
    signerAuthority: r.signer_authority,
    signerTitle: r.signer_title,
    signerName: r.signer_name,
    recipients: recipientsOf(r),
    layout: layoutOf(r),
    numbers: composeReport(figures, textsOf(r), overridesOf(r)).numbers,
    createdBy: user(r.created_by),
    updatedAt: new Date(r.updated_at).toISOString(),
    signedBy: user(r.signed_by),
    signedAt: r.signed_at ? new Date(r.signed_at).toISOString() : null,
    document: doc ? { id: doc.id, symbol: doc.symbol, issuedOn: doc.issued_on } : null,
  };
}
