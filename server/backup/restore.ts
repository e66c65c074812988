/**
 * Restore: an archive into an empty target (database + FILES_DIR), or into any target with `force`,
 * which wipes it first. Nothing changes until the whole archive has been verified (checksums, known
 * schema). Then the target is migrated to exactly the archive's migration, loaded in one transaction
 * (server/backup/load.ts), migrated to the latest — so an old archive restores into new code — and
 * the files are moved into place. The restore itself is the restored log's next audit event.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Migrator, sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { migrations } from '../db/migrations/index.ts';
import { writeTransaction } from '../lib/audit.ts';
import { systemContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { readArchive } from './archive-reader.ts';
import { appliedMigrations, userDataTables, type ChainHead } from './catalog.ts';
import { filesDirHasFiles } from './files.ts';
import { loadDatabase } from './load.ts';
import { fileEntryName, formatBytes, type Manifest, type MissingFile } from './manifest.ts';

export interface RestoreTarget {
  db: Kysely<DB>;
  filesDir: string;
}

export interface RestoreOptions {
  /** Wipe a target that holds data (its database schema and FILES_DIR) instead of refusing. */
  force?: boolean;
  /** Progress lines for the command line. */
  log?: (line: string) => void;
}

export interface RestoreResult {
  manifest: Manifest;
  archiveSha256: string;
  tables: number;
  rows: number;
  files: number;
  missingFiles: MissingFile[];
  /** The audit chain rebuilt by the restore ends where the archive says it ended (null: the archive predates the chain). */
  auditChainMatches: boolean | null;
  auditChain: ChainHead | null;
  /** Migrations applied after loading (the archive was older than the code). */
  upgradedWith: string[];
  durationMs: number;
}

/** Kysely reports a failed migration as unknown: usually an Error already, else its value in words. */
function migrationError(error: unknown): Error {
  if (error instanceof Error) return error;
  return new Error(typeof error === 'string' ? error : JSON.stringify(error));
}

const migrator = (db: Kysely<DB>) =>
  new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });

/** Refuses an archive whose schema the code does not know: made by a newer version, or by another branch. */
export function assertKnownSchema(manifest: Manifest): void {
  const known = Object.keys(migrations);
  const unknown = manifest.migrations.filter((m) => !known.includes(m));
  if (unknown.length > 0) {
    throw new AppError(
      'INVALID_STATE',
      `Bản sao lưu có cấu trúc dữ liệu mới hơn chương trình này (migration ${unknown.join(', ')} chưa có ở đây; bản sao lưu làm bằng phiên bản ${manifest.app.version}). ` +
        'Hãy cài phiên bản chương trình mới bằng hoặc mới hơn rồi khôi phục; không có gì bị thay đổi.',
    );
  }
  if (!manifest.lastMigration)
    throw new AppError(
      'VALIDATION',
      'Bản sao lưu được làm từ một cơ sở dữ liệu chưa có cấu trúc (chưa migrate): không có gì để khôi phục.',
    );
}

function isPrefix(applied: string[], archive: string[]): boolean {
  return applied.length <= archive.length && applied.every((m, i) => archive[i] === m);
}

/** Drops everything the application created — tables, functions, triggers, extensions — by dropping the schema. */
async function resetSchema(db: Kysely<DB>): Promise<void> {
  await sql`drop schema if exists public cascade`.execute(db);
  await sql`create schema public`.execute(db);
  // As PostgreSQL creates it: everyone may use it, only its owner creates in it.
  await sql`grant usage on schema public to public`.execute(db);
}

/**
 * Empties the file store: its content-addressed folders (ab/…) and uploads in flight (tmp) — nothing
 * else, so a FILES_DIR set to a folder that also holds other things (even DATA_DIR) loses only stored files.
 */
async function clearFileStore(dir: string): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  for (const name of entries) {
    if (/^[0-9a-f]{2}$/.test(name) || name === 'tmp') await rm(path.join(dir, name), { recursive: true, force: true });
  }
}

