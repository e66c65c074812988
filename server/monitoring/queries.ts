/** Reading monitoring notes of one entry (the caller checked the entry is readable). */
import type { Kysely } from 'kysely';
import type { TMonitorNote, TTimelineNote } from './presenter.ts';
import type { DB } from '../db/schema.ts';

type NoteFiles = Map<number, TMonitorNote['files']>;

async function filesOf(db: Kysely<DB>, noteIds: number[]): Promise<NoteFiles> {
  const map: NoteFiles = new Map();
  if (noteIds.length === 0) return map;
  const rows = await db
    .selectFrom('monitor_note_file as nf')
    .innerJoin('stored_file as f', 'f.id', 'nf.file_id')
    .select(['nf.note_id', 'f.id', 'f.original_name', 'f.mime_type', 'f.size_bytes'])
    .where('nf.note_id', 'in', noteIds)
    .orderBy('f.id')
    .execute();
  for (const r of rows) {
    const list = map.get(r.note_id) ?? [];
    list.push({ id: r.id, name: r.original_name, mimeType: r.mime_type, sizeBytes: r.size_bytes });
    map.set(r.note_id, list);
  }
  return map;
}

function notesQuery(db: Kysely<DB>, entryId: number) {
  return db
    .selectFrom('monitor_note as n')
    .leftJoin('app_user as u', 'u.id', 'n.created_by')
    .where('n.entry_id', '=', entryId);
}

/** A page of an entry's notes, newest first. */
export async function findNotes(
  db: Kysely<DB>,
  entryId: number,
  page: number,
  pageSize: number,
): Promise<{ items: TMonitorNote[]; total: number }> {
  const { total } = await notesQuery(db, entryId)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  const rows = await notesQuery(db, entryId)
    .select(['n.id', 'n.entry_id', 'n.kind', 'n.occurred_on', 'n.content', 'u.full_name', 'n.created_at'])
    .orderBy('n.occurred_on', 'desc')
    .orderBy('n.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const files = await filesOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      entryId: r.entry_id,
      kind: r.kind,
      occurredOn: r.occurred_on,
      content: r.content,
      recordedBy: r.full_name,
      recordedAt: r.created_at.toISOString(),
      files: files.get(r.id) ?? [],
    })),
  };
}

/** All of an entry's notes for its timeline. */
export async function timelineNotes(db: Kysely<DB>, entryId: number): Promise<TTimelineNote[]> {
  const rows = await notesQuery(db, entryId)
    .select(['n.id', 'n.kind', 'n.occurred_on', 'n.content', 'u.full_name'])
    .orderBy('n.occurred_on')
    .orderBy('n.id')
    .execute();
  const files = await filesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    occurredOn: r.occurred_on,
    content: r.content,
    recordedBy: r.full_name,
    files: files.get(r.id) ?? [],
  }));
}
