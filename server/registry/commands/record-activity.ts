/** Ra mắt, ký cam kết — dated activities with a note, an optional document and attachments. */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import { EVENT_KIND_LABELS } from '../../../common/schemas/registry.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import {
  assertDocumentUsable,
  assertFilesUsable,
  assertNotFuture,
  entryLabel,
  insertEvent,
  lockEntry,
  saveEntry,
} from '../entry-record.ts';

export interface RecordActivityInput {
  kind: 'launched' | 'commitment_signed';
  effectiveDate: string;
  note: string | null;
  documentId: number | null;
  fileIds: number[];
  revision: number;
}

/** `entryId` was loaded and checked for registry.write by the caller. */
export async function recordActivity(
  db: Kysely<DB>,
  ctx: RequestContext,
  entryId: number,
  input: RecordActivityInput,
): Promise<void> {
  assertNotFuture(input.effectiveDate);
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockEntry(trx, entryId, input.revision);
    await assertDocumentUsable(trx, ctx, input.documentId);
    await assertFilesUsable(trx, ctx, input.fileIds);
    const after = await saveEntry(trx, entryId, {});
    const eventId = await insertEvent(trx, ctx, {
      entryId,
      kind: input.kind,
      effectiveDate: input.effectiveDate,
      reason: input.note,
      documentId: input.documentId,
      fileIds: input.fileIds,
    });
    await audit({
      action: 'registry.event',
      entityType: 'registry_entry',
      entityId: entryId,
      unitId: after.owner_unit_id,
      summary: `${EVENT_KIND_LABELS[input.kind]} ${entryLabel(before)} ngày ${formatDateVi(input.effectiveDate)}${input.fileIds.length ? ` (${input.fileIds.length} tệp đính kèm)` : ''}`,
      after: {
        eventId,
        kind: input.kind,
        effectiveDate: input.effectiveDate,
        note: input.note,
        documentId: input.documentId,
        fileIds: input.fileIds,
      },
    });
  });
}
