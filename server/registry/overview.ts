/**
 * The registry overview on a date (dashboards' time slider):
 *
 * - active: entries on the list on `asOf` (a span with valid_from <= asOf <
 *   valid_to), by field and by the span's level on that day — the same base
 *   set as the registry list filtered by onDate + fieldId + levelId + kind.
 * - coverage: grassroots party organisations (level "co_so" in their version
 *   valid on asOf) inside the chosen subtree, and how many have at least one
 *   model on the list on asOf owned (its span's owner) by them or a unit below them; grouped
 *   by the child of the chosen unit they lie under. coverageUnits() lists
 *   the units behind each number.
 * - movement: the movement ledger (computeLedger) per calendar year up to
 *   asOf, for at most the last 10 years with data (one ledger query per
 *   year, bounded).
 *
 * Three set-based queries plus the bounded ledger; scoped by entryReadable.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { TOverview } from '../../common/schemas/registry-overview.ts';
import type { DB } from '../db/schema.ts';
import { pathColumnInScope, scopeOf, type Actor } from '../lib/context.ts';
import { computeLedger } from './ledger.ts';
import { entryReadable, unitNameOn } from './entry-scope.ts';
import { scopedEntries } from './queries.ts';
import { ownedWithin } from './unit-view.ts';

/**
 * The chosen unit. `asStood`: a unit that has ended (unit-view.ts) — its subtree is the one it had on asOf, entries
 * count where their owner then stood, and grassroots organisations group by the child they then stood under; an
 * active unit follows today's tree.
 */
export interface OverviewUnit {
  id: number;
  name: string;
  path: string;
  asStood?: boolean;
}

export interface OverviewInput {
  unit: OverviewUnit | null;
  asOf: string;
  kind?: 'model' | 'exemplar';
}

/**
 * SQL: the span `s` counts under the chosen unit — by the span's owner (who held the entry in that period, as the
 * ledger counts), in today's tree or, for an ended unit, in its subtree as it stood on asOf.
 */
const spanUnder = (unit: OverviewUnit | null, asOf: string): RawBuilder<SqlBool> =>
  !unit
    ? sql<SqlBool>`true`
    : unit.asStood
      ? ownedWithin('s.owner_unit_id', unit.id, asOf)
      : sql<SqlBool>`exists (select 1 from org_unit so where so.id = s.owner_unit_id and so.current_path <@ ${unit.path}::ltree)`;

