/** Đưa vào danh sách — the operator of the level accepts a submitted registration from a date; a span opens. */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalidState } from '../../lib/errors.ts';
import {
  assertChronological,
  assertDocumentUsable,
  entryLabel,
  insertEvent,
  lockEntry,
  saveEntry,
  snapshot,
} from '../entry-record.ts';
import { openSpan } from '../spans.ts';

export interface AcceptEntryInput {
  effectiveDate: string;
  documentId: number | null;
  revision: number;
}

/** `entryId` was loaded and checked for registry.approve at its level by the caller. */
export async function acceptEntry(
  db: Kysely<DB>,
  ctx: RequestContext,
  entryId: number,
  input: AcceptEntryInput,
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockEntry(trx, entryId, input.revision);
    if (before.status !== 'submitted')
      throw invalidState(`Hồ sơ ${entryLabel(before)} không ở trạng thái chờ duyệt; không đưa vào danh sách được.`);
    await assertChronological(trx, before, input.effectiveDate);
    await assertDocumentUsable(trx, ctx, input.documentId);
    const after = await saveEntry(trx, entryId, { status: 'active', return_reason: null });
    await openSpan(trx, entryId, before.level_id, before.owner_unit_id, input.effectiveDate, 'accepted');
    await insertEvent(trx, ctx, {
      entryId,
      kind: 'accepted',
      effectiveDate: input.effectiveDate,
      documentId: input.documentId,
      toLevelId: before.level_id,
    });
    await audit({
      action: 'registry.accepted',
      entityType: 'registry_entry',
      entityId: entryId,
      unitId: after.owner_unit_id,
      summary: `Đưa ${entryLabel(after)} vào danh sách từ ${formatDateVi(input.effectiveDate)}`,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
}
