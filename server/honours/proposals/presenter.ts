/**
 * Rounds and proposals as the API shows them, with the abilities the web app
 * reads. Candidates come from presentCandidates; the proposal detail and the
 * review queue show flags as they are TODAY (a discipline recorded after the
 * proposal was sent still shows) and, for candidates not yet sent (draft or
 * returned), the evaluation results as they are today too; once sent, the
 * evaluation shown is the snapshot taken at submission (honour_candidate.evaluation).
 */
import type { Kysely } from 'kysely';
import { todayInVietnam } from '../../../common/dates.ts';
import type { TCandidate, TProposal, TProposalSummary, TRound } from '../../../common/schemas/honours-flow.ts';
import type { DB } from '../../db/schema.ts';
import { scopeOf, type Actor } from '../../lib/context.ts';
import { presentCandidates } from '../candidate-presenter.ts';
import { canPropose, canReview } from '../policy.ts';
import { evaluationsOf, flagsFor, flagsOf } from './dossier.ts';
import { candidateIdsOf, proposalFiles, type ProposalListRow, type RoundListRow } from './queries.ts';

/** May the actor propose from some unit strictly below the round's owner? */
export function canProposeBelow(actor: Actor, owner: { id: number; path: string }): boolean {
  const scope = scopeOf(actor, 'honours.propose');
  if (scope.all) return true;
  const below = (p: string) => p.startsWith(`${owner.path}.`);
  if (scope.paths.some((p) => below(p) || owner.path === p || owner.path.startsWith(`${p}.`))) return true;
  return actor.grants.some((g) => scope.unitIds.includes(g.unitId) && below(g.path));
}

export function presentRound(actor: Actor, r: RoundListRow): TRound {
  const owner = { id: r.owner_unit_id, path: r.owner_path };
  const today = todayInVietnam();
  const inWindow = r.status === 'open' && r.proposals_from <= today && today <= r.proposals_until;
  return {
    id: r.id,
    ownerUnit: { id: r.owner_unit_id, name: r.owner_name },
    name: r.name,
    kind: r.kind,
    plan: r.plan_id !== null ? { id: r.plan_id, name: r.plan_title ?? '' } : null,
    phase: r.phase_id !== null ? { id: r.phase_id, name: r.phase_name ?? '' } : null,
    proposalsFrom: r.proposals_from,
    proposalsUntil: r.proposals_until,
    reviewUntil: r.review_until,
    ceremonyOn: r.ceremony_on,
    status: r.status,
    note: r.note,
    revision: r.revision,
    proposalCount: r.proposal_count,
    candidateCount: r.candidate_count,
    abilities: {
      edit: canReview(actor, owner),
      propose: inWindow && canProposeBelow(actor, owner),
      review: canReview(actor, owner),
    },
  };
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export function presentProposalSummary(r: ProposalListRow): TProposalSummary {
  return {
    id: r.id,
    round: { id: r.round_id, name: r.round_name },
    proposerUnit: { id: r.proposer_unit_id, name: r.proposer_name },
    reviewerUnit: r.reviewer_unit_id !== null ? { id: r.reviewer_unit_id, name: r.reviewer_name ?? '' } : null,
    externalBody: r.external_body,
    title: r.title,
    status: r.status,
    submittedAt: iso(r.submitted_at),
    collectives: r.collectives,
    individuals: r.individuals,
    waiting: r.waiting,
    revision: r.revision,
  };
}

/** Overlay today's flags (and, before sending, today's evaluation results) on presented candidates. */
export async function withLiveDossier(
  db: Kysely<DB>,
  candidates: TCandidate[],
  proposalIsDraft: (c: TCandidate) => boolean,
): Promise<TCandidate[]> {
  if (candidates.length === 0) return candidates;
  const subjects = candidates.map((c) => ({
    subject: c.subject,
    personId: c.person?.id ?? null,
    unitId: c.unit.id,
    entryId: c.entry?.id ?? null,
  }));
  const flags = await flagsOf(db, subjects);
  const unsent = candidates.filter((c) => c.entry && (proposalIsDraft(c) || c.status === 'returned'));
  const evaluations = await evaluationsOf(
    db,
    unsent.map((c) => c.entry!.id),
  );
  const unsentIds = new Set(unsent.map((c) => c.id));
  return candidates.map((c, i) => ({
    ...c,
    flags: flagsFor(flags, subjects[i]!),
    evaluation: unsentIds.has(c.id) ? (evaluations.get(c.entry!.id) ?? []) : c.evaluation,
  }));
}

export async function presentProposal(db: Kysely<DB>, actor: Actor, r: ProposalListRow): Promise<TProposal> {
  const draft = r.status === 'draft';
  const candidates = await withLiveDossier(
    db,
    await presentCandidates(db, await candidateIdsOf(db, r.id)),
    () => draft,
  );
  const files = await proposalFiles(db, r.id);
  const letter = r.letter_document_id
    ? await db
        .selectFrom('document')
        .select(['id', 'symbol', 'issued_on', 'summary'])
        .where('id', '=', r.letter_document_id)
        .executeTakeFirst()
    : undefined;
  const proposer = { id: r.proposer_unit_id, path: r.proposer_path };
  const mayPropose = canPropose(actor, proposer);
  const editable = draft || r.returned > 0;
  return {
    ...presentProposalSummary(r),
    letterDocument: letter
      ? {
          id: letter.id,
          symbol: letter.symbol,
          issuedOn: String(letter.issued_on).slice(0, 10),
          summary: letter.summary,
        }
      : null,
    note: r.note,
    files: files.map((f) => ({ id: f.id, name: f.original_name, sizeBytes: Number(f.size_bytes), caption: f.caption })),
    candidates,
    abilities: {
      edit: editable && mayPropose,
      submit: mayPropose && ((draft && r.proposed > 0) || r.returned > 0),
      review:
        !draft &&
        r.reviewer_unit_id !== null &&
        canReview(actor, { id: r.reviewer_unit_id, path: r.reviewer_path ?? '' }),
      decideExternal: r.external_body !== null && canReview(actor, proposer),
    },
  };
}
