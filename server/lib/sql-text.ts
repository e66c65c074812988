/** SQL fragments shared by every area: a unit's latest name, and search words. */
import { sql } from 'kysely';
import { foldVietnamese } from '../../common/vn-text.ts';

/** The unit's latest name (its open version, or the last one it had if it has ended), as a scalar subquery. */
export const latestUnitName = (unitIdColumn: string) =>
  sql<string>`(select luv.name from org_unit_version luv where luv.unit_id = ${sql.ref(unitIdColumn)} order by luv.valid_from desc, luv.id desc limit 1)`;

/** Up to 8 folded words of a search box; every one must occur in the row's search_text. */
export function searchWords(q: string | undefined): string[] {
  return foldVietnamese(q ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 8);
}
