/** Test helpers for Excel import/export: a catalogue, people, xlsx files built with exceljs, multipart with fields. */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { foldVietnamese } from '../../common/vn-text.ts';
import type { DB } from '../db/schema.ts';
import type { App } from '../lib/http.ts';
import { derivedColumns } from '../people/person-record.ts';
import type { Session } from '../test/harness.ts';

/** A field (lĩnh vực) with a criteria set effective from 2020. */
export async function buildField(
  db: Kysely<DB>,
  overrides: { code: string; name: string; appliesTo?: 'model' | 'exemplar' | 'both'; ownerUnitId?: number | null },
) {
  const field = await db
    .insertInto('model_field')
    .values({
      code: overrides.code,
      name: overrides.name,
      applies_to: overrides.appliesTo ?? 'both',
      owner_unit_id: overrides.ownerUnitId ?? null,
      search_text: foldVietnamese(`${overrides.code} ${overrides.name}`),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('criteria_set')
    .values({ field_id: field.id, version: 1, effective_from: '2020-01-01' })
    .execute();
  return field.id;
}

export async function buildCatalogue(db: Kysely<DB>) {
  const admin = await buildField(db, { code: 'CCHC', name: 'Cải cách hành chính' });
  const economy = await buildField(db, { code: 'KT', name: 'Phát triển kinh tế' });
  const culture = await buildField(db, { code: 'VH', name: 'Văn hóa - xã hội' });
  return { admin, economy, culture };
}

export async function buildPerson(
  db: Kysely<DB>,
  unitId: number,
  fullName: string,
  position: string | null = 'Chuyên viên',
) {
  const row = await db
    .insertInto('person')
    .values({
      ...derivedColumns(fullName, position),
      position,
      unit_id: unitId,
      party_member: true,
      gender: null,
      birth_year: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type Cell = string | number | Date | null | ExcelJS.CellValue;

/** An .xlsx with one sheet: optional rows above the header, the header, the data rows. */
export async function xlsx(options: {
  sheet?: string;
  header: string[];
  rows: Cell[][];
  above?: Cell[][];
  extraSheets?: string[];
  merge?: string[];
  dateFormat?: boolean;
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const name of options.extraSheets ?? []) workbook.addWorksheet(name).addRow(['ghi chú']);
  const sheet = workbook.addWorksheet(options.sheet ?? 'Danh sách');
  for (const row of options.above ?? []) sheet.addRow(row);
  sheet.addRow(options.header);
  for (const row of options.rows) {
    const added = sheet.addRow(row);
    added.eachCell((cell) => {
      if (cell.value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
    });
  }
  for (const range of options.merge ?? []) sheet.mergeCells(range);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const MODEL_HEADER = [
  'STT',
  'Tên mô hình *',
  'Đơn vị',
  'Lĩnh vực *',
  'Cấp *',
  'Nội dung',
  'Ngày bắt đầu thực hiện',
  'Ngày đưa vào danh sách',
];

/** multipart/form-data with text fields and one file. */
export function multipart(
  fields: Record<string, string>,
  file: { name: string; content: Buffer; field?: string } | null,
) {
  const boundary = `----dhx${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

export async function uploadImport(
  app: App,
  session: Session,
  fields: { kind: string; ownerUnitId: number | string },
  content: Buffer,
  name = 'danh-sach.xlsx',
): Promise<LightMyRequestResponse> {
  const body = multipart({ kind: fields.kind, ownerUnitId: String(fields.ownerUnitId) }, { name, content });
  return app.inject({
    method: 'POST',
    url: '/api/v1/registry/import',
    headers: { ...session.headers, 'content-type': body.contentType },
    payload: body.payload,
  });
}

/** Download a binary answer through inject. */
export async function download(app: App, session: Session, url: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'GET', url, headers: session.headers });
}

export async function readWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}
