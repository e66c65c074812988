/**
 * Reading rounds, proposals, the review queue and suggestions, scoped in SQL
 * by server/honours/policy.ts. Counts are correlated sub-selects (one query
 * per page), never a query per row.
 */
import { sql, type Kysely } from 'kysely';
import { todayInVietnam } from '../../../common/dates.ts';
import { escapeLike } from '../../../common/vn-text.ts';
import type { DB } from '../../db/schema.ts';
import { scopeOf, unitInScope, type Actor } from '../../lib/context.ts';
import { latestUnitName, searchWords } from '../../lib/sql-text.ts';
import { entryReadable } from '../../registry/entry-scope.ts';
import { proposalVisible, roundVisible } from '../policy.ts';

// ─── Rounds ────────────────────────────────────────────────────────────────

function roundColumns(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('honour_round as r')
    .innerJoin('org_unit as ou', 'ou.id', 'r.owner_unit_id')
    .leftJoin('plan as pl', 'pl.id', 'r.plan_id')
    .leftJoin('plan_phase as ph', 'ph.id', 'r.phase_id')
    .where(roundVisible(actor, sql.ref('r.owner_unit_id')))
    .select([
      'r.id',
      'r.owner_unit_id',
      latestUnitName('r.owner_unit_id').as('owner_name'),
      sql<string>`ou.current_path::text`.as('owner_path'),
      'r.name',
      'r.kind',
      'r.plan_id',
      'pl.title as plan_title',
      'r.phase_id',
      'ph.name as phase_name',
      sql<string>`r.proposals_from::text`.as('proposals_from'),
      sql<string>`r.proposals_until::text`.as('proposals_until'),
      sql<string | null>`r.review_until::text`.as('review_until'),
      sql<string | null>`r.ceremony_on::text`.as('ceremony_on'),
      'r.status',
      'r.note',
      'r.revision',
      sql<number>`(select count(*)::int from honour_proposal cp where cp.round_id = r.id and cp.status = 'submitted'
        and ${proposalVisible(actor, sql.ref('cp.proposer_unit_id'), sql.ref('cp.status'))})`.as('proposal_count'),
      sql<number>`(select count(*)::int from honour_candidate cc join honour_proposal cp on cp.id = cc.proposal_id
        where cp.round_id = r.id and cp.status = 'submitted' and cc.status <> 'withdrawn'
        and ${proposalVisible(actor, sql.ref('cp.proposer_unit_id'), sql.ref('cp.status'))})`.as('candidate_count'),
    ]);
}
export type RoundListRow = Awaited<ReturnType<ReturnType<typeof roundColumns>['executeTakeFirstOrThrow']>>;

export interface RoundFilter {
  page: number;
  pageSize: number;
  status?: 'open' | 'closed';
  q?: string;
  /** Current path of the unit: rounds of it and of the units above it. */
  unitPath?: string;
}

