/**
 * What an area gives the entry timeline: dated items about one entry, already limited to what the actor may
 * read (the caller checked the entry itself readable). An area's source imports only this type; the list of
 * sources lives in compose.ts, above every area.
 */
import type { Kysely } from 'kysely';
import type { TTimelineItem } from '../../common/schemas/registry-timeline.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';

export type TimelineSource = (db: Kysely<DB>, actor: Actor, entryId: number) => Promise<TTimelineItem[]>;
