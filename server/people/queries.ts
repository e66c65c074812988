/** Reading people: every query is scoped in SQL to the units the actor may read. */
import { sql, type Kysely } from 'kysely';
import { escapeLike } from '../../common/vn-text.ts';
import type { TPersonListQuery } from '../../common/schemas/people.ts';
import type { DB } from '../db/schema.ts';
import { scopeOf, unitInScope, type Actor } from '../lib/context.ts';

export { latestUnitName, searchWords } from '../lib/sql-text.ts';
import { latestUnitName, searchWords } from '../lib/sql-text.ts';

function scopedPeople(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('person as p')
    .innerJoin('org_unit as u', 'u.id', 'p.unit_id')
    .where(unitInScope(scopeOf(actor, 'people.read'), sql.ref('p.unit_id')));
}

function withColumns(query: ReturnType<typeof scopedPeople>) {
  return query.select([
    'p.id',
    'p.full_name',
    'p.family_name',
    'p.middle_name',
    'p.given_name',
    'p.gender',
    'p.birth_year',
    'p.position',
    'p.unit_id',
    'p.party_member',
    'p.status',
    'p.left_on',
    'p.left_reason',
    'p.revision',
    'p.created_at',
    'p.updated_at',
    'u.ended_on as unit_ended_on',
    sql<string>`u.current_path::text`.as('unit_path'),
    latestUnitName('p.unit_id').as('unit_name'),
  ]);
}

export type PersonView = Awaited<ReturnType<ReturnType<typeof withColumns>['executeTakeFirstOrThrow']>>;

/** One person the actor may read, or null (outside the scope is the same as not existing). */
export async function getPerson(db: Kysely<DB>, actor: Actor, id: number): Promise<PersonView | null> {
  return (await withColumns(scopedPeople(db, actor)).where('p.id', '=', id).executeTakeFirst()) ?? null;
}

export interface PeopleFilter extends Omit<TPersonListQuery, 'unitId'> {
  /** Current ltree path of the unit whose subtree to list (already access-checked). */
  unitPath?: string;
}

/** A page of people in Vietnamese name order (given, middle, family name). */
export async function findPeople(
  db: Kysely<DB>,
  actor: Actor,
  filter: PeopleFilter,
): Promise<{ items: PersonView[]; total: number }> {
  let query = scopedPeople(db, actor);
  if (filter.unitPath) query = query.where(sql<boolean>`u.current_path <@ ${filter.unitPath}::ltree`);
  for (const word of searchWords(filter.q)) query = query.where('p.search_text', 'like', `%${escapeLike(word)}%`);
  if (filter.status) query = query.where('p.status', '=', filter.status);
  if (filter.partyMember !== undefined) query = query.where('p.party_member', '=', filter.partyMember);
  if (filter.gender) query = query.where('p.gender', '=', filter.gender);

  const [{ total }, items] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    withColumns(query)
      .orderBy(sql`p.sort_key collate "C"`)
      .orderBy('p.id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
  ]);
  return { items, total: Number(total) };
}
