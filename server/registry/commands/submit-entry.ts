/** Gửi đăng ký — a draft (or a returned registration, once corrected) goes to the operator of its level. */
import type { Kysely } from 'kysely';
import { todayInVietnam } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalidState } from '../../lib/errors.ts';
import { entryLabel, insertEvent, lockEntry, saveEntry, snapshot } from '../entry-record.ts';

/** `entryId` was loaded and checked for registry.write by the caller. */
export async function submitEntry(
  db: Kysely<DB>,
  ctx: RequestContext,
  entryId: number,
  revision: number,
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockEntry(trx, entryId, revision);
    if (before.status !== 'draft' && before.status !== 'returned') {
      throw invalidState(
        `Hồ sơ ${entryLabel(before)} không ở trạng thái đang soạn hoặc bị trả lại; không gửi lại được.`,
      );
    }
    const after = await saveEntry(trx, entryId, { status: 'submitted', return_reason: null });
    await insertEvent(trx, ctx, {
      entryId,
      kind: 'submitted',
      effectiveDate: todayInVietnam(),
      data: before.status === 'returned' ? { resubmitted: true } : null,
    });
    await audit({
      action: 'registry.submitted',
      entityType: 'registry_entry',
      entityId: entryId,
      unitId: after.owner_unit_id,
      summary: `${before.status === 'returned' ? 'Gửi lại' : 'Gửi'} đăng ký ${entryLabel(after)}`,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
}
