/**
 * "Inherited from above" visibility, shared by plans and the catalogue: what a
 * unit defines (a plan, a field and its criteria) applies to the units below
 * it. So a row owned by unit O is visible to an actor when O lies in the
 * actor's read scope (the usual subtree rule) OR O is in the lineage of a unit
 * the actor is granted on: one of its ancestors by current path
 * (`O.current_path @> granted path`), or a unit that ended by merger or split
 * into one of those (a predecessor, transitively), so a plan of Tỉnh ủy Yên
 * Bái is still followed under the merged Tỉnh ủy Lào Cai.
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { ROLE_ACTIONS, type Action } from '../../common/roles.ts';
import type { DB } from '../db/schema.ts';
import { isSystemAdmin, scopeOf, unitInScope, type Actor } from '../lib/context.ts';
import { notFound } from '../lib/errors.ts';
import { findUnitRef, type UnitRef } from '../org/unit-access.ts';

type Column = Expression<unknown> | RawBuilder<unknown>;

/**
 * SQL: the ids of the units whose plans and fields apply to the given units —
 * each unit itself, its ancestors (by current path), and every unit that ended
 * into one of those by merger or split.
 */
export function lineageOf(unitIds: readonly number[]): RawBuilder<unknown> {
  if (unitIds.length === 0) return sql`select null::int as id where false`;
  return sql`with recursive lineage(id) as (
      select a.id from org_unit g join org_unit a on a.current_path @> g.current_path where g.id in (${sql.join(unitIds.map(Number))})
      union
      select s.predecessor_id from org_unit_successor s join lineage l on l.id = s.successor_id
    ) select id from lineage`;
}

/** The units the actor holds `action` on, whatever the reach of the role. */
export function grantedUnitIds(actor: Actor, action: Action): number[] {
  return [...new Set(actor.grants.filter((g) => ROLE_ACTIONS[g.role].includes(action)).map((g) => g.unitId))];
}

/** SQL predicate: the unit in `unitIdColumn` is in the actor's scope for `action`, or in the lineage of a granted unit. */
export function unitVisible(actor: Actor, action: Action, unitIdColumn: Column): RawBuilder<SqlBool> {
  if (isSystemAdmin(actor)) return sql<SqlBool>`true`;
  const granted = grantedUnitIds(actor, action);
  if (granted.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${unitInScope(scopeOf(actor, action), unitIdColumn)} or ${unitIdColumn} in (${lineageOf(granted)}))`;
}

/** Load a unit the actor may see under the inherited rule (404 otherwise): e.g. a filter on the province by a bloc user. */
export async function loadVisibleUnit(db: Kysely<DB>, actor: Actor, unitId: number, action: Action): Promise<UnitRef> {
  const what = `đơn vị có mã số ${unitId}`;
  const visible = await db
    .selectFrom('org_unit as u')
    .select('u.id')
    .where('u.id', '=', unitId)
    .where(unitVisible(actor, action, sql.ref('u.id')))
    .executeTakeFirst();
  if (!visible) throw notFound(what);
  const unit = await findUnitRef(db, unitId);
  if (!unit) throw notFound(what);
  return unit;
}