async function describeTarget(db: Kysely<DB>, filesDir: string): Promise<string[]> {
  const problems: string[] = [];
  const tables = await userDataTables(db);
  if (tables.length > 0)
    problems.push(
      `cơ sở dữ liệu đang có dữ liệu (các bảng ${tables.slice(0, 5).join(', ')}${tables.length > 5 ? ', …' : ''})`,
    );
  if (await filesDirHasFiles(filesDir)) problems.push(`thư mục tệp ${filesDir} đang có tệp`);
  return problems;
}

export async function restoreArchive(
  archivePath: string,
  target: RestoreTarget,
  options: RestoreOptions = {},
): Promise<RestoreResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const { db, filesDir } = target;

  log(`Kiểm tra bản sao lưu ${path.basename(archivePath)} …`);
  const verified = await readArchive(archivePath);
  const manifest = verified.manifest;
  assertKnownSchema(manifest);

  const problems = await describeTarget(db, filesDir);
  if (problems.length > 0 && !options.force) {
    throw new AppError(
      'INVALID_STATE',
      `Nơi khôi phục không trống: ${problems.join('; ')}. Chỉ khôi phục vào nơi trống; muốn xóa sạch rồi khôi phục, chạy lại với --force. Chưa có gì bị thay đổi.`,
    );
  }
  const applied = await appliedMigrations(db);
  if (options.force || !isPrefix(applied, manifest.migrations)) {
    // Forced, or an empty target migrated past the archive (migrations only go forward): start from nothing.
    log(
      options.force && problems.length > 0
        ? 'Xóa sạch nơi khôi phục (--force) …'
        : 'Tạo lại cấu trúc cơ sở dữ liệu trống …',
    );
    await resetSchema(db);
  }
  if (options.force) await clearFileStore(filesDir);

  const { error } = await migrator(db).migrateTo(manifest.lastMigration!);
  if (error) throw migrationError(error);

  await mkdir(filesDir, { recursive: true });
  const staging = path.join(filesDir, `.restore-${randomBytes(6).toString('hex')}`);
  try {
    log('Giải nén và kiểm tra lại từng phần …');
    await readArchive(archivePath, staging);
    log(`Nạp ${manifest.tables.length} bảng …`);
    const loaded = await loadDatabase(db, staging, manifest);
    const auditChainMatches = manifest.auditChain
      ? loaded.auditChain?.seq === manifest.auditChain.seq && loaded.auditChain?.hash === manifest.auditChain.hash
      : null;

    const { error: upgradeError, results } = await migrator(db).migrateToLatest();
    if (upgradeError) throw migrationError(upgradeError);
    const upgradedWith = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);

    for (const f of manifest.files) {
      const to = path.join(filesDir, f.key);
      await mkdir(path.dirname(to), { recursive: true });
      await rename(path.join(staging, fileEntryName(f.key)), to);
    }

    const fileBytes = manifest.files.reduce((s, f) => s + f.bytes, 0);
    await writeTransaction(db, systemContext, async ({ audit }) => {
      await audit({
        action: 'backup.restored',
        entityType: 'backup',
        entityId: null,
        unitId: null,
        summary:
          `Khôi phục dữ liệu từ bản sao lưu ${path.basename(archivePath)} (lập lúc ${manifest.createdAt}, phiên bản ${manifest.app.version}): ` +
          `${loaded.rows} dòng, ${manifest.files.length} tệp (${formatBytes(fileBytes)})` +
          (manifest.missingFiles.length > 0 ? `, ${manifest.missingFiles.length} tệp đã thiếu từ lúc sao lưu` : '') +
          (auditChainMatches === false
            ? '. CẢNH BÁO: chuỗi nhật ký khôi phục không khớp mã niêm phong trong bản sao lưu'
            : ''),
        after: {
          archive: path.basename(archivePath),
          sha256: verified.sha256,
          manifestAuditChain: manifest.auditChain,
          restoredAuditChain: loaded.auditChain,
        },
      });
    });

    return {
      manifest,
      archiveSha256: verified.sha256,
      tables: loaded.tables,
      rows: loaded.rows,
      files: manifest.files.length,
      missingFiles: manifest.missingFiles,
      auditChainMatches,
      auditChain: loaded.auditChain,
      upgradedWith,
      durationMs: Date.now() - started,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
