/**
 * The import template (mẫu nhập): a "Hướng dẫn" sheet explaining every
 * column, a "Danh sách" sheet with the headers, one example row and drop-down
 * lists for Lĩnh vực and Cấp (and Đơn vị when the unit is known), fed from a
 * hidden "Danh mục" sheet holding the catalogue the user may use.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../docgen/lazy-libs.ts';
import { lineageOf } from '../catalogue/lineage.ts';
import { sql, type Kysely } from 'kysely';
import { formatDateVi, todayInVietnam } from '../../common/dates.ts';
import {
  IMPORT_KIND_LABELS,
  IMPORT_MAX_ROWS,
  importColumnsFor,
  type ImportColumnKey,
  type ImportKind,
} from '../../common/schemas/registry-excel.ts';
import type { DB } from '../db/schema.ts';
import { pathColumnInScope, scopeOf, type Actor } from '../lib/context.ts';
import { DATA_SHEET, GUIDE_SHEET, LISTS_SHEET } from './parse.ts';

/** Rows of the data sheet that carry the drop-down lists. */
const VALIDATED_ROWS = 2000;

const WIDTHS: Record<ImportColumnKey, number> = {
  name: 42,
  position: 24,
  unit: 36,
  field: 30,
  level: 22,
  content: 50,
  goals: 40,
  commitments: 40,
  startedOn: 16,
  listedOn: 18,
};

function help(kind: ImportKind, key: ImportColumnKey, ownerName: string | null): string {
  const owner = ownerName ? `"${ownerName}"` : 'đơn vị bạn chọn khi tải tệp lên';
  switch (key) {
    case 'name':
      return kind === 'model'
        ? 'Tên mô hình, như trong văn bản đăng ký. Không trùng với mô hình khác của cùng đơn vị.'
        : 'Họ và tên đầy đủ của người được đăng ký, đúng như trong danh sách cán bộ, đảng viên của đơn vị (không phân biệt chữ hoa, chữ thường, có dấu hay không dấu). Người chưa có trong danh sách cán bộ phải được thêm vào trước.';
    case 'position':
      return 'Chức vụ của người được đăng ký. Để trống: lấy chức vụ trong danh sách cán bộ.';
    case 'unit':
      return `Tên hoặc mã đơn vị (tổ chức đảng) chủ thể, thuộc ${owner} và trong phạm vi bạn được đăng ký. Để trống: chính ${owner}. Nếu hai đơn vị trùng tên, hãy ghi mã đơn vị.`;
    case 'field':
      return 'Lĩnh vực / loại mô hình: chọn trong danh sách thả xuống (hoặc ghi mã lĩnh vực).';
    case 'level':
      return 'Cấp của danh sách (cấp công nhận): chọn trong danh sách thả xuống, ví dụ "Cấp cơ sở".';
    case 'content':
      return kind === 'model' ? 'Nội dung chính của mô hình.' : 'Thành tích, nội dung đăng ký làm theo.';
    case 'goals':
      return 'Mục tiêu của mô hình.';
    case 'commitments':
      return 'Nội dung cam kết.';
    case 'startedOn':
      return 'Ngày bắt đầu thực hiện, dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 17/03/2021. Có thể để trống.';
    case 'listedOn':
      return 'Ngày được đưa vào danh sách (theo văn bản công nhận), dạng dd/mm/yyyy. Có ghi: mô hình vào thẳng danh sách từ ngày đó (cần quyền duyệt ở cấp đó). Để trống: đăng ký được gửi, chờ cấp có thẩm quyền duyệt.';
  }
}

function example(
  kind: ImportKind,
  key: ImportColumnKey,
  fieldName: string | null,
  levelName: string | null,
  unitName: string | null,
): string | Date | null {
  switch (key) {
    case 'name':
      return kind === 'model' ? '"Dân vận khéo" trong cải cách hành chính' : 'Nguyễn Thị Hoa';
    case 'position':
      return 'Chuyên viên';
    case 'unit':
      return unitName;
    case 'field':
      return fieldName;
    case 'level':
      return levelName;
    case 'content':
      return kind === 'model'
        ? 'Rút ngắn thời gian giải quyết thủ tục hành chính; tiếp nhận hồ sơ trực tuyến.'
        : 'Hoàn thành xuất sắc nhiệm vụ 3 năm liền.';
    case 'goals':
      return '100% hồ sơ được giải quyết đúng hạn.';
    case 'commitments':
      return 'Thực hiện nghiêm túc, báo cáo kết quả hằng quý.';
    case 'startedOn':
      return new Date(Date.UTC(2023, 2, 17));
    case 'listedOn':
      return null;
  }
}

export interface TemplateCatalogue {
  fields: Array<{ code: string; name: string }>;
  levels: Array<{ code: string; name: string }>;
  units: Array<{ code: string | null; name: string }>;
}

