/**
 * Monitoring (đôn đốc, theo dõi): dated notes, visits and reminders recorded
 * on a model or exemplar by its assigned monitors or by the operators of its level.
 */
import { z } from '../zod-setup.ts';
import { todayInVietnam } from '../dates.ts';
import { ZDate, ZId, requiredText } from './shared.ts';

export const MONITOR_NOTE_KINDS = ['note', 'visit', 'urge'] as const;
export type MonitorNoteKind = (typeof MONITOR_NOTE_KINDS)[number];
export const MONITOR_NOTE_KIND_LABELS: Record<MonitorNoteKind, string> = {
  note: 'Ghi nhận theo dõi',
  visit: 'Đến kiểm tra thực tế',
  urge: 'Đôn đốc',
};

export const ZMonitorNoteBody = z.object({
  kind: z.enum(MONITOR_NOTE_KINDS, {
    error: 'Loại ghi nhận phải là "note" (ghi nhận), "visit" (đến thực tế) hoặc "urge" (đôn đốc).',
  }),
  occurredOn: ZDate.refine((d) => d <= todayInVietnam(), 'Ngày không được ở tương lai; chỉ ghi nhận việc đã diễn ra.'),
  content: requiredText('Nội dung', 5000),
  fileIds: z.array(ZId).max(20, 'Tối đa 20 tệp đính kèm.').default([]),
});
export type TMonitorNoteBody = z.input<typeof ZMonitorNoteBody>;

export const ZMonitorNoteQuery = z.object({
  page: z.coerce.number().int().min(1, 'Trang phải từ 1 trở lên.').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, 'Mỗi trang tối đa 200 dòng.').default(20),
});

const ZNoteFile = z.object({
  id: z.number().int(),
  name: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
});

export const ZMonitorNote = z.object({
  id: z.number().int(),
  entryId: z.number().int(),
  kind: z.enum(MONITOR_NOTE_KINDS),
  occurredOn: z.string(),
  content: z.string(),
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
  files: z.array(ZNoteFile),
});
export type TMonitorNote = z.infer<typeof ZMonitorNote>;

export const ZMonitorNotePage = z.object({
  items: z.array(ZMonitorNote),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** May the current user record notes on this entry (an active monitor, or an operator of its level)? */
  canWrite: z.boolean(),
});
export type TMonitorNotePage = z.infer<typeof ZMonitorNotePage>;
