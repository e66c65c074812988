/**
 * Who may see and do what in the honours flow. One place, used by every
 * honours route and query.
 *
 * - A round is visible to those who read its unit (registry.read on the
 *   owner) and to those who may propose from a unit below it (honours.propose
 *   on a descendant): a grassroots unit sees the bloc's round it proposes to.
 *   Editing a round: honours.review on its owner.
 * - A proposal (and its candidates' dossiers) is visible to those who may
 *   propose for the proposer unit, and — once submitted — to those who read
 *   the proposer unit (its superiors up the tree, who include the reviewing
 *   level). Sibling units never see each other's dossiers; the public sees
 *   only what a disclosure publishes. Council members see the candidates on
 *   their session's agenda (council module).
 * - Editing / submitting / withdrawing: honours.propose on the proposer unit.
 *   Reviewing (return / pass), councils, decisions, disclosures:
 *   honours.review on the reviewing unit (the round's owner).
 * - An honour is visible to those who read its owner unit (the unit that
 *   recorded the decision) or the honoured unit (so a unit sees the honours it
 *   received); revoking needs honours.review on the owner unit.
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.ts';
import { pathColumnInScope, pathInScope, scopeOf, unitInScope, type Actor, type Scope } from '../lib/context.ts';
import { forbidden, notFound } from '../lib/errors.ts';
import { findUnitRef, unitOrSuccessorInScope } from '../org/unit-access.ts';

type Column = Expression<unknown> | RawBuilder<unknown>;

/** SQL predicate: the unit in `unitIdColumn` is an ancestor-or-self of some unit in the scope. */
function unitAboveScope(scope: Scope, unitIdColumn: Column): RawBuilder<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  const parts: RawBuilder<SqlBool>[] = [];
  for (const p of scope.paths) parts.push(sql<SqlBool>`above_u.current_path @> ${p}::ltree`);
  if (scope.unitIds.length > 0) {
    parts.push(
      sql<SqlBool>`exists (select 1 from org_unit above_g where above_g.id in (${sql.join(scope.unitIds)}) and above_u.current_path @> above_g.current_path)`,
    );
  }
  if (parts.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`exists (select 1 from org_unit above_u where above_u.id = ${unitIdColumn} and (${sql.join(parts, sql` or `)}))`;
}

/**
 * SQL predicate: the actor reads the unit (registry.read), or one of its
 * successors — a unit split or merged away (the 2025 reorganisation) hands
 * its honours history to the units that took over its work, so their staff
 * still see the rounds, councils and decisions of the unit that ended.
 */
export function honoursUnitReadable(actor: Actor, unitIdColumn: Column): RawBuilder<SqlBool> {
  return unitOrSuccessorInScope(scopeOf(actor, 'registry.read'), unitIdColumn);
}

/** SQL predicate: the actor may see the round whose owner unit id is in the column. */
export function roundVisible(actor: Actor, ownerUnitIdColumn: Column): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${honoursUnitReadable(actor, ownerUnitIdColumn)} or ${unitAboveScope(scopeOf(actor, 'honours.propose'), ownerUnitIdColumn)})`;
}

/** SQL predicate: the actor may see the proposal (and its candidates' dossiers). */
export function proposalVisible(actor: Actor, proposerUnitIdColumn: Column, statusColumn: Column): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${unitInScope(scopeOf(actor, 'honours.propose'), proposerUnitIdColumn)} or (${statusColumn} <> 'draft' and ${unitInScope(
    scopeOf(actor, 'registry.read'),
    proposerUnitIdColumn,
  )}))`;
}

/** SQL predicate: the actor may see the honour (owner unit — or its successor — or honoured unit readable). */
export function honourVisible(actor: Actor, ownerUnitIdColumn: Column, unitIdColumn: Column): RawBuilder<SqlBool> {
  const read = scopeOf(actor, 'registry.read');
  return sql<SqlBool>`(${honoursUnitReadable(actor, ownerUnitIdColumn)} or ${unitInScope(read, unitIdColumn)})`;
}

/** SQL predicate on an ltree path column: the unit lies in the actor's proposing scope (candidates must). */
export function pathInProposeScope(actor: Actor, pathColumn: Column, unitIdColumn: Column): RawBuilder<SqlBool> {
  return pathColumnInScope(scopeOf(actor, 'honours.propose'), pathColumn, unitIdColumn);
}

export function canPropose(actor: Actor, unit: { id: number; path: string }): boolean {
  return pathInScope(scopeOf(actor, 'honours.propose'), unit.id, unit.path);
}

