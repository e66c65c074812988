/** Request and response schemas of the organisation tree and its restructuring. */
import { z } from '../zod-setup.ts';
import { ZDate, ZId, ZRevision, optionalText, requiredText } from './shared.ts';

const change = {
  effectiveDate: ZDate,
  documentId: ZId.nullish().transform((v) => v ?? null),
  note: optionalText('Ghi chú', 2000),
};

export const ZAsOfQuery = z.object({ asOf: ZDate.optional() });

export const ZUnitTypeBody = z.object({
  code: requiredText('Mã loại đơn vị', 50).regex(
    /^[a-z0-9_]+$/,
    'Mã loại đơn vị chỉ gồm chữ thường không dấu, số và gạch dưới.',
  ),
  name: requiredText('Tên loại đơn vị', 200),
  isParty: z.boolean().default(false),
  sortOrder: z.number().int().min(0).max(100000).default(0),
  active: z.boolean().default(true),
});
export const ZUnitType = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  isParty: z.boolean(),
  sortOrder: z.number(),
  active: z.boolean(),
});

export const ZLevelBody = z.object({
  code: requiredText('Mã cấp', 50).regex(/^[a-z0-9_]+$/, 'Mã cấp chỉ gồm chữ thường không dấu, số và gạch dưới.'),
  name: requiredText('Tên cấp', 200),
  rank: z.number({ error: 'Thứ bậc phải là số.' }).int().min(0).max(1000),
  active: z.boolean().default(true),
});
export const ZLevel = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  rank: z.number(),
  active: z.boolean(),
});

export const ZCreateUnitBody = z.object({
  name: requiredText('Tên đơn vị', 300),
  shortName: optionalText('Tên viết tắt', 100),
  code: optionalText('Mã đơn vị', 50),
  typeId: ZId,
  levelId: ZId,
  parentId: ZId.nullish().transform((v) => v ?? null),
  ...change,
});
export type TCreateUnitBody = z.input<typeof ZCreateUnitBody>;

export const ZChangeUnitBody = z.object({
  name: requiredText('Tên đơn vị', 300).optional(),
  shortName: optionalText('Tên viết tắt', 100).optional(),
  typeId: ZId.optional(),
  levelId: ZId.optional(),
  revision: ZRevision,
  ...change,
});
export type TChangeUnitBody = z.input<typeof ZChangeUnitBody>;

export const ZMoveUnitBody = z.object({ parentId: ZId, revision: ZRevision, ...change });

export const ZNewUnit = z.object({
  name: requiredText('Tên đơn vị', 300),
  shortName: optionalText('Tên viết tắt', 100),
  code: optionalText('Mã đơn vị', 50),
  typeId: ZId,
  levelId: ZId,
  parentId: ZId.nullish().transform((v) => v ?? null),
});

export const ZMergeBody = z
  .object({
    sourceIds: z.array(ZId).min(1, 'Cần chọn ít nhất một đơn vị được hợp nhất.').max(50),
    targetId: ZId.nullish().transform((v) => v ?? null),
    newTarget: ZNewUnit.nullish().transform((v) => v ?? null),
    ...change,
  })
  .refine((b) => (b.targetId === null) !== (b.newTarget === null), {
    message: 'Chọn một đơn vị tiếp nhận có sẵn, hoặc khai báo đơn vị mới (không chọn cả hai).',
    path: ['targetId'],
  });
export type TMergeBody = z.input<typeof ZMergeBody>;

export const ZSplitBody = z.object({
  targets: z.array(ZNewUnit).min(1, 'Cần ít nhất một đơn vị mới.').max(20),
  /** For each child unit id, the index (in targets) of the new unit that takes it; default 0. */
  childTargets: z.record(z.string(), z.number().int().min(0)).default({}),
  /**
   * For each active entry (models, exemplars) of the unit, the index (in targets) of the new unit that takes it.
   * Absent: an exemplar follows its person; a model must be routed unless the source is kept.
   */
  entryTargets: z.record(z.string(), z.number().int().min(0)).default({}),
  keepSource: z.boolean().default(false),
  revision: ZRevision,
  ...change,
});
export type TSplitBody = z.input<typeof ZSplitBody>;

