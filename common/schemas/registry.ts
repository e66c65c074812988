/**
 * Request and response schemas of the registry of collective models (mô hình)
 * and individual exemplars (điển hình tiên tiến): registration, the approval
 * flow, life events, monitors, lists. An entry's timeline: registry-timeline.ts;
 * the movement ledger: registry-ledger.ts.
 */
import { z } from '../zod-setup.ts';
import { todayInVietnam } from '../dates.ts';
import { ZDate, ZId, ZRef, ZRevision, nullableId, optionalText, requiredText } from './shared.ts';

export const ENTRY_KINDS = ['model', 'exemplar'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];
export const ENTRY_KIND_LABELS: Record<EntryKind, string> = {
  model: 'Mô hình (tập thể)',
  exemplar: 'Điển hình tiên tiến (cá nhân)',
};

export const ENTRY_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'active',
  'removed',
  'transferred',
  'replaced',
] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];
export const ENTRY_STATUS_LABELS: Record<EntryStatus, string> = {
  draft: 'Đang soạn',
  submitted: 'Đã gửi, chờ duyệt',
  returned: 'Bị trả lại',
  active: 'Trong danh sách',
  removed: 'Đã đưa ra khỏi danh sách',
  transferred: 'Đã chuyển đi',
  replaced: 'Đã được thay thế',
};

export const EVENT_KINDS = [
  'registered',
  'submitted',
  'returned',
  'accepted',
  'level_changed',
  'renamed',
  'content_adjusted',
  'removed',
  'replaced',
  'replacement_for',
  'transferred_out',
  'reinstated',
  'replication_recorded',
  'launched',
  'commitment_signed',
  'monitor_assigned',
  'monitor_unassigned',
  'imported',
  'owner_changed',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  registered: 'Đăng ký',
  submitted: 'Gửi đăng ký',
  returned: 'Trả lại đăng ký',
  accepted: 'Đưa vào danh sách',
  level_changed: 'Chuyển cấp',
  renamed: 'Đổi tên',
  content_adjusted: 'Điều chỉnh nội dung',
  removed: 'Đưa ra khỏi danh sách',
  replaced: 'Được thay thế',
  replacement_for: 'Thay thế cho',
  transferred_out: 'Chuyển đi',
  reinstated: 'Khôi phục vào danh sách',
  replication_recorded: 'Nhân rộng từ',
  launched: 'Ra mắt',
  commitment_signed: 'Ký cam kết',
  monitor_assigned: 'Phân công theo dõi',
  monitor_unassigned: 'Thôi phân công theo dõi',
  imported: 'Nhập từ Excel',
  owner_changed: 'Chuyển đơn vị quản lý',
};

/** A date that has already happened (or is today), in Vietnam's calendar. */
export const ZPastDate = ZDate.refine((d) => d <= todayInVietnam(), 'Ngày không được ở tương lai.');

/** An entry kind in a request, with the message naming both kinds. */
export const ZEntryKindInput = z.enum(ENTRY_KINDS, {
  error: 'Loại phải là "model" (mô hình) hoặc "exemplar" (điển hình cá nhân).',
});

/**
 * One registration (đăng ký): a collective model (owner unit, field, name,
 * content, goals, commitments, plan, start date) or an individual exemplar
 * (person from the people registry, position, party unit, field, personal plan
 * in `content`), at a level. For an exemplar the name defaults to the
 * person's name, the owner unit to the person's unit and the position to the
 * person's position. References are checked by the server (validateEntries).
 */
export const ZRegisterEntryBody = z
  .object({
    kind: ZEntryKindInput,
    name: optionalText('Tên mô hình', 500),
    content: optionalText('Nội dung', 10000),
    goals: optionalText('Mục tiêu', 5000),
    commitments: optionalText('Cam kết', 5000),
    ownerUnitId: nullableId,
    personId: nullableId,
    position: optionalText('Chức vụ', 300),
    partyUnitId: nullableId,
    fieldId: ZId,
    planId: nullableId,
    levelId: ZId,
    responsibleUnitId: nullableId,
    startedOn: ZPastDate.nullish().transform((v) => v ?? null),
    replicatesId: nullableId,
  })
  .superRefine((b, ctx) => {
    if (b.kind === 'model') {
      if (!b.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'Tên mô hình không được để trống.' });
      if (!b.ownerUnitId)
        ctx.addIssue({ code: 'custom', path: ['ownerUnitId'], message: 'Cần chọn đơn vị chủ thể của mô hình.' });
      if (b.personId)
        ctx.addIssue({
          code: 'custom',
          path: ['personId'],
          message: 'Mô hình tập thể không gắn với một người; hãy chọn loại "điển hình cá nhân".',
        });
    } else if (!b.personId) {
      ctx.addIssue({
        code: 'custom',
        path: ['personId'],
        message: 'Cần chọn người (từ danh sách cán bộ, đảng viên) cho điển hình cá nhân.',
      });
    }
  });
export type TRegisterEntryBody = z.input<typeof ZRegisterEntryBody>;
export type TRegisterEntry = z.output<typeof ZRegisterEntryBody>;

