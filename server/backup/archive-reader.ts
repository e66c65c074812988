/**
 * Reads and verifies an archive. Every entry is hashed and compared with the manifest (the first
 * entry); an entry the manifest does not list, one listed twice or missing, a wrong size or hash, or a
 * `.sha256` sidecar that disagrees with the archive refuses the archive. Restore reads it twice: once
 * to verify before anything changes, once to extract into a staging folder (verified again, in case
 * the file changed in between).
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { AppError } from '../lib/errors.ts';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_FORMAT_VERSION,
  fileEntryName,
  keySha256,
  MANIFEST_ENTRY,
  ZManifest,
  type Manifest,
} from './manifest.ts';

const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;

const refuse = (message: string) => new AppError('VALIDATION', message);

async function readAll(stream: AsyncIterable<unknown>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += (chunk as Buffer).length;
    if (size > limit) throw refuse('Tệp manifest.json của bản sao lưu quá lớn; đây không phải bản sao lưu hợp lệ.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function parseManifest(raw: Buffer): Manifest {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw refuse('manifest.json của bản sao lưu không đọc được (không phải JSON).');
  }
  const format = (value as { format?: unknown; formatVersion?: unknown } | null) ?? {};
  if (format.format !== ARCHIVE_FORMAT)
    throw refuse('Tệp này không phải bản sao lưu của Điển hình (manifest.json không đúng định dạng).');
  if (typeof format.formatVersion === 'number' && format.formatVersion > ARCHIVE_FORMAT_VERSION) {
    throw refuse(
      `Bản sao lưu dùng định dạng phiên bản ${format.formatVersion}, mới hơn phiên bản ${ARCHIVE_FORMAT_VERSION} mà chương trình này đọc được; hãy nâng cấp chương trình trước khi khôi phục.`,
    );
  }
  const parsed = ZManifest.safeParse(value);
  if (!parsed.success)
    throw refuse(
      `manifest.json của bản sao lưu thiếu hoặc sai thông tin (${parsed.error.issues[0]?.path.join('.') ?? '?'}).`,
    );
  return parsed.data;
}

interface Expected {
  size: number;
  sha256: string;
}

function expectations(manifest: Manifest): Map<string, Expected> {
  const map = new Map<string, Expected>();
  for (const t of manifest.tables) map.set(t.part, { size: t.bytes, sha256: t.sha256 });
  for (const f of manifest.files) map.set(fileEntryName(f.key), { size: f.bytes, sha256: keySha256(f.key) });
  return map;
}

export interface VerifiedArchive {
  manifest: Manifest;
  /** SHA-256 of the .tar.gz as a whole. */
  sha256: string;
  bytes: number;
}

/**
 * Reads the whole archive, checking every entry; with `stagingDir`, also writes each entry there under
 * its name (database/…, files/…). Throws AppError('VALIDATION') with a Vietnamese message on any mismatch.
 */
export async function readArchive(archivePath: string, stagingDir?: string): Promise<VerifiedArchive> {
  const rawHash = createHash('sha256');
  let rawBytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      rawHash.update(chunk);
      rawBytes += chunk.length;
      done(null, chunk);
    },
  });
  const extract = tar.extract();
  const feeding = pipeline(createReadStream(archivePath), tap, createGunzip(), extract);
  let manifest: Manifest | null = null;
  let expected = new Map<string, Expected>();
  const seen = new Set<string>();
  try {
    for await (const entry of extract) {
      const name = entry.header.name;
      if (!manifest) {
        if (name !== MANIFEST_ENTRY)
          throw refuse('Tệp này không phải bản sao lưu của Điển hình: thiếu manifest.json ở đầu.');
        const raw = await readAll(entry, MAX_MANIFEST_BYTES);
        manifest = parseManifest(raw);
        expected = expectations(manifest);
        if (stagingDir) {
          mkdirSync(stagingDir, { recursive: true });
          await pipeline(
            Readable.from([raw]),
            createWriteStream(path.join(stagingDir, MANIFEST_ENTRY), { mode: 0o600 }),
          );
        }
        continue;
      }
      const want = expected.get(name);
      if (!want) throw refuse(`Bản sao lưu có mục "${name}" không được kê trong manifest.json; không khôi phục.`);
      if (seen.has(name)) throw refuse(`Bản sao lưu có mục "${name}" hai lần; không khôi phục.`);
      seen.add(name);
      const hash = createHash('sha256');
      let size = 0;
      const check = new Transform({
        transform(chunk: Buffer, _enc, done) {
          hash.update(chunk);
          size += chunk.length;
          done(null, stagingDir ? chunk : undefined);
        },
      });
      if (stagingDir) {
        const out = path.join(stagingDir, name);
        mkdirSync(path.dirname(out), { recursive: true });
        await pipeline(entry, check, createWriteStream(out, { mode: 0o600 }));
      } else {
        await pipeline(entry, check, async (source: AsyncIterable<unknown>) => {
          for await (const _ of source);
        });
      }
      if (size !== want.size || hash.digest('hex') !== want.sha256) {
        throw refuse(
          `Mục "${name}" của bản sao lưu đã bị thay đổi hoặc hỏng (mã SHA-256 không khớp với manifest.json); không khôi phục gì.`,
        );
      }
    }
    await feeding;
  } catch (error) {
    extract.destroy();
    await feeding.catch(() => undefined);
    if (error instanceof AppError) throw error;
    throw refuse(
      `Không đọc được bản sao lưu ${path.basename(archivePath)} (tệp hỏng, bị cắt cụt hoặc không phải .tar.gz): ${(error as Error).message}`,
    );
  }
  if (!manifest) throw refuse('Tệp này không phải bản sao lưu của Điển hình: không có manifest.json.');
  const absent = [...expected.keys()].filter((n) => !seen.has(n));
  if (absent.length > 0)
    throw refuse(
      `Bản sao lưu thiếu ${absent.length} mục kê trong manifest.json (ví dụ "${absent[0]}"); không khôi phục.`,
    );

  const sha256 = rawHash.digest('hex');
  const sidecar = await readFile(`${archivePath}.sha256`, 'utf8').catch(() => null);
  if (sidecar !== null) {
    const recorded = sidecar.trim().split(/\s+/)[0]?.toLowerCase();
    if (recorded !== sha256)
      throw refuse(
        `Mã SHA-256 của tệp ${path.basename(archivePath)} khác với tệp ${path.basename(archivePath)}.sha256 đi kèm: tệp đã bị thay đổi hoặc chép thiếu; không khôi phục.`,
      );
  }
  return { manifest, sha256, bytes: rawBytes };
}