export function canReview(actor: Actor, unit: { id: number; path: string }): boolean {
  return pathInScope(scopeOf(actor, 'honours.review'), unit.id, unit.path);
}

export interface RoundRow {
  id: number;
  owner_unit_id: number;
  owner_path: string;
  owner_name: string;
  name: string;
  status: 'open' | 'closed';
  proposals_from: string;
  proposals_until: string;
  phase_id: number | null;
  plan_id: number | null;
  revision: number;
}

/** The unit's latest name (the one unit-access lookup every area uses). */
async function latestUnitName(db: Kysely<DB>, unitId: number): Promise<string> {
  return (await findUnitRef(db, unitId))?.name ?? '';
}

/** Load a round: invisible is 404; `edit` needs honours.review on its unit (403). */
export async function loadRoundFor(db: Kysely<DB>, actor: Actor, id: number, mode: 'read' | 'edit'): Promise<RoundRow> {
  const row = await db
    .selectFrom('honour_round as r')
    .innerJoin('org_unit as ou', 'ou.id', 'r.owner_unit_id')
    .select([
      'r.id',
      'r.owner_unit_id',
      sql<string>`ou.current_path::text`.as('owner_path'),
      'r.name',
      'r.status',
      'r.proposals_from',
      'r.proposals_until',
      'r.phase_id',
      'r.plan_id',
      'r.revision',
    ])
    .where('r.id', '=', id)
    .where(roundVisible(actor, sql.ref('r.owner_unit_id')))
    .executeTakeFirst();
  if (!row) throw notFound(`đợt khen thưởng có mã số ${id}`);
  const owner_name = await latestUnitName(db, row.owner_unit_id);
  if (mode === 'edit' && !canReview(actor, { id: row.owner_unit_id, path: row.owner_path })) {
    throw forbidden(`Chỉ cán bộ thi đua, khen thưởng của "${owner_name}" mới thay đổi được đợt khen thưởng này.`);
  }
  return { ...row, owner_name };
}

export interface ProposalRow {
  id: number;
  round_id: number;
  proposer_unit_id: number;
  proposer_path: string;
  proposer_name: string;
  reviewer_unit_id: number | null;
  reviewer_path: string | null;
  reviewer_name: string | null;
  external_body: string | null;
  status: 'draft' | 'submitted';
  revision: number;
}

/**
 * Load a proposal: invisible is 404. `edit` (change, add candidates, submit):
 * honours.propose on the proposer unit. `review`: honours.review on the
 * reviewing unit (a proposal to an outside body is "reviewed" — its decision
 * recorded — by the unit that sent it).
 */
export async function loadProposalFor(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  mode: 'read' | 'edit' | 'review',
): Promise<ProposalRow> {
  const row = await db
    .selectFrom('honour_proposal as p')
    .innerJoin('org_unit as pu', 'pu.id', 'p.proposer_unit_id')
    .leftJoin('org_unit as ru', 'ru.id', 'p.reviewer_unit_id')
    .select([
      'p.id',
      'p.round_id',
      'p.proposer_unit_id',
      sql<string>`pu.current_path::text`.as('proposer_path'),
      'p.reviewer_unit_id',
      sql<string | null>`ru.current_path::text`.as('reviewer_path'),
      'p.external_body',
      'p.status',
      'p.revision',
    ])
    .where('p.id', '=', id)
    .where(proposalVisible(actor, sql.ref('p.proposer_unit_id'), sql.ref('p.status')))
    .executeTakeFirst();
  if (!row) throw notFound(`tờ trình đề nghị khen thưởng có mã số ${id}`);
  const proposer_name = await latestUnitName(db, row.proposer_unit_id);
  const reviewer_name = row.reviewer_unit_id === null ? null : await latestUnitName(db, row.reviewer_unit_id);
  const out: ProposalRow = { ...row, proposer_name, reviewer_name };
  if (mode === 'edit' && !canPropose(actor, { id: row.proposer_unit_id, path: row.proposer_path })) {
    throw forbidden(`Chỉ cán bộ của "${proposer_name}" mới sửa, gửi được tờ trình này.`);
  }
  if (mode === 'review') {
    const reviewer =
      row.reviewer_unit_id !== null
        ? { id: row.reviewer_unit_id, path: row.reviewer_path ?? '' }
        : { id: row.proposer_unit_id, path: row.proposer_path };
    if (!canReview(actor, reviewer))
      throw forbidden(
        `Chỉ cán bộ thi đua, khen thưởng của "${reviewer_name ?? proposer_name}" mới xét được tờ trình này.`,
      );
  }
  return out;
}