export const ZAcceptBody = z.object({
  effectiveDate: ZPastDate,
  documentId: nullableId,
  revision: ZRevision,
});

/** POST /registry/entries: one registration; optionally sent at once, or (operators of the level) accepted at once. */
export const ZCreateEntryBody = z.object({
  entry: ZRegisterEntryBody,
  submit: z.boolean({ error: 'Gửi ngay phải là true hoặc false.' }).default(false),
  accept: z
    .object({ effectiveDate: ZPastDate, documentId: nullableId })
    .nullish()
    .transform((v) => v ?? null),
});
export type TCreateEntryBody = z.input<typeof ZCreateEntryBody>;

/** PATCH a draft or returned registration: only the fields sent are changed. */
export const ZUpdateEntryBody = z.object({
  name: requiredText('Tên', 500).optional(),
  content: optionalText('Nội dung', 10000).optional(),
  goals: optionalText('Mục tiêu', 5000).optional(),
  commitments: optionalText('Cam kết', 5000).optional(),
  position: optionalText('Chức vụ', 300).optional(),
  partyUnitId: ZId.nullable().optional(),
  fieldId: ZId.optional(),
  planId: ZId.nullable().optional(),
  levelId: ZId.optional(),
  responsibleUnitId: ZId.nullable().optional(),
  startedOn: ZPastDate.nullable().optional(),
  replicatesId: ZId.nullable().optional(),
  revision: ZRevision,
});
export type TUpdateEntryBody = z.input<typeof ZUpdateEntryBody>;
export type TUpdateEntry = z.output<typeof ZUpdateEntryBody>;

export const ZRevisionBody = z.object({ revision: ZRevision });
export const ZReturnBody = z.object({ reason: requiredText('Lý do trả lại', 2000), revision: ZRevision });

const ZFileIds = z.array(ZId).max(20, 'Tối đa 20 tệp đính kèm.').default([]);

const lifeEvent = {
  effectiveDate: ZPastDate,
  reason: requiredText('Lý do', 2000),
  documentId: nullableId,
  fileIds: ZFileIds,
  revision: ZRevision,
};

/** Life events of an entry on the list. Each is dated, has a reason and optionally a deciding document. */
export const ZLifeEventBody = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('level_changed'), toLevelId: ZId, ...lifeEvent }),
    z.object({ kind: z.literal('renamed'), name: requiredText('Tên mới', 500), ...lifeEvent }),
    z.object({
      kind: z.literal('content_adjusted'),
      content: optionalText('Nội dung', 10000).optional(),
      goals: optionalText('Mục tiêu', 5000).optional(),
      commitments: optionalText('Cam kết', 5000).optional(),
      planId: ZId.nullable().optional(),
      responsibleUnitId: ZId.nullable().optional(),
      position: optionalText('Chức vụ', 300).optional(),
      ...lifeEvent,
    }),
    z.object({ kind: z.literal('removed'), ...lifeEvent }),
    z.object({ kind: z.literal('replaced'), replacementId: ZId, ...lifeEvent }),
    z.object({ kind: z.literal('transferred_out'), transferredTo: requiredText('Nơi chuyển đến', 300), ...lifeEvent }),
    z.object({ kind: z.literal('reinstated'), levelId: ZId.nullish().transform((v) => v ?? null), ...lifeEvent }),
  ],
  {
    error:
      'Loại diễn biến phải là một trong: level_changed, renamed, content_adjusted, removed, replaced, transferred_out, reinstated.',
  },
);

/** POST /registry/entries/:id/owner: the entry passes to another unit from a day on (chuyển đơn vị quản lý). */
export const ZChangeOwnerBody = z.object({
  unitId: ZId,
  effectiveDate: ZPastDate,
  reason: requiredText('Lý do', 2000),
  revision: ZRevision,
});
export type TChangeOwnerBody = z.infer<typeof ZChangeOwnerBody>;

export type TLifeEventBody = z.input<typeof ZLifeEventBody>;
export type TLifeEvent = z.output<typeof ZLifeEventBody>;
export const LIFE_EVENT_KINDS = [
  'level_changed',
  'renamed',
  'content_adjusted',
  'removed',
  'replaced',
  'transferred_out',
  'reinstated',
] as const;

/** Ra mắt, ký cam kết: dated, with a note and attachments (ids from POST /files). */
export const ZActivityBody = z.object({
  kind: z.enum(['launched', 'commitment_signed'], {
    error: 'Loại hoạt động phải là "launched" (ra mắt) hoặc "commitment_signed" (ký cam kết).',
  }),
  effectiveDate: ZPastDate,
  note: optionalText('Ghi chú', 2000),
  documentId: nullableId,
  fileIds: ZFileIds,
  revision: ZRevision,
});
export type TActivityBody = z.input<typeof ZActivityBody>;

export const ZAssignMonitorBody = z.object({
  userId: ZId,
  assignedOn: ZPastDate,
  note: optionalText('Ghi chú', 1000),
  revision: ZRevision,
});
export const ZUnassignMonitorBody = z.object({
  unassignedOn: ZPastDate,
  note: optionalText('Ghi chú', 1000),
  revision: ZRevision,
});
export const ZMonitorParams = z.object({ id: ZId, monitorId: ZId });

