/**
 * Completeness of a period (ai đã nộp, ai nộp muộn, ai chưa có gì): the
 * entries expected to report (expectedToReport) that the actor may read, each
 * in one bucket — none, draft, returned, submitted, accepted — and late or
 * not (period-rules). The counts and the list behind them come from one
 * base query, so every number equals the length of its list:
 *
 *   computeCompleteness(unitId = X).children[c].submitted
 *     = GET /reporting/periods/:id/entries?unitId=c&bucket=submitted → total
 *
 * Subtrees are judged by the current path of the owner at the period's end
 * (period-rules.ts). Counts of a unit and all its children come from one
 * grouped query (entries counted distinctly, so overlapping rows — a
 * reporter's unit inside another granted unit — never count an entry twice
 * in the total).
 */
import { sql, type Kysely } from 'kysely';
import { todayInVietnam } from '../../common/dates.ts';
import type {
  CompletenessBucket,
  TCompleteness,
  TCompletenessCounts,
  TPeriodEntriesQuery,
  TPeriodEntryRow,
} from '../../common/schemas/reporting-completeness.ts';
import { escapeLike } from '../../common/vn-text.ts';
import type { DB } from '../db/schema.ts';
import { isSystemAdmin, scopeOf, type Actor } from '../lib/context.ts';
import { notFound } from '../lib/errors.ts';
import { latestUnitName, searchWords } from '../lib/sql-text.ts';
import { loadUnitFor } from '../org/unit-access.ts';
import { entryReadable } from '../registry/entry-scope.ts';
import { closingDaySql, expectedToReport, lateSql, ownerAtPeriodEndSql } from './period-rules.ts';

export interface PeriodEntriesFilter extends Omit<TPeriodEntriesQuery, 'unitId' | 'page' | 'pageSize'> {
  /** Current ltree path of the owner-unit subtree (already access-checked). */
  unitPath?: string;
}

const bucketSql = sql<CompletenessBucket>`coalesce(r.status, 'none')`;

/** The expected, readable entries of a period with their report (left join), filtered. */
function expectedEntries(db: Kysely<DB>, actor: Actor, periodId: number, filter: PeriodEntriesFilter, today: string) {
  let q = db
    .selectFrom('report_period as p')
    .innerJoin('registry_entry as e', (j) =>
      j.on(sql<boolean>`(e.plan_id = p.plan_id or e.plan_id is null)`).on(expectedToReport('e', 'p')),
    )
    // Subtrees are judged by the owner at the period's end (period-rules.ts), not the current owner.
    .innerJoin('org_unit as ou', (j) => j.on(sql<boolean>`ou.id = ${ownerAtPeriodEndSql('e', 'p')}`))
    .leftJoin('period_report as r', (j) => j.onRef('r.entry_id', '=', 'e.id').onRef('r.period_id', '=', 'p.id'))
    .where('p.id', '=', periodId)
    .where(entryReadable(actor, sql.ref('e.id'), sql.ref('e.owner_unit_id')));
  if (filter.unitPath) q = q.where(sql<boolean>`ou.current_path <@ ${filter.unitPath}::ltree`);
  // Written so the planner can estimate it (an anti-join, or a plain column test), not as coalesce(…) = …,
  // whose 1-row guess made it nest a loop over every unit of the subtree.
  if (filter.bucket === 'none')
    q = q.where('r.entry_id', 'is', null); // a join column: the planner turns it into an anti-join
  else if (filter.bucket) q = q.where('r.status', '=', filter.bucket);
  if (filter.late !== undefined) q = q.where(sql<boolean>`${lateSql('r', 'p', today)} = ${filter.late}`);
  if (filter.kind) q = q.where('e.kind', '=', filter.kind);
  if (filter.fieldId) q = q.where('e.field_id', '=', filter.fieldId);
  if (filter.levelId) q = q.where('e.level_id', '=', filter.levelId);
  for (const word of searchWords(filter.search)) q = q.where('e.search_text', 'like', `%${escapeLike(word)}%`);
  return q;
}

