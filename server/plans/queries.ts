/**
 * Reading plans. A plan is visible when its owner unit is in the actor's
 * plans.read scope or in the lineage of a unit the actor is granted on (an
 * ancestor, or a predecessor of one): the bloc's operator follows the
 * province's plan. Everything is filtered in SQL.
 */
import { sql, type Kysely } from 'kysely';
import type { TPlanListQuery } from '../../common/schemas/plans.ts';
import { escapeLike } from '../../common/vn-text.ts';
import type { DB } from '../db/schema.ts';
import { scopeOf, unitInScope, type Actor } from '../lib/context.ts';
import { latestUnitName, searchWords } from '../people/queries.ts';
import { lineageOf, unitVisible } from '../catalogue/lineage.ts';

function visiblePlans(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('plan as p')
    .innerJoin('org_unit as ou', 'ou.id', 'p.owner_unit_id')
    .leftJoin('document as d', 'd.id', 'p.document_id')
    .where(unitVisible(actor, 'plans.read', sql.ref('p.owner_unit_id')));
}

function withColumns(query: ReturnType<typeof visiblePlans>, actor: Actor) {
  return query.select([
    'p.id',
    'p.owner_unit_id',
    latestUnitName('p.owner_unit_id').as('owner_unit_name'),
    sql<string>`ou.current_path::text`.as('owner_path'),
    'p.title',
    'p.document_id',
    'd.symbol as document_symbol',
    'd.issued_on as document_issued_on',
    sql<boolean>`case when d.id is null then false else ${unitInScope(scopeOf(actor, 'documents.read'), sql.ref('d.owner_unit_id'))} end`.as(
      'document_readable',
    ),
    'p.starts_on',
    'p.ends_on',
    'p.status',
    'p.note',
    'p.revision',
    'p.created_at',
    'p.updated_at',
  ]);
}

export type PlanView = Awaited<ReturnType<ReturnType<typeof withColumns>['executeTakeFirstOrThrow']>>;

/** One plan the actor may see, or null (invisible is the same as not existing). */
export async function getPlan(db: Kysely<DB>, actor: Actor, id: number): Promise<PlanView | null> {
  return (await withColumns(visiblePlans(db, actor), actor).where('p.id', '=', id).executeTakeFirst()) ?? null;
}

export interface PlanFilter extends Omit<TPlanListQuery, 'ownerUnitId' | 'forUnitId'> {
  /** Current ltree path of the unit whose subtree's plans to list (already checked as visible). */
  ownerPath?: string;
  /** Only plans that apply to this unit (already checked as visible). */
  forUnitId?: number;
}

/** A page of plans, the latest first. */
export async function findPlans(
  db: Kysely<DB>,
  actor: Actor,
  filter: PlanFilter,
): Promise<{ items: PlanView[]; total: number }> {
  let query = visiblePlans(db, actor);
  if (filter.ownerPath) query = query.where(sql<boolean>`ou.current_path <@ ${filter.ownerPath}::ltree`);
  for (const word of searchWords(filter.q)) query = query.where('p.search_text', 'like', `%${escapeLike(word)}%`);
  if (filter.forUnitId !== undefined)
    query = query.where(sql<boolean>`p.owner_unit_id in (${lineageOf([filter.forUnitId])})`);
  if (filter.activeOn)
    query = query.where('p.starts_on', '<=', filter.activeOn).where('p.ends_on', '>=', filter.activeOn);
  if (filter.status) query = query.where('p.status', '=', filter.status);
  const [{ total }, items] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    withColumns(query, actor)
      .orderBy('p.starts_on', 'desc')
      .orderBy('p.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
  ]);
  return { items, total: Number(total) };
}

export function listPhases(db: Kysely<DB>, planId: number) {
  return db
    .selectFrom('plan_phase')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

export function listTargets(db: Kysely<DB>, planId: number) {
  return db
    .selectFrom('plan_target as t')
    .leftJoin('org_level as l', 'l.id', 't.level_id')
    .leftJoin('model_field as f', 'f.id', 't.field_id')
    .selectAll('t')
    .select(['l.name as level_name', 'f.name as field_name'])
    .where('t.plan_id', '=', planId)
    .orderBy('t.sort_order')
    .orderBy('t.id')
    .execute();
}

export type PhaseRow = Awaited<ReturnType<typeof listPhases>>[number];
export type TargetRow = Awaited<ReturnType<typeof listTargets>>[number];