export const ZEntryListQuery = z.object({
  kind: ZEntryKindInput.optional(),
  levelId: ZId.optional(),
  fieldId: ZId.optional(),
  status: z.enum(ENTRY_STATUSES, { error: `Trạng thái phải là một trong: ${ENTRY_STATUSES.join(', ')}.` }).optional(),
  unitId: ZId.optional(),
  planId: ZId.optional(),
  monitorId: ZId.optional(),
  /** On the list (in a span) on that date. */
  onDate: ZDate.optional(),
  /** Unit names as they were on that date (default: today). */
  asOf: ZDate.optional(),
  q: z.string().trim().max(200, 'Từ khóa dài quá 200 ký tự.').optional(),
  page: z.coerce.number().int().min(1, 'Trang phải từ 1 trở lên.').default(1),
  pageSize: z.coerce.number().int().min(1).max(500, 'Mỗi trang tối đa 500 dòng.').default(50),
});
export type TEntryListQuery = z.infer<typeof ZEntryListQuery>;

// ---- responses ----

export const ZEntrySummary = z.object({
  id: z.number().int(),
  kind: z.enum(ENTRY_KINDS),
  name: z.string(),
  status: z.enum(ENTRY_STATUSES),
  ownerUnit: ZRef,
  person: ZRef.nullable(),
  position: z.string().nullable(),
  field: ZRef,
  level: ZRef,
  planId: z.number().int().nullable(),
  startedOn: z.string().nullable(),
  returnReason: z.string().nullable(),
  revision: z.number().int(),
});
export type TEntrySummary = z.infer<typeof ZEntrySummary>;

export const ZEntryPage = z.object({
  items: z.array(ZEntrySummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  asOf: z.string(),
  /** Set when the list is of a unit that has ended: the list is as of its last day (asOf). */
  endedOn: z.string().nullable().optional(),
});

export const ZMonitor = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  userName: z.string(),
  assignedOn: z.string(),
  unassignedOn: z.string().nullable(),
  note: z.string().nullable(),
});

/** registry_span.began and .ended: how a time on the list began and how it ended. */
export const SPAN_BEGINNINGS = ['accepted', 'reinstated', 'level_in', 'imported', 'owner_in'] as const;
export const SPAN_ENDINGS = ['removed', 'transferred', 'replaced', 'level_out', 'owner_out'] as const;

export const ZSpan = z.object({
  level: ZRef,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  began: z.enum(SPAN_BEGINNINGS),
  ended: z.enum(SPAN_ENDINGS).nullable(),
});

export const ZEntryDetail = ZEntrySummary.extend({
  content: z.string().nullable(),
  goals: z.string().nullable(),
  commitments: z.string().nullable(),
  partyUnit: ZRef.nullable(),
  responsibleUnit: ZRef.nullable(),
  plan: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  criteriaSetId: z.number().int(),
  replicates: ZRef.nullable(),
  replacedBy: ZRef.nullable(),
  /** Entries that replicate this one (nhân rộng), among those the user may read. */
  replications: z.array(ZEntrySummary),
  monitors: z.array(ZMonitor),
  spans: z.array(ZSpan),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** What the current user may do. */
  can: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    approve: z.boolean(),
    record: z.boolean(),
    assign: z.boolean(),
  }),
});
export type TEntryDetail = z.infer<typeof ZEntryDetail>;

// ---- đối chiếu đơn vị quản lý: exemplars whose person belongs to another unit than the entry's owner ----

export const ZOwnerDivergence = z.object({
  entryId: z.number().int(),
  entryName: z.string(),
  level: ZRef,
  ownerUnit: ZRef,
  person: ZRef,
  personUnit: ZRef,
  /** The actor may approve the entry and write in the person's unit: the repair would be accepted. */
  canRepair: z.boolean(),
});
export type TOwnerDivergence = z.infer<typeof ZOwnerDivergence>;

export const ZOwnerDivergences = z.object({
  items: z.array(ZOwnerDivergence),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type TOwnerDivergences = z.infer<typeof ZOwnerDivergences>;

export const ZRepairDivergencesBody = z.object({
  entryIds: z
    .array(ZId)
    .min(1, 'Cần chọn ít nhất một điển hình để đồng bộ đơn vị quản lý.')
    .max(500, 'Mỗi lần đồng bộ tối đa 500 điển hình.'),
  /** The day the owner changes; today when absent. */
  effectiveDate: ZPastDate.optional(),
});
export type TRepairDivergencesBody = z.input<typeof ZRepairDivergencesBody>;
export type TRepairDivergences = z.output<typeof ZRepairDivergencesBody>;

export const ZRepairDivergencesResult = z.object({
  repaired: z.number().int(),
  entryIds: z.array(z.number().int()),
  effectiveDate: z.string(),
});
export type TRepairDivergencesResult = z.infer<typeof ZRepairDivergencesResult>;
