/**
 * Inspections and supervisions (kiểm tra, giám sát) by a unit: a team, dates,
 * the models and exemplars covered, findings per entry and criterion,
 * conclusions, recommendations, and follow-ups tracked to closure.
 */
import { z } from '../zod-setup.ts';
import { todayInVietnam } from '../dates.ts';
import { ENTRY_KINDS } from './registry.ts';
import { ZDate, ZId, ZRevision, optionalText, requiredText } from './shared.ts';

export const INSPECTION_KINDS = ['inspection', 'supervision'] as const;
export type InspectionKind = (typeof INSPECTION_KINDS)[number];
export const INSPECTION_KIND_LABELS: Record<InspectionKind, string> = {
  inspection: 'Kiểm tra',
  supervision: 'Giám sát',
};

export const INSPECTION_STATUSES = ['planned', 'in_progress', 'concluded'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, string> = {
  planned: 'Kế hoạch',
  in_progress: 'Đang tiến hành',
  concluded: 'Đã kết luận',
};

export const MEMBER_ROLES = ['lead', 'deputy', 'member', 'secretary'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const MEMBER_ROLE_LABELS: Record<MemberRole, string> = {
  lead: 'Trưởng đoàn',
  deputy: 'Phó trưởng đoàn',
  member: 'Thành viên',
  secretary: 'Thư ký',
};

export const ASSESSMENTS = ['met', 'partly_met', 'not_met', 'not_assessed'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];
export const ASSESSMENT_LABELS: Record<Assessment, string> = {
  met: 'Đạt',
  partly_met: 'Đạt một phần',
  not_met: 'Không đạt',
  not_assessed: 'Chưa đánh giá',
};

export const FOLLOWUP_STATUSES = ['open', 'done', 'cancelled'] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];
export const FOLLOWUP_STATUS_LABELS: Record<FollowupStatus, string> = {
  open: 'Đang thực hiện',
  done: 'Đã hoàn thành',
  cancelled: 'Đã hủy',
};

const nullableId = ZId.nullish().transform((v) => v ?? null);
const ZPastDate = ZDate.refine((d) => d <= todayInVietnam(), 'Ngày không được ở tương lai.');

export const ZMemberInput = z.object({
  fullName: requiredText('Họ và tên thành viên', 200),
  position: optionalText('Chức vụ', 300),
  role: z.enum(MEMBER_ROLES, {
    error:
      'Vai trò phải là một trong: lead (trưởng đoàn), deputy (phó trưởng đoàn), member (thành viên), secretary (thư ký).',
  }),
  personId: nullableId,
});

const inspectionFields = {
  kind: z.enum(INSPECTION_KINDS, { error: 'Loại phải là "inspection" (kiểm tra) hoặc "supervision" (giám sát).' }),
  title: requiredText('Tên đợt kiểm tra, giám sát', 500),
  documentId: nullableId,
  startsOn: ZDate,
  endsOn: ZDate.nullish().transform((v) => v ?? null),
  members: z.array(ZMemberInput).max(50, 'Tối đa 50 thành viên đoàn.').default([]),
  entryIds: z.array(ZId).max(500, 'Tối đa 500 mô hình, điển hình trong một đợt.').default([]),
};
const endsAfterStart = (b: { startsOn?: string; endsOn?: string | null }) =>
  !b.startsOn || !b.endsOn || b.endsOn >= b.startsOn;
const endsAfterStartIssue = { message: 'Ngày kết thúc phải sau hoặc bằng ngày bắt đầu.', path: ['endsOn'] };

export const ZCreateInspectionBody = z
  .object({ ownerUnitId: ZId, ...inspectionFields })
  .refine(endsAfterStart, endsAfterStartIssue);
export type TCreateInspectionBody = z.input<typeof ZCreateInspectionBody>;
export type TCreateInspection = z.output<typeof ZCreateInspectionBody>;

/** PATCH: the fields sent are replaced (members and entries as whole lists); status only moves forward (planned → in_progress). */
export const ZUpdateInspectionBody = z
  .object({
    kind: inspectionFields.kind.optional(),
    title: inspectionFields.title.optional(),
    documentId: ZId.nullable().optional(),
    startsOn: ZDate.optional(),
    endsOn: ZDate.nullable().optional(),
    status: z
      .enum(['planned', 'in_progress'], {
        error: 'Trạng thái chỉ có thể là "planned" hoặc "in_progress"; dùng "Kết luận" để kết thúc đợt.',
      })
      .optional(),
    members: z.array(ZMemberInput).max(50, 'Tối đa 50 thành viên đoàn.').optional(),
    entryIds: z.array(ZId).max(500, 'Tối đa 500 mô hình, điển hình trong một đợt.').optional(),
    revision: ZRevision,
  })
  .refine(endsAfterStart, endsAfterStartIssue);
export type TUpdateInspectionBody = z.input<typeof ZUpdateInspectionBody>;
export type TUpdateInspection = z.output<typeof ZUpdateInspectionBody>;

export const ZFindingInput = z.object({
  criterionId: ZId.nullable(),
  assessment: z.enum(ASSESSMENTS, { error: 'Đánh giá phải là một trong: met, partly_met, not_met, not_assessed.' }),
  note: optionalText('Nhận xét', 2000),
});
export const ZFindingsBody = z.object({
  entryId: ZId,
  findings: z.array(ZFindingInput).max(200, 'Tối đa 200 tiêu chí.'),
  revision: ZRevision,
});
export type TFindingsBody = z.input<typeof ZFindingsBody>;

export const ZConcludeBody = z.object({
  conclusions: requiredText('Kết luận', 10000),
  recommendations: optionalText('Kiến nghị', 10000),
  concludedOn: ZPastDate,
  revision: ZRevision,
});
export type TConcludeBody = z.input<typeof ZConcludeBody>;

export const ZFollowupBody = z.object({
  action: requiredText('Việc phải làm', 2000),
  entryId: nullableId,
  responsibleUnitId: nullableId,
  dueOn: ZDate.nullish().transform((v) => v ?? null),
});
export type TFollowupBody = z.input<typeof ZFollowupBody>;

export const ZCloseFollowupBody = z
  .object({
    status: z.enum(['done', 'cancelled'], { error: 'Kết quả phải là "done" (đã hoàn thành) hoặc "cancelled" (hủy).' }),
    closedOn: ZPastDate,
    closingNote: optionalText('Ghi chú khi đóng', 2000),
    revision: ZRevision,
  })
  .refine((b) => b.status !== 'cancelled' || !!b.closingNote, {
    message: 'Cần ghi lý do hủy việc phải làm.',
    path: ['closingNote'],
  });
export type TCloseFollowupBody = z.input<typeof ZCloseFollowupBody>;

const paging = {
  page: z.coerce.number().int().min(1, 'Trang phải từ 1 trở lên.').default(1),
  pageSize: z.coerce.number().int().min(1).max(500, 'Mỗi trang tối đa 500 dòng.').default(50),
};
const ZBool = z.enum(['true', 'false'], { error: 'Giá trị phải là true hoặc false.' }).transform((v) => v === 'true');

export const ZInspectionListQuery = z
  .object({
    status: z
      .enum(INSPECTION_STATUSES, { error: `Trạng thái phải là một trong: ${INSPECTION_STATUSES.join(', ')}.` })
      .optional(),
    kind: z.enum(INSPECTION_KINDS, { error: 'Loại phải là "inspection" hoặc "supervision".' }).optional(),
    /** Inspections by a unit of this subtree, or covering an entry of it. */
    unitId: ZId.optional(),
    entryId: ZId.optional(),
    search: z.string().trim().max(200, 'Từ khóa dài quá 200 ký tự.').optional(),
    from: ZDate.optional(),
    to: ZDate.optional(),
    ...paging,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: 'Từ ngày phải trước hoặc bằng Đến ngày.',
    path: ['to'],
  });
export type TInspectionListQuery = z.infer<typeof ZInspectionListQuery>;

export const ZFollowupListQuery = z.object({
  status: z.enum(FOLLOWUP_STATUSES, { error: 'Trạng thái phải là open, done hoặc cancelled.' }).optional(),
  /** Follow-ups whose responsible unit, or whose entry's owner unit, lies in this subtree. */
  unitId: ZId.optional(),
  inspectionId: ZId.optional(),
  overdue: ZBool.optional(),
  ...paging,
});
export type TFollowupListQuery = z.infer<typeof ZFollowupListQuery>;

// ---- responses ----

const ZRef = z.object({ id: z.number().int(), name: z.string() });

export const ZInspectionSummary = z.object({
  id: z.number().int(),
  kind: z.enum(INSPECTION_KINDS),
  title: z.string(),
  ownerUnit: ZRef,
  document: z.object({ id: z.number().int(), symbol: z.string(), issuedOn: z.string() }).nullable(),
  startsOn: z.string(),
  endsOn: z.string().nullable(),
  status: z.enum(INSPECTION_STATUSES),
  concludedOn: z.string().nullable(),
  subjectCount: z.number().int(),
  openFollowups: z.number().int(),
  overdueFollowups: z.number().int(),
  revision: z.number().int(),
});
export type TInspectionSummary = z.infer<typeof ZInspectionSummary>;

export const ZInspectionPage = z.object({
  items: z.array(ZInspectionSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZInspectionMember = z.object({
  id: z.number().int(),
  fullName: z.string(),
  position: z.string().nullable(),
  role: z.enum(MEMBER_ROLES),
  personId: z.number().int().nullable(),
});

export const ZInspectionSubject = z.object({
  id: z.number().int(),
  kind: z.enum(ENTRY_KINDS),
  name: z.string(),
  status: z.string(),
  ownerUnit: ZRef,
  level: ZRef,
  field: ZRef,
  criteriaSetId: z.number().int(),
});

export const ZInspectionFinding = z.object({
  id: z.number().int(),
  entryId: z.number().int(),
  criterionId: z.number().int().nullable(),
  assessment: z.enum(ASSESSMENTS),
  note: z.string().nullable(),
});

export const ZFollowup = z.object({
  id: z.number().int(),
  inspectionId: z.number().int(),
  inspectionTitle: z.string(),
  entry: ZRef.nullable(),
  action: z.string(),
  responsibleUnit: ZRef.nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(FOLLOWUP_STATUSES),
  closedOn: z.string().nullable(),
  closingNote: z.string().nullable(),
  overdue: z.boolean(),
  revision: z.number().int(),
  /** May the current user close it (inspections.write on the inspecting unit)? */
  canClose: z.boolean(),
});
export type TFollowup = z.infer<typeof ZFollowup>;
export const ZFollowupPage = z.object({
  items: z.array(ZFollowup),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const ZInspectionDetail = ZInspectionSummary.extend({
  conclusions: z.string().nullable(),
  recommendations: z.string().nullable(),
  members: z.array(ZInspectionMember),
  /** The covered entries the current user may read. */
  subjects: z.array(ZInspectionSubject),
  /** Covered entries the current user may not read (counted, not shown). */
  hiddenSubjects: z.number().int(),
  findings: z.array(ZInspectionFinding),
  followups: z.array(ZFollowup),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ edit: z.boolean(), conclude: z.boolean(), addFollowup: z.boolean() }),
});
export type TInspectionDetail = z.infer<typeof ZInspectionDetail>;
