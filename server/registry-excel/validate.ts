/**
 * From the text of an import file's rows to registrations: resolve units,
 * fields, levels and people by name (or code), ignoring diacritics and case;
 * read dates; find duplicates inside the file and against the registry; then
 * let the registry's own check (validateEntries) judge what is left. Every
 * problem is named in Vietnamese, per row and column. All lookups are bulk
 * queries, then work in memory — 10,000 rows cost a handful of statements.
 */
import type { Kysely } from 'kysely';
import { formatDateVi, todayInVietnam } from '../../common/dates.ts';
import { ZRegisterEntryBody } from '../../common/schemas/registry.ts';
import {
  importColumnsFor,
  type ImportColumnKey,
  type ImportKind,
  type TImportProblem,
} from '../../common/schemas/registry-excel.ts';
import { foldVietnamese } from '../../common/vn-text.ts';
import type { DB } from '../db/schema.ts';
import type { RequestContext } from '../lib/context.ts';
import { validateEntries, type RegisterEntryInput } from '../registry/commands/resolve-entries.ts';
import { loadCatalogue, type ImportOwner, type Lookup } from './import-catalogue.ts';
import { parseDateText, type ParsedRow } from './parse.ts';

export type { ImportOwner };

export interface CheckedRow {
  index: number;
  rowNumber: number;
  values: Partial<Record<ImportColumnKey, string | null>>;
  problems: TImportProblem[];
  /** Present when the row has no problem. */
  input: RegisterEntryInput | null;
  /** "Ngày đưa vào danh sách" (ISO), when given: the entry goes on the list from that date. */
  listedOn: string | null;
}

/** Registry fields → the file's columns, to place the registry's own problems. */
const FIELD_TO_COLUMN: Record<string, ImportColumnKey | 'row'> = {
  name: 'name',
  personId: 'name',
  ownerUnitId: 'unit',
  fieldId: 'field',
  levelId: 'level',
  position: 'position',
  content: 'content',
  goals: 'goals',
  commitments: 'commitments',
  startedOn: 'startedOn',
};

const shortList = (names: string[], max = 8) =>
  names
    .slice(0, max)
    .map((n) => `"${n}"`)
    .join(', ') + (names.length > max ? ', …' : '');

/**
 * Check every row (after the user's fixes). Returns the rows with their
 * problems and, for clean rows, the registration to write.
 */
