/**
 * Reading evaluations. The list of a period is the period's expected entries
 * (expectedToReport); the list of a phase is every entry on the list at any
 * time during the phase that belongs to the phase's plan. Both are scoped in
 * SQL (entryReadable) and paged; proposals for a page are computed from a
 * fixed handful of set-based queries (proposalsFor), never one per row.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { EvaluationResult, TEvaluationListQuery } from '../../common/schemas/evaluation.ts';
import type { CriterionMeasure, CriterionRule, DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { notFound } from '../lib/errors.ts';
import { todayInVietnam } from '../../common/dates.ts';
import { expectedToReport } from '../reporting/period-rules.ts';
import { applyFilter, scopedEntries, summaryColumns, type EntrySummaryRow } from '../registry/queries.ts';
import {
  periodResult,
  proposePeriod,
  proposePhase,
  type PeriodResult,
  type Proposal,
  type StoredValue,
} from './proposal.ts';

export type ScopeKey = { type: 'period'; id: number } | { type: 'phase'; id: number };

export interface ScopeRow {
  type: 'period' | 'phase';
  id: number;
  name: string;
  planId: number;
  planTitle: string;
  planOwnerUnitId: number;
  startsOn: string;
  endsOn: string;
  kind: string;
}

export async function loadScope(db: Kysely<DB>, key: ScopeKey): Promise<ScopeRow> {
  if (key.type === 'period') {
    const p = await db
      .selectFrom('report_period as p')
      .innerJoin('plan as pl', 'pl.id', 'p.plan_id')
      .select(['p.id', 'p.name', 'p.plan_id', 'pl.title', 'pl.owner_unit_id', 'p.starts_on', 'p.ends_on', 'p.kind'])
      .where('p.id', '=', key.id)
      .executeTakeFirst();
    if (!p) throw notFound(`kỳ báo cáo có mã số ${key.id}`);
    return {
      type: 'period',
      id: p.id,
      name: p.name,
      planId: p.plan_id,
      planTitle: p.title,
      planOwnerUnitId: p.owner_unit_id,
      startsOn: p.starts_on,
      endsOn: p.ends_on,
      kind: p.kind,
    };
  }
  const ph = await db
    .selectFrom('plan_phase as ph')
    .innerJoin('plan as pl', 'pl.id', 'ph.plan_id')
    .select(['ph.id', 'ph.name', 'ph.plan_id', 'pl.title', 'pl.owner_unit_id', 'ph.starts_on', 'ph.ends_on', 'ph.kind'])
    .where('ph.id', '=', key.id)
    .executeTakeFirst();
  if (!ph) throw notFound(`giai đoạn có mã số ${key.id}`);
  return {
    type: 'phase',
    id: ph.id,
    name: ph.name,
    planId: ph.plan_id,
    planTitle: ph.title,
    planOwnerUnitId: ph.owner_unit_id,
    startsOn: ph.starts_on,
    endsOn: ph.ends_on,
    kind: ph.kind,
  };
}

export function presentScope(s: ScopeRow) {
  return {
    type: s.type,
    id: s.id,
    name: s.name,
    plan: { id: s.planId, title: s.planTitle },
    startsOn: s.startsOn,
    endsOn: s.endsOn,
  };
}

/** SQL: the plan's periods evaluated within a phase (ends_on within the phase's dates). Alias `pp`. */
const phasePeriods = (phaseId: number) =>
  sql`(select pp.* from report_period pp join plan_phase pph on pph.id = ${phaseId} where pp.plan_id = pph.plan_id and pp.ends_on between pph.starts_on and pph.ends_on)`;

/** SQL: the report counts for evaluation (accepted, and not changed since). */
export const acceptedReport = (alias: string): RawBuilder<SqlBool> =>
  sql<SqlBool>`(${sql.raw(alias)}.status = 'accepted' and not ${sql.raw(alias)}.changed_after_acceptance)`;