const onListOn = (asOf: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`s.valid_from <= ${asOf}::date and (s.valid_to is null or s.valid_to > ${asOf}::date)`;

/**
 * Grassroots organisations on asOf inside the subtree (or everything the
 * actor may read when no unit is chosen), each with the child of the chosen
 * unit it lies under and its number of models on the list.
 */
function coverageBase(db: Kysely<DB>, actor: Actor, input: { unit: OverviewUnit | null; asOf: string }) {
  if (input.unit?.asStood) return coverageBaseAsStood(db, actor, input.unit, input.asOf);
  const unitPath = input.unit?.path ?? null;
  const depth = unitPath ? unitPath.split('.').length : 0;
  const readable = entryReadable(actor, sql.ref('me.id'), sql.ref('me.owner_unit_id'));
  return db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_level as lv', 'lv.id', 'v.level_id')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .where('lv.code', '=', 'co_so')
    .where(
      sql<SqlBool>`v.valid_from <= ${input.asOf}::date and (v.valid_to is null or v.valid_to > ${input.asOf}::date)`,
    )
    .where(unitPath ? sql<SqlBool>`u.current_path <@ ${unitPath}::ltree` : sql<SqlBool>`true`)
    .where(pathColumnInScope(scopeOf(actor, 'registry.read'), sql.ref('u.current_path'), sql.ref('u.id')))
    .select([
      'u.id as unit_id',
      'v.name as unit_name',
      'v.parent_id',
      'v.sort_key',
      sql<string>`case when nlevel(u.current_path) > ${depth} then subpath(u.current_path, ${depth}, 1)::text else null end`.as(
        'child_label',
      ),
      sql<number>`(select count(*)::int from registry_entry me
        join registry_span s on s.entry_id = me.id
        join org_unit mo on mo.id = s.owner_unit_id
        where me.kind = 'model' and mo.current_path <@ u.current_path and ${onListOn(input.asOf)} and ${readable})`.as(
        'models',
      ),
    ]);
}

/**
 * coverageBase for an ended unit: the grassroots organisations of its subtree as it stood on asOf (paths of then),
 * grouped under the child they then stood under; a model counts for one when its owner's place on asOf (its version
 * then, or its last if it had ended) lay under it — the same "where it stood" as org/subtree-on.ts.
 */
function coverageBaseAsStood(db: Kysely<DB>, actor: Actor, unit: OverviewUnit, asOf: string) {
  const readable = entryReadable(actor, sql.ref('me.id'), sql.ref('me.owner_unit_id'));
  const label = sql.lit(String(Math.trunc(unit.id)));
  return db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_level as lv', 'lv.id', 'v.level_id')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .where('lv.code', '=', 'co_so')
    .where(sql<SqlBool>`v.valid_from <= ${asOf}::date and (v.valid_to is null or v.valid_to > ${asOf}::date)`)
    .where(ownedWithin('v.unit_id', unit.id, asOf))
    .where(pathColumnInScope(scopeOf(actor, 'registry.read'), sql.ref('u.current_path'), sql.ref('u.id')))
    .select([
      'u.id as unit_id',
      'v.name as unit_name',
      'v.parent_id',
      'v.sort_key',
      sql<string>`case when nlevel(v.path) > index(v.path, ${label}::ltree) + 1 then subpath(v.path, index(v.path, ${label}::ltree) + 1, 1)::text else null end`.as(
        'child_label',
      ),
      sql<number>`(select count(*)::int from registry_entry me
        join registry_span s on s.entry_id = me.id
        where me.kind = 'model' and ${onListOn(asOf)} and ${readable}
          and (select ov.path from org_unit_version ov where ov.unit_id = s.owner_unit_id and ov.valid_from <= ${asOf}::date
               order by ov.valid_from desc limit 1) <@ v.path)`.as('models'),
    ]);
}

export async function computeOverview(db: Kysely<DB>, actor: Actor, input: OverviewInput): Promise<TOverview> {
  const { asOf, unit, kind } = input;
  let active = scopedEntries(db, actor)
    .innerJoin('registry_span as s', 's.entry_id', 'e.id')
    .innerJoin('org_level as sl', 'sl.id', 's.level_id')
    .where(onListOn(asOf));
  active = active.where(spanUnder(unit, asOf));
  if (kind) active = active.where('e.kind', '=', kind);

  const [activeRows, coverageRows, firstYear] = await Promise.all([
    active
      .select([
        'e.field_id',
        'f.name as field_name',
        's.level_id',
        'sl.name as level_name',
        sql<number>`(count(*) filter (where e.kind = 'model'))::int`.as('models'),
        sql<number>`(count(*) filter (where e.kind = 'exemplar'))::int`.as('exemplars'),
      ])
      .groupBy(['e.field_id', 'f.name', 'f.sort_order', 's.level_id', 'sl.name', 'sl.rank'])
      .orderBy('f.sort_order')
      .orderBy('f.name')
      .orderBy('sl.rank')
      .execute(),
    db
      .selectFrom(coverageBase(db, actor, { unit, asOf }).as('c'))
      // Paths are of unit ids: the label is the child's id.
      .leftJoin('org_unit as cu', (j) => j.on(sql<SqlBool>`cu.id = c.child_label::int`))
      .select([
        'cu.id as child_id',
        sql<string | null>`case when cu.id is null then null else ${unitNameOn('cu.id', asOf)} end`.as('child_name'),
        sql<number>`count(*)::int`.as('units'),
        sql<number>`(count(*) filter (where c.models > 0))::int`.as('covered'),
      ])
      .groupBy('cu.id')
      .execute(),
    scopedEntries(db, actor)
      .innerJoin('registry_span as s', 's.entry_id', 'e.id')
      .where(spanUnder(unit, asOf))
      .where('s.valid_from', '<=', asOf)
      .select(sql<number | null>`extract(year from min(s.valid_from))::int`.as('year'))
      .executeTakeFirst(),
  ]);

  const lastYear = Number(asOf.slice(0, 4));
  const years: number[] = [];
  if (firstYear?.year != null)
    for (let y = Math.max(Number(firstYear.year), lastYear - 9); y <= lastYear; y++) years.push(y);
  const ledgers = await Promise.all(
    years.map((year) => {
      const from = `${year}-01-01`;
      const to = year === lastYear ? asOf : `${year}-12-31`;
      const subtree = unit?.asStood ? { subtreeOn: { unitId: unit.id, on: asOf } } : { unitPath: unit?.path };
      return computeLedger(db, actor, { from, to, kind, ...subtree }).then((l) => ({
        year,
        from,
        to,
        row: l.total,
      }));
    }),
  );

  const activeOut = activeRows.map((r) => ({
    field: { id: r.field_id, name: r.field_name },
    level: { id: r.level_id, name: r.level_name },
    models: r.models,
    exemplars: r.exemplars,
  }));
  const byChild = coverageRows
    .map((r) => ({
      unit:
        r.child_id !== null
          ? { id: r.child_id, name: r.child_name ?? '' }
          : unit
            ? { id: unit.id, name: unit.name }
            : { id: 0, name: '' },
      units: r.units,
      covered: r.covered,
    }))
    .sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi'));
  return {
    asOf,
    unit: unit ? { id: unit.id, name: unit.name } : null,
    active: activeOut,
    activeTotal: {
      models: activeOut.reduce((n, r) => n + r.models, 0),
      exemplars: activeOut.reduce((n, r) => n + r.exemplars, 0),
    },
    coverage: {
      units: byChild.reduce((n, r) => n + r.units, 0),
      covered: byChild.reduce((n, r) => n + r.covered, 0),
      byChild,
    },
    movement: ledgers.map(({ year, from, to, row }) => ({
      year,
      from,
      to,
      start: row.start,
      added: row.added,
      removed: row.removed,
      transferred: row.transferred,
      replaced: row.replaced,
      end: row.end,
    })),
  };
}

/** The grassroots organisations behind a coverage number (covered or not), optionally under one child; in name order. */
export async function coverageUnits(
  db: Kysely<DB>,
  actor: Actor,
  input: {
    unit: OverviewUnit | null;
    /** Only under this child of the unit (a coverage bar). */
    child: OverviewUnit | null;
    asOf: string;
    covered: boolean;
    page: number;
    pageSize: number;
  },
) {
  const base = db
    .selectFrom(coverageBase(db, actor, { unit: input.child ?? input.unit, asOf: input.asOf }).as('c'))
    .where(input.covered ? sql<SqlBool>`c.models > 0` : sql<SqlBool>`c.models = 0`);
  const [{ total }, rows] = await Promise.all([
    base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
    base
      .select([
        'c.unit_id',
        'c.unit_name',
        'c.parent_id',
        'c.models',
        sql<
          string | null
        >`case when c.parent_id is null then null else ${unitNameOn('c.parent_id', input.asOf)} end`.as('parent_name'),
      ])
      .orderBy(sql`c.sort_key collate "C"`)
      .orderBy('c.unit_id')
      .limit(input.pageSize)
      .offset((input.page - 1) * input.pageSize)
      .execute(),
  ]);
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.unit_id,
      name: r.unit_name,
      parent: r.parent_id !== null ? { id: r.parent_id, name: r.parent_name ?? '' } : null,
      models: r.models,
    })),
  };
}
