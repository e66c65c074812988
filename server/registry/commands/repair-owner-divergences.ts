/**
 * Đồng bộ đơn vị quản lý: each chosen exemplar passes to its person's unit from a day on, through the one
 * change-of-owner primitive (a dated owner change, a life event on the timeline, audited), all in one
 * transaction — every chosen entry is repaired or none is.
 *
 * The divergences are read again inside the transaction (with the row locks changeEntryOwner takes), so what is
 * judged is what gets written. An entry the actor may not read is not found (404); one it reads but may not
 * approve, or whose person's unit it may not write in, is 403; one that no longer diverges is 409.
 */
import { sql, type Kysely } from 'kysely';
import { todayInVietnam } from '../../../common/dates.ts';
import type { TRepairDivergences } from '../../../common/schemas/registry.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { Actor, RequestContext } from '../../lib/context.ts';
import { forbidden, invalidState, notFound } from '../../lib/errors.ts';
import { entryReadable } from '../entry-scope.ts';
import { ownerDivergences } from '../owner-divergences.ts';
import { changeEntryOwner } from './change-owner.ts';

export const REPAIR_REASON = 'Đồng bộ đơn vị quản lý với đơn vị của cá nhân';

export async function repairOwnerDivergences(
  db: Kysely<DB>,
  ctx: RequestContext,
  actor: Actor,
  body: TRepairDivergences,
): Promise<{ entryIds: number[]; effectiveDate: string }> {
  const ids = [...new Set(body.entryIds)];
  const date = body.effectiveDate ?? todayInVietnam();
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const { items } = await ownerDivergences(trx, actor, { page: 1, pageSize: ids.length }, ids);
    const found = new Map(items.map((i) => [i.entryId, i]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) {
      const readable = await trx
        .selectFrom('registry_entry as e')
        .select('e.id')
        .where('e.id', 'in', missing)
        .where(entryReadable(actor, sql.ref('e.id'), sql.ref('e.owner_unit_id')))
        .execute();
      const unseen = missing.filter((id) => !readable.some((r) => r.id === id));
      if (unseen.length > 0) throw notFound(`mô hình, điển hình có mã số ${unseen.join(', ')}`);
      throw invalidState(
        `Điển hình có mã số ${missing.join(', ')} không còn khác đơn vị với cá nhân (hoặc không còn trong danh sách); tải lại danh sách đối chiếu.`,
      );
    }
    const refused = items.filter((i) => !i.canRepair);
    if (refused.length > 0) {
      throw forbidden(
        `Bạn không có quyền chuyển ${refused.map((i) => `"${i.entryName}"`).join(', ')} sang đơn vị của cá nhân (cần quyền duyệt ở cấp của điển hình và quyền ghi ở đơn vị tiếp nhận).`,
      );
    }
    for (const item of items) {
      await changeEntryOwner(trx, ctx, audit, {
        entryId: item.entryId,
        toUnitId: item.personUnitId,
        date,
        reason: REPAIR_REASON,
        orgEventId: null,
      });
    }
    return { entryIds: items.map((i) => i.entryId), effectiveDate: date };
  });
}
