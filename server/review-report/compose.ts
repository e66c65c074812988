/**
 * A review report from its stored figures, the operator's texts and the
 * hand-typed overrides: (a) the body blocks of the Party document in the
 * seed's structure (I leadership, II implementation, III results, IV
 * assessment, V directions, VI recommendations), (b) the ReportDraft the
 * consistency checks read — every number the body states, under its figure
 * key, so an override that breaks a breakdown or the movement identity is
 * caught — and (c) the statistics tables, shared by the body and the .xlsx
 * annex. Pure: no database.
 */
import { buildXlsxTables, type StatTable } from '../docgen/xlsx-tables.ts';
import { createComposer, type ComposedReport, type Overrides, type ReportTexts } from './compose-context.ts';
import { composeResults } from './compose-results.ts';
import { composeAssessment, composeImplementation, composeLeadership } from './compose-sections.ts';
import type { ReviewFigures } from './figures.ts';

export type { ComposedReport, Overrides, ReportTexts } from './compose-context.ts';

/** Terms that do not belong in a bloc's report (text copied from a district's). */
export const DEFAULT_FOREIGN_TERMS = ['Huyện ủy', 'Đại hội Đảng bộ huyện'];

export function composeReport(figures: ReviewFigures, texts: ReportTexts, overrides: Overrides): ComposedReport {
  const c = createComposer(figures, texts, overrides);
  const { body, figs, breakdowns, movements, citations, draftTexts, headings, numbers, tables } = c;
  c.operatorText('intro', 'Mở đầu');
  composeLeadership(c);
  composeImplementation(c);
  composeResults(c);
  composeAssessment(c);

  return {
    body,
    numbers: [...numbers.values()],
    draftParts: {
      figures: figs,
      breakdowns,
      movements,
      citations,
      texts: draftTexts,
      headings,
      knownNames: figures.knownNames,
    },
    tables,
  };
}

/** The .xlsx annex: one sheet per statistics table. */
export const buildAnnex = (tables: StatTable[], title: string): Promise<Buffer> => buildXlsxTables(tables, title);
