/**
 * Reading the catalogue. Fields are visible to an actor when they are global,
 * or owned by a unit in the actor's scope or in the lineage of a granted unit
 * (lineage.ts). `getCriteriaSet` and `currentCriteriaSetId` are unscoped
 * building blocks for other areas (the registry), which scope their own rows.
 */
import { sql, type Kysely } from 'kysely';
import { todayInVietnam } from '../../common/dates.ts';
import type { TCriteriaSet, TCriterion, TFieldListQuery } from '../../common/schemas/catalogue.ts';
import { escapeLike } from '../../common/vn-text.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { latestUnitName, searchWords } from '../people/queries.ts';
import { lineageOf, unitVisible } from './lineage.ts';

/** Catalogue reading follows plans.read: the catalogue is the vocabulary of plans and the registry. */
export const CATALOGUE_READ = 'plans.read' as const;

function visibleFields(db: Kysely<DB>, actor: Actor, asOf: string) {
  return db
    .selectFrom('model_field as f')
    .leftJoin('org_unit as ou', 'ou.id', 'f.owner_unit_id')
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('criteria_set as cs')
          .select([
            'cs.id',
            'cs.version',
            'cs.effective_from',
            sql<number>`(select count(*) from criterion c where c.criteria_set_id = cs.id)::int`.as('criterion_count'),
          ])
          .whereRef('cs.field_id', '=', 'f.id')
          .where('cs.effective_from', '<=', asOf)
          .orderBy('cs.effective_from', 'desc')
          .orderBy('cs.version', 'desc')
          .limit(1)
          .as('cur'),
      (join) => join.onTrue(),
    )
    .where(
      sql<boolean>`(f.owner_unit_id is null or ${unitVisible(actor, CATALOGUE_READ, sql.ref('f.owner_unit_id'))})`,
    );
}

function withColumns(query: ReturnType<typeof visibleFields>) {
  return query.select([
    'f.id',
    'f.owner_unit_id',
    sql<string | null>`case when f.owner_unit_id is null then null else ${latestUnitName('f.owner_unit_id')} end`.as(
      'owner_unit_name',
    ),
    sql<string | null>`ou.current_path::text`.as('owner_path'),
    'f.code',
    'f.name',
    'f.applies_to',
    'f.description',
    'f.sort_order',
    'f.active',
    'f.revision',
    'f.created_at',
    'cur.id as current_set_id',
    'cur.version as current_set_version',
    'cur.effective_from as current_set_effective_from',
    'cur.criterion_count as current_set_criterion_count',
  ]);
}

export type FieldView = Awaited<ReturnType<ReturnType<typeof withColumns>['executeTakeFirstOrThrow']>>;

/** One field the actor may see, with the criteria set in effect on `asOf`; null if it does not exist for the actor. */
export async function getField(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  asOf = todayInVietnam(),
): Promise<FieldView | null> {
  return (
    (await withColumns(visibleFields(db, actor, asOf))
      .where('f.id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

export interface FieldFilter extends Omit<TFieldListQuery, 'forUnitId' | 'asOf'> {
  /** Only fields usable by this unit (already access-checked). */
  forUnitId?: number;
  asOf?: string;
}

/** The fields visible to the actor: global ones first, then those of units higher up, then their own; each by its order. */
export async function findFields(db: Kysely<DB>, actor: Actor, filter: FieldFilter): Promise<FieldView[]> {
  let query = visibleFields(db, actor, filter.asOf ?? todayInVietnam());
  if (filter.appliesTo === 'both') query = query.where('f.applies_to', '=', 'both');
  else if (filter.appliesTo) query = query.where('f.applies_to', 'in', [filter.appliesTo, 'both']);
  if (filter.active !== undefined) query = query.where('f.active', '=', filter.active);
  for (const word of searchWords(filter.q)) query = query.where('f.search_text', 'like', `%${escapeLike(word)}%`);
  if (filter.forUnitId !== undefined) {
    query = query.where(
      sql<boolean>`(f.owner_unit_id is null or f.owner_unit_id in (${lineageOf([filter.forUnitId])}))`,
    );
  }
  return withColumns(query)
    .orderBy(sql`f.owner_unit_id is not null`)
    .orderBy(sql`coalesce(nlevel(ou.current_path), 0)`)
    .orderBy('f.sort_order')
    .orderBy('f.id')
    .execute();
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));

type CriterionRow = Awaited<ReturnType<typeof criteriaOf>>[number];

function criteriaOf(db: Kysely<DB>, setIds: number[]) {
  return db
    .selectFrom('criterion')
    .select([
      'id',
      'criteria_set_id',
      'code',
      'parent_code',
      'title',
      'measure',
      'rule',
      'target',
      'scale_max',
      'sort_order',
    ])
    .where('criteria_set_id', 'in', setIds)
    .orderBy('criteria_set_id')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
}

function presentCriterion(c: CriterionRow): TCriterion {
  return {
    id: c.id,
    code: c.code,
    parentCode: c.parent_code,
    title: c.title,
    measure: c.measure,
    rule: c.rule,
    target: num(c.target),
    scaleMax: num(c.scale_max),
    sortOrder: c.sort_order,
  };
}

async function loadSets(db: Kysely<DB>, where: { id?: number; fieldId?: number }): Promise<TCriteriaSet[]> {
  let query = db
    .selectFrom('criteria_set as cs')
    .innerJoin('model_field as f', 'f.id', 'cs.field_id')
    .select([
      'cs.id',
      'cs.field_id',
      'f.name as field_name',
      'cs.version',
      'cs.effective_from',
      'cs.note',
      'cs.created_at',
    ]);
  if (where.id !== undefined) query = query.where('cs.id', '=', where.id);
  if (where.fieldId !== undefined) query = query.where('cs.field_id', '=', where.fieldId);
  const sets = await query.orderBy('cs.version').execute();
  if (sets.length === 0) return [];
  const criteria = await criteriaOf(
    db,
    sets.map((s) => s.id),
  );
  return sets.map((s) => ({
    id: s.id,
    fieldId: s.field_id,
    fieldName: s.field_name,
    version: s.version,
    effectiveFrom: s.effective_from,
    note: s.note,
    createdAt: s.created_at.toISOString(),
    criteria: criteria.filter((c) => c.criteria_set_id === s.id).map(presentCriterion),
  }));
}

/** Every version of a field's criteria, oldest first. */
export function listCriteriaSets(db: Kysely<DB>, fieldId: number): Promise<TCriteriaSet[]> {
  return loadSets(db, { fieldId });
}

/** One criteria set version with its criteria, or null. Unscoped: the caller checks access. */
export async function getCriteriaSet(db: Kysely<DB>, id: number): Promise<TCriteriaSet | null> {
  return (await loadSets(db, { id }))[0] ?? null;
}

/** The id of the field's criteria set in effect on `onDate` (the latest version effective by then), or null before the first one. */
export async function currentCriteriaSetId(db: Kysely<DB>, fieldId: number, onDate: string): Promise<number | null> {
  const row = await db
    .selectFrom('criteria_set')
    .select('id')
    .where('field_id', '=', fieldId)
    .where('effective_from', '<=', onDate)
    .orderBy('effective_from', 'desc')
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.id ?? null;
}
