/**
 * Reading reporting periods. A period is visible with its plan (the plans'
 * inherited rule: plans.read on the plan owner's subtree or a unit in the
 * lineage of one's grants); it may be changed with plans.write on the plan
 * owner (canWritePlan). Invisible is the same as not existing (404).
 */
import { sql, type Kysely } from 'kysely';
import type { TOverride, TPeriod, TPeriodListQuery } from '../../common/schemas/reporting-periods.ts';
import type { DB } from '../db/schema.ts';
import { unitVisible } from '../catalogue/lineage.ts';
import type { Actor } from '../lib/context.ts';
import { forbidden, notFound } from '../lib/errors.ts';
import { latestUnitName } from '../lib/sql-text.ts';
import { canWritePlan } from '../plans/policy.ts';

function visiblePeriods(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('report_period as rp')
    .innerJoin('plan as pl', 'pl.id', 'rp.plan_id')
    .innerJoin('org_unit as pou', 'pou.id', 'pl.owner_unit_id')
    .leftJoin('plan_phase as ph', 'ph.id', 'rp.phase_id')
    .where(unitVisible(actor, 'plans.read', sql.ref('pl.owner_unit_id')));
}

function periodColumns(query: ReturnType<typeof visiblePeriods>) {
  return query.select([
    'rp.id',
    'rp.plan_id',
    'pl.title as plan_title',
    'pl.owner_unit_id',
    latestUnitName('pl.owner_unit_id').as('owner_unit_name'),
    sql<string>`pou.current_path::text`.as('owner_path'),
    'pl.starts_on as plan_starts_on',
    'pl.ends_on as plan_ends_on',
    'rp.phase_id',
    'ph.name as phase_name',
    'rp.kind',
    'rp.name',
    'rp.starts_on',
    'rp.ends_on',
    'rp.due_on',
    'rp.grace_until',
    'rp.remind_days_before',
    'rp.revision',
  ]);
}
export type PeriodRow = Awaited<ReturnType<ReturnType<typeof periodColumns>['executeTakeFirstOrThrow']>>;

export function presentPeriod(r: PeriodRow, actor: Actor): TPeriod {
  return {
    id: r.id,
    plan: { id: r.plan_id, title: r.plan_title },
    phase: r.phase_id === null ? null : { id: r.phase_id, name: r.phase_name ?? '' },
    kind: r.kind,
    name: r.name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    dueOn: r.due_on,
    graceUntil: r.grace_until,
    remindDaysBefore: r.remind_days_before,
    revision: r.revision,
    can: { edit: canWritePlan(actor, r) },
  };
}

export async function getPeriods(db: Kysely<DB>, actor: Actor, ids: number[]): Promise<PeriodRow[]> {
  if (ids.length === 0) return [];
  return periodColumns(visiblePeriods(db, actor))
    .where('rp.id', 'in', ids)
    .orderBy('rp.starts_on')
    .orderBy('rp.kind')
    .orderBy('rp.id')
    .execute();
}

/** Load a period the actor may see (404 otherwise); with 'write', plans.write on the plan owner (403 otherwise). */
export async function loadPeriodFor(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  mode: 'read' | 'write',
): Promise<PeriodRow> {
  const row = await periodColumns(visiblePeriods(db, actor)).where('rp.id', '=', id).executeTakeFirst();
  if (!row) throw notFound(`kỳ báo cáo có mã số ${id}`);
  if (mode === 'write' && !canWritePlan(actor, row)) {
    throw forbidden(
      `Kỳ báo cáo "${row.name}" thuộc kế hoạch do "${row.owner_unit_name}" quản lý; bạn chỉ được xem, không được sửa.`,
    );
  }
  return row;
}

/** A page of periods, latest first. */
export async function findPeriods(
  db: Kysely<DB>,
  actor: Actor,
  filter: TPeriodListQuery,
): Promise<{ items: PeriodRow[]; total: number }> {
  let query = visiblePeriods(db, actor);
  if (filter.planId) query = query.where('rp.plan_id', '=', filter.planId);
  if (filter.onDate) query = query.where('rp.starts_on', '<=', filter.onDate).where('rp.ends_on', '>=', filter.onDate);
  const [{ total }, items] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    periodColumns(query)
      .orderBy('rp.starts_on', 'desc')
      .orderBy('rp.kind')
      .orderBy('rp.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
  ]);
  return { items, total: Number(total) };
}

/** Overrides of a period on units the actor may see (its own subtree and the lineage above it), oldest first. */
export async function listOverrides(
  db: Kysely<DB>,
  actor: Actor,
  periodId: number,
  ids?: number[],
): Promise<TOverride[]> {
  let query = db
    .selectFrom('report_period_override as o')
    .leftJoin('app_user as u', 'u.id', 'o.created_by')
    .select([
      'o.id',
      'o.unit_id',
      latestUnitName('o.unit_id').as('unit_name'),
      'o.state',
      'o.open_until',
      'o.reason',
      'u.full_name as created_by',
      'o.created_at',
    ])
    .where('o.period_id', '=', periodId)
    .where(unitVisible(actor, 'registry.read', sql.ref('o.unit_id')));
  if (ids) query = query.where('o.id', 'in', ids.length ? ids : [0]);
  const rows = await query.orderBy('o.id').execute();
  return rows.map((r) => ({
    id: r.id,
    unit: { id: r.unit_id, name: r.unit_name },
    state: r.state,
    openUntil: r.open_until,
    reason: r.reason,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  }));
}
