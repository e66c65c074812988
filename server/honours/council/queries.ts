/**
 * Reading council sessions (Hội đồng Thi đua – Khen thưởng), scoped in SQL.
 *
 * A session is visible to its members and to those who read its unit
 * (registry.read on the session's unit); outside that it does not exist
 * (404); who manages it is in policy.ts. Counts are correlated sub-selects,
 * one query per page.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor, unitInScope } from '../../lib/context.ts';
import { latestUnitName } from '../../lib/sql-text.ts';
import { honoursUnitReadable } from '../policy.ts';

type Column = Parameters<typeof unitInScope>[1];

/** SQL predicate: the actor may see the session (member, or reads its unit). */
export function councilVisible(actor: Actor, sessionIdColumn: Column, unitIdColumn: Column): RawBuilder<SqlBool> {
  return sql<SqlBool>`(exists (select 1 from council_member vm where vm.session_id = ${sessionIdColumn} and vm.user_id = ${actor.userId}) or ${honoursUnitReadable(actor, unitIdColumn)})`;
}

const latestName = (unitIdColumn: string) => sql<string>`coalesce(${latestUnitName(unitIdColumn)}, '')`;

function scopedSessions(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('council_session as s')
    .innerJoin('honour_round as r', 'r.id', 's.round_id')
    .innerJoin('org_unit as ou', 'ou.id', 's.unit_id')
    .where(councilVisible(actor, sql.ref('s.id'), sql.ref('s.unit_id')));
}

function summaryColumns(q: ReturnType<typeof scopedSessions>, actor: Actor) {
  return q.select([
    's.id',
    's.round_id',
    'r.name as round_name',
    's.unit_id',
    latestName('s.unit_id').as('unit_name'),
    sql<string>`ou.current_path::text`.as('unit_path'),
    's.title',
    's.held_on',
    's.location',
    's.status',
    's.closed_at',
    's.revision',
    sql<number>`(select count(*)::int from council_agenda ca where ca.session_id = s.id)`.as('candidate_count'),
    sql<number>`(select count(*)::int from council_member cm where cm.session_id = s.id)`.as('member_count'),
    sql<
      'chair' | 'secretary' | 'member' | null
    >`(select mm.role from council_member mm where mm.session_id = s.id and mm.user_id = ${actor.userId})`.as(
      'my_role',
    ),
    sql<
      boolean | null
    >`(select mm.present from council_member mm where mm.session_id = s.id and mm.user_id = ${actor.userId})`.as(
      'my_present',
    ),
  ]);
}
export type CouncilRow = Awaited<ReturnType<ReturnType<typeof summaryColumns>['executeTakeFirstOrThrow']>>;

export interface CouncilFilter {
  roundId?: number;
  mine?: boolean;
  page: number;
  pageSize: number;
}

export async function findCouncils(
  db: Kysely<DB>,
  actor: Actor,
  f: CouncilFilter,
): Promise<{ items: CouncilRow[]; total: number }> {
  let q = scopedSessions(db, actor);
  if (f.roundId !== undefined) q = q.where('s.round_id', '=', f.roundId);
  if (f.mine)
    q = q.where(
      sql<SqlBool>`exists (select 1 from council_member fm where fm.session_id = s.id and fm.user_id = ${actor.userId})`,
    );
  const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const items = await summaryColumns(q, actor)
    .orderBy('s.held_on', 'desc')
    .orderBy('s.id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { items, total: Number(total) };
}

/** A session the actor may see (undefined: not visible, the same as not existing). */
export async function getCouncil(db: Kysely<DB>, actor: Actor, id: number): Promise<CouncilRow | undefined> {
  return summaryColumns(scopedSessions(db, actor), actor).where('s.id', '=', id).executeTakeFirst();
}

export async function getMembers(db: Kysely<DB>, sessionId: number) {
  return db
    .selectFrom('council_member as m')
    .innerJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.full_name', 'm.role', 'm.position', 'm.present'])
    .where('m.session_id', '=', sessionId)
    .orderBy(sql`case m.role when 'chair' then 0 when 'secretary' then 1 else 2 end`)
    .orderBy('u.full_name')
    .orderBy('m.user_id')
    .execute();
}
export type MemberRow = Awaited<ReturnType<typeof getMembers>>[number];

/** The agenda with each item's rule, proposer unit, stored result and counts of cast ballots. */
export async function getAgenda(db: Kysely<DB>, sessionId: number) {
  return db
    .selectFrom('council_agenda as a')
    .innerJoin('honour_candidate as c', 'c.id', 'a.candidate_id')
    .innerJoin('honour_proposal as p', 'p.id', 'c.proposal_id')
    .innerJoin('award_form as af', 'af.id', 'c.award_form_id')
    .leftJoin('award_form_rule as ar', 'ar.id', 'a.award_rule_id')
    .select([
      'a.candidate_id',
      'a.award_rule_id',
      'a.result',
      'a.passed',
      'a.sort_order',
      'c.display_name',
      'c.position',
      'c.subject',
      'c.status as candidate_status',
      'c.unit_id as candidate_unit_id',
      latestName('c.unit_id').as('candidate_unit_name'),
      'af.name as award_name',
      'p.id as proposal_id',
      'p.proposer_unit_id',
      latestName('p.proposer_unit_id').as('proposer_unit_name'),
      'ar.council_required',
      'ar.ballot',
      'ar.threshold_num',
      'ar.threshold_den',
      'ar.comparison',
      'ar.basis',
      'ar.quorum_num',
      'ar.quorum_den',
      'ar.disclosure_days',
      sql<number>`(select count(*)::int from council_ballot_cast bc where bc.session_id = a.session_id and bc.candidate_id = a.candidate_id)`.as(
        'cast_count',
      ),
    ])
    .where('a.session_id', '=', sessionId)
    .orderBy('a.sort_order')
    .orderBy('a.candidate_id')
    .execute();
}
export type AgendaRow = Awaited<ReturnType<typeof getAgenda>>[number];

export async function getRecusals(db: Kysely<DB>, sessionId: number) {
  return db
    .selectFrom('council_recusal as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(['r.candidate_id', 'r.user_id', 'u.full_name', 'r.reason'])
    .where('r.session_id', '=', sessionId)
    .orderBy('r.created_at')
    .orderBy('r.user_id')
    .execute();
}

/**
 * The actor's own state per candidate: cast (and, under an open ballot, the
 * choice). Under a secret ballot the choice is not linked to anyone and is
 * never read here.
 */
export async function getMyCasts(db: Kysely<DB>, sessionId: number, userId: number) {
  return db
    .selectFrom('council_ballot_cast as bc')
    .select([
      'bc.candidate_id',
      sql<
        'yes' | 'no' | 'abstain' | null
      >`(select b.choice from council_ballot b where b.session_id = bc.session_id and b.candidate_id = bc.candidate_id and b.user_id = bc.user_id limit 1)`.as(
        'choice',
      ),
    ])
    .where('bc.session_id', '=', sessionId)
    .where('bc.user_id', '=', userId)
    .execute();
}
