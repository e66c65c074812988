/**
 * Reading an uploaded import file: find the data sheet and its header row,
 * map the columns by their (folded) headers, and turn every data row into
 * text values — the form the preview shows and the user's fixes use. A file
 * that cannot be read as a list at all is refused with one clear message
 * (400); problems of single cells are reported per row and column instead.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../docgen/lazy-libs.ts';
import { formatDateVi } from '../../common/dates.ts';
import {
  IMPORT_MAX_ROWS,
  importColumnsFor,
  type ImportColumnKey,
  type ImportKind,
  type TImportProblem,
} from '../../common/schemas/registry-excel.ts';
import { foldVietnamese, normalizeSpaces } from '../../common/vn-text.ts';
import { AppError } from '../lib/errors.ts';
import { checkZipContainer } from './zip-guard.ts';

export const DATA_SHEET = 'Danh sách';
export const GUIDE_SHEET = 'Hướng dẫn';
export const LISTS_SHEET = 'Danh mục';

/** Other headers people write for the same column (folded, without "*" and parentheses). */
const ALIASES: Record<ImportColumnKey, string[]> = {
  name: [
    'ten mo hinh',
    'ho va ten',
    'ho ten',
    'ten',
    'ten mo hinh, dien hinh',
    'ten dien hinh',
    'ten mo hinh, dien hinh tien tien',
  ],
  position: ['chuc vu', 'chuc danh', 'chuc vu, chuc danh'],
  unit: ['don vi', 'ten don vi', 'to chuc dang', 'don vi dang ky', 'co quan, don vi', 'don vi cong tac'],
  field: ['linh vuc', 'loai mo hinh', 'linh vuc, loai mo hinh', 'linh vuc / loai mo hinh'],
  level: ['cap', 'cap danh sach', 'cap cong nhan', 'cap dang ky'],
  content: ['noi dung', 'noi dung mo hinh', 'noi dung dang ky', 'thanh tich, noi dung', 'thanh tich'],
  goals: ['muc tieu'],
  commitments: ['cam ket', 'noi dung cam ket'],
  startedOn: ['ngay bat dau thuc hien', 'ngay bat dau', 'ngay trien khai'],
  listedOn: ['ngay dua vao danh sach', 'ngay cong nhan', 'ngay dua vao'],
};
const IGNORED = new Set(['stt', 'tt', 'so thu tu', 'ghi chu']);
/** How many rows from the top of the sheet may come before the header row (a title, the filter line…). */
const HEADER_SEARCH_ROWS = 15;

export function headerKey(text: string): string {
  return foldVietnamese(text.replace(/\([^)]*\)/g, ' ').replace(/[*:]/g, ' '))
    .replace(/[.\s]+$/, '')
    .trim();
}

function columnForHeader(kind: ImportKind, text: string): ImportColumnKey | 'ignored' | null {
  const key = headerKey(text);
  if (!key) return null;
  if (IGNORED.has(key)) return 'ignored';
  for (const column of importColumnsFor(kind)) {
    if (headerKey(column.label[kind]) === key || ALIASES[column.key].includes(key)) return column.key;
  }
  return null;
}

export interface ParsedRow {
  index: number;
  rowNumber: number;
  values: Partial<Record<ImportColumnKey, string | null>>;
  /** Problems found while reading a cell (formula without result, error value…), by column. */
  cellProblems: TImportProblem[];
}

export interface ParsedFile {
  sheetName: string;
  headerRow: number;
  /** The header text of each column found. */
  columns: Partial<Record<ImportColumnKey, string>>;
  rows: ParsedRow[];
}

const fileError = (message: string) => new AppError('VALIDATION', message, [{ field: 'file', message }]);

const XLS_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Serial day number (1900 date system) → 'YYYY-MM-DD'. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const ms = Math.round((serial - 25569) * 86400000);
  return new Date(ms).toISOString().slice(0, 10);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** exceljs gives dates as UTC instants; a time of day belongs to its day (after rounding off float noise). */
