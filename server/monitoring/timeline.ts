/** Timeline source: an entry's monitoring notes (the entry was checked readable by the caller). */
import type { TimelineSource } from '../timeline/source.ts';
import { presentTimelineNote } from './presenter.ts';
import { timelineNotes } from './queries.ts';

export const monitorNoteTimeline: TimelineSource = async (db, _actor, entryId) =>
  (await timelineNotes(db, entryId)).map(presentTimelineNote);
