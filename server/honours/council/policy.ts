/**
 * Who may do what with a council session. It is visible to its members and
 * to those who read its unit (councilVisible); outside that it does not
 * exist (404). Managing it (attendance, closing) needs honours.review on its
 * unit, or the chair's or the secretary's seat; declaring a conflict of
 * interest and voting need a seat.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../lib/context.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { canReview } from '../policy.ts';
import { getCouncil, type CouncilRow } from './queries.ts';

/** Load a session the actor may see (404 otherwise). */
export async function loadCouncilFor(db: Kysely<DB>, actor: Actor, id: number): Promise<CouncilRow> {
  const row = await getCouncil(db, actor, id);
  if (!row) throw notFound(`phiên họp Hội đồng Thi đua – Khen thưởng có mã số ${id}`);
  return row;
}

/** Attendance and closing: honours.review on the session's unit, or the chair / secretary of the session. */
export function canManageCouncil(actor: Actor, row: Pick<CouncilRow, 'unit_id' | 'unit_path' | 'my_role'>): boolean {
  return (
    canReview(actor, { id: row.unit_id, path: row.unit_path }) || row.my_role === 'chair' || row.my_role === 'secretary'
  );
}

/** Load a session the actor manages (403 when visible but not theirs to run). */
export async function loadManagedCouncilFor(db: Kysely<DB>, actor: Actor, id: number): Promise<CouncilRow> {
  const row = await loadCouncilFor(db, actor, id);
  if (!canManageCouncil(actor, row))
    throw forbidden(
      'Chỉ Chủ tịch, Thư ký Hội đồng hoặc cán bộ thi đua, khen thưởng của đơn vị mới điều hành được phiên họp.',
    );
  return row;
}

/** Load a session the actor sits on (403 when visible but not a member). */
export async function loadCouncilAsMember(db: Kysely<DB>, actor: Actor, id: number): Promise<CouncilRow> {
  const row = await loadCouncilFor(db, actor, id);
  if (row.my_role === null)
    throw forbidden('Chỉ thành viên Hội đồng của phiên họp này mới được khai xung đột lợi ích, bỏ phiếu.');
  return row;
}
