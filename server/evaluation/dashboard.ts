/**
 * The dashboard of the reporting loop for a plan, a period and a subtree:
 * completeness (from reporting), criteria met by field and level, and the
 * trend over the plan's periods. Each number is counted over the same base
 * set as the list it drills down to (the evaluation list of the period with
 * fieldId / levelId / result, the reporting entries with bucket), so the
 * numbers equal those lists' totals. Four queries, whatever the size.
 */
import { sql, type Kysely } from 'kysely';
import { todayInVietnam } from '../../common/dates.ts';
import type { TDashboard, TMetRow, TTrendRow } from '../../common/schemas/evaluation.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { invalid, notFound } from '../lib/errors.ts';
import { computeCompleteness } from '../reporting/completeness.ts';
import { expectedToReport } from '../reporting/period-rules.ts';
import { applyFilter, scopedEntries } from '../registry/queries.ts';
import { onListSql } from './scope-sql.ts';

export interface DashboardInput {
  planId?: number;
  periodId?: number;
  /** `lastDay` set: an ended unit, counted as it stood on its last day (registry/unit-view.ts). */
  unit: { id: number; name: string; path: string; lastDay?: string | null } | null;
}

export async function computeDashboard(
  db: Kysely<DB>,
  actor: Actor,
  input: DashboardInput,
  today = todayInVietnam(),
): Promise<TDashboard> {
  let planId = input.planId;
  if (input.periodId !== undefined) {
    const p = await db
      .selectFrom('report_period')
      .select(['plan_id'])
      .where('id', '=', input.periodId)
      .executeTakeFirst();
    if (!p) throw notFound(`kỳ báo cáo có mã số ${input.periodId}`);
    if (planId !== undefined && planId !== p.plan_id)
      throw invalid('periodId', 'Kỳ báo cáo không thuộc kế hoạch đã chọn.');
    planId = p.plan_id;
  }
  const plan = await db.selectFrom('plan').select(['id', 'title']).where('id', '=', planId!).executeTakeFirst();
  if (!plan) throw notFound(`kế hoạch có mã số ${planId}`);
  const periods = await db
    .selectFrom('report_period')
    .select(['id', 'name', 'kind', 'starts_on', 'ends_on', 'due_on'])
    .where('plan_id', '=', plan.id)
    .orderBy('ends_on')
    .orderBy('kind')
    .orderBy('id')
    .execute();
  // Default period: the latest that has started.
  const period =
    input.periodId !== undefined
      ? periods.find((p) => p.id === input.periodId)!
      : ([...periods].reverse().find((p) => p.starts_on <= today) ?? periods[0] ?? null);
  // An ended unit: the entries on the list on its last day within its subtree as it stood then — today's tree no
  // longer holds it, so its current path would count what its former sub-units hold now, or nothing.
  const unit = input.unit;
  const owners = unit?.lastDay ? { subtreeOn: { unitId: unit.id, on: unit.lastDay } } : { unitPath: unit?.path };
  const base = () => applyFilter(scopedEntries(db, actor), owners);

  const [completeness, metRows, trendRows] = await Promise.all([
    period ? computeCompleteness(db, actor, period.id, input.unit?.id ?? null, today) : Promise.resolve(null),
    period
      ? base()
          .where(onListSql({ type: 'period', id: period.id }))
          .leftJoin('evaluation as ev', (j) => j.onRef('ev.entry_id', '=', 'e.id').on('ev.period_id', '=', period.id))
          .select([
            'e.field_id',
            'f.name as field_name',
            'e.level_id',
            'l.name as level_name',
            sql<number>`count(*)::int`.as('expected'),
            sql<number>`count(ev.id)::int`.as('evaluated'),
            sql<number>`(count(*) filter (where ev.decided_met))::int`.as('met'),
            sql<number>`(count(*) filter (where not ev.decided_met))::int`.as('not_met'),
            sql<number>`(count(*) filter (where ev.id is null))::int`.as('undecided'),
          ])
          .groupBy(['e.field_id', 'f.name', 'f.sort_order', 'e.level_id', 'l.name', 'l.rank'])
          .orderBy('f.sort_order')
          .orderBy('f.name')
          .orderBy('l.rank')
          .execute()
      : Promise.resolve([]),
    base()
      .innerJoin('report_period as tp', (j) => j.on('tp.plan_id', '=', plan.id))
      .where(expectedToReport('e', 'tp'))
      .leftJoin('period_report as r', (j) => j.onRef('r.entry_id', '=', 'e.id').onRef('r.period_id', '=', 'tp.id'))
      .leftJoin('evaluation as ev', (j) => j.onRef('ev.entry_id', '=', 'e.id').onRef('ev.period_id', '=', 'tp.id'))
      .select([
        'tp.id as period_id',
        sql<number>`count(*)::int`.as('expected'),
        sql<number>`(count(*) filter (where r.status in ('submitted', 'accepted')))::int`.as('submitted'),
        sql<number>`(count(*) filter (where r.status = 'accepted'))::int`.as('accepted'),
        sql<number>`count(ev.id)::int`.as('evaluated'),
        sql<number>`(count(*) filter (where ev.decided_met))::int`.as('met'),
      ])
      .groupBy('tp.id')
      .execute(),
  ]);

  const metByFieldAndLevel: TMetRow[] = metRows.map((r) => ({
    field: { id: r.field_id, name: r.field_name },
    level: { id: r.level_id, name: r.level_name },
    expected: r.expected,
    evaluated: r.evaluated,
    met: r.met,
    notMet: r.not_met,
    undecided: r.undecided,
  }));
  const sum = (k: 'expected' | 'evaluated' | 'met' | 'notMet' | 'undecided') =>
    metByFieldAndLevel.reduce((n, r) => n + r[k], 0);
  const byPeriod = new Map(trendRows.map((r) => [r.period_id, r]));
  const trend: TTrendRow[] = periods.map((p) => {
    const r = byPeriod.get(p.id);
    return {
      period: { id: p.id, name: p.name, kind: p.kind, endsOn: p.ends_on },
      expected: r?.expected ?? 0,
      submitted: r?.submitted ?? 0,
      accepted: r?.accepted ?? 0,
      evaluated: r?.evaluated ?? 0,
      met: r?.met ?? 0,
    };
  });
  return {
    plan: { id: plan.id, title: plan.title },
    period: period
      ? {
          id: period.id,
          name: period.name,
          kind: period.kind,
          startsOn: period.starts_on,
          endsOn: period.ends_on,
          dueOn: period.due_on,
        }
      : null,
    periods: periods.map((p) => ({ id: p.id, name: p.name, kind: p.kind, endsOn: p.ends_on })),
    unit: input.unit ? { id: input.unit.id, name: input.unit.name } : null,
    completeness,
    metByFieldAndLevel,
    totals: {
      expected: sum('expected'),
      evaluated: sum('evaluated'),
      met: sum('met'),
      notMet: sum('notMet'),
      undecided: sum('undecided'),
    },
    trend,
  };
}
