/**
 * Request and response schemas of plans (kế hoạch, chương trình): their
 * phases and review points (sơ kết, tổng kết) and targets (chỉ tiêu).
 */
import { z } from '../zod-setup.ts';
import { formatDateVi } from '../dates.ts';
import { foldVietnamese } from '../vn-text.ts';
import { ZDate, ZId, ZRevision, optionalText, requiredText } from './shared.ts';

export const PLAN_STATUSES = ['active', 'closed'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { active: 'Đang thực hiện', closed: 'Đã kết thúc' };

export const PHASE_KINDS = ['year_review', 'midterm_review', 'final_review', 'period', 'other'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];
export const PHASE_KIND_LABELS: Record<PhaseKind, string> = {
  year_review: 'Sơ kết 1 năm',
  midterm_review: 'Sơ kết giữa kỳ (2 năm)',
  final_review: 'Tổng kết',
  period: 'Giai đoạn',
  other: 'Mốc khác',
};

export const TARGET_SUBJECTS = ['model', 'exemplar', 'unit_plan_coverage', 'personal_plan_coverage', 'other'] as const;
export type TargetSubject = (typeof TARGET_SUBJECTS)[number];
export const TARGET_SUBJECT_LABELS: Record<TargetSubject, string> = {
  model: 'Mô hình',
  exemplar: 'Điển hình tiên tiến (cá nhân)',
  unit_plan_coverage: 'Tổ chức, đơn vị có kế hoạch',
  personal_plan_coverage: 'Cán bộ, đảng viên có kế hoạch cá nhân',
  other: 'Chỉ tiêu khác',
};

export const TARGET_MEASURES = ['count', 'percent'] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];
export const TARGET_MEASURE_LABELS: Record<TargetMeasure, string> = { count: 'Số lượng', percent: 'Tỷ lệ (%)' };

/** Vietnamese names of the plans' request fields (for common/field-labels.ts). */
export const PLAN_FIELD_LABELS: Record<string, string> = {
  title: 'Tên kế hoạch',
  startsOn: 'Ngày bắt đầu',
  endsOn: 'Ngày kết thúc',
  reviewOn: 'Ngày sơ kết / tổng kết',
  phases: 'Các giai đoạn, mốc sơ kết',
  kind: 'Loại mốc',
  subject: 'Đối tượng chỉ tiêu',
  fieldId: 'Lĩnh vực',
  value: 'Giá trị chỉ tiêu',
  measure: 'Đơn vị tính',
  description: 'Diễn giải',
  activeOn: 'Còn hiệu lực vào ngày',
  forUnitId: 'Áp dụng cho đơn vị',
};

export const ZPhaseInput = z
  .object({
    /** Present for a phase already saved (kept, with its identity); absent for a new one. */
    id: ZId.optional(),
    name: requiredText('Tên giai đoạn, mốc', 300),
    kind: z.enum(PHASE_KINDS, {
      error: 'Loại mốc phải là một trong: year_review, midterm_review, final_review, period, other.',
    }),
    startsOn: ZDate,
    endsOn: ZDate,
    reviewOn: ZDate.nullish().transform((v) => v ?? null),
  })
  .superRefine((p, ctx) => {
    if (p.endsOn < p.startsOn)
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'Ngày kết thúc giai đoạn phải không sớm hơn ngày bắt đầu.',
      });
    if (p.reviewOn !== null && p.reviewOn < p.startsOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['reviewOn'],
        message: 'Ngày sơ kết, tổng kết phải không sớm hơn ngày bắt đầu giai đoạn.',
      });
    }
  });
export type TPhaseInput = z.output<typeof ZPhaseInput>;

