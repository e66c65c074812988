/**
 * Nhập danh sách từ Excel, bước 1 — read the file, check every row, keep the
 * file and record the import as 'previewed'. A file that is not a readable
 * list is refused before anything is written (no stored file, no import row).
 */
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { ImportKind, TImportPreview } from '../../../common/schemas/registry-excel.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { requireActor, type RequestContext } from '../../lib/context.ts';
import { extensionOf, saveUpload } from '../../documents/storage.ts';
import { parseImportFile } from '../parse.ts';
import { checkRows, type CheckedRow, type ImportOwner } from '../validate.ts';

export interface PreviewInput {
  kind: ImportKind;
  owner: ImportOwner;
  fileName: string;
  content: Buffer;
}

export interface StorageConfig {
  filesDir: string;
  maxUploadBytes: number;
}

export function summarize(rows: CheckedRow[]): TImportPreview['summary'] {
  const clean = rows.filter((r) => r.problems.length === 0);
  return {
    rows: rows.length,
    clean: clean.length,
    withProblems: rows.length - clean.length,
    toAccept: clean.filter((r) => r.listedOn !== null).length,
    toSubmit: clean.filter((r) => r.listedOn === null).length,
  };
}

export const presentRows = (rows: CheckedRow[]) =>
  rows.map((r) => ({
    index: r.index,
    rowNumber: r.rowNumber,
    values: r.values,
    problems: r.problems,
  }));

/** The file keeps the name the user gave it, with an .xlsx extension (what it is). */
function storedName(name: string): string {
  if (extensionOf(name) === 'xlsx') return name;
  const base = name.replace(/\.[^.]*$/, '') || 'danh-sach';
  return `${base}.xlsx`;
}

export async function previewImport(
  db: Kysely<DB>,
  ctx: RequestContext,
  storage: StorageConfig,
  input: PreviewInput,
): Promise<TImportPreview> {
  const actor = requireActor(ctx);
  const parsed = await parseImportFile(input.content, input.kind, input.fileName);
  const rows = await checkRows(db, ctx, input.kind, input.owner, parsed.rows);

  const saved = await saveUpload(
    storage.filesDir,
    Readable.from([input.content]),
    storedName(input.fileName),
    storage.maxUploadBytes,
  );
  const { importId, fileId } = await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const file = await trx
      .insertInto('stored_file')
      .values({
        sha256: saved.sha256,
        storage_key: saved.storageKey,
        original_name: saved.originalName,
        mime_type: saved.mimeType,
        size_bytes: saved.sizeBytes,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('registry_import')
      .values({
        owner_unit_id: input.owner.id,
        file_id: file.id,
        kind: input.kind,
        status: 'previewed',
        row_count: rows.length,
        created_by: actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'file.uploaded',
      entityType: 'registry_import',
      entityId: row.id,
      unitId: input.owner.id,
      summary: `Tải lên tệp "${saved.originalName}" để nhập danh sách ${input.kind === 'model' ? 'mô hình' : 'điển hình'} của "${input.owner.name}" (${rows.length} dòng, chưa ghi vào danh sách)`,
      after: {
        fileId: file.id,
        originalName: saved.originalName,
        sizeBytes: saved.sizeBytes,
        sha256: saved.sha256,
        rowCount: rows.length,
      },
    });
    return { importId: row.id, fileId: file.id };
  });

  const columns: Record<string, string> = {};
  for (const [key, header] of Object.entries(parsed.columns)) if (header) columns[key] = header;
  return {
    importId,
    fileId,
    fileName: saved.originalName,
    kind: input.kind,
    ownerUnitId: input.owner.id,
    sheetName: parsed.sheetName,
    columns,
    rows: presentRows(rows),
    summary: summarize(rows),
  };
}
