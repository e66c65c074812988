/**
 * The registry list as a real .xlsx: the same filters and the same scope as
 * GET /registry/entries (the registry's own applyFilter / scopedEntries), in
 * Vietnamese name order, unit names as of the chosen date, dates as Excel
 * dates shown dd/mm/yyyy. Written with exceljs' streaming WorkbookWriter and
 * read from the database in keyset pages, so a national list costs little memory.
 */
import { PassThrough } from 'node:stream';
import { loadExcelJS } from '../docgen/lazy-libs.ts';
import { sql, type Kysely } from 'kysely';
import { formatDateTimeVi, formatDateVi } from '../../common/dates.ts';
import { ENTRY_KIND_LABELS, ENTRY_STATUS_LABELS, type EntryKind } from '../../common/schemas/registry.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { unitNameOn } from '../registry/entry-scope.ts';
import { applyFilter, scopedEntries, type EntryFilter } from '../registry/queries.ts';

const PAGE = 2000;
const HEADER_ROW = 4;

export type ExportFilter = Omit<EntryFilter, 'page' | 'pageSize'>;

export interface ExportLabels {
  unitName?: string;
  levelName?: string;
  fieldName?: string;
  planTitle?: string;
  monitorName?: string;
}

function exportQuery(db: Kysely<DB>, actor: Actor, filter: ExportFilter) {
  const asOf = filter.asOf;
  return applyFilter(scopedEntries(db, actor), filter as Partial<EntryFilter>).select([
    'e.id',
    'e.kind',
    'e.name',
    'e.sort_key',
    'e.status',
    'e.position',
    'e.started_on',
    'p.full_name as person_name',
    unitNameOn('e.owner_unit_id', asOf).as('owner_name'),
    'f.name as field_name',
    'l.name as level_name',
    sql<string | null>`(select min(s.valid_from)::text from registry_span s where s.entry_id = e.id)`.as('listed_on'),
    sql<
      string | null
    >`(select string_agg(mu.full_name, ', ' order by mu.full_name) from registry_monitor m join app_user mu on mu.id = m.user_id where m.entry_id = e.id and m.unassigned_on is null)`.as(
      'monitors',
    ),
  ]);
}

export async function countExport(db: Kysely<DB>, actor: Actor, filter: ExportFilter): Promise<number> {
  const { total } = await applyFilter(scopedEntries(db, actor), filter as Partial<EntryFilter>)
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return Number(total);
}

const isoToExcel = (iso: string | null): Date | null => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);

function titleOf(kind: EntryKind | undefined): string {
  if (kind === 'model') return 'DANH SÁCH MÔ HÌNH';
  if (kind === 'exemplar') return 'DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN';
  return 'DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN';
}

/** "Danh-sách-mô-hình-2026-11-28.xlsx" (Content-Disposition gives an ASCII fallback). */
export function exportFileName(kind: EntryKind | undefined, date: string): string {
  const what = kind === 'model' ? 'mô-hình' : kind === 'exemplar' ? 'điển-hình' : 'mô-hình-điển-hình';
  return `Danh-sách-${what}-${date}.xlsx`;
}

export function describeFilter(filter: ExportFilter, labels: ExportLabels): string {
  const parts: string[] = [];
  if (filter.kind) parts.push(`Loại: ${ENTRY_KIND_LABELS[filter.kind]}`);
  if (labels.unitName) parts.push(`Đơn vị: ${labels.unitName} (kể cả các đơn vị trực thuộc)`);
  if (labels.levelName) parts.push(`Cấp: ${labels.levelName}`);
  if (labels.fieldName) parts.push(`Lĩnh vực: ${labels.fieldName}`);
  if (filter.status) parts.push(`Trạng thái: ${ENTRY_STATUS_LABELS[filter.status]}`);
  if (labels.planTitle) parts.push(`Kế hoạch: ${labels.planTitle}`);
  if (labels.monitorName) parts.push(`Người theo dõi: ${labels.monitorName}`);
  if (filter.onDate) parts.push(`Có trong danh sách ngày ${formatDateVi(filter.onDate)}`);
  if (filter.q) parts.push(`Từ khóa: "${filter.q}"`);
  parts.push(`Tên đơn vị theo ngày ${formatDateVi(filter.asOf)}`);
  return parts.join('; ');
}

interface Column {
  header: string;
  width: number;
  date?: boolean;
  wrap?: boolean;
}

/**
 * Stream the workbook. Returns at once with the stream to send; rows are
 * written as pages arrive. A failure half-way destroys the stream (the
 * download breaks rather than ending in a truncated but valid-looking file).
 */
