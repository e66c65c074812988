/**
 * A unit's document settings (thể thức văn bản): layout parameters and the place name, inherited from the
 * nearest unit at or above it that has any (one query on the current path). Read by every generator of
 * Party-format documents — review reports, council minutes, certificates — which hand them to the renderers
 * (server/docgen); edited through server/review-report/settings-routes.ts.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { mergeLayout, type PartyLayoutOverride } from '../docgen/party-layout.ts';
import { asObject } from '../lib/json-value.ts';
import { latestUnitName } from '../lib/sql-text.ts';

export interface UnitSettings {
  /** The unit whose settings apply (the unit itself or an ancestor), or null: the defaults. */
  source: { id: number; name: string } | null;
  layout: PartyLayoutOverride;
  place: string | null;
  revision: number;
}

/** The settings of the nearest unit at or above `unitId` that has any. */
export async function nearestSettings(db: Kysely<DB>, unitId: number): Promise<UnitSettings> {
  const row = await db
    .selectFrom('org_unit as self')
    .innerJoin('org_unit as a', (j) => j.on(sql<boolean>`a.current_path @> self.current_path`))
    .innerJoin('unit_document_settings as s', 's.unit_id', 'a.id')
    .select(['a.id', 's.layout', 's.place', 's.revision', latestUnitName('a.id').as('name')])
    .where('self.id', '=', unitId)
    .orderBy(sql`nlevel(a.current_path)`, 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return { source: null, layout: {}, place: null, revision: 0 };
  return {
    source: { id: row.id, name: row.name },
    layout: asObject<PartyLayoutOverride>(row.layout, {}),
    place: row.place,
    revision: row.revision,
  };
}

/** The layout a report of `unitId` is laid out with: the unit's effective settings, then the report's own layout. */
export async function effectiveLayout(
  db: Kysely<DB>,
  unitId: number,
  own: PartyLayoutOverride,
): Promise<PartyLayoutOverride> {
  return mergeLayout((await nearestSettings(db, unitId)).layout, own);
}
