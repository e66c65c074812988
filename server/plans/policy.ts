/**
 * Who may see and change a plan: visible under the inherited rule (else 404:
 * queries.ts), plans.write on its owner unit to change it (else 403) — so the
 * bloc reads the province's plan but cannot edit it.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { pathInScope, scopeOf, type Actor } from '../lib/context.ts';
import { forbidden, notFound } from '../lib/errors.ts';
import { getPlan, type PlanView } from './queries.ts';

export function canWritePlan(actor: Actor, plan: Pick<PlanView, 'owner_unit_id' | 'owner_path'>): boolean {
  return pathInScope(scopeOf(actor, 'plans.write'), plan.owner_unit_id, plan.owner_path);
}

export async function loadPlanFor(db: Kysely<DB>, actor: Actor, id: number, mode: 'read' | 'write'): Promise<PlanView> {
  const plan = await getPlan(db, actor, id);
  if (!plan) throw notFound(`kế hoạch có mã số ${id}`);
  if (mode === 'write' && !canWritePlan(actor, plan)) {
    throw forbidden(`Kế hoạch "${plan.title}" do "${plan.owner_unit_name}" quản lý; bạn chỉ được xem, không được sửa.`);
  }
  return plan;
}