/** A page of expected entries, by owner unit name then entry name (Vietnamese order). */
export async function findPeriodEntries(
  db: Kysely<DB>,
  actor: Actor,
  periodId: number,
  filter: PeriodEntriesFilter,
  page: number,
  pageSize: number,
  today = todayInVietnam(),
): Promise<{ items: TPeriodEntryRow[]; total: number }> {
  const query = expectedEntries(db, actor, periodId, filter, today);
  const [{ total }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    query
      .innerJoin('model_field as f', 'f.id', 'e.field_id')
      .innerJoin('org_level as l', 'l.id', 'e.level_id')
      .select([
        'e.id',
        'e.kind',
        'e.name',
        'e.owner_unit_id',
        latestUnitName('e.owner_unit_id').as('owner_name'),
        'e.field_id',
        'f.name as field_name',
        'e.level_id',
        'l.name as level_name',
        'r.id as report_id',
        bucketSql.as('bucket'),
        sql<boolean>`coalesce(r.changed_after_acceptance, false)`.as('changed_after_acceptance'),
        lateSql('r', 'p', today).as('late'),
        'r.submitted_at',
        closingDaySql('p', sql.ref('e.owner_unit_id')).as('closing_day'),
        sql<number>`(select count(*) from period_report_value v where v.report_id = r.id and v.met)::int`.as(
          'met_count',
        ),
        sql<number>`(select count(*) from period_report_value v where v.report_id = r.id and v.met is not null)::int`.as(
          'judged_count',
        ),
      ])
      .orderBy(
        sql`(select sv.sort_key from org_unit_version sv where sv.unit_id = e.owner_unit_id order by sv.valid_from desc, sv.id desc limit 1) collate "C"`,
      )
      .orderBy('e.owner_unit_id')
      .orderBy(sql`e.sort_key collate "C"`)
      .orderBy('e.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return {
    total: Number(total),
    items: rows.map((r) => ({
      entry: {
        id: r.id,
        kind: r.kind,
        name: r.name,
        ownerUnit: { id: r.owner_unit_id, name: r.owner_name },
        field: { id: r.field_id, name: r.field_name },
        level: { id: r.level_id, name: r.level_name },
      },
      reportId: r.report_id,
      bucket: r.bucket,
      changedAfterAcceptance: r.changed_after_acceptance,
      late: r.late,
      submittedAt: r.submitted_at?.toISOString() ?? null,
      closingDay: r.closing_day,
      metCount: r.met_count,
      judgedCount: r.judged_count,
    })),
  };
}

interface CountsRow {
  expected: number;
  none: number;
  draft: number;
  returned: number;
  submitted: number;
  accepted: number;
  late: number;
}

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part * 1000) / whole) / 10);

function counts(row: CountsRow | undefined): TCompletenessCounts {
  const c = row ?? { expected: 0, none: 0, draft: 0, returned: 0, submitted: 0, accepted: 0, late: 0 };
  return {
    expected: c.expected,
    none: c.none,
    draft: c.draft,
    returned: c.returned,
    submitted: c.submitted,
    accepted: c.accepted,
    late: c.late,
    submittedPercent: percent(c.submitted + c.accepted, c.expected),
    acceptedPercent: percent(c.accepted, c.expected),
  };
}

/** The rows of the breakdown: the unit's children as of today, or (no unit) the actor's top granted units. */
async function groupUnits(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number | null,
  today: string,
): Promise<Array<{ id: number; name: string; path: string }>> {
  if (unitId !== null) {
    return db
      .selectFrom('org_unit_version as v')
      .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
      .select(['u.id', 'v.name', sql<string>`u.current_path::text`.as('path')])
      .where('v.parent_id', '=', unitId)
      .where('v.valid_from', '<=', today)
      .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', today)]))
      .orderBy(sql`v.sort_key collate "C"`)
      .orderBy('u.id')
      .execute();
  }
  let units = db
    .selectFrom('org_unit as u')
    .select(['u.id', latestUnitName('u.id').as('name'), sql<string>`u.current_path::text`.as('path')])
    .orderBy(
      sql`(select sv.sort_key from org_unit_version sv where sv.unit_id = u.id order by sv.valid_from desc, sv.id desc limit 1) collate "C"`,
    )
    .orderBy('u.id');
  if (isSystemAdmin(actor)) {
    units = units.where(sql<boolean>`nlevel(u.current_path) = 1`).where('u.ended_on', 'is', null);
  } else {
    const scope = scopeOf(actor, 'registry.read');
    const granted = actor.grants.filter((g) => scope.paths.includes(g.path) || scope.unitIds.includes(g.unitId));
    // The top ones: not inside another granted subtree.
    const top = granted.filter((g) => !scope.paths.some((p) => g.path !== p && g.path.startsWith(`${p}.`)));
    const ids = [...new Set(top.map((g) => g.unitId))];
    if (ids.length === 0) return [];
    units = units.where('u.id', 'in', ids);
  }
  return units.execute();
}

