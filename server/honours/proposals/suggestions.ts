/**
 * Gợi ý đề nghị khen thưởng: the proposer's models and exemplars whose
 * latest evaluation in the round's scope met the criteria, not yet proposed
 * in the round, with their evaluation results and flags.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../lib/context.ts';
import type { ProposalRow } from '../policy.ts';
import { evaluationsOf, flagsFor, flagsOf } from './dossier.ts';
import { roundState } from './proposal-record.ts';
import { findSuggestionRows } from './queries.ts';

export async function suggestionsFor(db: Kysely<DB>, actor: Actor, proposal: ProposalRow) {
  const round = await roundState(db, proposal.round_id);
  const rows = await findSuggestionRows(db, actor, {
    roundId: round.id,
    proposerPath: proposal.proposer_path,
    planId: round.plan_id,
    phaseId: round.phase_id,
  });
  const subjects = rows.map((r) => ({
    subject: r.kind === 'model' ? ('collective' as const) : ('individual' as const),
    personId: r.person_id,
    unitId: r.unit_id,
    entryId: r.entry_id,
  }));
  const [evaluations, flags] = [
    await evaluationsOf(
      db,
      rows.map((r) => r.entry_id),
    ),
    await flagsOf(db, subjects),
  ];
  return rows.map((r, i) => ({
    subject: subjects[i]!.subject,
    entry: { id: r.entry_id, name: r.entry_name },
    person: r.person_id !== null ? { id: r.person_id, name: r.person_name ?? '' } : null,
    unit: { id: r.unit_id, name: r.unit_name },
    displayName: r.kind === 'model' ? r.unit_name : (r.person_name ?? r.entry_name),
    position: r.kind === 'model' ? null : r.position,
    evaluation: evaluations.get(r.entry_id) ?? [],
    flags: flagsFor(flags, subjects[i]!),
  }));
}
