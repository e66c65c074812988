/**
 * The registry's own items on an entry's timeline: its dated events, with documents, files, levels and related
 * entries. server/timeline/compose.ts merges them with the other areas' items.
 */
import type { Kysely } from 'kysely';
import { EVENT_KIND_LABELS } from '../../common/schemas/registry.ts';
import { type TTimelineItem } from '../../common/schemas/registry-timeline.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { getTimelineEvents } from './queries.ts';

type RegistryEventFiles = Extract<TTimelineItem, { type: 'registry_event' }>['files'];

const ref = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

/** Oldest first (by effective date, then as recorded). */
export async function registryEventTimeline(db: Kysely<DB>, actor: Actor, entryId: number): Promise<TTimelineItem[]> {
  const { events, files } = await getTimelineEvents(db, actor, entryId);
  const filesOf = new Map<number, RegistryEventFiles>();
  for (const f of files) {
    const list = filesOf.get(f.event_id) ?? [];
    list.push({ id: f.id, name: f.original_name, mimeType: f.mime_type, sizeBytes: f.size_bytes });
    filesOf.set(f.event_id, list);
  }
  return events.map((e) => ({
    type: 'registry_event',
    id: e.id,
    kind: e.kind,
    label: EVENT_KIND_LABELS[e.kind],
    date: e.effective_date,
    recordedAt: e.created_at.toISOString(),
    recordedBy: e.recorded_by,
    reason: e.reason,
    document:
      e.document_id !== null
        ? {
            id: e.document_id,
            symbol: e.document_symbol ?? '',
            issuedOn: e.document_issued_on ?? '',
            summary: e.document_summary ?? '',
          }
        : null,
    files: filesOf.get(e.id) ?? [],
    fromLevel: ref(e.from_level_id, e.from_level_name),
    toLevel: ref(e.to_level_id, e.to_level_name),
    relatedEntry:
      e.related_entry_id !== null && e.related_name !== null ? { id: e.related_entry_id, name: e.related_name } : null,
    data: (e.data as Record<string, unknown> | null) ?? null,
  }));
}
