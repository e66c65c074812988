/** What a restructuring would carry: the entries on the list a unit owns directly today (the web previews). */
import { sql, type Kysely } from 'kysely';
import type { TUnitActiveEntries } from '../../common/schemas/org.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { latestUnitName } from '../lib/sql-text.ts';
import { entryReadable } from '../registry/entry-scope.ts';

export async function unitActiveEntries(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
): Promise<TUnitActiveEntries['items']> {
  const rows = await db
    .selectFrom('registry_entry as e')
    .innerJoin('org_level as l', 'l.id', 'e.level_id')
    .leftJoin('person as p', 'p.id', 'e.person_id')
    .select([
      'e.id',
      'e.kind',
      'e.name',
      'l.name as level_name',
      'e.person_id',
      'p.unit_id as person_unit_id',
      sql<string | null>`case when p.unit_id is null then null else ${latestUnitName('p.unit_id')} end`.as(
        'person_unit_name',
      ),
    ])
    .where('e.owner_unit_id', '=', unitId)
    .where('e.status', '=', 'active')
    .where(entryReadable(actor, sql.ref('e.id'), sql.ref('e.owner_unit_id')))
    .orderBy(sql`e.sort_key collate "C"`)
    .orderBy('e.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    levelName: r.level_name,
    personId: r.person_id,
    personUnitId: r.person_unit_id,
    personUnitName: r.person_unit_name,
  }));
}
