/** Shapes registry entries, timelines and what the current user may do, for the API. */
import type { Kysely } from 'kysely';
import {
  EVENT_KIND_LABELS,
  type TEntryDetail,
  type TEntrySummary,
  type TTimelineItem,
} from '../../common/schemas/registry.ts';
import type { DB } from '../db/schema.ts';
import type { Actor, RequestContext } from '../lib/context.ts';
import { approveReach, canApproveAt, canWriteUnit } from './policy.ts';
import { TIMELINE_SOURCES } from './timeline-sources.ts';
import {
  getEntryRef,
  getMonitors,
  getReplications,
  getSpans,
  getTimelineEvents,
  type EntryDetailRow,
  type EntrySummaryRow,
} from './queries.ts';

export function presentSummary(r: EntrySummaryRow): TEntrySummary {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    status: r.status,
    ownerUnit: { id: r.owner_unit_id, name: r.owner_name },
    person: r.person_id !== null ? { id: r.person_id, name: r.person_name ?? '' } : null,
    position: r.position,
    field: { id: r.field_id, name: r.field_name },
    level: { id: r.level_id, name: r.level_name },
    planId: r.plan_id,
    startedOn: r.started_on,
    returnReason: r.return_reason,
    revision: r.revision,
  };
}

const ref = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

export async function presentDetail(
  db: Kysely<DB>,
  actor: Actor,
  row: EntryDetailRow,
  asOf: string,
): Promise<TEntryDetail> {
  const ctx: RequestContext = { actor, requestId: '', ip: '' };
  const owner = { id: row.owner_unit_id, path: row.owner_path };
  const write = canWriteUnit(ctx, owner);
  const approve = canApproveAt(await approveReach(db, ctx), owner, row.level_rank);
  const [replications, monitors, spans, replicates, replacedBy] = await Promise.all([
    getReplications(db, actor, row.id, asOf),
    getMonitors(db, row.id),
    getSpans(db, row.id),
    getEntryRef(db, actor, row.replicates_id, true),
    getEntryRef(db, actor, row.replaced_by_id),
  ]);
  return {
    ...presentSummary(row),
    content: row.content,
    goals: row.goals,
    commitments: row.commitments,
    partyUnit: ref(row.party_unit_id, row.party_unit_name),
    responsibleUnit: ref(row.responsible_unit_id, row.responsible_unit_name),
    plan: row.plan_id !== null ? { id: row.plan_id, title: row.plan_title ?? '' } : null,
    criteriaSetId: row.criteria_set_id,
    replicates,
    replacedBy,
    replications: replications.map(presentSummary),
    monitors: monitors.map((m) => ({
      id: m.id,
      userId: m.user_id,
      userName: m.full_name,
      assignedOn: m.assigned_on,
      unassignedOn: m.unassigned_on,
      note: m.note,
    })),
    spans: spans.map((s) => ({
      level: { id: s.level_id, name: s.level_name },
      validFrom: s.valid_from,
      validTo: s.valid_to,
      began: s.began,
      ended: s.ended,
    })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    can: {
      edit: write && (row.status === 'draft' || row.status === 'returned'),
      submit: write && (row.status === 'draft' || row.status === 'returned'),
      approve: approve && row.status === 'submitted',
      record: write,
      assign: approve,
    },
  };
}

export async function presentTimeline(
  db: Kysely<DB>,
  actor: Actor,
  entryId: number,
): Promise<{ entryId: number; items: TTimelineItem[] }> {
  const { events, files } = await getTimelineEvents(db, actor, entryId);
  const filesOf = new Map<number, Extract<TTimelineItem, { type: 'registry_event' }>['files']>();
  for (const f of files) {
    const list = filesOf.get(f.event_id) ?? [];
    list.push({ id: f.id, name: f.original_name, mimeType: f.mime_type, sizeBytes: f.size_bytes });
    filesOf.set(f.event_id, list);
  }
  const items: TTimelineItem[] = events.map((e) => ({
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
  const more = (await Promise.all(TIMELINE_SOURCES.map((source) => source(db, actor, entryId)))).flat();
  if (more.length === 0) return { entryId, items };
  // Oldest first, as the registry events come; items of one day keep their order (registry events first).
  const merged = [...items, ...more].map((item, index) => ({ item, index }));
  merged.sort((a, b) => (a.item.date === b.item.date ? a.index - b.index : a.item.date < b.item.date ? -1 : 1));
  return { entryId, items: merged.map((m) => m.item) };
}