/** SQL predicate on `e` (registry_entry): on the list of the period / phase. */
export function onListSql(key: ScopeKey): RawBuilder<SqlBool> {
  if (key.type === 'period')
    return sql<SqlBool>`exists (select 1 from report_period olp where olp.id = ${key.id} and ${expectedToReport('e', 'olp')})`;
  return sql<SqlBool>`exists (select 1 from plan_phase olph where olph.id = ${key.id}
    and exists (select 1 from registry_span ors where ors.entry_id = e.id and ors.valid_from <= olph.ends_on and (ors.valid_to is null or ors.valid_to > olph.starts_on))
    and (e.plan_id = olph.plan_id or (e.plan_id is null and exists (
      select 1 from plan opl join org_unit opo on opo.id = opl.owner_unit_id join org_unit oeo on oeo.id = e.owner_unit_id
      where opl.id = olph.plan_id and oeo.current_path <@ opo.current_path))))`;
}

const scopeColumn = (key: ScopeKey) => sql.raw(key.type === 'period' ? 'period_id' : 'phase_id');

/** SQL: the decided result of `e` for the scope (null: not decided). */
export const decidedSql = (key: ScopeKey): RawBuilder<boolean | null> =>
  sql<
    boolean | null
  >`(select dev.decided_met from evaluation dev where dev.entry_id = e.id and dev.${scopeColumn(key)} = ${key.id})`;

/** SQL: `e` has an accepted report for the period / in a period of the phase. */
export function hasAcceptedSql(key: ScopeKey): RawBuilder<SqlBool> {
  if (key.type === 'period')
    return sql<SqlBool>`exists (select 1 from period_report har where har.entry_id = e.id and har.period_id = ${key.id} and ${acceptedReport('har')})`;
  return sql<SqlBool>`exists (select 1 from period_report har join ${phasePeriods(key.id)} pp on pp.id = har.period_id where har.entry_id = e.id and ${acceptedReport('har')})`;
}

export function resultSql(key: ScopeKey, result: EvaluationResult): RawBuilder<SqlBool> {
  const d = decidedSql(key);
  switch (result) {
    case 'met':
      return sql<SqlBool>`${d} is true`;
    case 'not_met':
      return sql<SqlBool>`${d} is false`;
    case 'decided':
      return sql<SqlBool>`${d} is not null`;
    case 'undecided':
      return sql<SqlBool>`${d} is null`;
    case 'no_report':
      return sql<SqlBool>`not ${hasAcceptedSql(key)}`;
  }
}

export interface ListFilter extends Omit<TEvaluationListQuery, 'unitId'> {
  unitPath?: string;
}

function listQuery(db: Kysely<DB>, actor: Actor, key: ScopeKey, filter: Omit<ListFilter, 'page' | 'pageSize'>) {
  let q = applyFilter(scopedEntries(db, actor), {
    kind: filter.kind,
    levelId: filter.levelId,
    fieldId: filter.fieldId,
    unitPath: filter.unitPath,
    q: filter.search,
  }).where(onListSql(key));
  if (filter.result) q = q.where(resultSql(key, filter.result));
  return q;
}

export interface ListRow extends EntrySummaryRow {
  criteria_set_id: number;
  report_id: number | null;
  report_status: 'draft' | 'submitted' | 'returned' | 'accepted' | null;
  report_changed: boolean | null;
  accepted_reports: number;
  ev_id: number | null;
  ev_decided_met: boolean | null;
  ev_overridden: boolean | null;
  ev_decided_on: string | null;
  ev_decided_by: string | null;
  ev_level_id: number | null;
  ev_level_name: string | null;
  ev_revision: number | null;
}

export async function findEvaluationRows(
  db: Kysely<DB>,
  actor: Actor,
  key: ScopeKey,
  filter: ListFilter,
): Promise<{ items: ListRow[]; total: number }> {
  const base = listQuery(db, actor, key, filter);
  const { total } = await base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  const periodReport = key.type === 'period';
  const items = await summaryColumns(base, todayInVietnam())
    .leftJoin('evaluation as ev', (j) =>
      j.onRef('ev.entry_id', '=', 'e.id').on(key.type === 'period' ? 'ev.period_id' : 'ev.phase_id', '=', key.id),
    )
    .leftJoin('app_user as evu', 'evu.id', 'ev.decided_by')
    .leftJoin('org_level as evl', 'evl.id', 'ev.recognition_level_id')
    .leftJoin('period_report as r', (j) =>
      j.onRef('r.entry_id', '=', 'e.id').on('r.period_id', '=', periodReport ? key.id : -1),
    )
    .select([
      'e.criteria_set_id',
      'r.id as report_id',
      'r.status as report_status',
      'r.changed_after_acceptance as report_changed',
      (periodReport
        ? sql<number>`(case when ${acceptedReport('r')} then 1 else 0 end)::int`
        : sql<number>`(select count(*)::int from period_report har join ${phasePeriods(key.id)} pp on pp.id = har.period_id where har.entry_id = e.id and ${acceptedReport('har')})`
      ).as('accepted_reports'),
      'ev.id as ev_id',
      'ev.decided_met as ev_decided_met',
      'ev.overridden as ev_overridden',
      'ev.decided_on as ev_decided_on',
      'evu.full_name as ev_decided_by',
      'ev.recognition_level_id as ev_level_id',
      'evl.name as ev_level_name',
      'ev.revision as ev_revision',
    ])
    .orderBy(sql`e.sort_key collate "C"`)
    .orderBy('e.id')
    .limit(filter.pageSize)
    .offset((filter.page - 1) * filter.pageSize)
    .execute();
  return { items: items as ListRow[], total };
}