export async function findRounds(
  db: Kysely<DB>,
  actor: Actor,
  filter: RoundFilter,
): Promise<{ items: RoundListRow[]; total: number }> {
  let q = roundColumns(db, actor);
  if (filter.status) q = q.where('r.status', '=', filter.status);
  if (filter.unitPath) q = q.where(sql<boolean>`ou.current_path @> ${filter.unitPath}::ltree`);
  for (const word of searchWords(filter.q)) q = q.where('r.search_text', 'like', `%${escapeLike(word)}%`);
  const { total } = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const items = await q
    .orderBy('r.proposals_from', 'desc')
    .orderBy('r.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items, total: Number(total) };
}

export async function getRound(db: Kysely<DB>, actor: Actor, id: number): Promise<RoundListRow | undefined> {
  return roundColumns(db, actor).where('r.id', '=', id).executeTakeFirst();
}

// ─── Proposals ─────────────────────────────────────────────────────────────

function proposalColumns(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('honour_proposal as p')
    .innerJoin('honour_round as r', 'r.id', 'p.round_id')
    .innerJoin('org_unit as pu', 'pu.id', 'p.proposer_unit_id')
    .leftJoin('org_unit as ru', 'ru.id', 'p.reviewer_unit_id')
    .where(proposalVisible(actor, sql.ref('p.proposer_unit_id'), sql.ref('p.status')))
    .select([
      'p.id',
      'p.round_id',
      'r.name as round_name',
      'r.owner_unit_id as round_owner_unit_id',
      'p.proposer_unit_id',
      latestUnitName('p.proposer_unit_id').as('proposer_name'),
      sql<string>`pu.current_path::text`.as('proposer_path'),
      'p.reviewer_unit_id',
      latestUnitName('p.reviewer_unit_id').$castTo<string | null>().as('reviewer_name'),
      sql<string | null>`ru.current_path::text`.as('reviewer_path'),
      'p.external_body',
      'p.title',
      'p.status',
      'p.submitted_at',
      'p.letter_document_id',
      'p.note',
      'p.revision',
      'p.created_at',
      sql<number>`(select count(*)::int from honour_candidate c where c.proposal_id = p.id and c.subject = 'collective' and c.status <> 'withdrawn')`.as(
        'collectives',
      ),
      sql<number>`(select count(*)::int from honour_candidate c where c.proposal_id = p.id and c.subject = 'individual' and c.status <> 'withdrawn')`.as(
        'individuals',
      ),
      sql<number>`(select count(*)::int from honour_candidate c where c.proposal_id = p.id and c.status = 'proposed' and p.status = 'submitted')`.as(
        'waiting',
      ),
      sql<number>`(select count(*)::int from honour_candidate c where c.proposal_id = p.id and c.status = 'returned')`.as(
        'returned',
      ),
      sql<number>`(select count(*)::int from honour_candidate c where c.proposal_id = p.id and c.status = 'proposed')`.as(
        'proposed',
      ),
    ]);
}
export type ProposalListRow = Awaited<ReturnType<ReturnType<typeof proposalColumns>['executeTakeFirstOrThrow']>>;

export interface ProposalFilter {
  page: number;
  pageSize: number;
  roundId?: number;
  /** Current path of the unit: proposals of its subtree. */
  unitPath?: string;
  direction?: 'sent' | 'received';
  status?: 'draft' | 'submitted';
}

export async function findProposals(
  db: Kysely<DB>,
  actor: Actor,
  filter: ProposalFilter,
): Promise<{ items: ProposalListRow[]; total: number }> {
  let q = proposalColumns(db, actor);
  if (filter.roundId) q = q.where('p.round_id', '=', filter.roundId);
  if (filter.status) q = q.where('p.status', '=', filter.status);
  if (filter.unitPath) q = q.where(sql<boolean>`pu.current_path <@ ${filter.unitPath}::ltree`);
  if (filter.direction === 'sent')
    q = q.where(unitInScope(scopeOf(actor, 'honours.propose'), sql.ref('p.proposer_unit_id')));
  if (filter.direction === 'received')
    q = q
      .where('p.status', '=', 'submitted')
      .where(unitInScope(scopeOf(actor, 'honours.review'), sql.ref('p.reviewer_unit_id')));
  const { total } = await q
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const items = await q
    .orderBy(sql`coalesce(p.submitted_at, p.created_at)`, 'desc')
    .orderBy('p.id', 'desc')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items, total: Number(total) };
}

export async function getProposal(db: Kysely<DB>, actor: Actor, id: number): Promise<ProposalListRow | undefined> {
  return proposalColumns(db, actor).where('p.id', '=', id).executeTakeFirst();
}

