/**
 * The entry timeline, composed above the areas: the registry's own events, then what every area that records
 * something about a model or exemplar adds (a new area appends its source to AREA_SOURCES).
 */
import type { Kysely } from 'kysely';
import type { TTimelineItem } from '../../common/schemas/registry-timeline.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { evaluationTimeline } from '../evaluation/timeline.ts';
import { honourTimeline } from '../honours/decisions/timeline.ts';
import { inspectionTimeline } from '../inspections/timeline.ts';
import { monitorNoteTimeline } from '../monitoring/timeline.ts';
import { registryEventTimeline } from '../registry/timeline.ts';
import { periodReportTimeline } from '../reporting/timeline.ts';
import type { TimelineSource } from './source.ts';

const REGISTRY_EVENTS: TimelineSource = registryEventTimeline;

const AREA_SOURCES: TimelineSource[] = [
  monitorNoteTimeline,
  inspectionTimeline,
  periodReportTimeline,
  evaluationTimeline,
  honourTimeline,
];

export async function composeEntryTimeline(
  db: Kysely<DB>,
  actor: Actor,
  entryId: number,
): Promise<{ entryId: number; items: TTimelineItem[] }> {
  const [items = [], ...areaLists] = await Promise.all(
    [REGISTRY_EVENTS, ...AREA_SOURCES].map((source) => source(db, actor, entryId)),
  );
  const more = areaLists.flat();
  if (more.length === 0) return { entryId, items };
  // Oldest first, as the registry events come; items of one day keep their order (registry events first).
  const merged = [...items, ...more].map((item, index) => ({ item, index }));
  merged.sort((a, b) => (a.item.date === b.item.date ? a.index - b.index : a.item.date < b.item.date ? -1 : 1));
  return { entryId, items: merged.map((m) => m.item) };
}
