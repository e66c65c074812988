/**
 * The stored figures of a review report (version 1): what
 * server/review-report/figures.ts computes and keeps as the report's
 * snapshot, and what the web page shows. One zod schema, so the API document
 * describes the figures a report answers with and the response is checked
 * against it; the types are inferred from it, shared by both sides.
 */
import { z } from '../zod-setup.ts';
import { FUNNEL_STAGES } from './honours-funnel.ts';
import { ENTRY_KINDS } from './registry.ts';

const count = z.number().int();
const id = z.number().int();

export const ZEntryKind = z.enum(ENTRY_KINDS);
export type EntryKind = z.infer<typeof ZEntryKind>;

export const ZLevelRef = z.object({ id, code: z.string(), name: z.string(), rank: z.number().int() });
export type LevelRef = z.infer<typeof ZLevelRef>;

/** start + added + movedIn − movedOut − removed − transferred − replaced = end. */
export const ZMovementRow = z.object({
  start: count,
  added: count,
  movedIn: count,
  movedOut: count,
  removed: count,
  transferred: count,
  replaced: count,
  end: count,
});
export type MovementRow = z.infer<typeof ZMovementRow>;

export const ZCriteriaRow = z.object({
  kind: ZEntryKind,
  levelId: id,
  fieldId: id,
  fieldName: z.string(),
  onList: count,
  evaluated: count,
  met: count,
});
export type CriteriaRow = z.infer<typeof ZCriteriaRow>;

export const ZExemplarMet = z.object({
  entryId: id,
  name: z.string(),
  position: z.string().nullable(),
  unitName: z.string(),
  levelId: id,
});
export type ExemplarMet = z.infer<typeof ZExemplarMet>;

export const ZCitedDocument = z.object({
  id,
  symbol: z.string(),
  issuedOn: z.string(),
  summary: z.string(),
  typeName: z.string(),
  role: z.enum(['plan', 'unit']),
});
export type CitedDocument = z.infer<typeof ZCitedDocument>;

const ZKindCounts = z.object({ total: count, byLevel: z.array(z.object({ levelId: id, count })) });
const ZKindMovements = z.object({ total: ZMovementRow, byLevel: z.array(ZMovementRow.extend({ levelId: id })) });

export const ZReviewFigures = z.object({
  version: z.literal(1),
  unit: z.object({ id, name: z.string(), parentName: z.string().nullable() }),
  from: z.string(),
  to: z.string(),
  asOf: z.string(),
  planId: id.nullable(),
  /** Every level that appears anywhere below, highest first. */
  levels: z.array(ZLevelRef),
  /** Entries on the list at the end of `to`, by level. */
  counts: z.object({ model: ZKindCounts, exemplar: ZKindCounts }),
  movements: z.object({ model: ZKindMovements, exemplar: ZKindMovements }),
  /** Entries on the list at `to`, by kind × level × field, with the evaluation results. */
  criteria: z.array(ZCriteriaRow),
  /** Exemplars above grassroots meeting the criteria, by name. */
  exemplarsMet: z.array(ZExemplarMet),
  /** Catalogue names (fields) and level names: what breakdown labels may be. */
  knownNames: z.array(z.string()),
  documents: z.array(ZCitedDocument),
  /**
   * Honours (III.4): the funnel summed over the unit's commendation rounds
   * whose proposal window lies in the period (absent from snapshots taken
   * before honours were recorded).
   */
  honours: z
    .object({
      rounds: z.array(z.object({ id, name: z.string() })),
      stages: z.array(z.object({ stage: z.enum(FUNNEL_STAGES), collectives: count, individuals: count })),
    })
    .optional(),
});
export type ReviewFigures = z.infer<typeof ZReviewFigures>;
