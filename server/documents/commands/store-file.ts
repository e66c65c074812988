/** Tải tệp lên — keep an uploaded file and record who uploaded it. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { requireActor, type RequestContext } from '../../lib/context.ts';
import type { SavedUpload } from '../storage.ts';

/** The file is already on disk (content-addressed, so a failed insert leaves at most an unreferenced copy). */
export async function recordStoredFile(db: Kysely<DB>, ctx: RequestContext, saved: SavedUpload) {
  const actor = requireActor(ctx);
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const row = await trx
      .insertInto('stored_file')
      .values({
        sha256: saved.sha256,
        storage_key: saved.storageKey,
        original_name: saved.originalName,
        mime_type: saved.mimeType,
        size_bytes: saved.sizeBytes,
        created_by: actor.userId,
      })
      .returning(['id', 'original_name', 'mime_type', 'size_bytes'])
      .executeTakeFirstOrThrow();
    await audit({
      action: 'file.uploaded',
      entityType: 'stored_file',
      entityId: row.id,
      unitId: null,
      summary: `Tải lên tệp "${row.original_name}" (${Math.max(1, Math.round(row.size_bytes / 1024))} KB)`,
      after: {
        originalName: row.original_name,
        mimeType: row.mime_type,
        sizeBytes: row.size_bytes,
        sha256: saved.sha256,
      },
    });
    return row;
  });
}
