/**
 * Reading the tree as of a date. A version is valid on D when
 * valid_from <= D < valid_to. Visibility is judged by the unit's current
 * path against the actor's org.read scope, in SQL.
 */
import { sql, type Kysely } from 'kysely';
import { todayInVietnam } from '../../common/dates.ts';
import { escapeLike, foldVietnamese } from '../../common/vn-text.ts';
import type { DB } from '../db/schema.ts';
import { latestUnitName } from '../lib/sql-text.ts';
import { isSystemAdmin, scopeOf, unitInScope, type Actor, type Scope } from '../lib/context.ts';

export const validOn = (alias: string, date: string) =>
  sql<boolean>`${sql.ref(`${alias}.valid_from`)} <= ${date}::date and (${sql.ref(`${alias}.valid_to`)} is null or ${sql.ref(`${alias}.valid_to`)} > ${date}::date)`;

function summaryQuery(db: Kysely<DB>, date: string) {
  return db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .innerJoin('unit_type as t', 't.id', 'v.type_id')
    .innerJoin('org_level as l', 'l.id', 'v.level_id')
    .leftJoin('org_unit_version as pv', (join) => join.onRef('pv.unit_id', '=', 'v.parent_id').on(validOn('pv', date)))
    .select([
      'v.unit_id as id',
      'u.code',
      'v.name',
      'v.short_name',
      'v.type_id',
      't.name as type_name',
      'v.level_id',
      'l.name as level_name',
      'v.parent_id',
      'pv.name as parent_name',
      sql<string>`v.path::text`.as('path'),
      'v.valid_from',
      'v.valid_to',
      sql<number>`(select count(*)::int from org_unit_version c where c.parent_id = v.unit_id and ${validOn('c', date)})`.as(
        'child_count',
      ),
    ])
    .where(validOn('v', date));
}

export type UnitSummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['execute']>>[number];

export function presentSummary(r: UnitSummaryRow) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    typeId: r.type_id,
    typeName: r.type_name,
    levelId: r.level_id,
    levelName: r.level_name,
    parentId: r.parent_id,
    parentName: r.parent_name,
    path: r.path,
    childCount: r.child_count,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  };
}

/** Top of the visible forest: roots for a system admin, else the granted units not under another grant. */
function topUnitIds(actor: Actor): number[] | 'roots' {
  if (isSystemAdmin(actor)) return 'roots';
  const scope = scopeOf(actor, 'org.read');
  const granted = actor.grants.filter((g) => scope.paths.includes(g.path) || scope.unitIds.includes(g.unitId));
  const tops = granted.filter(
    (g) => !granted.some((o) => o !== g && scope.paths.includes(o.path) && g.path.startsWith(`${o.path}.`)),
  );
  return [...new Set(tops.map((g) => g.unitId))];
}

