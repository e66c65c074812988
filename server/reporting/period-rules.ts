/**
 * The rules of a reporting period, shared by reports, completeness,
 * reminders, evaluation and dashboards. Nothing else decides these.
 *
 * Who must report: a model or exemplar is expected to report for a period
 * when it is on the list on the period's last day (a registry_span covers
 * ends_on) and it belongs to the period's plan — its plan_id is the plan, or
 * it has no plan and its owner unit lies in the plan owner's subtree.
 *
 * Under whom: the owner at the period's end — the owner of the span covering
 * ends_on (ownerAtPeriodEndSql), as the review report counts a period — not
 * the entry's current owner. An entry passed on by a merger on 01/03 reports
 * for a period ending before that under its old unit, and for later periods
 * under its successor; a change of owner never rewrites a past period.
 *
 * When: a report may be drafted from the period's first day. Submissions are
 * accepted until the unit's closing day: an operator's override on the
 * nearest unit (deepest current path, ancestor-or-self of the owner; the
 * latest override on that unit wins) — "open until D" or "closed" — and
 * otherwise grace_until, else due_on. A report is late when it was not
 * submitted by due_on (nothing submitted and today > due_on, or first
 * submitted on a later day).
 *
 * A returned report may always be corrected and resubmitted: the operator
 * asked for it. Other edits and submissions need the window to be open.
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { formatDateVi, todayInVietnam } from '../../common/dates.ts';
import type { DB } from '../db/schema.ts';

type Column = Expression<unknown> | RawBuilder<unknown>;

/**
 * SQL predicate: the entry (`entryAlias`, a registry_entry alias in the outer
 * query) is expected to report for the period (`periodAlias`, a report_period
 * alias in the outer query).
 */
export function expectedToReport(entryAlias: string, periodAlias: string): RawBuilder<SqlBool> {
  const e = sql.raw(entryAlias);
  const p = sql.raw(periodAlias);
  // One span covers ends_on (spans of an entry never overlap); its owner is the owner at the period's end.
  return sql<SqlBool>`exists (select 1 from registry_span rs where rs.entry_id = ${e}.id and rs.valid_from <= ${p}.ends_on and (rs.valid_to is null or rs.valid_to > ${p}.ends_on)
    and (${e}.plan_id = ${p}.plan_id or (${e}.plan_id is null and exists (
      select 1 from plan pl join org_unit po on po.id = pl.owner_unit_id join org_unit eo on eo.id = rs.owner_unit_id
      where pl.id = ${p}.plan_id and eo.current_path <@ po.current_path))))`;
}

/**
 * SQL: the unit that held the entry (`entryAlias`) on the last day of the period (`periodAlias`) — the owner of the
 * span covering ends_on; null when the entry was not on the list that day (then it is not expected to report).
 */
export function ownerAtPeriodEndSql(entryAlias: string, periodAlias: string): RawBuilder<number | null> {
  const e = sql.raw(entryAlias);
  const p = sql.raw(periodAlias);
  return sql<
    number | null
  >`(select oe.owner_unit_id from registry_span oe where oe.entry_id = ${e}.id and oe.valid_from <= ${p}.ends_on and (oe.valid_to is null or oe.valid_to > ${p}.ends_on) limit 1)`;
}

/**
 * SQL: the closing day of the period (`periodAlias`) for the unit in
 * `unitIdColumn` — a date, or null when an operator closed it for that unit.
 */
export function closingDaySql(periodAlias: string, unitIdColumn: Column): RawBuilder<string | null> {
  const p = sql.raw(periodAlias);
  return sql<string | null>`(select case when ov.state is null then coalesce(${p}.grace_until, ${p}.due_on)
        when ov.state = 'open' then ov.open_until else null end
      from (select 1) one left join lateral (
        select o.state, o.open_until from report_period_override o
        join org_unit ou on ou.id = o.unit_id
        where o.period_id = ${p}.id and ou.current_path @> (select cu.current_path from org_unit cu where cu.id = ${unitIdColumn})
        order by nlevel(ou.current_path) desc, o.id desc limit 1) ov on true)`;
}

export interface PeriodWindow {
  /** The last day submissions are accepted from this unit, or null when closed by an operator. */
  closingDay: string | null;
  dueOn: string;
  startsOn: string;
  /** Open today for drafting and submission. */
  open: boolean;
  /** Why it is not open, in Vietnamese (null when open). */
  reason: string | null;
}

/** The window of one period for one unit, judged on `today` (Vietnam's today by default). */
export async function periodWindow(
  db: Kysely<DB>,
  periodId: number,
  unitId: number,
  today = todayInVietnam(),
): Promise<PeriodWindow> {
  const row = await db
    .selectFrom('report_period as p')
    .select([
      'p.name',
      'p.starts_on',
      'p.due_on',
      closingDaySql('p', sql.lit(unitId)).as('closing_day'),
      sql<boolean>`exists (select 1 from report_period_override o where o.period_id = p.id)`.as('has_overrides'),
    ])
    .where('p.id', '=', periodId)
    .executeTakeFirstOrThrow();
  return judgeWindow(
    { name: row.name, startsOn: row.starts_on, dueOn: row.due_on, closingDay: row.closing_day },
    today,
  );
}

/** Pure: is the window open on `today`, and if not, why (in Vietnamese). */
export function judgeWindow(
  p: { name: string; startsOn: string; dueOn: string; closingDay: string | null },
  today: string,
): PeriodWindow {
  const base = { closingDay: p.closingDay, dueOn: p.dueOn, startsOn: p.startsOn };
  if (today < p.startsOn)
    return { ...base, open: false, reason: `Kỳ báo cáo "${p.name}" bắt đầu từ ngày ${formatDateVi(p.startsOn)}.` };
  if (p.closingDay === null)
    return { ...base, open: false, reason: `Kỳ báo cáo "${p.name}" đã được khóa đối với đơn vị này.` };
  if (today > p.closingDay)
    return {
      ...base,
      open: false,
      reason: `Kỳ báo cáo "${p.name}" đã hết hạn nhận báo cáo ngày ${formatDateVi(p.closingDay)}.`,
    };
  return { ...base, open: true, reason: null };
}

/** Report statuses as counted by completeness: `none` = nothing started. */
export const COMPLETENESS_STATUSES = ['none', 'draft', 'returned', 'submitted', 'accepted'] as const;
export type CompletenessStatus = (typeof COMPLETENESS_STATUSES)[number];

/** SQL: the Vietnam day of a timestamp column. */
export const vietnamDaySql = (column: Column): RawBuilder<string> =>
  sql<string>`((${column}) at time zone 'Asia/Ho_Chi_Minh')::date`;

/**
 * SQL: the day a report (`reportAlias`, may be null through a left join) was
 * first submitted — its earliest 'submitted' event, in Vietnam time — or null.
 */
export function firstSubmittedOnSql(reportAlias: string): RawBuilder<string | null> {
  const r = sql.raw(reportAlias);
  return sql<
    string | null
  >`(select min(${vietnamDaySql(sql.ref('fse.created_at'))}) from period_report_event fse where fse.report_id = ${r}.id and fse.kind = 'submitted')`;
}

/**
 * SQL: the report is late for the period (see the rules above): first
 * submitted after due_on, or nothing submitted yet and `today` is past due_on.
 */
export function lateSql(reportAlias: string, periodAlias: string, today: string): RawBuilder<boolean> {
  const p = sql.raw(periodAlias);
  return sql<boolean>`coalesce(${firstSubmittedOnSql(reportAlias)} > ${p}.due_on, ${today}::date > ${p}.due_on)`;
}
