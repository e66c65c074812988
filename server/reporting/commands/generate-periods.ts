/**
 * Tạo các kỳ báo cáo theo kế hoạch — every missing calendar half-year and/or
 * year over the plan's dates (clipped to them), in one set-based insert;
 * existing periods (same plan, kind and first day) are kept.
 */
import { sql, type Kysely } from 'kysely';
import type { TGeneratePeriodsBody } from '../../../common/schemas/reporting-periods.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import type { PlanView } from '../../plans/queries.ts';
import { addDays, calendarPeriods } from '../period-dates.ts';

/** `plan` was loaded and checked for plans.write by the caller. Returns the ids created and how many already existed. */
export async function generatePeriods(
  db: Kysely<DB>,
  ctx: RequestContext,
  plan: Pick<PlanView, 'id' | 'title' | 'starts_on' | 'ends_on' | 'owner_unit_id'>,
  body: TGeneratePeriodsBody,
): Promise<{ created: number[]; existing: number }> {
  const wanted = calendarPeriods(plan.starts_on, plan.ends_on, body.kinds).map((p) => {
    const dueOn = addDays(p.endsOn, body.dueDays);
    return { ...p, dueOn, graceUntil: body.graceDays > 0 ? addDays(dueOn, body.graceDays) : null };
  });
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const rows =
      wanted.length === 0
        ? []
        : await trx
            .insertInto('report_period')
            .values(
              wanted.map((p) => ({
                plan_id: plan.id,
                // The plan phase containing the period, if any.
                phase_id: sql<
                  number | null
                >`(select ph.id from plan_phase ph where ph.plan_id = ${plan.id} and ph.starts_on <= ${p.startsOn}::date and ph.ends_on >= ${p.endsOn}::date order by ph.sort_order, ph.id limit 1)`,
                kind: p.kind,
                name: p.name,
                starts_on: p.startsOn,
                ends_on: p.endsOn,
                due_on: p.dueOn,
                grace_until: p.graceUntil,
                remind_days_before: body.remindDaysBefore,
                created_by: ctx.actor?.userId ?? null,
              })),
            )
            .onConflict((oc) => oc.columns(['plan_id', 'kind', 'starts_on']).doNothing())
            .returning(['id', 'name'])
            .execute();
    await audit({
      action: 'period.created',
      entityType: 'plan',
      entityId: plan.id,
      unitId: plan.owner_unit_id,
      summary:
        rows.length === 0
          ? `Tạo kỳ báo cáo theo kế hoạch "${plan.title}": các kỳ đã có đủ`
          : `Tạo ${rows.length} kỳ báo cáo theo kế hoạch "${plan.title}": ${rows.map((r) => r.name).join('; ')}`,
      after: { kinds: body.kinds, dueDays: body.dueDays, graceDays: body.graceDays, created: rows.map((r) => r.id) },
    });
    return { created: rows.map((r) => r.id), existing: wanted.length - rows.length };
  });
}
