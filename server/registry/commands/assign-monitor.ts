/** Phân công theo dõi / thôi phân công — the people who follow an entry, with dates. */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { assertNotFuture, entryLabel, insertEvent, lockEntry, saveEntry } from '../entry-record.ts';

/** `entryId` was loaded and checked for registry.approve by the caller. Returns the assignment id. */
export async function assignMonitor(
  db: Kysely<DB>,
  ctx: RequestContext,
  entryId: number,
  input: { userId: number; assignedOn: string; note: string | null; revision: number },
): Promise<number> {
  assertNotFuture(input.assignedOn, 'assignedOn');
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const entry = await lockEntry(trx, entryId, input.revision);
    const user = await trx
      .selectFrom('app_user')
      .select(['id', 'full_name', 'status'])
      .where('id', '=', input.userId)
      .executeTakeFirst();
    if (!user) throw invalid('userId', `Không tìm thấy người dùng có mã số ${input.userId}.`);
    if (user.status !== 'active') throw invalid('userId', `Tài khoản của "${user.full_name}" đang bị khóa.`);
    const existing = await trx
      .selectFrom('registry_monitor')
      .select('assigned_on')
      .where('entry_id', '=', entryId)
      .where('user_id', '=', input.userId)
      .where('unassigned_on', 'is', null)
      .executeTakeFirst();
    if (existing) {
      throw new AppError(
        'DUPLICATE',
        `"${user.full_name}" đã được phân công theo dõi ${entryLabel(entry)} từ ${formatDateVi(existing.assigned_on)}.`,
        [{ field: 'userId', message: `"${user.full_name}" đã được phân công theo dõi.` }],
      );
    }
    const { id } = await trx
      .insertInto('registry_monitor')
      .values({
        entry_id: entryId,
        user_id: input.userId,
        assigned_on: input.assignedOn,
        note: input.note,
        created_by: ctx.actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await saveEntry(trx, entryId, {});
    await insertEvent(trx, ctx, {
      entryId,
      kind: 'monitor_assigned',
      effectiveDate: input.assignedOn,
      reason: input.note,
      data: { monitorId: id, userId: user.id, userName: user.full_name },
    });
    await audit({
      action: 'registry.monitor_assigned',
      entityType: 'registry_entry',
      entityId: entryId,
      unitId: entry.owner_unit_id,
      summary: `Phân công "${user.full_name}" theo dõi ${entryLabel(entry)} từ ${formatDateVi(input.assignedOn)}`,
      after: { monitorId: id, userId: user.id, assignedOn: input.assignedOn, note: input.note },
    });
    return id;
  });
}

/** `entryId` was loaded and checked for registry.approve by the caller. */
export async function unassignMonitor(
  db: Kysely<DB>,
  ctx: RequestContext,
  entryId: number,
  monitorId: number,
  input: { unassignedOn: string; note: string | null; revision: number },
): Promise<void> {
  assertNotFuture(input.unassignedOn, 'unassignedOn');
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const entry = await lockEntry(trx, entryId, input.revision);
    const monitor = await trx
      .selectFrom('registry_monitor as m')
      .innerJoin('app_user as u', 'u.id', 'm.user_id')
      .select(['m.id', 'm.user_id', 'u.full_name', 'm.assigned_on', 'm.unassigned_on'])
      .where('m.id', '=', monitorId)
      .where('m.entry_id', '=', entryId)
      .executeTakeFirst();
    if (!monitor) throw notFound(`phân công theo dõi có mã số ${monitorId}`);
    if (monitor.unassigned_on)
      throw invalid(
        'unassignedOn',
        `"${monitor.full_name}" đã thôi theo dõi từ ${formatDateVi(monitor.unassigned_on)}.`,
      );
    if (input.unassignedOn < monitor.assigned_on) {
      throw invalid(
        'unassignedOn',
        `Ngày thôi phân công (${formatDateVi(input.unassignedOn)}) trước ngày phân công (${formatDateVi(monitor.assigned_on)}).`,
      );
    }
    await trx
      .updateTable('registry_monitor')
      .set({ unassigned_on: input.unassignedOn })
      .where('id', '=', monitorId)
      .execute();
    await saveEntry(trx, entryId, {});
    await insertEvent(trx, ctx, {
      entryId,
      kind: 'monitor_unassigned',
      effectiveDate: input.unassignedOn,
      reason: input.note,
      data: { monitorId, userId: monitor.user_id, userName: monitor.full_name },
    });
    await audit({
      action: 'registry.monitor_unassigned',
      entityType: 'registry_entry',
      entityId: entryId,
      unitId: entry.owner_unit_id,
      summary: `"${monitor.full_name}" thôi theo dõi ${entryLabel(entry)} từ ${formatDateVi(input.unassignedOn)}`,
      before: { monitorId, assignedOn: monitor.assigned_on },
      after: { monitorId, unassignedOn: input.unassignedOn, note: input.note },
    });
  });
}
