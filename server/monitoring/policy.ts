/**
 * Who may record monitoring notes (đôn đốc, theo dõi) on an entry: an active
 * monitor of it (registry_monitor with no unassigned_on), or an operator who
 * approves at the entry's level (canApproveAt). Whoever may read the entry
 * reads its notes.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { forbidden } from '../lib/errors.ts';
import { approveReach, canApproveAt, loadEntryFor } from '../registry/policy.ts';
import type { EntryDetailRow } from '../registry/queries.ts';

export async function isActiveMonitorOf(db: Kysely<DB>, userId: number, entryId: number): Promise<boolean> {
  const row = await db
    .selectFrom('registry_monitor')
    .select('id')
    .where('entry_id', '=', entryId)
    .where('user_id', '=', userId)
    .where('unassigned_on', 'is', null)
    .executeTakeFirst();
  return !!row;
}

/** Does the user follow at least one entry now? (Monitors may upload attachments for their notes.) */
export async function hasActiveMonitorAssignment(db: Kysely<DB>, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('registry_monitor')
    .select('id')
    .where('user_id', '=', userId)
    .where('unassigned_on', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

export async function canWriteNotes(
  db: Kysely<DB>,
  actor: Actor,
  entry: Pick<EntryDetailRow, 'id' | 'owner_unit_id' | 'owner_path' | 'level_rank'>,
): Promise<boolean> {
  if (await isActiveMonitorOf(db, actor.userId, entry.id)) return true;
  return canApproveAt(
    await approveReach(db, actor),
    { id: entry.owner_unit_id, path: entry.owner_path },
    entry.level_rank,
  );
}

/** Load the entry for recording a note: unreadable is 404, readable but neither monitor nor approver is 403. */
export async function loadEntryForNotes(db: Kysely<DB>, actor: Actor, entryId: number): Promise<EntryDetailRow> {
  const entry = await loadEntryFor(db, actor, entryId, 'read');
  if (!(await canWriteNotes(db, actor, entry))) {
    throw forbidden(
      `Chỉ người được phân công theo dõi hoặc cán bộ nghiệp vụ ${entry.level_name.toLowerCase()} mới ghi nhận theo dõi, đôn đốc "${entry.name}".`,
    );
  }
  return entry;
}
