/**
 * Which plans a unit works under — for registry entries: a plan of the unit
 * itself, of one of its ancestors, or of a unit that merged or split into
 * them (the same lineage as the catalogue), still in progress.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { invalid } from '../lib/errors.ts';
import { lineageOf } from '../catalogue/lineage.ts';

export interface UsablePlan {
  id: number;
  title: string;
  owner_unit_id: number;
  starts_on: string;
  ends_on: string;
  status: 'active' | 'closed';
}

/** The plan if it applies to `unitId` (whatever its status), else null. */
export async function findPlanForUnit(db: Kysely<DB>, planId: number, unitId: number): Promise<UsablePlan | null> {
  const plan = await db
    .selectFrom('plan as p')
    .select(['p.id', 'p.title', 'p.owner_unit_id', 'p.starts_on', 'p.ends_on', 'p.status'])
    .where('p.id', '=', planId)
    .where(sql<boolean>`p.owner_unit_id in (${lineageOf([unitId])})`)
    .executeTakeFirst();
  return plan ?? null;
}

/** Throws a 400 naming `path` unless the plan applies to the unit and is still in progress. */
export async function assertPlanUsable(
  db: Kysely<DB>,
  input: { planId: number; unit: { id: number; name: string }; path?: string },
): Promise<UsablePlan> {
  const path = input.path ?? 'planId';
  const plan = await findPlanForUnit(db, input.planId, input.unit.id);
  if (!plan)
    throw invalid(
      path,
      `Không tìm thấy kế hoạch có mã số ${input.planId} áp dụng cho "${input.unit.name}" (kế hoạch của đơn vị hoặc của cấp trên).`,
    );
  if (plan.status === 'closed')
    throw invalid(path, `Kế hoạch "${plan.title}" đã kết thúc; hãy chọn kế hoạch đang thực hiện.`);
  return plan;
}
