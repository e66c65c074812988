/**
 * Nhập danh sách từ Excel, bước 2 — re-read the kept file, apply the user's
 * skips and fixes, check every row again, and write ALL rows or none, in one
 * transaction, through the registry's own registerEntries. Rows with a
 * "Ngày đưa vào danh sách" go on the list from that date (span began
 * 'imported'); the others are registered and submitted for acceptance. One
 * audit event 'registry.imported' tells the whole import.
 */
import { readFile } from 'node:fs/promises';
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { TImportCommitBody } from '../../../common/schemas/registry-excel.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction, type AuditEntry } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { AppError, invalidState } from '../../lib/errors.ts';
import { storedPath } from '../../documents/storage.ts';
import { registerEntries } from '../../registry/commands/register-entries.ts';
import { parseImportFile } from '../parse.ts';
import { applyFixes, checkRows, type CheckedRow, type ImportOwner } from '../validate.ts';
import type { ImportView } from '../queries.ts';

export interface CommitResult {
  importId: number;
  status: 'committed';
  createdCount: number;
  accepted: number;
  submitted: number;
  skipped: number;
}

/** The VALIDATION error for rows that still have problems: fields `rows.<index>.<column>`. */
export function rowProblemsError(rows: CheckedRow[]): AppError {
  const bad = rows.filter((r) => r.problems.length > 0);
  const fields = bad.flatMap((r) =>
    r.problems.map((p) => ({ field: `rows.${r.index}.${p.field}`, message: `Dòng ${r.rowNumber}: ${p.message}` })),
  );
  const shown = fields
    .slice(0, 3)
    .map((f) => f.message)
    .join('; ');
  return new AppError(
    'VALIDATION',
    `Chưa ghi gì vào danh sách: ${bad.length} dòng còn lỗi. Hãy sửa hoặc bỏ qua các dòng này rồi ghi lại. ${shown}${fields.length > 3 ? ` (và ${fields.length - 3} lỗi khác)` : ''}`,
    fields,
  );
}

export async function commitImport(
  db: Kysely<DB>,
  ctx: RequestContext,
  filesDir: string,
  imp: ImportView,
  owner: ImportOwner,
  body: { skip: number[]; fixes: TImportCommitBody['fixes'] },
): Promise<CommitResult> {
  if (imp.status !== 'previewed')
    throw invalidState(`Lần nhập số ${imp.id} đã được ghi vào danh sách lúc trước; không ghi lại lần nữa.`);
  const content = await readFile(storedPath(filesDir, imp.storage_key));
  const parsed = await parseImportFile(content, imp.kind, imp.file_name);
  const known = new Set(parsed.rows.map((r) => r.index));
  const unknown = [...body.skip, ...Object.keys(body.fixes ?? {}).map(Number)].filter((i) => !known.has(i));
  if (unknown.length > 0) {
    throw new AppError(
      'VALIDATION',
      `Tệp không có dòng số thứ tự ${[...new Set(unknown)].slice(0, 10).join(', ')} (đánh số từ 0 như trong bản xem trước).`,
      [{ field: 'skip', message: 'Số thứ tự dòng không có trong tệp.' }],
    );
  }
  const rows = applyFixes(parsed.rows, body.skip, body.fixes ?? {});
  if (rows.length === 0)
    throw new AppError('VALIDATION', 'Không còn dòng nào để ghi: mọi dòng đều bị bỏ qua.', [
      { field: 'skip', message: 'Mọi dòng đều bị bỏ qua.' },
    ]);

  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const current = await trx
      .selectFrom('registry_import')
      .select('status')
      .where('id', '=', imp.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (current.status !== 'previewed')
      throw invalidState(`Lần nhập số ${imp.id} vừa được ghi vào danh sách; không ghi lại lần nữa.`);

    const checked = await checkRows(trx, ctx, imp.kind, owner, rows);
    if (checked.some((r) => r.problems.length > 0)) throw rowProblemsError(checked);

    // One registerEntries call per "Ngày đưa vào danh sách" (its accept date), one for the rows submitted for acceptance.
    const groups = new Map<string, CheckedRow[]>();
    for (const row of checked) {
      const key = row.listedOn ?? '';
      const list = groups.get(key) ?? [];
      list.push(row);
      groups.set(key, list);
    }
    // registerEntries records its own summary per call; the import is told once, below, with those summaries inside.
    const batches: AuditEntry[] = [];
    const collect = (entry: AuditEntry) => {
      batches.push(entry);
      return Promise.resolve();
    };
    let accepted = 0;
    let submitted = 0;
    const ids: number[] = [];
    // dated groups in date order, then the rows submitted for acceptance
    const order = [...groups.entries()].sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b)));
    for (const [date, list] of order) {
      const options = date
        ? { accept: { date, documentId: null }, importId: imp.id }
        : { submit: true, importId: imp.id };
      try {
        ids.push(
          ...(await registerEntries(
            trx,
            ctx,
            collect,
            list.map((r) => r.input!),
            options,
          )),
        );
      } catch (error) {
        // Problems are indexed within the batch: name the file's rows instead.
        if (error instanceof AppError && error.code === 'VALIDATION' && error.fields) {
          const fields = error.fields.map((f) => {
            const m = /^rows\.(\d+)\.(.+)$/.exec(f.field);
            const row = m ? list[Number(m[1])] : undefined;
            return row
              ? {
                  field: `rows.${row.index}.${m![2]}`,
                  message: f.message.replace(/^Dòng \d+:/, `Dòng ${row.rowNumber}:`),
                }
              : f;
          });
          throw new AppError(
            'VALIDATION',
            `Chưa ghi gì vào danh sách — ${fields
              .slice(0, 3)
              .map((f) => f.message)
              .join('; ')}`,
            fields,
          );
        }
        throw error;
      }
      if (date) accepted += list.length;
      else submitted += list.length;
    }

    const skipped = parsed.rows.length - rows.length;
    await trx
      .updateTable('registry_import')
      .set({ status: 'committed', created_count: ids.length, committed_at: new Date() })
      .where('id', '=', imp.id)
      .execute();
    const dates = [...groups.keys()].filter(Boolean).sort();
    const what = imp.kind === 'model' ? 'mô hình' : 'điển hình';
    await audit({
      action: 'registry.imported',
      entityType: 'registry_import',
      entityId: imp.id,
      unitId: owner.id,
      summary:
        `Nhập ${ids.length} ${what} của "${owner.name}" từ tệp "${imp.file_name}"` +
        (accepted > 0
          ? `: ${accepted} đưa vào danh sách (${dates.length === 1 ? `ngày ${formatDateVi(dates[0])}` : `từ ${formatDateVi(dates[0])} đến ${formatDateVi(dates[dates.length - 1])}`})`
          : '') +
        (submitted > 0 ? `${accepted > 0 ? ',' : ':'} ${submitted} gửi đăng ký chờ duyệt` : '') +
        (skipped > 0 ? `; bỏ qua ${skipped} dòng` : ''),
      after: {
        importId: imp.id,
        fileId: imp.file_id,
        fileName: imp.file_name,
        kind: imp.kind,
        rowCount: parsed.rows.length,
        createdCount: ids.length,
        accepted,
        submitted,
        skipped,
        fixedRows: Object.keys(body.fixes ?? {}).length,
        firstEntryId: ids.length > 0 ? Math.min(...ids) : null,
        lastEntryId: ids.length > 0 ? Math.max(...ids) : null,
        batches: batches.map((b) => ({ summary: b.summary, after: b.after })),
      },
    });
    return { importId: imp.id, status: 'committed' as const, createdCount: ids.length, accepted, submitted, skipped };
  });
}
