/** Ghi nhận theo dõi, đến thực tế, đôn đốc — a dated note on an entry, with attachments. */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import { MONITOR_NOTE_KIND_LABELS, type MonitorNoteKind } from '../../../common/schemas/monitoring.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { assertFilesUsable, assertNotFuture, entryLabel } from '../../registry/entry-record.ts';

export interface RecordMonitorNoteInput {
  kind: MonitorNoteKind;
  occurredOn: string;
  content: string;
  fileIds: number[];
}

/** The entry was loaded and checked (loadEntryForNotes) by the caller. Returns the note id. */
export async function recordMonitorNote(
  db: Kysely<DB>,
  ctx: RequestContext,
  entry: { id: number; kind: 'model' | 'exemplar'; name: string; owner_unit_id: number },
  input: RecordMonitorNoteInput,
): Promise<number> {
  assertNotFuture(input.occurredOn, 'occurredOn');
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    await assertFilesUsable(trx, ctx, input.fileIds);
    const { id } = await trx
      .insertInto('monitor_note')
      .values({
        entry_id: entry.id,
        kind: input.kind,
        occurred_on: input.occurredOn,
        content: input.content,
        created_by: ctx.actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const files = [...new Set(input.fileIds)];
    if (files.length > 0)
      await trx
        .insertInto('monitor_note_file')
        .values(files.map((file_id) => ({ note_id: id, file_id })))
        .execute();
    await audit({
      action: 'monitor.note',
      entityType: 'registry_entry',
      entityId: entry.id,
      unitId: entry.owner_unit_id,
      summary: `${MONITOR_NOTE_KIND_LABELS[input.kind]} ${entryLabel(entry)} ngày ${formatDateVi(input.occurredOn)}${files.length ? ` (${files.length} tệp đính kèm)` : ''}`,
      after: { noteId: id, kind: input.kind, occurredOn: input.occurredOn, content: input.content, fileIds: files },
    });
    return id;
  });
}
