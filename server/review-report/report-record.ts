/** A review report's row and its JSON columns read back with their defaults (PGlite returns them parsed, pg too). */
import type { Selectable } from 'kysely';
import type { ReviewReportTable } from '../db/schema.ts';
import type { PartyLayoutOverride } from '../docgen/party-layout.ts';
import type { Overrides, ReportTexts } from './compose.ts';
import type { ConsistencyWarning } from './consistency.ts';
import type { ReviewFigures } from './figures.ts';

export type ReviewReportRow = Selectable<ReviewReportTable>;

const asObject = <T>(value: unknown, fallback: T): T =>
  value === null || value === undefined ? fallback : ((typeof value === 'string' ? JSON.parse(value) : value) as T);

export const figuresOf = (r: ReviewReportRow) => asObject<ReviewFigures>(r.figures, null as unknown as ReviewFigures);
export const textsOf = (r: ReviewReportRow) => asObject<ReportTexts>(r.texts, {});
export const overridesOf = (r: ReviewReportRow) => asObject<Overrides>(r.overrides, {});
export const storedWarningsOf = (r: ReviewReportRow) => asObject<ConsistencyWarning[]>(r.warnings, []);
export const recipientsOf = (r: ReviewReportRow) => asObject<string[]>(r.recipients, []);
export const layoutOf = (r: ReviewReportRow) => asObject<PartyLayoutOverride>(r.layout, {});