/** What the user may put in the lists: fields for the kind usable around their units, active levels, the owner's units. */
export async function loadTemplateCatalogue(
  db: Kysely<DB>,
  actor: Actor,
  kind: ImportKind,
  owner: { id: number; path: string } | null,
): Promise<TemplateCatalogue> {
  const scope = scopeOf(actor, 'registry.write');
  let fieldQuery = db
    .selectFrom('model_field as f')
    .leftJoin('org_unit as fu', 'fu.id', 'f.owner_unit_id')
    .select(['f.code', 'f.name'])
    .where('f.active', '=', true)
    .where('f.applies_to', 'in', [kind, 'both']);
  if (owner) {
    fieldQuery = fieldQuery.where((eb) =>
      eb.or([
        eb('f.owner_unit_id', 'is', null),
        sql<boolean>`f.owner_unit_id in (${lineageOf([owner.id])})`,
        sql<boolean>`fu.current_path <@ ${owner.path}::ltree`,
      ]),
    );
  } else if (!scope.all) {
    // catalogues of the units above the actor's granted units (and of their predecessors) apply to them too
    const granted = actor.grants.map((g) => g.unitId);
    fieldQuery = fieldQuery.where((eb) =>
      eb.or([
        eb('f.owner_unit_id', 'is', null),
        sql<boolean>`f.owner_unit_id in (${lineageOf(granted)})`,
        pathColumnInScope(scope, sql.ref('fu.current_path'), sql.ref('fu.id')),
      ]),
    );
  }
  const fields = await fieldQuery.orderBy('f.sort_order').orderBy('f.name').execute();
  const levels = await db
    .selectFrom('org_level')
    .select(['code', 'name'])
    .where('active', '=', true)
    .orderBy('rank')
    .execute();
  let units: TemplateCatalogue['units'] = [];
  if (owner) {
    const today = todayInVietnam();
    units = await db
      .selectFrom('org_unit as u')
      .innerJoin('org_unit_version as v', 'v.unit_id', 'u.id')
      .select(['u.code', 'v.name'])
      .where(sql<boolean>`u.current_path <@ ${owner.path}::ltree`)
      .where('u.ended_on', 'is', null)
      .where(sql<boolean>`v.valid_from <= ${today}::date and (v.valid_to is null or v.valid_to > ${today}::date)`)
      .where(pathColumnInScope(scope, sql.ref('u.current_path'), sql.ref('u.id')))
      .orderBy('v.sort_key')
      .limit(5000)
      .execute();
  }
  return { fields, levels, units };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FF9BB7D4' } },
  bottom: { style: 'thin', color: { argb: 'FF9BB7D4' } },
  left: { style: 'thin', color: { argb: 'FF9BB7D4' } },
  right: { style: 'thin', color: { argb: 'FF9BB7D4' } },
};

