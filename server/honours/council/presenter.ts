/**
 * Council sessions as the API shows them. Under a secret ballot nobody — not
 * even the chair — sees who voted how: a member sees "cast" for their own
 * ballot, everyone sees how many have voted, and the counts once closed.
 */
import type { Kysely } from 'kysely';
import type { TCouncilSession, TVoteResult } from '../../../common/schemas/honours-council.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../lib/context.ts';
import { describeRule } from '../award-forms.ts';
import { presentCandidates } from '../candidate-presenter.ts';
import { canManageCouncil } from './policy.ts';
import { getAgenda, getMembers, getMyCasts, getRecusals, type AgendaRow, type CouncilRow } from './queries.ts';

export function presentCouncilSummary(r: CouncilRow) {
  return {
    id: r.id,
    round: { id: r.round_id, name: r.round_name },
    unit: { id: r.unit_id, name: r.unit_name },
    title: r.title,
    heldOn: r.held_on,
    status: r.status,
    candidateCount: r.candidate_count,
    memberCount: r.member_count,
    isMember: r.my_role !== null,
    revision: r.revision,
  };
}

export function parseResult(value: unknown): TVoteResult | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') {
    try {
      return JSON.parse(value) as TVoteResult;
    } catch {
      return null;
    }
  }
  return value as TVoteResult;
}

/** The rule of an agenda item in words (the rule in force on the session's day, stored with the item). */
export function ruleSummaryOf(a: AgendaRow): string {
  if (a.award_rule_id === null || a.ballot === null || a.comparison === null || a.basis === null)
    return 'Chưa có quy định xét của hình thức khen thưởng.';
  return describeRule({
    council_required: a.council_required ?? true,
    ballot: a.ballot,
    threshold_num: a.threshold_num ?? 1,
    threshold_den: a.threshold_den ?? 2,
    comparison: a.comparison,
    basis: a.basis,
    quorum_num: a.quorum_num ?? 0,
    quorum_den: a.quorum_den ?? 1,
    disclosure_days: a.disclosure_days ?? null,
  });
}

export async function presentCouncil(db: Kysely<DB>, actor: Actor, r: CouncilRow): Promise<TCouncilSession> {
  const [members, agenda, recusals, mine] = [
    await getMembers(db, r.id),
    await getAgenda(db, r.id),
    await getRecusals(db, r.id),
    await getMyCasts(db, r.id, actor.userId),
  ];
  const candidates = new Map(
    (
      await presentCandidates(
        db,
        agenda.map((a) => a.candidate_id),
      )
    ).map((c) => [c.id, c]),
  );
  const myCast = new Map(mine.map((m) => [m.candidate_id, m.choice]));
  const open = r.status === 'open';
  return {
    ...presentCouncilSummary(r),
    location: r.location,
    ballot: agenda.some((a) => a.ballot === 'secret') ? 'secret' : 'open',
    members: members.map((m) => ({
      user: { id: m.user_id, name: m.full_name },
      role: m.role,
      position: m.position,
      present: m.present,
    })),
    agenda: agenda.flatMap((a) => {
      const candidate = candidates.get(a.candidate_id);
      if (!candidate) return [];
      const itemRecusals = recusals.filter((x) => x.candidate_id === a.candidate_id);
      const recusedByMe = itemRecusals.some((x) => x.user_id === actor.userId);
      const choice = myCast.get(a.candidate_id);
      const myVote = recusedByMe
        ? 'recused'
        : myCast.has(a.candidate_id)
          ? a.ballot === 'open' && choice
            ? choice
            : 'cast'
          : null;
      return [
        {
          candidate,
          proposerUnit: { id: a.proposer_unit_id, name: a.proposer_unit_name },
          ruleSummary: ruleSummaryOf(a),
          castCount: a.cast_count,
          recusals: itemRecusals.map((x) => ({ user: { id: x.user_id, name: x.full_name }, reason: x.reason })),
          myVote,
          result: open ? null : parseResult(a.result),
        },
      ];
    }),
    abilities: { manage: open && canManageCouncil(actor, r), vote: open && r.my_role !== null },
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
  };
}