export interface UnitListFilter {
  parentId?: number;
  asOf?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export async function findUnits(db: Kysely<DB>, actor: Actor, filter: UnitListFilter) {
  const date = filter.asOf ?? todayInVietnam();
  const scope: Scope = scopeOf(actor, 'org.read');
  let base = db
    .selectFrom('org_unit_version as v')
    .innerJoin('unit_type as t', 't.id', 'v.type_id')
    .where(validOn('v', date))
    .where(unitInScope(scope, sql.ref('v.unit_id')));
  if (filter.q) {
    base = base.where('v.search_text', 'like', `%${escapeLike(foldVietnamese(filter.q))}%`);
    if (filter.parentId) {
      const parent = await db
        .selectFrom('org_unit')
        .select(sql<string>`current_path::text`.as('path'))
        .where('id', '=', filter.parentId)
        .executeTakeFirst();
      base = base.where(
        sql<boolean>`exists (select 1 from org_unit pu where pu.id = v.unit_id and pu.current_path <@ ${parent?.path ?? '0'}::ltree)`,
      );
    }
  } else if (filter.parentId) {
    base = base.where('v.parent_id', '=', filter.parentId);
  } else {
    const tops = topUnitIds(actor);
    base =
      tops === 'roots'
        ? base.where('v.parent_id', 'is', null)
        : tops.length
          ? base.where('v.unit_id', 'in', tops)
          : base.where(sql<boolean>`false`);
  }
  // One query picks the page (and counts the whole result); the columns, names and child counts are read for that page only.
  const page = await base
    .select(['v.unit_id', sql<number>`count(*) over ()`.as('total')])
    .orderBy('t.sort_order')
    .orderBy(sql`v.sort_key collate "C"`)
    .orderBy('v.unit_id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  let total = page.length > 0 ? Number(page[0]!.total) : 0;
  if (page.length === 0 && filter.page > 1) {
    total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  }
  const ids = page.map((r) => r.unit_id);
  const rows = ids.length ? await summaryQuery(db, date).where('v.unit_id', 'in', ids).execute() : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const items = ids
    .map((id) => byId.get(id))
    .filter((r): r is UnitSummaryRow => !!r)
    .map(presentSummary);
  return { items, total, page: filter.page, pageSize: filter.pageSize, asOf: date };
}

/** One unit as of a date (null if it did not exist on that date). */
export async function getUnitSummary(db: Kysely<DB>, unitId: number, date: string) {
  return (await summaryQuery(db, date).where('v.unit_id', '=', unitId).executeTakeFirst()) ?? null;
}

export async function getAncestors(db: Kysely<DB>, path: string, date: string) {
  const ids = path.split('.').slice(0, -1).map(Number);
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('org_unit_version as v')
    .select(['v.unit_id as id', 'v.name', sql<number>`nlevel(v.path)`.as('depth')])
    .where('v.unit_id', 'in', ids)
    .where(validOn('v', date))
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids
    .map((id) => byId.get(id))
    .filter((r): r is NonNullable<typeof r> => !!r)
    .map((r) => ({ id: r.id, name: r.name }));
}

export async function getLinks(db: Kysely<DB>, unitId: number) {
  const successors = await db
    .selectFrom('org_unit_successor as s')
    .innerJoin('org_event as e', 'e.id', 's.event_id')
    .select([
      's.successor_id as id',
      latestUnitName('s.successor_id').as('name'),
      's.event_id as eventId',
      'e.effective_date as date',
    ])
    .where('s.predecessor_id', '=', unitId)
    .execute();
  const predecessors = await db
    .selectFrom('org_unit_successor as s')
    .innerJoin('org_event as e', 'e.id', 's.event_id')
    .select([
      's.predecessor_id as id',
      latestUnitName('s.predecessor_id').as('name'),
      's.event_id as eventId',
      'e.effective_date as date',
    ])
    .where('s.successor_id', '=', unitId)
    .execute();
  return { successors, predecessors };
}

export async function getHistory(db: Kysely<DB>, unitId: number) {
  const versions = await db
    .selectFrom('org_unit_version as v')
    .innerJoin('unit_type as t', 't.id', 'v.type_id')
    .innerJoin('org_level as l', 'l.id', 'v.level_id')
    .leftJoin('org_unit_version as pv', (join) =>
      join
        .onRef('pv.unit_id', '=', 'v.parent_id')
        .on(sql<boolean>`pv.valid_from <= v.valid_from and (pv.valid_to is null or pv.valid_to > v.valid_from)`),
    )
    .select([
      'v.valid_from',
      'v.valid_to',
      'v.name',
      'v.short_name',
      't.name as type_name',
      'l.name as level_name',
      'v.parent_id',
      'pv.name as parent_name',
      'v.event_id',
    ])
    .where('v.unit_id', '=', unitId)
    .orderBy('v.valid_from')
    .orderBy('v.id')
    .execute();
  const eventIds = await db.selectFrom('org_event_unit').select('event_id').where('unit_id', '=', unitId).execute();
  const events = await findEvents(
    db,
    eventIds.map((e) => e.event_id),
  );
  return {
    versions: versions.map((v) => ({
      validFrom: v.valid_from,
      validTo: v.valid_to,
      name: v.name,
      shortName: v.short_name,
      typeName: v.type_name,
      levelName: v.level_name,
      parentId: v.parent_id,
      parentName: v.parent_name,
      eventId: v.event_id,
    })),
    events,
  };
}

export async function findEvents(db: Kysely<DB>, eventIds: number[]) {
  if (eventIds.length === 0) return [];
  const events = await db
    .selectFrom('org_event as e')
    .leftJoin('document as d', 'd.id', 'e.document_id')
    .leftJoin('app_user as au', 'au.id', 'e.created_by')
    .select([
      'e.id',
      'e.kind',
      'e.effective_date',
      'e.note',
      'e.created_at',
      'd.id as doc_id',
      'd.symbol',
      'd.issued_on',
      'au.full_name as created_by',
    ])
    .where('e.id', 'in', eventIds)
    .orderBy('e.effective_date')
    .orderBy('e.id')
    .execute();
  const units = await db
    .selectFrom('org_event_unit as eu')
    .select(['eu.event_id', 'eu.unit_id as id', latestUnitName('eu.unit_id').as('name'), 'eu.role'])
    .where('eu.event_id', 'in', eventIds)
    .execute();
  return events.map((e) => ({
    id: e.id,
    kind: e.kind,
    effectiveDate: e.effective_date,
    note: e.note,
    document: e.doc_id ? { id: e.doc_id, symbol: e.symbol!, issuedOn: e.issued_on! } : null,
    units: units.filter((u) => u.event_id === e.id).map((u) => ({ id: u.id, name: u.name, role: u.role })),
    createdBy: e.created_by,
    createdAt: e.created_at.toISOString(),
  }));
}

/** Counts of units in a subtree (or the whole visible tree) as of a date, by type and by level. */
export async function countUnits(db: Kysely<DB>, actor: Actor, rootPath: string | null, date: string) {
  const scope = scopeOf(actor, 'org.read');
  let base = db
    .selectFrom('org_unit_version as v')
    .where(validOn('v', date))
    .where(unitInScope(scope, sql.ref('v.unit_id')));
  if (rootPath) {
    const asOfRoot = await db
      .selectFrom('org_unit_version as r')
      .select(sql<string>`r.path::text`.as('path'))
      .where('r.unit_id', '=', Number(rootPath.split('.').pop()))
      .where(validOn('r', date))
      .executeTakeFirst();
    base = base.where(sql<boolean>`v.path <@ ${asOfRoot?.path ?? '0'}::ltree`);
  }
  const byType = await base
    .innerJoin('unit_type as t', 't.id', 'v.type_id')
    .select(['t.id', 't.name', sql<number>`count(*)::int`.as('count')])
    .groupBy(['t.id', 't.name', 't.sort_order'])
    .orderBy('t.sort_order')
    .execute();
  const byLevel = await base
    .innerJoin('org_level as l', 'l.id', 'v.level_id')
    .select(['l.id', 'l.name', sql<number>`count(*)::int`.as('count')])
    .groupBy(['l.id', 'l.name', 'l.rank'])
    .orderBy('l.rank')
    .execute();
  return { asOf: date, total: byType.reduce((sum, t) => sum + t.count, 0), byType, byLevel };
}