export const ZDissolveBody = z.object({ revision: ZRevision, ...change });

/** GET /org/units/:id/active-entries: the models and exemplars on the list the unit owns directly today. */
export const ZUnitActiveEntries = z.object({
  items: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(['model', 'exemplar']),
      name: z.string(),
      levelName: z.string(),
      personId: z.number().nullable(),
      personUnitId: z.number().nullable(),
      personUnitName: z.string().nullable(),
    }),
  ),
});
export type TUnitActiveEntries = z.infer<typeof ZUnitActiveEntries>;

export const ZUnitListQuery = z.object({
  parentId: ZId.optional(),
  asOf: ZDate.optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const ZUnitSummary = z.object({
  id: z.number(),
  code: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  typeId: z.number(),
  typeName: z.string(),
  levelId: z.number(),
  levelName: z.string(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  path: z.string(),
  childCount: z.number(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
});
export type TUnitSummary = z.infer<typeof ZUnitSummary>;
export const ZUnitPage = z.object({
  items: z.array(ZUnitSummary),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  asOf: z.string(),
});
/** The units a split created. */
export const ZCreatedUnits = z.object({ ids: z.array(z.number()) });

/** org_unit.end_reason, org_event.kind and org_event_unit.role (the part a unit played in an event). */
export const UNIT_END_REASONS = ['dissolved', 'merged', 'split'] as const;
export const ORG_EVENT_KINDS = ['create', 'rename', 'update', 'move', 'merge', 'split', 'dissolve'] as const;
export const ORG_EVENT_UNIT_ROLES = ['subject', 'source', 'target', 'old_parent', 'new_parent'] as const;

export const ZUnitRef = z.object({ id: z.number(), name: z.string() });

export const ZUnitDetail = ZUnitSummary.extend({
  asOf: z.string(),
  createdOn: z.string(),
  endedOn: z.string().nullable(),
  endReason: z.enum(UNIT_END_REASONS).nullable(),
  revision: z.number(),
  ancestors: z.array(ZUnitRef),
  successors: z.array(ZUnitRef.extend({ eventId: z.number(), date: z.string() })),
  predecessors: z.array(ZUnitRef.extend({ eventId: z.number(), date: z.string() })),
  canWrite: z.boolean(),
});
export type TUnitDetail = z.infer<typeof ZUnitDetail>;

export const ZOrgEvent = z.object({
  id: z.number(),
  kind: z.enum(ORG_EVENT_KINDS),
  effectiveDate: z.string(),
  note: z.string().nullable(),
  document: z.object({ id: z.number(), symbol: z.string(), issuedOn: z.string() }).nullable(),
  units: z.array(z.object({ id: z.number(), name: z.string(), role: z.string() })),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
});
export type TOrgEvent = z.infer<typeof ZOrgEvent>;

export const ZUnitVersion = z.object({
  validFrom: z.string(),
  validTo: z.string().nullable(),
  name: z.string(),
  shortName: z.string().nullable(),
  typeName: z.string(),
  levelName: z.string(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  eventId: z.number(),
});

export const ZUnitHistory = z.object({ versions: z.array(ZUnitVersion), events: z.array(ZOrgEvent) });

export const ZOrgStatsQuery = z.object({ rootId: ZId.optional(), asOf: ZDate.optional() });
export const ZOrgStats = z.object({
  asOf: z.string(),
  total: z.number(),
  byType: z.array(z.object({ id: z.number(), name: z.string(), count: z.number() })),
  byLevel: z.array(z.object({ id: z.number(), name: z.string(), count: z.number() })),
});

export const END_REASON_LABELS = {
  dissolved: 'Giải thể',
  merged: 'Hợp nhất vào đơn vị khác',
  split: 'Chia tách',
} as const;
export const ORG_EVENT_LABELS = {
  create: 'Thành lập',
  rename: 'Đổi tên',
  update: 'Sửa thông tin',
  move: 'Chuyển đơn vị cấp trên',
  merge: 'Hợp nhất / sáp nhập',
  split: 'Chia tách',
  dissolve: 'Giải thể',
} as const;
