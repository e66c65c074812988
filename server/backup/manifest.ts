/**
 * The archive's table of contents (manifest.json, the archive's first entry) and the names of things.
 *
 * An archive is a .tar.gz holding, in this order:
 *   manifest.json            — this file
 *   database/<table>.jsonl   — one line per row: PostgreSQL's own row_to_json text, never parsed in JS
 *   files/<ab>/<cd>/<sha256> — the uploaded files the snapshot references (content-addressed)
 * and a sidecar `<archive>.sha256` (sha256sum format) for the archive as a whole.
 */
import { z } from 'zod';
import packageJson from '../../package.json' with { type: 'json' };

export const ARCHIVE_FORMAT = 'dienhinh-backup';
export const ARCHIVE_FORMAT_VERSION = 1;

const ZSha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** A content address as in server/documents/storage.ts. */
export const STORAGE_KEY = /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

export const ZManifestTable = z.object({
  name: z.string().regex(/^[a-z_][a-z0-9_]*$/),
  part: z.string(),
  rows: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
  sha256: ZSha256,
  columns: z.array(z.string()),
  generated: z.array(z.string()),
});

export const ZManifestSequence = z.object({
  table: z.string(),
  column: z.string(),
  lastValue: z.string().regex(/^-?\d+$/),
  isCalled: z.boolean(),
});

export const ZMissingFile = z.object({
  key: z.string(),
  reason: z.enum(['missing', 'corrupt']),
});
export type MissingFile = z.infer<typeof ZMissingFile>;

export const ZManifest = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.number().int().positive(),
  app: z.object({ name: z.string(), version: z.string() }),
  createdAt: z.string(),
  node: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  serverVersion: z.string(),
  migrations: z.array(z.string()),
  lastMigration: z.string().nullable(),
  tables: z.array(ZManifestTable),
  sequences: z.array(ZManifestSequence),
  files: z.array(z.object({ key: z.string().regex(STORAGE_KEY), bytes: z.number().int().nonnegative() })),
  missingFiles: z.array(ZMissingFile),
  auditChain: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
});
export type Manifest = z.infer<typeof ZManifest>;

export const MANIFEST_ENTRY = 'manifest.json';
export const partName = (table: string) => `database/${table}.jsonl`;
export const fileEntryName = (key: string) => `files/${key}`;
/** The SHA-256 a content-addressed file must hash to: the last segment of its key. */
export const keySha256 = (key: string) => key.slice(key.lastIndexOf('/') + 1);

/** Archives this app writes and prunes: dienhinh-YYYYMMDD-HHMMSS[-n].tar.gz (Vietnam time). */
export const ARCHIVE_NAME = /^dienhinh-(\d{8})-(\d{6})(?:-(\d+))?\.tar\.gz$/;

export function archiveBaseName(at: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `dienhinh-${get('year')}${get('month')}${get('day')}-${get('hour')}${get('minute')}${get('second')}`;
}

/** Sort key of an archive name: time, then the collision suffix (newest last). */
export function archiveSortKey(name: string): string | null {
  const m = ARCHIVE_NAME.exec(name);
  if (!m) return null;
  return `${m[1]}${m[2]}-${(m[3] ?? '0').padStart(6, '0')}`;
}

/** The app's version (package.json, inlined by the bundler). */
export const APP_VERSION: string = packageJson.version;

/** Bytes for people: 12,3 MB. */
export function formatBytes(bytes: number): string {
  const units = ['byte', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} ${units[unit]}`;
}