function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/** The template as an .xlsx buffer. */
export async function buildTemplate(
  kind: ImportKind,
  catalogue: TemplateCatalogue,
  ownerName: string | null,
): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'Điển hình';
  workbook.created = new Date();
  const columns = importColumnsFor(kind);
  const kindLabel = IMPORT_KIND_LABELS[kind];

  // ---- Hướng dẫn ----
  const guide = workbook.addWorksheet(GUIDE_SHEET, { properties: { tabColor: { argb: 'FF2F75B5' } } });
  guide.columns = [{ width: 28 }, { width: 12 }, { width: 90 }];
  guide.addRow([`MẪU NHẬP DANH SÁCH ${kindLabel.toUpperCase()}`]).font = { bold: true, size: 14 };
  guide.mergeCells('A1:C1');
  guide.addRow([`Tải về ngày ${formatDateVi(todayInVietnam())}${ownerName ? ` — đơn vị: ${ownerName}` : ''}`]).font = {
    italic: true,
  };
  guide.addRow([]);
  const steps = [
    `1. Điền mỗi ${kindLabel} vào một dòng của trang "${DATA_SHEET}", bắt đầu từ dòng 3 (dòng 2 là ví dụ, có chữ "Ví dụ" ở cột STT: dòng đó không được nhập; có thể xóa).`,
    '2. Không đổi tên các cột ở dòng 1, không gộp ô (merge) trong vùng dữ liệu, không chèn dòng tiêu đề phụ. Có thể thêm cột khác: cột lạ được bỏ qua.',
    `3. Cột có dấu * là bắt buộc. Tối đa ${IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng mỗi tệp.`,
    '4. Tên đơn vị, lĩnh vực, cấp, họ tên được so khớp không phân biệt chữ hoa, chữ thường, có dấu hay không dấu.',
    '5. Ngày ghi dạng ngày/tháng/năm (17/03/2021) hoặc định dạng ngày của Excel. Ô có công thức phải có kết quả (hãy lưu tệp bằng Excel trước khi tải lên).',
    '6. Lưu tệp dạng .xlsx rồi tải lên. Hệ thống đọc tệp, báo lỗi theo từng dòng, từng cột để sửa; chỉ khi bấm "Ghi vào danh sách" mới ghi, và ghi tất cả các dòng hoặc không ghi dòng nào.',
  ];
  for (const step of steps) {
    const row = guide.addRow([step]);
    guide.mergeCells(`A${row.number}:C${row.number}`);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.height = 32;
  }
  guide.addRow([]);
  const head = guide.addRow(['Cột', 'Bắt buộc', 'Cách ghi']);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = BORDER;
  });
  const fieldName = catalogue.fields[0]?.name ?? null;
  const levelName = catalogue.levels.find((l) => l.code === 'co_so')?.name ?? catalogue.levels[0]?.name ?? null;
  guide
    .addRow(['STT', '', 'Số thứ tự, không bắt buộc. Dòng có chữ "Ví dụ" ở cột này được bỏ qua.'])
    .eachCell((c) => (c.border = BORDER));
  for (const column of columns) {
    const row = guide.addRow([column.label[kind], column.required ? 'Có' : '', help(kind, column.key, ownerName)]);
    row.alignment = { wrapText: true, vertical: 'top' };
    row.eachCell((c) => (c.border = BORDER));
  }
  guide.addRow([]);
  guide.addRow([`Lĩnh vực được dùng (${catalogue.fields.length}):`]).font = { bold: true };
  for (const f of catalogue.fields) guide.addRow([f.name, '', `mã: ${f.code}`]);
  if (catalogue.fields.length === 0)
    guide.addRow(['(chưa có lĩnh vực nào trong danh mục — hãy đề nghị quản trị viên bổ sung)']);
  guide.addRow([]);
  guide.addRow(['Các cấp:']).font = { bold: true };
  for (const l of catalogue.levels) guide.addRow([l.name, '', `mã: ${l.code}`]);

  // ---- Danh mục (hidden): the drop-down lists ----
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  lists.columns = [
    { header: 'Lĩnh vực', width: 40 },
    { header: 'Cấp', width: 30 },
    { header: 'Đơn vị', width: 50 },
  ];
  const longest = Math.max(catalogue.fields.length, catalogue.levels.length, catalogue.units.length);
  for (let i = 0; i < longest; i++) {
    lists.addRow([
      catalogue.fields[i]?.name ?? null,
      catalogue.levels[i]?.name ?? null,
      catalogue.units[i]?.name ?? null,
    ]);
  }
  const listRef = (col: string, count: number) => `'${LISTS_SHEET}'!$${col}$2:$${col}$${count + 1}`;

  // ---- Danh sách ----
  const sheet = workbook.addWorksheet(DATA_SHEET, {
    views: [{ state: 'frozen', ySplit: 1 }],
    properties: { tabColor: { argb: 'FF70AD47' } },
  });
  sheet.columns = [
    { key: 'stt', width: 8 },
    ...columns.map((c) => ({ key: c.key, width: WIDTHS[c.key], style: c.date ? { numFmt: 'dd/mm/yyyy' } : {} })),
  ];
  const header = sheet.getRow(1);
  header.values = ['STT', ...columns.map((c) => `${c.label[kind]}${c.required ? ' *' : ''}`)];
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 32;
  header.eachCell((c) => {
    c.fill = HEADER_FILL;
    c.border = BORDER;
  });
  const unitName = ownerName;
  const exampleRow = sheet.getRow(2);
  exampleRow.values = ['Ví dụ', ...columns.map((c) => example(kind, c.key, fieldName, levelName, unitName))];
  exampleRow.font = { italic: true, color: { argb: 'FF808080' } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length + 1 } };

  const validate = (key: ImportColumnKey, col: string, count: number, title: string) => {
    const index = columns.findIndex((c) => c.key === key);
    if (index < 0 || count === 0) return;
    const letter = colLetter(index + 2);
    // exceljs has data validations on ranges, but its typings do not declare them
    (
      sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }
    ).dataValidations.add(`${letter}2:${letter}${VALIDATED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [listRef(col, count)],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: title,
      error: `Giá trị không có trong danh mục ${title.toLowerCase()}. Hãy chọn trong danh sách thả xuống (hoặc ghi mã).`,
      showInputMessage: true,
      promptTitle: title,
      prompt: 'Chọn trong danh sách thả xuống.',
    });
  };
  validate('field', 'A', catalogue.fields.length, 'Lĩnh vực');
  validate('level', 'B', catalogue.levels.length, 'Cấp');
  validate('unit', 'C', catalogue.units.length, 'Đơn vị');

  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 2, visibility: 'visible' }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
