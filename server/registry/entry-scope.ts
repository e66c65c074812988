/**
 * What other areas need from the registry to scope their own rows, as SQL fragments: may the actor read an
 * entry, and what was a unit called on a date. Depends on nothing else of the registry, so policy.ts and
 * queries.ts (which use it too) stay free of cycles.
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { scopeOf, unitInScope, type Actor } from '../lib/context.ts';
import { latestUnitName } from '../lib/sql-text.ts';

/** SQL predicate: the actor may read the entry (by scope of the owner unit, or an active assignment). */
export function entryReadable(
  actor: Actor,
  entryIdColumn: Expression<unknown> | RawBuilder<unknown>,
  ownerUnitIdColumn: Expression<unknown> | RawBuilder<unknown>,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${unitInScope(scopeOf(actor, 'registry.read'), ownerUnitIdColumn)} or exists (
    select 1 from registry_monitor rm where rm.entry_id = ${entryIdColumn} and rm.user_id = ${actor.userId} and rm.unassigned_on is null))`;
}

/** A unit's name on `date` (the version valid then), or its latest name if it did not exist then. */
export const unitNameOn = (unitIdColumn: string, date: string): RawBuilder<string> =>
  // A unit's versions never overlap, so the latest start on or before the date is the one valid then;
  // ordering by valid_from alone follows the (unit_id, valid_from) index backwards — no sort per row.
  sql<string>`coalesce(
    (select v.name from org_unit_version v where v.unit_id = ${sql.ref(unitIdColumn)} and v.valid_from <= ${date}::date and (v.valid_to is null or v.valid_to > ${date}::date) order by v.valid_from desc limit 1),
    ${latestUnitName(unitIdColumn)})`;