export const ZTargetInput = z
  .object({
    id: ZId.optional(),
    subject: z.enum(TARGET_SUBJECTS, {
      error:
        'Đối tượng chỉ tiêu phải là một trong: model, exemplar, unit_plan_coverage, personal_plan_coverage, other.',
    }),
    levelId: ZId.nullish().transform((v) => v ?? null),
    fieldId: ZId.nullish().transform((v) => v ?? null),
    value: z
      .number({ error: 'Giá trị chỉ tiêu phải là số.' })
      .min(0, 'Giá trị chỉ tiêu không được âm.')
      .max(1_000_000_000, 'Giá trị chỉ tiêu quá lớn.'),
    measure: z.enum(TARGET_MEASURES, { error: 'Đơn vị tính phải là "count" (số lượng) hoặc "percent" (tỷ lệ %).' }),
    description: optionalText('Diễn giải', 1000),
  })
  .superRefine((t, ctx) => {
    if (t.measure === 'percent' && t.value > 100)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Chỉ tiêu theo tỷ lệ phải từ 0 đến 100.' });
    if (t.measure === 'count' && !Number.isInteger(t.value))
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'Chỉ tiêu theo số lượng phải là số nguyên.' });
    if (t.subject === 'other' && !t.description)
      ctx.addIssue({ code: 'custom', path: ['description'], message: 'Chỉ tiêu khác cần có diễn giải.' });
  });
export type TTargetInput = z.output<typeof ZTargetInput>;

export interface PlanIssue {
  path: Array<string | number>;
  message: string;
}

/** Phases lie inside the plan's dates and have distinct names. Shared by the schema, the command (PATCH) and the web form. */
export function phaseIssues(
  plan: { startsOn: string; endsOn: string },
  phases: ReadonlyArray<Pick<TPhaseInput, 'name' | 'startsOn' | 'endsOn'>>,
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const names = new Map<string, number>();
  const range = `${formatDateVi(plan.startsOn)} – ${formatDateVi(plan.endsOn)}`;
  phases.forEach((p, i) => {
    const key = foldVietnamese(p.name);
    const first = names.get(key);
    if (first !== undefined)
      issues.push({
        path: ['phases', i, 'name'],
        message: `Tên giai đoạn "${p.name}" bị trùng với giai đoạn thứ ${first + 1}.`,
      });
    else names.set(key, i);
    if (p.startsOn < plan.startsOn)
      issues.push({
        path: ['phases', i, 'startsOn'],
        message: `Giai đoạn "${p.name}" bắt đầu trước thời gian của kế hoạch (${range}).`,
      });
    if (p.endsOn > plan.endsOn)
      issues.push({
        path: ['phases', i, 'endsOn'],
        message: `Giai đoạn "${p.name}" kết thúc sau thời gian của kế hoạch (${range}).`,
      });
  });
  return issues;
}

/** The same target (subject, level, field, unit) must not be set twice; "other" targets are told apart by their description. */
export function targetIssues(
  targets: ReadonlyArray<Pick<TTargetInput, 'subject' | 'levelId' | 'fieldId' | 'measure' | 'description'>>,
): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const seen = new Map<string, number>();
  targets.forEach((t, i) => {
    const key = [
      t.subject,
      t.levelId,
      t.fieldId,
      t.measure,
      t.subject === 'other' ? foldVietnamese(t.description ?? '') : '',
    ].join('|');
    const first = seen.get(key);
    if (first !== undefined)
      issues.push({
        path: ['targets', i, 'subject'],
        message: `Chỉ tiêu thứ ${i + 1} trùng với chỉ tiêu thứ ${first + 1} (cùng đối tượng, cấp, lĩnh vực và đơn vị tính).`,
      });
    else seen.set(key, i);
  });
  return issues;
}

/** Ids given for phases or targets appear once each. */
function idIssues(key: 'phases' | 'targets', items: ReadonlyArray<{ id?: number }>): PlanIssue[] {
  const seen = new Set<number>();
  const issues: PlanIssue[] = [];
  items.forEach((item, i) => {
    if (item.id === undefined) return;
    if (seen.has(item.id))
      issues.push({ path: [key, i, 'id'], message: `Mã số ${item.id} xuất hiện hai lần trong danh sách.` });
    seen.add(item.id);
  });
  return issues;
}

const ZPhases = z
  .array(ZPhaseInput, { error: 'Các giai đoạn phải là một danh sách.' })
  .max(50, 'Kế hoạch có tối đa 50 giai đoạn, mốc.');
const ZTargets = z
  .array(ZTargetInput, { error: 'Các chỉ tiêu phải là một danh sách.' })
  .max(100, 'Kế hoạch có tối đa 100 chỉ tiêu.');

