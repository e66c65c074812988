/** Sửa kỳ báo cáo — name, dates, due date, grace window, reminder days (optimistic revision). */
import type { Kysely } from 'kysely';
import type { TUpdatePeriodBody } from '../../../common/schemas/reporting-periods.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { notFound, staleRevision } from '../../lib/errors.ts';
import type { PeriodRow } from '../periods.ts';
import { assertNoDuplicate, assertPeriodFits } from './create-period.ts';

/** `period` was loaded and checked for plans.write by the caller. */
export async function updatePeriod(
  db: Kysely<DB>,
  ctx: RequestContext,
  period: PeriodRow,
  body: TUpdatePeriodBody,
): Promise<void> {
  await assertPeriodFits(
    db,
    { id: period.plan_id, title: period.plan_title, starts_on: period.plan_starts_on, ends_on: period.plan_ends_on },
    body,
  );
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await trx
      .selectFrom('report_period')
      .selectAll()
      .where('id', '=', period.id)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound(`kỳ báo cáo có mã số ${period.id}`);
    if (before.revision !== body.revision) throw staleRevision(`Kỳ báo cáo "${before.name}"`);
    await assertNoDuplicate(trx, before.plan_id, before.kind, body.startsOn, before.id);
    const after = await trx
      .updateTable('report_period')
      .set((eb) => ({
        name: body.name,
        starts_on: body.startsOn,
        ends_on: body.endsOn,
        due_on: body.dueOn,
        grace_until: body.graceUntil,
        remind_days_before: body.remindDaysBefore,
        revision: eb('revision', '+', 1),
      }))
      .where('id', '=', period.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const { created_at: _c, ...b } = before;
    const { created_at: _a, ...a } = after;
    await audit({
      action: 'period.updated',
      entityType: 'report_period',
      entityId: period.id,
      unitId: period.owner_unit_id,
      summary: `Sửa kỳ báo cáo "${after.name}"`,
      before: b,
      after: a,
    });
  });
}
