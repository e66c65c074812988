/** Trả lại đăng ký — the operator sends a submitted registration back with a reason the reporter sees. */
import type { Kysely } from 'kysely';
import { todayInVietnam } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalidState } from '../../lib/errors.ts';
import { entryLabel, insertEvent, lockEntry, saveEntry, snapshot } from '../entry-record.ts';

/** `entryId` was loaded and checked for registry.approve at its level by the caller. */
export async function returnEntry(
  db: Kysely<DB>,
  ctx: RequestContext,
  entryId: number,
  input: { reason: string; revision: number },
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockEntry(trx, entryId, input.revision);
    if (before.status !== 'submitted')
      throw invalidState(`Hồ sơ ${entryLabel(before)} không ở trạng thái chờ duyệt; không trả lại được.`);
    const after = await saveEntry(trx, entryId, { status: 'returned', return_reason: input.reason });
    await insertEvent(trx, ctx, { entryId, kind: 'returned', effectiveDate: todayInVietnam(), reason: input.reason });
    await audit({
      action: 'registry.returned',
      entityType: 'registry_entry',
      entityId: entryId,
      unitId: after.owner_unit_id,
      summary: `Trả lại đăng ký ${entryLabel(after)}: ${input.reason}`,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
}