export async function streamExport(
  db: Kysely<DB>,
  actor: Actor,
  filter: ExportFilter,
  labels: ExportLabels,
  total: number,
  now = new Date(),
): Promise<PassThrough> {
  const ExcelJS = await loadExcelJS();
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Điển hình';
  workbook.created = now;

  const exemplarOnly = filter.kind === 'exemplar';
  const both = !filter.kind;
  const columns: Column[] = [
    { header: 'STT', width: 7 },
    ...(both ? [{ header: 'Loại', width: 14 }] : []),
    {
      header: filter.kind === 'model' ? 'Tên mô hình' : exemplarOnly ? 'Họ và tên' : 'Tên mô hình / Họ và tên',
      width: 46,
      wrap: true,
    },
    ...(filter.kind === 'model' ? [] : [{ header: 'Chức vụ', width: 24, wrap: true }]),
    { header: 'Đơn vị', width: 40, wrap: true },
    { header: 'Lĩnh vực', width: 28, wrap: true },
    { header: 'Cấp', width: 20 },
    { header: 'Trạng thái', width: 22 },
    { header: 'Ngày bắt đầu thực hiện', width: 14, date: true },
    { header: 'Ngày đưa vào danh sách', width: 14, date: true },
    { header: 'Người theo dõi', width: 30, wrap: true },
  ];
  const lastCol = columns.length;
  const sheet = workbook.addWorksheet('Danh sách', {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 0 }],
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
  });
  sheet.columns = columns.map((c, i) => ({
    key: `c${i}`,
    width: c.width,
    style: c.date
      ? { numFmt: 'dd/mm/yyyy', alignment: { horizontal: 'center', vertical: 'top' } }
      : { alignment: { vertical: 'top', wrapText: Boolean(c.wrap) } },
  }));
  sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: lastCol } };

  const title = sheet.getRow(1);
  title.getCell(1).value = titleOf(filter.kind);
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { horizontal: 'center' };
  title.height = 22;
  sheet.mergeCells(1, 1, 1, lastCol);
  title.commit();
  const description = sheet.getRow(2);
  description.getCell(1).value = describeFilter(filter, labels);
  description.getCell(1).font = { italic: true };
  description.getCell(1).alignment = { horizontal: 'center', wrapText: true };
  description.height = 30;
  sheet.mergeCells(2, 1, 2, lastCol);
  description.commit();
  const count = sheet.getRow(3);
  count.getCell(1).value =
    `Tổng số: ${total.toLocaleString('vi-VN')} — xuất lúc ${formatDateTimeVi(now)} bởi ${actor.fullName}`;
  count.getCell(1).font = { size: 9, color: { argb: 'FF595959' } };
  sheet.mergeCells(3, 1, 3, lastCol);
  count.commit();
  const header = sheet.getRow(HEADER_ROW);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    cell.border = {
      top: { style: 'thin' },
      bottom: { style: 'thin' },
      left: { style: 'thin' },
      right: { style: 'thin' },
    };
  });
  header.height = 32;
  header.commit();

  const run = async () => {
    let n = 0;
    let last: { key: string; id: number } | null = null;
    for (;;) {
      let query = exportQuery(db, actor, filter);
      if (last) {
        const { key, id } = last;
        query = query.where(
          sql<boolean>`(e.sort_key collate "C" > ${key} collate "C" or (e.sort_key = ${key} and e.id > ${id}))`,
        );
      }
      const rows = await query
        .orderBy(sql`e.sort_key collate "C"`)
        .orderBy('e.id')
        .limit(PAGE)
        .execute();
      for (const r of rows) {
        n++;
        const values: Array<string | number | Date | null> = [n];
        if (both) values.push(r.kind === 'model' ? 'Mô hình' : 'Điển hình');
        values.push(r.kind === 'exemplar' ? (r.person_name ?? r.name) : r.name);
        if (filter.kind !== 'model') values.push(r.position);
        values.push(
          r.owner_name,
          r.field_name,
          r.level_name,
          ENTRY_STATUS_LABELS[r.status],
          isoToExcel(r.started_on),
          isoToExcel(r.listed_on),
          r.monitors,
        );
        sheet.addRow(values).commit();
      }
      if (rows.length < PAGE) break;
      const tail = rows[rows.length - 1]!;
      last = { key: tail.sort_key, id: tail.id };
    }
    sheet.commit();
    await workbook.commit();
  };
  run().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