/** The proposal's candidates in list order: collectives first, then by name. */
export async function candidateIdsOf(db: Kysely<DB>, proposalId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('honour_candidate')
    .select('id')
    .where('proposal_id', '=', proposalId)
    .orderBy(sql`subject = 'individual'`)
    .orderBy(sql`sort_key collate "C"`)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function proposalFiles(db: Kysely<DB>, proposalId: number) {
  return db
    .selectFrom('honour_proposal_file as pf')
    .innerJoin('stored_file as f', 'f.id', 'pf.file_id')
    .select(['f.id', 'f.original_name', 'f.size_bytes', 'pf.caption'])
    .where('pf.proposal_id', '=', proposalId)
    .orderBy('f.id')
    .execute();
}

// ─── Review queue ──────────────────────────────────────────────────────────

export interface QueueFilter {
  page: number;
  pageSize: number;
  roundId?: number;
  status?: string;
  subject?: 'collective' | 'individual';
}

/** Candidates of submitted proposals sent to a unit the actor reviews; by proposer unit, then name. */
export async function findQueue(db: Kysely<DB>, actor: Actor, filter: QueueFilter) {
  let q = db
    .selectFrom('honour_candidate as c')
    .innerJoin('honour_proposal as p', 'p.id', 'c.proposal_id')
    .innerJoin('honour_round as r', 'r.id', 'p.round_id')
    .where('p.status', '=', 'submitted')
    .where('p.reviewer_unit_id', 'is not', null)
    .where(unitInScope(scopeOf(actor, 'honours.review'), sql.ref('p.reviewer_unit_id')));
  if (filter.roundId) q = q.where('p.round_id', '=', filter.roundId);
  if (filter.subject) q = q.where('c.subject', '=', filter.subject);
  q = filter.status ? q.where('c.status', '=', filter.status as 'proposed') : q.where('c.status', '<>', 'withdrawn');
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      'c.id',
      'p.proposer_unit_id',
      latestUnitName('p.proposer_unit_id').as('proposer_name'),
      'p.round_id',
      'r.name as round_name',
    ])
    .orderBy(sql`${latestUnitName('p.proposer_unit_id')} collate "C"`)
    .orderBy('p.proposer_unit_id')
    .orderBy(sql`c.sort_key collate "C"`)
    .orderBy('c.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

// ─── Suggestions ───────────────────────────────────────────────────────────

export interface SuggestionRow {
  entry_id: number;
  entry_name: string;
  kind: 'model' | 'exemplar';
  person_id: number | null;
  person_name: string | null;
  position: string | null;
  unit_id: number;
  unit_name: string;
}

export const SUGGESTIONS_LIMIT = 200;

/**
 * Entries on the list (active) in the proposer's subtree, readable by the
 * actor, whose latest evaluation in the round's scope (its phase, else its
 * plan, else the last two years) met the criteria, and that are not already
 * candidates in the round. One query.
 */
export async function findSuggestionRows(
  db: Kysely<DB>,
  actor: Actor,
  o: { roundId: number; proposerPath: string; planId: number | null; phaseId: number | null },
): Promise<SuggestionRow[]> {
  const today = todayInVietnam();
  const inScope = o.phaseId
    ? sql`(ev.phase_id = ${o.phaseId} or exists (select 1 from report_period rp where rp.id = ev.period_id and rp.phase_id = ${o.phaseId}))`
    : o.planId
      ? sql`(exists (select 1 from report_period rp where rp.id = ev.period_id and rp.plan_id = ${o.planId})
          or exists (select 1 from plan_phase ph where ph.id = ev.phase_id and ph.plan_id = ${o.planId}))`
      : sql`ev.decided_on >= (${today}::date - interval '2 years')`;
  const result = await sql<SuggestionRow>`
    select e.id as entry_id, e.name as entry_name, e.kind, e.person_id, pe.full_name as person_name,
      coalesce(pe.position, e.position) as position,
      coalesce(pe.unit_id, e.owner_unit_id) as unit_id,
      ${latestUnitName('uu.id')} as unit_name
    from registry_entry e
    join org_unit ou on ou.id = e.owner_unit_id
    left join person pe on pe.id = e.person_id
    join org_unit uu on uu.id = coalesce(pe.unit_id, e.owner_unit_id)
    where e.status = 'active'
      and ou.current_path <@ ${o.proposerPath}::ltree
      and uu.current_path <@ ${o.proposerPath}::ltree
      and (e.kind = 'model' or e.person_id is not null)
      and ${entryReadable(actor, sql.ref('e.id'), sql.ref('e.owner_unit_id'))}
      and (select ev.decided_met from evaluation ev where ev.entry_id = e.id and ${inScope}
           order by ev.decided_on desc, ev.id desc limit 1) = true
      and not exists (
        select 1 from honour_candidate hc join honour_proposal hp on hp.id = hc.proposal_id
        where hp.round_id = ${o.roundId} and hc.status <> 'withdrawn'
          and (hc.entry_id = e.id
            or (e.kind = 'exemplar' and hc.person_id = e.person_id)
            or (e.kind = 'model' and hc.subject = 'collective' and hc.unit_id = e.owner_unit_id)))
    order by e.kind, e.sort_key collate "C", e.id
    limit ${SUGGESTIONS_LIMIT}`.execute(db);
  return result.rows;
}
