/**
 * Bắt đầu báo cáo định kỳ — the reporter opens the report of an entry for a
 * period: the entry must be expected to report for it, the window open; the
 * report takes the criteria set the entry was registered under. If the
 * report exists already it is returned as it is.
 */
import { sql, type Kysely } from 'kysely';
import { formatDateVi, todayInVietnam } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalid, invalidState, notFound } from '../../lib/errors.ts';
import type { EntryDetailRow } from '../../registry/queries.ts';
import { expectedToReport, periodWindow } from '../period-rules.ts';
import { insertReportEvent } from '../report-record.ts';

/** `entry` was loaded and checked for registry.write by the caller. */
export async function startReport(
  db: Kysely<DB>,
  ctx: RequestContext,
  entry: EntryDetailRow,
  periodId: number,
): Promise<{ id: number; created: boolean }> {
  const existing = await db
    .selectFrom('period_report')
    .select('id')
    .where('entry_id', '=', entry.id)
    .where('period_id', '=', periodId)
    .executeTakeFirst();
  if (existing) return { id: existing.id, created: false };
  const check = await db
    .selectFrom(['report_period as p', 'registry_entry as e'])
    .select([
      'p.name',
      'p.ends_on',
      expectedToReport('e', 'p').as('expected'),
      sql<boolean>`exists (select 1 from registry_span rs where rs.entry_id = e.id and rs.valid_from <= p.ends_on and (rs.valid_to is null or rs.valid_to > p.ends_on))`.as(
        'listed',
      ),
    ])
    .where('p.id', '=', periodId)
    .where('e.id', '=', entry.id)
    .executeTakeFirst();
  if (!check) throw notFound(`kỳ báo cáo có mã số ${periodId}`);
  if (!check.expected) {
    const label = `${entry.kind === 'model' ? 'Mô hình' : 'Điển hình'} "${entry.name}"`;
    throw invalid(
      'periodId',
      check.listed
        ? `${label} không thuộc kế hoạch của kỳ báo cáo "${check.name}", nên không báo cáo trong kỳ này.`
        : `${label} không có trong danh sách vào ngày cuối kỳ (${formatDateVi(check.ends_on)}), nên không phải báo cáo kỳ "${check.name}".`,
    );
  }
  const window = await periodWindow(db, periodId, entry.owner_unit_id, todayInVietnam());
  if (!window.open) throw invalidState(window.reason ?? 'Kỳ báo cáo không mở.');
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const now = new Date();
    const row = await trx
      .insertInto('period_report')
      .values({
        entry_id: entry.id,
        period_id: periodId,
        criteria_set_id: entry.criteria_set_id,
        return_notes: null,
        created_by: ctx.actor?.userId ?? null,
        created_at: now,
        updated_by: ctx.actor?.userId ?? null,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['entry_id', 'period_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!row) {
      // Someone else started it at the same moment.
      const other = await trx
        .selectFrom('period_report')
        .select('id')
        .where('entry_id', '=', entry.id)
        .where('period_id', '=', periodId)
        .executeTakeFirstOrThrow();
      await audit({
        action: 'report.created',
        entityType: 'period_report',
        entityId: other.id,
        unitId: entry.owner_unit_id,
        summary: `Mở báo cáo kỳ "${check.name}" của "${entry.name}" (đã có)`,
      });
      return { id: other.id, created: false };
    }
    await insertReportEvent(trx, ctx, row.id, 'created', now);
    await audit({
      action: 'report.created',
      entityType: 'period_report',
      entityId: row.id,
      unitId: entry.owner_unit_id,
      summary: `Bắt đầu báo cáo kỳ "${check.name}" của "${entry.name}"`,
      after: { entryId: entry.id, periodId, criteriaSetId: entry.criteria_set_id },
    });
    return { id: row.id, created: true };
  });
}
