/**
 * The entry timeline gathers dated items from every area that records
 * something about a model or exemplar. Each area exports one source
 * (db, actor, entryId) → items, already scoped to what the actor may read,
 * and is listed here; presentTimeline merges them newest first.
 */
import type { Kysely } from 'kysely';
import type { TTimelineItem } from '../../common/schemas/registry.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { monitorNoteTimeline } from '../monitoring/timeline.ts';
import { inspectionTimeline } from '../inspections/timeline.ts';
import { periodReportTimeline } from '../reporting/timeline.ts';
import { evaluationTimeline } from '../evaluation/timeline.ts';
import { honourTimeline } from '../honours/decisions/timeline.ts';

export type TimelineSource = (db: Kysely<DB>, actor: Actor, entryId: number) => Promise<TTimelineItem[]>;

export const TIMELINE_SOURCES: TimelineSource[] = [
  monitorNoteTimeline,
  inspectionTimeline,
  periodReportTimeline,
  evaluationTimeline,
  honourTimeline,
];
