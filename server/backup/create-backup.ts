/**
 * One backup: the database snapshot (dump.ts) staged next to the archive, the files it references
 * checked (files.ts), the manifest, then one .tar.gz in BACKUP_DIR (archive-writer.ts):
 * manifest.json first, the table parts, the files. BACKUP_DIR is created private (0700) and archives
 * are 0600: they hold every account's password hash.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { writeArchive, type ArchiveEntry } from './archive-writer.ts';
import { dumpDatabase } from './dump.ts';
import { checkFiles } from './files.ts';
import {
  APP_VERSION,
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  ARCHIVE_NAME,
  archiveBaseName,
  archiveSortKey,
  fileEntryName,
  keySha256,
  MANIFEST_ENTRY,
  type Manifest,
} from './manifest.ts';

export interface BackupLocations {
  filesDir: string;
  backupDir: string;
}

export interface BackupOutcome {
  fileName: string;
  path: string;
  sizeBytes: number;
  sha256: string;
  manifest: Manifest;
  /** Milliseconds: the snapshot (on PGlite, what the server waited), checking files, writing the archive, all. */
  timings: { snapshotMs: number; filesMs: number; archiveMs: number; totalMs: number };
}

export const engineOfVersion = (serverVersion: string): Manifest['engine'] =>
  /pglite/i.test(serverVersion) ? 'pglite' : 'postgres';

function freeName(dir: string, at: Date): string {
  const base = archiveBaseName(at);
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.tar.gz` : `${base}-${n}.tar.gz`;
    if (!existsSync(path.join(dir, name)) && !existsSync(path.join(dir, `${name}.partial`))) return name;
  }
}

/** Leftovers of a run that was killed (staging folders, half-written archives), once a day old — never a live run's. */
async function removeLeftovers(backupDir: string): Promise<void> {
  for (const name of await readdir(backupDir).catch(() => [] as string[])) {
    if (!name.startsWith('.staging-') && !name.endsWith('.tar.gz.partial')) continue;
    const full = path.join(backupDir, name);
    const info = await stat(full).catch(() => null);
    if (info && Date.now() - info.mtimeMs > 24 * 3_600_000) await rm(full, { recursive: true, force: true });
  }
}

export async function createBackup(db: Kysely<DB>, where: BackupLocations, now = new Date()): Promise<BackupOutcome> {
  const started = Date.now();
  await mkdir(where.backupDir, { recursive: true, mode: 0o700 });
  await removeLeftovers(where.backupDir);
  const staging = path.join(where.backupDir, `.staging-${randomBytes(6).toString('hex')}`);
  await mkdir(staging, { mode: 0o700 });
  try {
    const dump = await dumpDatabase(db, staging);
    const filesStarted = Date.now();
    const checked = await checkFiles(where.filesDir, dump.fileKeys);
    const filesMs = Date.now() - filesStarted;
    const manifest: Manifest = {
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_FORMAT_VERSION,
      app: { name: 'Điển hình', version: APP_VERSION },
      createdAt: now.toISOString(),
      node: os.hostname(),
      engine: engineOfVersion(dump.serverVersion),
      serverVersion: dump.serverVersion,
      migrations: dump.migrations,
      lastMigration: dump.migrations.at(-1) ?? null,
      tables: dump.tables,
      sequences: dump.sequences,
      files: checked.files,
      missingFiles: checked.missing,
      auditChain: dump.auditChain,
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 1)}\n`, 'utf8');
    const entries: ArchiveEntry[] = [
      { name: MANIFEST_ENTRY, size: manifestBytes.length, source: manifestBytes },
      ...dump.tables.map((t) => ({
        name: t.part,
        size: t.bytes,
        source: path.join(staging, t.part),
        sha256: t.sha256,
      })),
      ...checked.files.map((f) => ({
        name: fileEntryName(f.key),
        size: f.bytes,
        source: path.join(where.filesDir, f.key),
        sha256: keySha256(f.key),
      })),
    ];
    const archiveStarted = Date.now();
    const fileName = freeName(where.backupDir, now);
    const target = path.join(where.backupDir, fileName);
    const written = await writeArchive(target, entries, now);
    await chmod(where.backupDir, 0o700).catch(() => undefined);
    return {
      fileName,
      path: target,
      sizeBytes: written.bytes,
      sha256: written.sha256,
      manifest,
      timings: {
        snapshotMs: dump.snapshotMs,
        filesMs,
        archiveMs: Date.now() - archiveStarted,
        totalMs: Date.now() - started,
      },
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Deletes the oldest of this app's archives in BACKUP_DIR beyond the newest `keep`; returns their names. */
export async function pruneArchives(backupDir: string, keep: number): Promise<string[]> {
  const names = (await readdir(backupDir).catch(() => [] as string[])).filter((n) => ARCHIVE_NAME.test(n));
  names.sort((a, b) => (archiveSortKey(b)! < archiveSortKey(a)! ? -1 : 1));
  const old = names.slice(Math.max(1, keep));
  for (const name of old) {
    await rm(path.join(backupDir, name), { force: true });
    await rm(path.join(backupDir, `${name}.sha256`), { force: true });
  }
  return old;
}
