/** Tạo kỳ báo cáo — one period of a plan, inside the plan's dates, optionally in one of its phases. */
import type { Kysely, Transaction } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import { PERIOD_KIND_LABELS, type TCreatePeriodBody } from '../../../common/schemas/reporting-periods.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import type { PlanView } from '../../plans/queries.ts';

type PlanDates = Pick<PlanView, 'id' | 'title' | 'starts_on' | 'ends_on'>;

/** The period's dates lie inside the plan's; the phase (if any) is one of the plan's. */
export async function assertPeriodFits(
  db: Kysely<DB>,
  plan: PlanDates,
  v: { startsOn: string; endsOn: string; phaseId?: number | null },
): Promise<void> {
  if (v.startsOn < plan.starts_on) {
    throw invalid(
      'startsOn',
      `Kỳ báo cáo phải nằm trong thời gian của kế hoạch "${plan.title}" (${formatDateVi(plan.starts_on)} – ${formatDateVi(plan.ends_on)}).`,
    );
  }
  if (v.endsOn > plan.ends_on) {
    throw invalid(
      'endsOn',
      `Kỳ báo cáo phải nằm trong thời gian của kế hoạch "${plan.title}" (${formatDateVi(plan.starts_on)} – ${formatDateVi(plan.ends_on)}).`,
    );
  }
  if (v.phaseId) {
    const phase = await db
      .selectFrom('plan_phase')
      .select('id')
      .where('id', '=', v.phaseId)
      .where('plan_id', '=', plan.id)
      .executeTakeFirst();
    if (!phase) throw invalid('phaseId', `Giai đoạn có mã số ${v.phaseId} không thuộc kế hoạch "${plan.title}".`);
  }
}

export async function assertNoDuplicate(
  trx: Transaction<DB>,
  planId: number,
  kind: TCreatePeriodBody['kind'],
  startsOn: string,
  exceptId: number | null = null,
): Promise<void> {
  let query = trx
    .selectFrom('report_period')
    .select(['id', 'name'])
    .where('plan_id', '=', planId)
    .where('kind', '=', kind)
    .where('starts_on', '=', startsOn);
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  const other = await query.executeTakeFirst();
  if (other) {
    throw new AppError(
      'DUPLICATE',
      `Kế hoạch đã có kỳ báo cáo loại "${PERIOD_KIND_LABELS[kind]}" bắt đầu ngày ${formatDateVi(startsOn)} ("${other.name}").`,
      [{ field: 'startsOn', message: `Đã có kỳ "${other.name}" bắt đầu ngày này.` }],
    );
  }
}

/** `plan` was loaded and checked for plans.write by the caller. */
export async function createPeriod(
  db: Kysely<DB>,
  ctx: RequestContext,
  plan: PlanDates & { owner_unit_id: number },
  body: TCreatePeriodBody,
): Promise<number> {
  await assertPeriodFits(db, plan, body);
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    // Serialise creations for one plan so the duplicate check holds.
    await trx.selectFrom('plan').select('id').where('id', '=', plan.id).forUpdate().executeTakeFirst();
    await assertNoDuplicate(trx, plan.id, body.kind, body.startsOn);
    const { id } = await trx
      .insertInto('report_period')
      .values({
        plan_id: plan.id,
        phase_id: body.phaseId,
        kind: body.kind,
        name: body.name,
        starts_on: body.startsOn,
        ends_on: body.endsOn,
        due_on: body.dueOn,
        grace_until: body.graceUntil,
        remind_days_before: body.remindDaysBefore,
        created_by: ctx.actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'period.created',
      entityType: 'report_period',
      entityId: id,
      unitId: plan.owner_unit_id,
      summary: `Tạo kỳ báo cáo "${body.name}" của kế hoạch "${plan.title}" (hạn nộp ${formatDateVi(body.dueOn)})`,
      after: body,
    });
    return id;
  });
}
