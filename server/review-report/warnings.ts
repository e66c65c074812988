/**
 * The consistency warnings of a review report as it stands (stored figures,
 * texts and overrides, cited documents looked up in the registry), and
 * whether the acknowledged ones are still the current ones.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { composeReport, DEFAULT_FOREIGN_TERMS, type Overrides, type ReportTexts } from './compose.ts';
import { checkConsistency, normalizeSymbol, type ConsistencyWarning } from './consistency.ts';
import type { ReviewFigures } from './figures.ts';
import { findKnownDocuments } from './queries.ts';
import { storedWarningsOf, type ReviewReportRow } from './report-record.ts';

export async function currentWarnings(
  db: Kysely<DB>,
  figures: ReviewFigures,
  texts: ReportTexts,
  overrides: Overrides,
): Promise<ConsistencyWarning[]> {
  const composed = composeReport(figures, texts, overrides);
  const symbols = [...new Set(composed.draftParts.citations.map((c) => normalizeSymbol(c.symbol)))];
  const known = await findKnownDocuments(db, symbols);
  return checkConsistency({ ...composed.draftParts, knownDocuments: known, foreignTerms: DEFAULT_FOREIGN_TERMS });
}

const sameWarnings = (a: ConsistencyWarning[], b: ConsistencyWarning[]) => JSON.stringify(a) === JSON.stringify(b);

/** Acknowledged when there is nothing to acknowledge, or the acknowledged warnings are the current ones. */
export function warningsAcknowledged(row: ReviewReportRow, current: ConsistencyWarning[]): boolean {
  if (current.length === 0) return true;
  return row.warnings_acknowledged_at !== null && sameWarnings(storedWarningsOf(row), current);
}
