/**
 * Who may decide an evaluation: an approver (registry.approve) at or above
 * the level of the entry, for an entry on the scope's list. Confirming many
 * proposals sorts the requested entries into candidates and skipped ones,
 * each skip with its reason, in the order the entries were asked.
 */
import type { Kysely } from 'kysely';
import { CONFIRM_SKIP_LABELS, type ConfirmSkipReason } from '../../common/schemas/evaluation.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { canApproveAt, type ApproveReach } from '../registry/policy.ts';
import type { ConfirmCandidate } from './commands/decide.ts';
import { proposalsFor } from './proposal-queries.ts';
import { findConfirmRequested } from './queries.ts';
import type { ScopeKey } from './scope-sql.ts';

/** An entry's owner and level, as the list, the detail and the confirmation load them. */
interface EntryOwner {
  owner_unit_id: number;
  owner_path: string;
  level_rank: number;
}

export const canDecideFor = (reach: ApproveReach, entry: EntryOwner): boolean =>
  canApproveAt(reach, { id: entry.owner_unit_id, path: entry.owner_path }, entry.level_rank);

export interface ConfirmSkip {
  entryId: number;
  reason: ConfirmSkipReason;
  label: string;
}

/**
 * The requested entries whose proposal may be confirmed, and the others with
 * why: not readable, not the actor's to approve, not on the list, decided
 * already, or nothing proposed.
 */
export async function sortConfirmRequests(
  db: Kysely<DB>,
  actor: Actor,
  reach: ApproveReach,
  key: Extract<ScopeKey, { type: 'period' }>,
  entryIds: number[],
): Promise<{ candidates: ConfirmCandidate[]; skipped: ConfirmSkip[] }> {
  const ids = [...new Set(entryIds)];
  const found = await findConfirmRequested(db, actor, key, ids);
  const byId = new Map(found.map((f) => [f.id, f]));
  const skipped: ConfirmSkip[] = [];
  const skip = (entryId: number, reason: ConfirmSkipReason) =>
    skipped.push({ entryId, reason, label: CONFIRM_SKIP_LABELS[reason] });
  const eligible: typeof found = [];
  for (const id of ids) {
    const f = byId.get(id);
    if (!f) skip(id, 'not_found');
    else if (!canDecideFor(reach, f)) skip(id, 'not_allowed');
    else if (!f.on_list) skip(id, 'not_on_list');
    else if (f.decided) skip(id, 'already_decided');
    else eligible.push(f);
  }
  const proposals = await proposalsFor(db, key, eligible);
  const candidates: ConfirmCandidate[] = [];
  for (const f of eligible) {
    const proposal = proposals.get(f.id)!;
    if (proposal.proposal.met === null) skip(f.id, 'no_proposal');
    else candidates.push({ entry: f, proposal });
  }
  return { candidates, skipped };
}