function dateToVi(d: Date): string | null {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return null;
  const day = new Date(Math.round(ms / 60000) * 60000);
  const y = day.getUTCFullYear();
  if (y < 1900 || y > 2200) return null;
  return `${pad2(day.getUTCDate())}/${pad2(day.getUTCMonth() + 1)}/${y}`;
}

type CellReading = { text: string | null; problem?: string };

function readCell(cell: ExcelJS.Cell, isDate: boolean): CellReading {
  let value = cell.value as unknown;
  let formula = false;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const v = value as Record<string, unknown>;
    if ('formula' in v || 'sharedFormula' in v) {
      formula = true;
      if (v.result === undefined || v.result === null || v.result === '') {
        return {
          text: null,
          problem: `Ô ${cell.address} chứa công thức (=${String(v.formula ?? v.sharedFormula)}) chưa có kết quả; hãy mở tệp bằng Excel, lưu lại, hoặc dán giá trị (Paste Values) thay cho công thức.`,
        };
      }
      value = v.result;
    }
  }
  if (value === null || value === undefined) return { text: null };
  if (value instanceof Date) {
    const text = dateToVi(value);
    return text ? { text } : { text: null, problem: `Ô ${cell.address}: ngày không hợp lệ.` };
  }
  if (typeof value === 'number') {
    if (isDate) {
      const iso = serialToIso(value);
      return iso ? { text: formatDateVi(iso) } : { text: String(value), problem: `Ngày không hợp lệ: ${value}.` };
    }
    return { text: String(value) };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE' };
  if (typeof value === 'string') return { text: clean(value) };
  const v = value as Record<string, unknown>;
  if ('error' in v) {
    return {
      text: null,
      problem: `Ô ${cell.address} có lỗi ${String(v.error)}${formula ? ' (kết quả của công thức)' : ''}.`,
    };
  }
  if (Array.isArray(v.richText) || 'text' in v) return { text: clean(valueText(v)) };
  return { text: clean(String(cell.text ?? '')) };
}

function clean(text: string): string | null {
  const t = normalizeSpaces(text.replace(/\u00a0/g, ' '));
  return t === '' ? null : t;
}

function plainText(cell: ExcelJS.Cell): string {
  return valueText(cell.value);
}

/**
 * The text of an exceljs value or part of one, reading through rich text, hyperlinks (whose text may itself
 * be rich text) and formula results; an object of another shape has no text (never "[object Object]").
 */
export function valueText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return String(v);
  if (typeof v !== 'object') return '';
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText))
    return o.richText.map((r: unknown) => valueText((r as { text?: unknown }).text)).join('');
  if ('result' in o) return valueText(o.result);
  if ('text' in o) return valueText(o.text);
  return '';
}

interface HeaderMatch {
  rowNumber: number;
  columns: Map<ImportColumnKey, { col: number; header: string }>;
}

function findHeader(
  sheet: ExcelJS.Worksheet,
  kind: ImportKind,
): { match: HeaderMatch | null; best: HeaderMatch | null } {
  let best: HeaderMatch | null = null;
  const required = importColumnsFor(kind)
    .filter((c) => c.required)
    .map((c) => c.key);
  const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= last; r++) {
    const row = sheet.getRow(r);
    const columns = new Map<ImportColumnKey, { col: number; header: string }>();
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const header = normalizeSpaces(plainText(cell));
      const key = columnForHeader(kind, header);
      if (key && key !== 'ignored' && !columns.has(key)) columns.set(key, { col, header });
    });
    const match = { rowNumber: r, columns };
    if (required.every((k) => columns.has(k))) return { match, best: match };
    if (!best || columns.size > best.columns.size) best = match;
  }
  return { match: null, best };
}

function missingHeaders(kind: ImportKind, match: HeaderMatch | null): string[] {
  return importColumnsFor(kind)
    .filter((c) => c.required && !match?.columns.has(c.key))
    .map((c) => c.label[kind]);
}