// ─── Proposals, set-based ───────────────────────────────────────────────────

export interface CriterionDef {
  id: number;
  criteria_set_id: number;
  code: string;
  parent_code: string | null;
  title: string;
  measure: CriterionMeasure;
  rule: CriterionRule;
  target: string | null;
  scale_max: string | null;
}

export interface EntryProposal {
  entryId: number;
  criteria: CriterionDef[];
  proposal: Proposal;
  /** Period: the accepted report's values (with comments). */
  values: Map<number, StoredValue & { comment: string | null }>;
  /** Phase: the evaluated periods and what each contributed. */
  periods: Array<{ id: number; name: string; endsOn: string; met: boolean | null; source: 'decision' | 'proposal' }>;
}

async function criteriaOf(db: Kysely<DB>, setIds: number[]): Promise<Map<number, CriterionDef[]>> {
  const out = new Map<number, CriterionDef[]>();
  const ids = [...new Set(setIds)];
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('criterion')
    .select(['id', 'criteria_set_id', 'code', 'parent_code', 'title', 'measure', 'rule', 'target', 'scale_max'])
    .where('criteria_set_id', 'in', ids)
    .orderBy('criteria_set_id')
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  for (const r of rows) out.set(r.criteria_set_id, [...(out.get(r.criteria_set_id) ?? []), r]);
  return out;
}

const toCriteria = (defs: CriterionDef[]) => defs.map((c) => ({ criterionId: c.id, measure: c.measure, rule: c.rule }));

/** Accepted reports (with values) of the entries in the periods. */
async function acceptedReports(db: Kysely<DB>, entryIds: number[], periodIds: number[]) {
  if (entryIds.length === 0 || periodIds.length === 0)
    return { reports: [], values: new Map<number, Map<number, StoredValue & { comment: string | null }>>() };
  const reports = await db
    .selectFrom('period_report as r')
    .select(['r.id', 'r.entry_id', 'r.period_id', 'r.criteria_set_id'])
    .where('r.entry_id', 'in', entryIds)
    .where('r.period_id', 'in', periodIds)
    .where(acceptedReport('r'))
    .execute();
  const values = new Map<number, Map<number, StoredValue & { comment: string | null }>>();
  if (reports.length > 0) {
    const rows = await db
      .selectFrom('period_report_value')
      .select(['report_id', 'criterion_id', 'value', 'met', 'comment'])
      .where(
        'report_id',
        'in',
        reports.map((r) => r.id),
      )
      .execute();
    for (const v of rows) {
      const m = values.get(v.report_id) ?? new Map();
      m.set(v.criterion_id, { value: v.value, met: v.met, comment: v.comment });
      values.set(v.report_id, m);
    }
  }
  return { reports, values };
}

/** Decisions (with per-criterion decisions) of the entries for the periods. */
async function periodDecisions(db: Kysely<DB>, entryIds: number[], periodIds: number[]) {
  const out = new Map<string, { decidedMet: boolean; criteria: Map<number, boolean | null> }>();
  if (entryIds.length === 0 || periodIds.length === 0) return out;
  const rows = await db
    .selectFrom('evaluation as ev')
    .leftJoin('evaluation_criterion as ec', 'ec.evaluation_id', 'ev.id')
    .select(['ev.entry_id', 'ev.period_id', 'ev.decided_met', 'ec.criterion_id', 'ec.decided_met as c_decided'])
    .where('ev.entry_id', 'in', entryIds)
    .where('ev.period_id', 'in', periodIds)
    .execute();
  for (const r of rows) {
    const k = `${r.entry_id}:${r.period_id}`;
    const d = out.get(k) ?? { decidedMet: r.decided_met, criteria: new Map() };
    if (r.criterion_id !== null) d.criteria.set(r.criterion_id, r.c_decided);
    out.set(k, d);
  }
  return out;
}

