/**
 * What lives under a unit beyond the org tree (registry entries) is carried by areas that stand on org, which
 * org may not know. A restructuring command therefore takes an optional hook, called inside its transaction
 * once the org event is recorded and the successors exist: the composing module (server/succession/) passes
 * one that routes the ending units' entries, or refuses (a dissolution while entries remain) by throwing.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Audit } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';

export interface UnitSuccession {
  kind: 'merge' | 'split' | 'dissolve';
  eventId: number;
  date: string;
  /** The units that end (a split with keepSource: the unit that gives rise to the targets and stays). */
  sourceIds: number[];
  /** Their successors: the merge's target, the split's new units in the order given; none for a dissolution. */
  targetIds: number[];
  /** A split that keeps its source: what is not routed stays with it. */
  keepSource: boolean;
  /** Split only: entry id → index into targetIds, as the operator chose. */
  entryTargets: Record<string, number>;
  /** How people should read the cause, e.g. 'hợp nhất "A", "B" vào "C"'. */
  cause: string;
}

/** Returns a phrase for the org audit summary (e.g. "chuyển 3 mô hình, điển hình"), or nothing. */
export type OnSuccession = (
  trx: Transaction<DB>,
  ctx: RequestContext,
  audit: Audit,
  succession: UnitSuccession,
) => Promise<string | null>;
