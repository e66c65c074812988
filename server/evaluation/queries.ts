/**
 * Reading evaluations. The list of a period is the period's expected entries
 * (expectedToReport); the list of a phase is every entry on the list at any
 * time during the phase that belongs to the phase's plan. Both are scoped in
 * SQL (entryReadable) and paged; proposals for a page come from
 * proposal-queries.ts, never one query per row.
 */
import { sql, type Kysely } from 'kysely';
import type { TEvaluationListQuery } from '../../common/schemas/evaluation.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { notFound } from '../lib/errors.ts';
import { todayInVietnam } from '../../common/dates.ts';
import { applyFilter, scopedEntries, summaryColumns, type EntrySummaryRow } from '../registry/queries.ts';
import { proposalsFor, type EntryProposal } from './proposal-queries.ts';
import { acceptedReport, onListSql, phasePeriods, resultSql, type ScopeKey } from './scope-sql.ts';

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
  return { items, total };
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

/** The decision of an entry for the scope, with its level, document and decider (undefined: not decided yet). */
function findDecision(db: Kysely<DB>, key: ScopeKey, entryId: number) {
  return db
    .selectFrom('evaluation as ev')
    .leftJoin('app_user as u', 'u.id', 'ev.decided_by')
    .leftJoin('org_level as l', 'l.id', 'ev.recognition_level_id')
    .leftJoin('document as d', 'd.id', 'ev.document_id')
    .select([
      'ev.id',
      'ev.decided_met',
      'ev.proposed_met',
      'ev.overridden',
      'ev.reason',
      'ev.recognition_level_id',
      'l.name as level_name',
      'ev.document_id',
      'd.symbol',
      'd.issued_on',
      'd.summary',
      'ev.decided_on',
      'u.full_name as decided_by',
      'ev.updated_at',
      'ev.revision',
    ])
    .where('ev.entry_id', '=', entryId)
    .where(key.type === 'period' ? 'ev.period_id' : 'ev.phase_id', '=', key.id)
    .executeTakeFirst();
}

export type DecisionRow = NonNullable<Awaited<ReturnType<typeof findDecision>>>;
export type DecidedCriterion = { decided_met: boolean | null; reason: string | null };

/** The entry's report for a period (a phase has none of its own). */
function findPeriodReport(db: Kysely<DB>, key: ScopeKey, entryId: number) {
  if (key.type !== 'period') return Promise.resolve(undefined);
  return db
    .selectFrom('period_report')
    .select(['id', 'status', 'changed_after_acceptance'])
    .where('entry_id', '=', entryId)
    .where('period_id', '=', key.id)
    .executeTakeFirst();
}

export interface EvaluationDetailData {
  scope: ScopeRow;
  onList: boolean;
  proposal: EntryProposal;
  decision: DecisionRow | undefined;
  decidedCriteria: Map<number, DecidedCriterion>;
  report: Awaited<ReturnType<typeof findPeriodReport>>;
}

/**
 * Everything one entry's evaluation shows besides the entry itself (already
 * loaded and checked readable): the scope, whether the entry is on its list,
 * the proposal, the decision with its per-criterion decisions, the report.
 */
export async function loadEvaluationDetail(
  db: Kysely<DB>,
  key: ScopeKey,
  entry: { id: number; criteria_set_id: number },
): Promise<EvaluationDetailData> {
  const scope = await loadScope(db, key);
  const [onList, proposals, decision, report] = await Promise.all([
    isOnList(db, key, entry.id),
    proposalsFor(db, key, [entry]),
    findDecision(db, key, entry.id),
    findPeriodReport(db, key, entry.id),
  ]);
  const decidedCriteria = decision
    ? new Map(
        (
          await db
            .selectFrom('evaluation_criterion')
            .select(['criterion_id', 'decided_met', 'reason'])
            .where('evaluation_id', '=', decision.id)
            .execute()
        ).map((c) => [c.criterion_id, c]),
      )
    : new Map<number, DecidedCriterion>();
  return { scope, onList, proposal: proposals.get(entry.id)!, decision, decidedCriteria, report };
}

/** The entries asked to be confirmed for a period that the actor may read, with whether each is on the list and decided. */
export function findConfirmRequested(
  db: Kysely<DB>,
  actor: Actor,
  key: Extract<ScopeKey, { type: 'period' }>,
  ids: number[],
) {
  return scopedEntries(db, actor)
    .select([
      'e.id',
      'e.name',
      'e.criteria_set_id',
      'e.owner_unit_id',
      sql<string>`ou.current_path::text`.as('owner_path'),
      'l.rank as level_rank',
      sql<boolean>`${onListSql(key)}`.as('on_list'),
      sql<boolean>`exists (select 1 from evaluation x where x.entry_id = e.id and x.period_id = ${key.id})`.as(
        'decided',
      ),
    ])
    .where('e.id', 'in', ids)
    .execute();
}

export type ConfirmRequestedRow = Awaited<ReturnType<typeof findConfirmRequested>>[number];
