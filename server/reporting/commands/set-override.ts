/**
 * Mở / khóa kỳ báo cáo cho một đơn vị — an operator's exception for one unit
 * and its subtree. The period row is locked first (for update), so a
 * submission judging the window (which holds it for share) runs either
 * wholly before or wholly after the override.
 */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { TOverrideBody } from '../../../common/schemas/reporting-periods.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import type { UnitRef } from '../../org/unit-access.ts';

/** `unit` was loaded and checked for registry.approve by the caller; the period is visible. */
export async function setOverride(
  db: Kysely<DB>,
  ctx: RequestContext,
  periodId: number,
  unit: UnitRef,
  body: TOverrideBody,
): Promise<number> {
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const period = await trx
      .selectFrom('report_period')
      .select(['id', 'name'])
      .where('id', '=', periodId)
      .forUpdate()
      .executeTakeFirst();
    if (!period) throw notFound(`kỳ báo cáo có mã số ${periodId}`);
    const { id } = await trx
      .insertInto('report_period_override')
      .values({
        period_id: periodId,
        unit_id: unit.id,
        state: body.state,
        open_until: body.openUntil,
        reason: body.reason,
        created_by: ctx.actor?.userId ?? null,
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const what =
      body.state === 'open'
        ? `Mở lại kỳ báo cáo "${period.name}" đến hết ngày ${formatDateVi(body.openUntil)}`
        : `Khóa kỳ báo cáo "${period.name}"`;
    await audit({
      action: 'period.override',
      entityType: 'report_period',
      entityId: periodId,
      unitId: unit.id,
      summary: `${what} cho "${unit.name}": ${body.reason}`,
      after: { overrideId: id, ...body },
    });
    return id;
  });
}
