/**
 * The system's proposal for a page of entries and a period or phase, from a
 * fixed handful of set-based queries (criteria, accepted reports and their
 * values, the periods' decisions), never one per row. The rules themselves
 * are in proposal.ts.
 */
import { sql, type Kysely } from 'kysely';
import type { CriterionMeasure, CriterionRule, DB } from '../db/schema.ts';
import { expectedToReport } from '../reporting/period-rules.ts';
import {
  periodResult,
  proposePeriod,
  proposePhase,
  type PeriodResult,
  type Proposal,
  type StoredValue,
} from './proposal.ts';
import { acceptedReport, phasePeriods, type ScopeKey } from './scope-sql.ts';

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

type ReportValues = Map<number, StoredValue & { comment: string | null }>;
const noValues = (): ReportValues => new Map();

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
      const m = values.get(v.report_id) ?? noValues();
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
      const vals = report ? (values.get(report.id) ?? noValues()) : noValues();
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
      const proposal = proposePeriod(toCriteria(pdefs), report ? (values.get(report.id) ?? noValues()) : null);
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
