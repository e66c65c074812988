/**
 * Timeline source: the entry's periodic reports that left the draft stage,
 * dated by their last transition (in Vietnam time), with criteria met / judged.
 */
import { sql } from 'kysely';
import { REPORT_STATUS_LABELS } from '../../common/schemas/reporting.ts';
import type { TimelineSource } from '../timeline/source.ts';
import { entryReadable } from '../registry/entry-scope.ts';
import { vietnamDaySql } from './period-rules.ts';

export const periodReportTimeline: TimelineSource = async (db, actor, entryId) => {
  const rows = await db
    .selectFrom('period_report as r')
    .innerJoin('registry_entry as e', 'e.id', 'r.entry_id')
    .innerJoin('report_period as p', 'p.id', 'r.period_id')
    .innerJoin(
      (eb) =>
        eb
          .selectFrom('period_report_event as ev')
          .distinctOn('ev.report_id')
          .select(['ev.report_id', 'ev.created_at', 'ev.created_by'])
          .orderBy('ev.report_id')
          .orderBy('ev.id', 'desc')
          .as('last'),
      (j) => j.onRef('last.report_id', '=', 'r.id'),
    )
    .leftJoin('app_user as u', 'u.id', 'last.created_by')
    .select([
      'r.id',
      'r.status',
      'r.changed_after_acceptance',
      'p.name as period_name',
      vietnamDaySql(sql.ref('last.created_at')).as('date'),
      'u.full_name as recorded_by',
      sql<number>`(select count(*) from period_report_value v where v.report_id = r.id and v.met)::int`.as('met_count'),
      sql<number>`(select count(*) from period_report_value v where v.report_id = r.id and v.met is not null)::int`.as(
        'judged_count',
      ),
    ])
    .where('r.entry_id', '=', entryId)
    .where('r.status', '<>', 'draft')
    .where(entryReadable(actor, sql.ref('e.id'), sql.ref('e.owner_unit_id')))
    .orderBy('p.starts_on')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    type: 'period_report' as const,
    id: r.id,
    label: `Báo cáo định kỳ ${r.period_name}: ${REPORT_STATUS_LABELS[r.status].toLowerCase()}${r.changed_after_acceptance ? ' (sửa sau khi đã tiếp nhận)' : ''}`,
    date: String(r.date),
    recordedBy: r.recorded_by,
    periodName: r.period_name,
    status: r.status,
    changedAfterAcceptance: r.changed_after_acceptance,
    metCount: r.met_count,
    judgedCount: r.judged_count,
  }));
};
