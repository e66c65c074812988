/**
 * Excel for the registry: the columns of the import template, the import
 * preview / commit bodies and answers. Shared by the server and the web page
 * that shows the preview and lets the user fix cells before committing.
 */
import { z } from '../zod-setup.ts';
import { ZId } from './shared.ts';

export const IMPORT_KINDS = ['model', 'exemplar'] as const;
/** registry_import.status: a preview waits for its commit; a commit is final. */
export const IMPORT_STATUSES = ['previewed', 'committed'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Record<ImportKind, string> = { model: 'mô hình', exemplar: 'điển hình tiên tiến' };

/** Largest number of data rows one file may carry. */
export const IMPORT_MAX_ROWS = 20_000;

/** The columns an import file may have, keyed as the preview's `values` and the commit's `fixes` are. */
export const IMPORT_COLUMN_KEYS = [
  'name',
  'position',
  'unit',
  'field',
  'level',
  'content',
  'goals',
  'commitments',
  'startedOn',
  'listedOn',
] as const;
export type ImportColumnKey = (typeof IMPORT_COLUMN_KEYS)[number];

export interface ImportColumn {
  key: ImportColumnKey;
  /** The header in the template (per kind where it differs). */
  label: Record<ImportKind, string>;
  kinds: readonly ImportKind[];
  required: boolean;
  date?: boolean;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { key: 'name', label: { model: 'Tên mô hình', exemplar: 'Họ và tên' }, kinds: IMPORT_KINDS, required: true },
  { key: 'position', label: { model: 'Chức vụ', exemplar: 'Chức vụ' }, kinds: ['exemplar'], required: false },
  { key: 'unit', label: { model: 'Đơn vị', exemplar: 'Đơn vị' }, kinds: IMPORT_KINDS, required: false },
  { key: 'field', label: { model: 'Lĩnh vực', exemplar: 'Lĩnh vực' }, kinds: IMPORT_KINDS, required: true },
  { key: 'level', label: { model: 'Cấp', exemplar: 'Cấp' }, kinds: IMPORT_KINDS, required: true },
  {
    key: 'content',
    label: { model: 'Nội dung', exemplar: 'Thành tích, nội dung' },
    kinds: IMPORT_KINDS,
    required: false,
  },
  { key: 'goals', label: { model: 'Mục tiêu', exemplar: 'Mục tiêu' }, kinds: ['model'], required: false },
  { key: 'commitments', label: { model: 'Cam kết', exemplar: 'Cam kết' }, kinds: IMPORT_KINDS, required: false },
  {
    key: 'startedOn',
    label: { model: 'Ngày bắt đầu thực hiện', exemplar: 'Ngày bắt đầu thực hiện' },
    kinds: IMPORT_KINDS,
    required: false,
    date: true,
  },
  {
    key: 'listedOn',
    label: { model: 'Ngày đưa vào danh sách', exemplar: 'Ngày đưa vào danh sách' },
    kinds: IMPORT_KINDS,
    required: false,
    date: true,
  },
];

export const importColumnsFor = (kind: ImportKind): ImportColumn[] =>
  IMPORT_COLUMNS.filter((c) => c.kinds.includes(kind));

export const ZImportKind = z.enum(IMPORT_KINDS, {
  error: 'Loại phải là "model" (mô hình) hoặc "exemplar" (điển hình tiên tiến).',
});

export const ZTemplateQuery = z.object({
  kind: ZImportKind.default('model'),
  /** Narrows the catalogue lists to what this unit may use. */
  ownerUnitId: ZId.optional(),
});

/** The text form fields of POST /registry/import (besides the file). */
export const ZImportFields = z.object({
  kind: ZImportKind,
  ownerUnitId: ZId,
});

export const ZImportProblem = z.object({
  /** A column key (see IMPORT_COLUMN_KEYS), or "row" for the row as a whole. */
  field: z.string(),
  message: z.string(),
});
export type TImportProblem = z.infer<typeof ZImportProblem>;

export const ZImportRow = z.object({
  /** Position among the data rows, from 0: what `skip` and `fixes` refer to. */
  index: z.number().int(),
  /** The row number in the spreadsheet, for people. */
  rowNumber: z.number().int(),
  values: z.record(z.string(), z.string().nullable()),
  problems: z.array(ZImportProblem),
});
export type TImportRow = z.infer<typeof ZImportRow>;

export const ZImportSummary = z.object({
  rows: z.number().int(),
  clean: z.number().int(),
  withProblems: z.number().int(),
  /** Rows that carry a "Ngày đưa vào danh sách": entered the list directly. */
  toAccept: z.number().int(),
  /** Rows without it: registered and submitted for acceptance. */
  toSubmit: z.number().int(),
});

export const ZImportPreview = z.object({
  importId: z.number().int(),
  fileId: z.number().int(),
  fileName: z.string(),
  kind: ZImportKind,
  ownerUnitId: z.number().int(),
  sheetName: z.string(),
  /** The header of each column found, by column key. */
  columns: z.record(z.string(), z.string()),
  rows: z.array(ZImportRow),
  summary: ZImportSummary,
});
export type TImportPreview = z.infer<typeof ZImportPreview>;

const ZRowIndex = z.string().regex(/^\d+$/, 'Số thứ tự dòng phải là số.');

export const ZImportCommitBody = z.object({
  /** Row indexes (from the preview) to leave out. */
  skip: z.array(z.number().int().min(0)).max(20_000).default([]),
  /** Corrected cells: { "<index>": { "<column key>": "text as typed in Excel" } }. */
  fixes: z.record(ZRowIndex, z.partialRecord(z.enum(IMPORT_COLUMN_KEYS), z.string().max(5000).nullable())).default({}),
});
export type TImportCommitBody = z.input<typeof ZImportCommitBody>;

export const ZImportCommitResult = z.object({
  importId: z.number().int(),
  status: z.literal('committed'),
  createdCount: z.number().int(),
  accepted: z.number().int(),
  submitted: z.number().int(),
  skipped: z.number().int(),
});

export const ZImportInfo = z.object({
  id: z.number().int(),
  kind: ZImportKind,
  ownerUnitId: z.number().int(),
  fileId: z.number().int(),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  rowCount: z.number().int(),
  createdCount: z.number().int(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
});
