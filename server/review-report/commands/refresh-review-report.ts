/** Recompute the stored figures as of the report's snapshot date. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { staleRevision } from '../../lib/errors.ts';
import type { UnitRef } from '../../org/unit-access.ts';
import { computeReviewFigures } from '../figures.ts';
import { assertNotFinal } from '../policy.ts';
import { overridesOf, storedWarningsOf, textsOf, type ReviewReportRow } from '../report-record.ts';
import { currentWarnings } from '../warnings.ts';

export async function refreshReviewReport(
  db: Kysely<DB>,
  ctx: RequestContext,
  row: ReviewReportRow,
  unit: UnitRef,
  revision: number,
): Promise<void> {
  assertNotFinal(row);
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const figures = await computeReviewFigures(trx, {
      unitId: unit.id,
      from: row.period_from,
      to: row.period_to,
      asOf: row.snapshot_on,
      planId: row.plan_id,
    });
    const warnings = await currentWarnings(trx, figures, textsOf(row), overridesOf(row));
    const unchanged = JSON.stringify(warnings) === JSON.stringify(storedWarningsOf(row));
    const updated = await trx
      .updateTable('review_report')
      .set({
        figures: JSON.stringify(figures),
        warnings: JSON.stringify(warnings),
        ...(unchanged ? {} : { warnings_acknowledged_by: null, warnings_acknowledged_at: null }),
        revision: row.revision + 1,
        updated_at: new Date(),
      })
      .where('id', '=', row.id)
      .where('status', '=', 'draft')
      .where('revision', '=', revision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleRevision('Báo cáo');
    await audit({
      action: 'review_report.refreshed',
      entityType: 'review_report',
      entityId: row.id,
      unitId: row.owner_unit_id,
      summary: `Tính lại số liệu báo cáo "${row.title}" đến ngày ${row.snapshot_on}`,
      after: { models: figures.counts.model.total, exemplars: figures.counts.exemplar.total },
    });
  });
}
