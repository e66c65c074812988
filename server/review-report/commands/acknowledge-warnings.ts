/** Record who acknowledged the report's current consistency warnings (exports need it). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { staleRevision } from '../../lib/errors.ts';
import { assertNotFinal } from '../policy.ts';
import { figuresOf, overridesOf, textsOf, type ReviewReportRow } from '../report-record.ts';
import { currentWarnings } from '../warnings.ts';

export async function acknowledgeWarnings(
  db: Kysely<DB>,
  ctx: RequestContext,
  row: ReviewReportRow,
  revision: number,
): Promise<void> {
  assertNotFinal(row);
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const warnings = await currentWarnings(trx, figuresOf(row), textsOf(row), overridesOf(row));
    const updated = await trx
      .updateTable('review_report')
      .set({
        warnings: JSON.stringify(warnings),
        warnings_acknowledged_by: ctx.actor?.userId ?? null,
        warnings_acknowledged_at: new Date(),
        revision: row.revision + 1,
        updated_at: new Date(),
      })
      .where('id', '=', row.id)
      .where('status', '=', 'draft')
      .where('revision', '=', revision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleRevision('Báo cáo');
    await audit({
      action: 'review_report.acknowledged',
      entityType: 'review_report',
      entityId: row.id,
      unitId: row.owner_unit_id,
      summary: `Xác nhận đã xem ${warnings.length} cảnh báo của báo cáo "${row.title}"`,
      after: { warnings },
    });
  });
}
