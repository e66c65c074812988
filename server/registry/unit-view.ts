/**
 * Which unit a registry view (the list, the overview, the dashboards) is about, and as of which day.
 *
 * An active unit is seen in today's tree. A unit that has ended — read by its successors' staff through the
 * derived archive grant (accounts/load-actor.ts) — is seen as it stood on its last day (the day before it ended):
 * its subtree then (org/subtree-on.ts) and the entries on the list that day whose owner then lay within it. Today's
 * tree no longer holds it, so following current paths would show what its sub-units became, not what it held. The
 * day is derived here from the unit's recorded end, never taken from the client; a client may only look earlier.
 */
import type { Kysely, RawBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import { escapeLike } from '../../common/vn-text.ts';
import type { DB } from '../db/schema.ts';
import { scopeOf, unitInScope, type Actor } from '../lib/context.ts';
import { searchWords } from '../lib/sql-text.ts';
import { subtreeOnSql } from '../org/subtree-on.ts';
import { loadUnitFor, type UnitRef } from '../org/unit-access.ts';

export interface UnitView {
  unit: UnitRef;
  /** For an ended unit: its last day (ended_on − 1); null for an active one. */
  lastDay: string | null;
}

/** The day before an ISO date. */
export function dayBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Load the unit for reading the registry (404 outside the read scope, archives included) and say how to see it. */
export async function loadUnitView(db: Kysely<DB>, actor: Actor, unitId: number): Promise<UnitView> {
  const unit = await loadUnitFor(db, actor, unitId, 'registry.read');
  return { unit, lastDay: unit.endedOn ? dayBefore(unit.endedOn) : null };
}

/** The day an ended unit's view is for: its last day, or an earlier day the client asked for. */
export function viewDay(view: UnitView, requested: string | undefined): string | undefined {
  if (!view.lastDay) return requested;
  return requested && requested < view.lastDay ? requested : view.lastDay;
}

/** SQL: the unit in `ownerColumn` lay in the subtree of `unitId` as it stood on `on`. */
export function ownedWithin(ownerColumn: string, unitId: number, on: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(ownerColumn)} in (${subtreeOnSql(unitId, on)})`;
}

/**
 * SQL on an entry aliased `e`: it was on the list on `on` and its owner then lay within the subtree of `unitId` as it
 * stood that day.
 */
export function onListWithin(unitId: number, on: string): RawBuilder<SqlBool> {
  // The span's owner: who held the entry that day (an entry passed on by a merger counts with its old owner before it).
  return sql<SqlBool>`exists (select 1 from registry_span vs where vs.entry_id = e.id and vs.valid_from <= ${on}::date and (vs.valid_to is null or vs.valid_to > ${on}::date) and ${ownedWithin('vs.owner_unit_id', unitId, on)})`;
}

/**
 * The units whose registry the actor may open, for a picker: active ones (their version of today) and ended ones
 * (their last version) in the read scope — archives included — with the parent they had then. Every word typed must
 * occur in the name, in any order, diacritics optional. Higher units first, then as the tree lists them.
 */
export async function findViewUnits(db: Kysely<DB>, actor: Actor, q: { q?: string | undefined; limit: number }) {
  let query = db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .innerJoin('unit_type as t', 't.id', 'v.type_id')
    // The open version of an active unit; the one that closed on the day an ended unit ended.
    .where(sql<SqlBool>`(v.valid_to is null or v.valid_to = u.ended_on)`)
    .where(unitInScope(scopeOf(actor, 'registry.read'), sql.ref('v.unit_id')));
  for (const word of searchWords(q.q)) query = query.where('v.search_text', 'like', `%${escapeLike(word)}%`);
  const rows = await query
    .select([
      'v.unit_id as id',
      'v.name',
      'u.ended_on',
      sql<string | null>`(select pv.name from org_unit_version pv where pv.unit_id = v.parent_id
        and pv.valid_from < coalesce(u.ended_on, 'infinity'::date) order by pv.valid_from desc limit 1)`.as(
        'parent_name',
      ),
    ])
    .orderBy(sql`nlevel(v.path)`)
    .orderBy(sql`u.ended_on is not null`)
    .orderBy('t.sort_order')
    .orderBy(sql`v.sort_key collate "C"`)
    .orderBy('v.unit_id')
    .limit(q.limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    parentName: r.parent_name,
    endedOn: r.ended_on,
    lastDay: r.ended_on ? dayBefore(r.ended_on) : null,
  }));
}