/**
 * Completeness of a period for the subtree of `unitId` (null: everything the
 * actor reads) and for each child unit of it as of `today` (null: each top
 * granted unit). One grouped query for the whole breakdown.
 */
export async function computeCompleteness(
  db: Kysely<DB>,
  actor: Actor,
  periodId: number,
  unitId: number | null,
  today = todayInVietnam(),
): Promise<TCompleteness> {
  const period = await db
    .selectFrom('report_period')
    .select(['id', 'name', 'due_on'])
    .where('id', '=', periodId)
    .executeTakeFirst();
  if (!period) throw notFound(`kỳ báo cáo có mã số ${periodId}`);
  const unit = unitId === null ? null : await loadUnitFor(db, actor, unitId, 'registry.read');
  const groups = await groupUnits(db, actor, unitId, today);
  const base = expectedEntries(db, actor, periodId, { unitPath: unit?.path }, today).select([
    'e.id as entry_id',
    sql<string>`ou.current_path`.as('owner_path'),
    bucketSql.as('bucket'),
    lateSql('r', 'p', today).as('late'),
  ]);
  const counts_ = (distinct: boolean) => {
    const c = (filter: string | null) =>
      sql<number>`(count(${sql.raw(distinct ? 'distinct x.entry_id' : '*')})${sql.raw(filter ? ` filter (where ${filter})` : '')})::int`;
    return [
      c(null).as('expected'),
      c("x.bucket = 'none'").as('none'),
      c("x.bucket = 'draft'").as('draft'),
      c("x.bucket = 'returned'").as('returned'),
      c("x.bucket = 'submitted'").as('submitted'),
      c("x.bucket = 'accepted'").as('accepted'),
      c('x.late').as('late'),
    ] as const;
  };
  let rows;
  if (unit) {
    // The children of one unit partition its subtree: an entry's child is the path label right below the
    // unit (one hash aggregate, no join); entries of the unit itself count in the total only.
    const depth = unit.path.split('.').length;
    // Literal numbers (not parameters), so the grouping expression is the same expression everywhere it appears.
    const d = sql.lit(depth);
    const child = sql<
      number | null
    >`case when nlevel(x.owner_path) > ${d} then subltree(x.owner_path, ${d}, ${sql.lit(depth + 1)})::text::int end`;
    rows = await db
      .selectFrom(base.as('x'))
      .select([sql<number>`grouping(${child})`.as('is_total'), child.as('group_id'), ...counts_(false)])
      .groupBy(sql`grouping sets ((${child}), ())`)
      .execute();
  } else {
    // Top granted units may overlap (a reporter's unit inside a granted subtree): count entries distinctly.
    const groupIds = groups.map((g) => g.id);
    rows = await db
      .selectFrom(base.as('x'))
      .leftJoin(
        db
          .selectFrom('org_unit as gu')
          .select(['gu.id', 'gu.current_path'])
          .where('gu.id', 'in', groupIds.length > 0 ? groupIds : [0])
          .as('g'),
        (j) => j.on(sql<boolean>`x.owner_path <@ g.current_path`),
      )
      .select([sql<number>`grouping(g.id)`.as('is_total'), 'g.id as group_id', ...counts_(true)])
      .groupBy(sql`grouping sets ((g.id), ())`)
      .execute();
  }
  const total = rows.find((r) => Number(r.is_total) === 1);
  const byGroup = new Map(
    rows.filter((r) => Number(r.is_total) === 0 && r.group_id !== null).map((r) => [r.group_id!, r]),
  );
  return {
    period: { id: period.id, name: period.name, dueOn: period.due_on },
    unit: unit ? { id: unit.id, name: unit.name } : null,
    total: counts(total),
    children: groups.map((g) => ({ unit: { id: g.id, name: g.name }, ...counts(byGroup.get(g.id)) })),
  };
}
