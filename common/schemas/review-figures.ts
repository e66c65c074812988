/**
 * The stored figures of a review report (version 1): what
 * server/review-report/figures.ts computes and keeps as the report's
 * snapshot, and what the web page shows. Types only, shared by both sides.
 */
import type { FunnelStage } from './honours-flow.ts';

export type EntryKind = 'model' | 'exemplar';

export interface LevelRef {
  id: number;
  code: string;
  name: string;
  rank: number;
}

export interface MovementRow {
  start: number;
  added: number;
  movedIn: number;
  movedOut: number;
  removed: number;
  transferred: number;
  replaced: number;
  end: number;
}

export interface CriteriaRow {
  kind: EntryKind;
  levelId: number;
  fieldId: number;
  fieldName: string;
  onList: number;
  evaluated: number;
  met: number;
}

export interface ExemplarMet {
  entryId: number;
  name: string;
  position: string | null;
  unitName: string;
  levelId: number;
}

export interface CitedDocument {
  id: number;
  symbol: string;
  issuedOn: string;
  summary: string;
  typeName: string;
  role: 'plan' | 'unit';
}

export interface ReviewFigures {
  version: 1;
  unit: { id: number; name: string; parentName: string | null };
  from: string;
  to: string;
  asOf: string;
  planId: number | null;
  /** Every level that appears anywhere below, highest first. */
  levels: LevelRef[];
  /** Entries on the list at the end of `to`, by level. */
  counts: Record<EntryKind, { total: number; byLevel: Array<{ levelId: number; count: number }> }>;
  movements: Record<EntryKind, { total: MovementRow; byLevel: Array<{ levelId: number } & MovementRow> }>;
  /** Entries on the list at `to`, by kind × level × field, with the evaluation results. */
  criteria: CriteriaRow[];
  /** Exemplars above grassroots meeting the criteria, by name. */
  exemplarsMet: ExemplarMet[];
  /** Catalogue names (fields) and level names: what breakdown labels may be. */
  knownNames: string[];
  documents: CitedDocument[];
  /**
   * Honours (III.4): the funnel summed over the unit's commendation rounds
   * whose proposal window lies in the period (absent from snapshots taken
   * before honours were recorded).
   */
  honours?: { rounds: Array<{ id: number; name: string }>; stages: Array<{ stage: FunnelStage; collectives: number; individuals: number }> };
}
