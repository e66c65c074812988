/**
 * An entry's timeline: its registry events and what the areas standing on the registry add to it
 * (periodic reports, monitors' notes, inspections, evaluations, honours), each item told apart by `type`.
 */
import { z } from '../zod-setup.ts';
import { HONOUR_STATUSES } from './honours-decisions.ts';
import { INSPECTION_KINDS, INSPECTION_STATUSES } from './inspections.ts';
import { MONITOR_NOTE_KINDS } from './monitoring.ts';
import { EVENT_KINDS } from './registry.ts';
import { REPORT_STATUSES } from './reporting.ts';
import { ZRef } from './shared.ts';

const ZTimelineFile = z.object({
  id: z.number().int(),
  name: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
});
const ZTimelineDocument = z.object({
  id: z.number().int(),
  symbol: z.string(),
  issuedOn: z.string(),
  summary: z.string(),
});

/** One item of an entry's timeline. `type` tells what it is; later areas add reports, inspections, honours. */
export const ZTimelineItem = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('registry_event'),
    id: z.number().int(),
    kind: z.enum(EVENT_KINDS),
    label: z.string(),
    date: z.string(),
    recordedAt: z.string(),
    recordedBy: z.string().nullable(),
    reason: z.string().nullable(),
    document: ZTimelineDocument.nullable(),
    files: z.array(ZTimelineFile),
    fromLevel: ZRef.nullable(),
    toLevel: ZRef.nullable(),
    relatedEntry: ZRef.nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
  }),
  /** A periodic report (báo cáo định kỳ): dated by its last transition. */
  z.object({
    type: z.literal('period_report'),
    id: z.number().int(),
    label: z.string(),
    date: z.string(),
    recordedBy: z.string().nullable(),
    periodName: z.string(),
    status: z.enum(REPORT_STATUSES),
    changedAfterAcceptance: z.boolean(),
    /** Criteria met / judged in the report's values. */
    metCount: z.number().int(),
    judgedCount: z.number().int(),
  }),
  /** A monitor's note, visit or reminder (theo dõi, đôn đốc). */
  z.object({
    type: z.literal('monitor_note'),
    id: z.number().int(),
    kind: z.enum(MONITOR_NOTE_KINDS),
    label: z.string(),
    date: z.string(),
    recordedBy: z.string().nullable(),
    content: z.string(),
    files: z.array(ZTimelineFile),
  }),
  /** An inspection or supervision that covered the entry. */
  z.object({
    type: z.literal('inspection'),
    id: z.number().int(),
    kind: z.enum(INSPECTION_KINDS),
    label: z.string(),
    date: z.string(),
    title: z.string(),
    status: z.enum(INSPECTION_STATUSES),
    ownerUnit: ZRef,
    openFollowups: z.number().int(),
  }),
  /** An evaluation (đánh giá, công nhận đạt tiêu chí) for a period or a phase. */
  z.object({
    type: z.literal('evaluation'),
    id: z.number().int(),
    label: z.string(),
    date: z.string(),
    recordedBy: z.string().nullable(),
    scopeName: z.string(),
    decidedMet: z.boolean(),
    overridden: z.boolean(),
    reason: z.string().nullable(),
    recognitionLevel: ZRef.nullable(),
  }),
  /** An honour (khen thưởng) granted by a decision, or its revocation. */
  z.object({
    type: z.literal('honour'),
    id: z.number().int(),
    label: z.string(),
    date: z.string(),
    recordedBy: z.string().nullable(),
    awardName: z.string(),
    /** "Ban Thường vụ Đảng ủy Khối …" or the outside body. */
    grantor: z.string(),
    decision: ZTimelineDocument,
    honouree: z.string(),
    status: z.enum(HONOUR_STATUSES),
    revokedOn: z.string().nullable(),
    revokeReason: z.string().nullable(),
  }),
]);
export type TTimelineItem = z.infer<typeof ZTimelineItem>;
export const ZTimeline = z.object({ entryId: z.number().int(), items: z.array(ZTimelineItem) });