function hasAnyValue(sheet: ExcelJS.Worksheet): boolean {
  return sheet.actualRowCount > 0;
}

const EXAMPLE_MARK = 'vi du';
/** Row elements a sheet may hold at all (empty formatted rows count too): a hard bound on memory. */
const LOAD_MAX_ROWS = 60_000;
const LOAD_MAX_COLS = 300;

/**
 * Parse an import file held in memory. Throws a 400 (field "file") when it is
 * not a readable list; otherwise returns every non-empty data row.
 */
export async function parseImportFile(buffer: Buffer, kind: ImportKind, fileName = 'tệp'): Promise<ParsedFile> {
  if (buffer.length === 0) throw fileError(`Tệp "${fileName}" rỗng (0 byte); hãy chọn lại tệp.`);
  if (XLS_MAGIC.every((b, i) => buffer[i] === b)) {
    throw fileError(
      `Tệp "${fileName}" là tệp Excel 97-2003 (.xls), chưa được hỗ trợ. Hãy mở bằng Excel, chọn Lưu thành (Save As) → "Excel Workbook (*.xlsx)" rồi tải lên lại.`,
    );
  }
  const notXlsx = `Tệp "${fileName}" không phải bảng tính Excel (.xlsx) đọc được. Hãy tải mẫu nhập (template) về, điền vào và lưu dưới dạng .xlsx (không phải .csv hay .xls).`;
  checkZipContainer(buffer, notXlsx);

  const workbook = new (await loadExcelJS()).Workbook();
  const tooMany = () =>
    fileError(
      `Tệp có quá nhiều dòng: mỗi lần nhập tối đa ${IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng. Hãy chia danh sách thành nhiều tệp.`,
    );
  try {
    // Validation lists and formatting are not needed to read values; the row cap bounds memory.
    await workbook.xlsx.load(
      buffer as unknown as ArrayBuffer,
      {
        ignoreNodes: [
          'dataValidations',
          'conditionalFormatting',
          'extLst',
          'drawing',
          'legacyDrawing',
          'picture',
          'hyperlinks',
        ],
        maxRows: LOAD_MAX_ROWS,
        maxCols: LOAD_MAX_COLS,
      } as never,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/^Max row count/.test(message)) throw tooMany();
    if (/^Max c count/.test(message)) throw fileError(`Tệp có dòng quá nhiều cột (tối đa ${LOAD_MAX_COLS} cột).`);
    throw fileError(notXlsx);
  }
  const sheets = workbook.worksheets.filter((s) => s.state !== 'veryHidden');
  if (sheets.length === 0) throw fileError(notXlsx);

  const named = sheets.find((s) => foldVietnamese(s.name) === foldVietnamese(DATA_SHEET));
  const candidates = named
    ? [named]
    : sheets.filter(
        (s) =>
          foldVietnamese(s.name) !== foldVietnamese(GUIDE_SHEET) &&
          foldVietnamese(s.name) !== foldVietnamese(LISTS_SHEET),
      );
  const sheet = candidates[0] ?? sheets[0]!;
  if (!hasAnyValue(sheet)) {
    throw fileError(
      `Trang "${sheet.name}" của tệp "${fileName}" trống: không có tiêu đề cột và không có dòng dữ liệu nào.`,
    );
  }
  const { match, best } = findHeader(sheet, kind);
  if (!match) {
    const missing = missingHeaders(kind, best);
    const where = named
      ? `Trang "${sheet.name}"`
      : `Tệp không có trang "${DATA_SHEET}" như mẫu nhập, và trang đầu tiên "${sheet.name}"`;
    throw fileError(
      `${where} thiếu các cột: ${missing.join(', ')}. Hãy dùng mẫu nhập (dòng tiêu đề có các cột ${importColumnsFor(
        kind,
      )
        .filter((c) => c.required)
        .map((c) => `"${c.label[kind]}"`)
        .join(', ')}).`,
    );
  }

  const headerRow = match.rowNumber;
  // Refuse very long sheets before looking at their cells.
  const roughDataRows = sheet.actualRowCount - headerRow;
  if (roughDataRows > IMPORT_MAX_ROWS + 1000) throw tooMany();

  const columnList = [...match.columns.entries()];
  const dateKeys = new Set(
    importColumnsFor(kind)
      .filter((c) => c.date)
      .map((c) => c.key),
  );
  const rows: ParsedRow[] = [];
  const mergedRows: number[] = [];
  // the STT column, if any, to recognise the template's example row
  let sttCol: number | null = null;
  sheet.getRow(headerRow).eachCell({ includeEmpty: false }, (cell, col) => {
    if (sttCol === null && ['stt', 'tt', 'so thu tu'].includes(headerKey(plainText(cell)))) sttCol = col;
  });

  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber <= headerRow) return;
    let merged = false;
    let any = false;
    const values: Partial<Record<ImportColumnKey, string | null>> = {};
    const cellProblems: TImportProblem[] = [];
    for (const [key, { col }] of columnList) {
      const cell = row.getCell(col);
      if (cell.isMerged) merged = true;
      const reading = readCell(cell, dateKeys.has(key));
      values[key] = reading.text;
      if (reading.text !== null || reading.problem) any = true;
      if (reading.problem) cellProblems.push({ field: key, message: reading.problem });
    }
    if (!any) return;
    if (sttCol !== null && foldVietnamese(plainText(row.getCell(sttCol))).startsWith(EXAMPLE_MARK)) return;
    if (merged) mergedRows.push(rowNumber);
    rows.push({ index: rows.length, rowNumber, values, cellProblems });
  });

  if (mergedRows.length > 0) {
    const shown = mergedRows.slice(0, 20).join(', ') + (mergedRows.length > 20 ? ` … (${mergedRows.length} dòng)` : '');
    throw fileError(
      `Trang "${sheet.name}" có ô gộp (Merge) trong vùng dữ liệu, ở các dòng ${shown}. Mỗi dòng phải là một ${kind === 'model' ? 'mô hình' : 'điển hình'} với giá trị ở từng ô: hãy bỏ gộp ô (Unmerge Cells), điền giá trị vào từng ô rồi tải lên lại.`,
    );
  }
  if (rows.length > IMPORT_MAX_ROWS) throw tooMany();
  if (rows.length === 0) {
    throw fileError(`Trang "${sheet.name}" không có dòng dữ liệu nào dưới dòng tiêu đề (dòng ${headerRow}).`);
  }
  const columns: Partial<Record<ImportColumnKey, string>> = {};
  for (const [key, { header }] of columnList) columns[key] = header;
  return { sheetName: sheet.name, headerRow, columns, rows };
}

/**
 * A date typed or stored in a cell, in its text form: 'dd/mm/yyyy' or
 * 'd/m/yyyy' (also with "-" or "."), or 'yyyy-mm-dd'. Returns the ISO date,
 * or an error message naming the value.
 */
export function parseDateText(text: string): { iso: string } | { error: string } {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (match) {
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  } else if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t))) {
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  } else if (/^\d{1,6}(\.\d+)?$/.test(t)) {
    const iso = serialToIso(Number(t));
    if (iso) return { iso };
    return { error: `Ngày không hợp lệ: "${t}". Hãy ghi ngày dạng dd/mm/yyyy, ví dụ 17/03/2021.` };
  } else {
    return { error: `Ngày không hợp lệ: "${t}". Hãy ghi ngày dạng dd/mm/yyyy, ví dụ 17/03/2021.` };
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (
    m < 1 ||
    m > 12 ||
    d < 1 ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== m - 1 ||
    date.getUTCDate() !== d
  ) {
    return { error: `Ngày không hợp lệ: "${t}" không có trong lịch.` };
  }
  if (y < 1900 || y > 2200) return { error: `Ngày không hợp lệ: "${t}" (năm phải từ 1900 đến 2200).` };
  return { iso: date.toISOString().slice(0, 10) };
}
