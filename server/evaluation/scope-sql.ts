/**
 * The SQL fragments of an evaluation scope (a reporting period or a plan
 * phase): which entries are on its list, which report counts, what was
 * decided. The list, the proposals and the dashboard build on the same
 * fragments, so their numbers agree.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { EvaluationResult } from '../../common/schemas/evaluation.ts';
import { expectedToReport } from '../reporting/period-rules.ts';

export type ScopeKey = { type: 'period'; id: number } | { type: 'phase'; id: number };

/** SQL: the plan's periods evaluated within a phase (ends_on within the phase's dates). Alias `pp`. */
export const phasePeriods = (phaseId: number) =>
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