/**
 * The proposal of each entry for the period or phase — a fixed number of
 * queries whatever the number of entries.
 */
export async function proposalsFor(
  db: Kysely<DB>,
  key: ScopeKey,
  entries: Array<{ id: number; criteria_set_id: number }>,
): Promise<Map<number, EntryProposal>> {
  const out = new Map<number, EntryProposal>();
  if (entries.length === 0) return out;
  const entryIds = entries.map((e) => e.id);

  if (key.type === 'period') {
    const { reports, values } = await acceptedReports(db, entryIds, [key.id]);
    const reportOf = new Map(reports.map((r) => [r.entry_id, r]));
    const sets = await criteriaOf(
      db,
      entries.map((e) => reportOf.get(e.id)?.criteria_set_id ?? e.criteria_set_id),
    );
    for (const e of entries) {
      const report = reportOf.get(e.id);
      const defs = sets.get(report?.criteria_set_id ?? e.criteria_set_id) ?? [];
      const vals = report ? (values.get(report.id) ?? new Map()) : new Map();
      out.set(e.id, {
        entryId: e.id,
        criteria: defs,
        proposal: proposePeriod(toCriteria(defs), report ? vals : null),
        values: vals,
        periods: [],
      });
    }
    return out;
  }

  // Phase: the evaluated periods of each entry (expected to report, or evaluated), then decision-or-proposal per period.
  const { rows: pairs } = await sql<{ entry_id: number; period_id: number; period_name: string; ends_on: string }>`
    select e.id as entry_id, pp.id as period_id, pp.name as period_name, pp.ends_on::text as ends_on
    from ${phasePeriods(key.id)} pp join registry_entry e on e.id in (${sql.join(entryIds)})
    where ${expectedToReport('e', 'pp')} or exists (select 1 from evaluation pev where pev.entry_id = e.id and pev.period_id = pp.id)
    order by pp.ends_on, pp.id`.execute(db);
  const periodIds = [...new Set(pairs.map((p) => p.period_id))];
  const [{ reports, values }, decisions] = await Promise.all([
    acceptedReports(db, entryIds, periodIds),
    periodDecisions(db, entryIds, periodIds),
  ]);
  const reportOf = new Map(reports.map((r) => [`${r.entry_id}:${r.period_id}`, r]));
  const sets = await criteriaOf(db, [
    ...entries.map((e) => e.criteria_set_id),
    ...reports.map((r) => r.criteria_set_id),
  ]);
  for (const e of entries) {
    const defs = sets.get(e.criteria_set_id) ?? [];
    const results: PeriodResult[] = [];
    const periods: EntryProposal['periods'] = [];
    for (const p of pairs.filter((x) => x.entry_id === e.id)) {
      const k = `${e.id}:${p.period_id}`;
      const report = reportOf.get(k);
      const pdefs = report ? (sets.get(report.criteria_set_id) ?? defs) : defs;
      const proposal = proposePeriod(toCriteria(pdefs), report ? (values.get(report.id) ?? new Map()) : null);
      const decision = decisions.get(k) ?? null;
      const r = periodResult(p.period_id, proposal, decision);
      results.push(r);
      periods.push({
        id: p.period_id,
        name: p.period_name,
        endsOn: p.ends_on,
        met: r.met,
        source: decision ? 'decision' : 'proposal',
      });
    }
    out.set(e.id, {
      entryId: e.id,
      criteria: defs,
      proposal: proposePhase(toCriteria(defs), results),
      values: new Map(),
      periods,
    });
  }
  return out;
}

/** Is the entry on the list of the period / phase? */
export async function isOnList(db: Kysely<DB>, key: ScopeKey, entryId: number): Promise<boolean> {
  const row = await db
    .selectFrom('registry_entry as e')
    .select('e.id')
    .where('e.id', '=', entryId)
    .where(onListSql(key))
    .executeTakeFirst();
  return row !== undefined;
}
