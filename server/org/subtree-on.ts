/**
 * "The subtree of X as it stood on day D" — for reports about the past, whose
 * units have since moved, merged or been split (the 2025 reorganisation).
 *
 * A unit belongs when its version valid at the end of day D — or, for a unit
 * that had ended by then, its last version — has X on its path. Paths are of
 * unit ids, so the test is one GiST-indexed lquery over org_unit_version,
 * whatever happened to X or its units after D. A unit that moved out before D
 * is not in it; one that ended before D counts where it last was (its history
 * ends there); one whose recorded history begins after D counts where it first
 * stood — a tree entered into the system later than the registry it holds
 * (units recorded from 2026, models from 2021) must not empty the reports of
 * 2021, and a unit with nothing on the list then adds nothing to them.
 */
import { sql, type RawBuilder } from 'kysely';

/** SQL selecting `unit_id` of every unit in the subtree of `unitId` (itself included) on day `on`; use as `x in (…)`. */
export function subtreeOnSql(unitId: number, on: string): RawBuilder<{ unit_id: number }> {
  const under = `*.${Math.trunc(unitId)}.*`;
  return sql<{ unit_id: number }>`
    select lv.unit_id from (
      select distinct on (v.unit_id) v.unit_id, v.path
      from org_unit_version v
      where v.unit_id in (select c.unit_id from org_unit_version c where c.path ~ ${under}::lquery)
      order by v.unit_id, (v.valid_from <= ${on}::date) desc,
        case when v.valid_from <= ${on}::date then v.valid_from end desc, v.valid_from, v.id desc
    ) lv
    where lv.path ~ ${under}::lquery`;
}