export async function checkRows(
  db: Kysely<DB>,
  ctx: RequestContext,
  kind: ImportKind,
  owner: ImportOwner,
  rows: ParsedRow[],
): Promise<CheckedRow[]> {
  const catalogue = await loadCatalogue(db, ctx, kind, owner);
  const today = todayInVietnam();
  const columns = new Set(importColumnsFor(kind).map((c) => c.key));
  const what = kind === 'model' ? 'mô hình' : 'điển hình';

  // ---- pass 1: references and dates, in memory ----
  interface Draft {
    row: CheckedRow;
    unitId: number | null;
    fieldId: number | null;
    levelId: number | null;
    startedOn: string | null;
  }
  const drafts: Draft[] = rows.map((parsed) => {
    const problems: TImportProblem[] = [...parsed.cellProblems];
    const problemAt = new Set(problems.map((p) => p.field));
    const add = (field: string, message: string) => {
      problems.push({ field, message });
      problemAt.add(field);
    };
    const v = (key: ImportColumnKey) => (columns.has(key) ? (parsed.values[key] ?? null) : null);

    if (!v('name') && !problemAt.has('name')) add('name', kind === 'model' ? 'Thiếu tên mô hình.' : 'Thiếu họ và tên.');

    let unitId: number | null = null;
    const unitText = v('unit');
    if (!unitText) {
      if (!problemAt.has('unit')) unitId = owner.id;
    } else {
      const found = catalogue.units.find(unitText);
      if (found.length === 1) unitId = found[0]!.id;
      else if (found.length === 0)
        add(
          'unit',
          `Đơn vị "${unitText}" không tồn tại hoặc ngoài phạm vi của bạn (các đơn vị thuộc "${owner.name}" mà bạn được đăng ký).`,
        );
      else
        add(
          'unit',
          `Có ${found.length} đơn vị cùng tên "${unitText}" (mã số ${found.map((c) => c.id).join(', ')}); hãy ghi mã đơn vị hoặc tên đầy đủ để phân biệt.`,
        );
    }

    const pick = (
      key: 'field' | 'level',
      lookup: Lookup,
      missing: string,
      unknown: (t: string) => string,
      ambiguous: (t: string, n: number) => string,
    ): number | null => {
      const text = v(key);
      if (!text) {
        if (!problemAt.has(key)) add(key, missing);
        return null;
      }
      const found = lookup.find(text);
      if (found.length === 1) return found[0]!.id;
      add(key, found.length === 0 ? unknown(text) : ambiguous(text, found.length));
      return null;
    };
    const fieldId = pick(
      'field',
      catalogue.fields,
      'Thiếu lĩnh vực.',
      (t) =>
        `Lĩnh vực "${t}" không có trong danh mục ${kind === 'model' ? 'mô hình' : 'điển hình'} được dùng. Có: ${shortList(catalogue.fieldNames)}.`,
      (t, n) => `Có ${n} lĩnh vực cùng tên "${t}"; hãy ghi mã lĩnh vực.`,
    );
    const levelId = pick(
      'level',
      catalogue.levels,
      'Thiếu cấp.',
      (t) => `Cấp "${t}" không có. Có: ${shortList(catalogue.levelNames)}.`,
      (t, n) => `Có ${n} cấp khớp với "${t}"; hãy ghi đúng tên cấp trong danh mục.`,
    );

    const readDate = (key: 'startedOn' | 'listedOn'): string | null => {
      const text = v(key);
      if (!text || problemAt.has(key)) return null;
      const result = parseDateText(text);
      if ('error' in result) {
        add(key, result.error);
        return null;
      }
      if (result.iso > today) {
        add(key, `Ngày ${formatDateVi(result.iso)} ở tương lai; chỉ ghi nhận việc đã diễn ra.`);
        return null;
      }
      return result.iso;
    };
    const startedOn = readDate('startedOn');
    const listedOn = readDate('listedOn');
    if (startedOn && listedOn && listedOn < startedOn) {
      add(
        'listedOn',
        `Ngày đưa vào danh sách (${formatDateVi(listedOn)}) trước ngày bắt đầu thực hiện (${formatDateVi(startedOn)}).`,
      );
    }

    return {
      row: { index: parsed.index, rowNumber: parsed.rowNumber, values: parsed.values, problems, input: null, listedOn },
      unitId,
      fieldId,
      levelId,
      startedOn,
    };
  });

  // ---- people (exemplars): by full name within the row's unit ----
  const people = new Map<string, Array<{ id: number; full_name: string }>>();
  if (kind === 'exemplar') {
    const unitIds = [...new Set(drafts.map((d) => d.unitId).filter((id): id is number => id !== null))];
    for (let i = 0; i < unitIds.length; i += 5000) {
      const part = unitIds.slice(i, i + 5000);
      const rows = await db
        .selectFrom('person')
        .select(['id', 'full_name', 'unit_id'])
        .where('unit_id', 'in', part)
        .where('status', '=', 'active')
        .execute();
      for (const p of rows) {
        const key = `${p.unit_id}|${foldVietnamese(p.full_name)}`;
        const list = people.get(key) ?? [];
        list.push(p);
        people.set(key, list);
      }
    }
  }

  // ---- duplicates: inside the file, and against entries already registered ----
  const existing = new Map<string, number>();
  {
    const unitIds = [...new Set(drafts.map((d) => d.unitId).filter((id): id is number => id !== null))];
    for (let i = 0; i < unitIds.length; i += 5000) {
      const part = unitIds.slice(i, i + 5000);
      const rows = await db
        .selectFrom('registry_entry')
        .select(['id', 'owner_unit_id', 'name'])
        .where('owner_unit_id', 'in', part)
        .where('kind', '=', kind)
        .where('status', 'not in', ['removed', 'transferred', 'replaced'])
        .execute();
      for (const r of rows) existing.set(`${r.owner_unit_id}|${foldVietnamese(r.name)}`, r.id);
    }
  }
  const seen = new Map<string, number>();

  const candidates: Array<{ draft: Draft; input: RegisterEntryInput }> = [];
  for (const draft of drafts) {
    const { row } = draft;
    const add = (field: string, message: string) => row.problems.push({ field, message });
    const name = row.values.name ?? null;
    const nameKey = name ? foldVietnamese(name) : '';
    let personId: number | null = null;
    if (kind === 'exemplar' && name && draft.unitId !== null) {
      const found = people.get(`${draft.unitId}|${nameKey}`) ?? [];
      if (found.length === 1) personId = found[0]!.id;
      else if (found.length === 0) {
        add(
          'name',
          `Không có người tên "${name}" trong danh sách cán bộ, đảng viên đang công tác của "${catalogue.unitNames.get(draft.unitId) ?? owner.name}". Hãy thêm người này vào danh sách cán bộ trước, hoặc sửa lại tên, đơn vị.`,
        );
      } else
        add(
          'name',
          `Có ${found.length} người tên "${name}" ở "${catalogue.unitNames.get(draft.unitId) ?? owner.name}" (mã số ${found.map((p) => p.id).join(', ')}); không xác định được là ai.`,
        );
    }
    if (name && draft.unitId !== null) {
      const key = `${draft.unitId}|${nameKey}`;
      const twin = seen.get(key);
      const already = existing.get(key);
      if (twin !== undefined)
        add('name', `Trùng lặp: trùng với dòng ${twin} trong tệp (cùng đơn vị, cùng tên ${what}).`);
      else if (already !== undefined)
        add(
          'name',
          `Trùng lặp: "${catalogue.unitNames.get(draft.unitId) ?? ''}" đã có ${what} "${name}" trong hệ thống (mã số ${already}).`,
        );
      seen.set(key, twin ?? row.rowNumber);
    }
    if (row.problems.length > 0 || draft.unitId === null || draft.fieldId === null || draft.levelId === null) continue;

    const v = (key: ImportColumnKey) => (columns.has(key) ? (row.values[key] ?? null) : null);
    // startedOn is already checked (a real date, not in the future); the schema's own check of it
    // costs a time-zone lookup per row, so it is given after parsing.
    const parsed = ZRegisterEntryBody.safeParse({
      kind,
      name: kind === 'model' ? name : null,
      content: v('content'),
      goals: v('goals'),
      commitments: v('commitments'),
      ownerUnitId: draft.unitId,
      personId,
      position: v('position'),
      partyUnitId: null,
      fieldId: draft.fieldId,
      planId: null,
      levelId: draft.levelId,
      responsibleUnitId: null,
      startedOn: null,
      replicatesId: null,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) add(FIELD_TO_COLUMN[String(issue.path[0])] ?? 'row', issue.message);
      continue;
    }
    candidates.push({ draft, input: { ...parsed.data, startedOn: draft.startedOn } });
  }

  // ---- the registry's own rules (field applies to the unit, criteria set, approval reach…) ----
  const groups: Array<{ list: typeof candidates; accept: boolean }> = [
    { list: candidates.filter((c) => c.draft.row.listedOn !== null), accept: true },
    { list: candidates.filter((c) => c.draft.row.listedOn === null), accept: false },
  ];
  for (const group of groups) {
    if (group.list.length === 0) continue;
    const problems = await validateEntries(
      db,
      ctx,
      group.list.map((c) => c.input),
      group.accept ? { accept: { date: today, documentId: null } } : { submit: true },
    );
    for (const p of problems) {
      if (p.index < 0) continue;
      const { row } = group.list[p.index]!.draft;
      const column = FIELD_TO_COLUMN[p.field] ?? 'row';
      const message =
        p.field === 'levelId' && group.accept && /quyền/.test(p.message)
          ? `${p.message} Hãy để trống "Ngày đưa vào danh sách" để gửi đăng ký chờ cấp có thẩm quyền duyệt.`
          : p.message;
      row.problems.push({ field: column, message });
    }
  }
  for (const { draft, input } of candidates) if (draft.row.problems.length === 0) draft.row.input = input;
  return drafts.map((d) => d.row);
}

/** Apply the user's corrections and skips to the parsed rows. */
export function applyFixes(
  rows: ParsedRow[],
  skip: number[],
  fixes: Record<string, Partial<Record<ImportColumnKey, string | null>>>,
): ParsedRow[] {
  const skipped = new Set(skip);
  return rows
    .filter((r) => !skipped.has(r.index))
    .map((r) => {
      const fix = fixes[String(r.index)];
      if (!fix) return r;
      const values = { ...r.values };
      for (const [key, value] of Object.entries(fix) as Array<[ImportColumnKey, string | null]>) {
        const text = value === null ? null : value.replace(/\s+/g, ' ').trim() || null;
        values[key] = text;
      }
      return { ...r, values, cellProblems: r.cellProblems.filter((p) => !(p.field in fix)) };
    });
}