function addIssues(ctx: z.RefinementCtx, issues: PlanIssue[]): void {
  for (const issue of issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
}

export const ZCreatePlanBody = z
  .object({
    ownerUnitId: ZId,
    title: requiredText('Tên kế hoạch', 500),
    documentId: ZId.nullish().transform((v) => v ?? null),
    startsOn: ZDate,
    endsOn: ZDate,
    note: optionalText('Ghi chú', 4000),
    phases: ZPhases.default([]),
    targets: ZTargets.default([]),
  })
  .superRefine((b, ctx) => {
    if (b.endsOn < b.startsOn)
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'Ngày kết thúc kế hoạch phải không sớm hơn ngày bắt đầu.',
      });
    else addIssues(ctx, phaseIssues(b, b.phases));
    addIssues(ctx, [...targetIssues(b.targets), ...idIssues('phases', b.phases), ...idIssues('targets', b.targets)]);
  });
export type TCreatePlanBody = z.input<typeof ZCreatePlanBody>;

/** PATCH: only the fields sent change; `phases` and `targets`, when sent, replace the whole set. */
export const ZUpdatePlanBody = z
  .object({
    title: requiredText('Tên kế hoạch', 500).optional(),
    documentId: ZId.nullable().optional(),
    startsOn: ZDate.optional(),
    endsOn: ZDate.optional(),
    note: optionalText('Ghi chú', 4000).optional(),
    phases: ZPhases.optional(),
    targets: ZTargets.optional(),
    revision: ZRevision,
  })
  .superRefine((b, ctx) => {
    if (b.startsOn && b.endsOn && b.endsOn < b.startsOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'Ngày kết thúc kế hoạch phải không sớm hơn ngày bắt đầu.',
      });
    }
    if (b.targets) addIssues(ctx, [...targetIssues(b.targets), ...idIssues('targets', b.targets)]);
    if (b.phases) addIssues(ctx, idIssues('phases', b.phases));
  });
export type TUpdatePlanBody = z.input<typeof ZUpdatePlanBody>;

export const ZClosePlanBody = z.object({ revision: ZRevision });

export const ZPlanListQuery = z.object({
  q: z.string().trim().max(200, 'Từ khóa dài quá 200 ký tự.').optional(),
  /** Plans owned in this unit's subtree (the unit may be one of the actor's ancestors). */
  ownerUnitId: ZId.optional(),
  /** Plans that apply to this unit: its own, its ancestors' and those of units that merged or split into them. */
  forUnitId: ZId.optional(),
  /** Plans whose period covers this date. */
  activeOn: ZDate.optional(),
  status: z.enum(PLAN_STATUSES, { error: 'Trạng thái phải là "active" hoặc "closed".' }).optional(),
  page: z.coerce.number().int().min(1, 'Trang phải từ 1 trở lên.').default(1),
  pageSize: z.coerce.number().int().min(1).max(500, 'Mỗi trang tối đa 500 dòng.').default(50),
});
export type TPlanListQuery = z.infer<typeof ZPlanListQuery>;

export const ZPlanDocument = z.object({
  id: z.number().int(),
  symbol: z.string(),
  issuedOn: z.string(),
  /** May the current user open the document itself (documents.read on its owner)? */
  readable: z.boolean(),
});

export const ZPlanPhase = z.object({
  id: z.number().int(),
  name: z.string(),
  kind: z.enum(PHASE_KINDS),
  startsOn: z.string(),
  endsOn: z.string(),
  reviewOn: z.string().nullable(),
  sortOrder: z.number().int(),
});

export const ZPlanTarget = z.object({
  id: z.number().int(),
  subject: z.enum(TARGET_SUBJECTS),
  levelId: z.number().int().nullable(),
  levelName: z.string().nullable(),
  fieldId: z.number().int().nullable(),
  fieldName: z.string().nullable(),
  value: z.number(),
  measure: z.enum(TARGET_MEASURES),
  description: z.string().nullable(),
  sortOrder: z.number().int(),
});

export const ZPlanSummary = z.object({
  id: z.number().int(),
  ownerUnitId: z.number().int(),
  ownerUnitName: z.string(),
  title: z.string(),
  document: ZPlanDocument.nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  status: z.enum(PLAN_STATUSES),
  note: z.string().nullable(),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** May the current user change this plan (plans.write on its owner unit)? */
  canWrite: z.boolean(),
});
export type TPlanSummary = z.infer<typeof ZPlanSummary>;

export const ZPlan = ZPlanSummary.extend({
  phases: z.array(ZPlanPhase),
  targets: z.array(ZPlanTarget),
});
export type TPlan = z.infer<typeof ZPlan>;
