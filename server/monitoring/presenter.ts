/** Shapes monitoring notes for the list and the entry timeline. */
import { MONITOR_NOTE_KIND_LABELS, type TMonitorNote } from '../../common/schemas/monitoring.ts';
import type { TTimelineItem } from '../../common/schemas/registry-timeline.ts';

export type { TMonitorNote };
export type TTimelineNote = Pick<TMonitorNote, 'id' | 'kind' | 'occurredOn' | 'content' | 'recordedBy' | 'files'>;

export function presentTimelineNote(n: TTimelineNote): TTimelineItem {
  return {
    type: 'monitor_note',
    id: n.id,
    kind: n.kind,
    label: MONITOR_NOTE_KIND_LABELS[n.kind],
    date: n.occurredOn,
    recordedBy: n.recordedBy,
    content: n.content,
    files: n.files,
  };
}
