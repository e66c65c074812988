/**
 * Uploaded files on disk, stored by content: filesDir/ab/cd/<sha256>. The
 * client's file name is never part of a path; it is kept, cleaned, only as
 * metadata. Only office documents and images are accepted, judged by the
 * extension AND the first bytes of the content.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, invalid } from '../lib/errors.ts';

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // legacy Office (DOC, XLS)
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // OOXML and OpenDocument are ZIP containers
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Allowed extensions, the MIME type we serve them with, and the bytes they must start with. */
export const ALLOWED_TYPES: Record<string, { mime: string; magic: number[] }> = {
  pdf: { mime: 'application/pdf', magic: PDF },
  doc: { mime: 'application/msword', magic: OLE },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', magic: ZIP },
  xls: { mime: 'application/vnd.ms-excel', magic: OLE },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', magic: ZIP },
  odt: { mime: 'application/vnd.oasis.opendocument.text', magic: ZIP },
  ods: { mime: 'application/vnd.oasis.opendocument.spreadsheet', magic: ZIP },
  jpg: { mime: 'image/jpeg', magic: JPEG },
  jpeg: { mime: 'image/jpeg', magic: JPEG },
  png: { mime: 'image/png', magic: PNG },
};
const ALLOWED_LABEL = 'PDF, Word (DOC, DOCX), Excel (XLS, XLSX), OpenDocument (ODT, ODS), ảnh JPG, PNG';

/** Characters that file systems or the Content-Disposition header treat specially. */
const UNSAFE_IN_FILE_NAMES = new Set(['"', '<', '>', '|', ':', '*', '?']);

/** Control characters (U+0000–U+001F, U+007F) and UNSAFE_IN_FILE_NAMES each become "_". */
function replaceUnsafeCharacters(name: string): string {
  let out = '';
  for (const ch of name) {
    const code = ch.charCodeAt(0);
    out += code <= 0x1f || code === 0x7f || UNSAFE_IN_FILE_NAMES.has(ch) ? '_' : ch;
  }
  return out;
}

/** The last path segment, without control characters or leading dots, at most 200 characters. */
export function sanitizeFileName(name: string | undefined): string {
  const base = (name ?? '').normalize('NFC').split(/[/\\]/).pop() ?? '';
  const clean = replaceUnsafeCharacters(base)
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  if (!clean) return 'tep-dinh-kem';
  if (clean.length <= 200) return clean;
  const ext = path.extname(clean).slice(0, 10);
  return clean.slice(0, 200 - ext.length) + ext;
}

export function extensionOf(name: string): string {
  return path.extname(name).slice(1).toLowerCase();
}

export interface SavedUpload {
  sha256: string;
  storageKey: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
}

const drain = (stream: Readable) =>
  new Promise<void>((resolve) =>
    stream
      .on('end', resolve)
      .on('error', () => resolve())
      .resume(),
  );

/**
 * Stream an upload to disk while hashing it, then move it to its content
 * address. `stream.truncated` is set by the multipart parser when the file
 * went over the size limit.
 */
export async function saveUpload(
  filesDir: string,
  stream: Readable & { truncated?: boolean },
  clientName: string | undefined,
  maxBytes: number,
): Promise<SavedUpload> {
  const originalName = sanitizeFileName(clientName);
  const type = ALLOWED_TYPES[extensionOf(originalName)];
  if (!type) {
    await drain(stream);
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `Tệp "${originalName}" không thuộc loại được nhận. Chỉ nhận: ${ALLOWED_LABEL}.`,
      [{ field: 'file', message: `Chỉ nhận: ${ALLOWED_LABEL}.` }],
    );
  }
  const tmpDir = path.join(filesDir, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  const tmp = path.join(tmpDir, randomUUID());
  const hash = createHash('sha256');
  let size = 0;
  let head = Buffer.alloc(0);
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      if (head.length < 16) head = Buffer.concat([head, chunk.subarray(0, 16 - head.length)]);
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, tap, createWriteStream(tmp));
    if (stream.truncated) {
      throw new AppError(
        'PAYLOAD_TOO_LARGE',
        `Tệp "${originalName}" quá lớn: tối đa ${Math.round(maxBytes / 1024 / 1024)} MB.`,
      );
    }
    if (size === 0) throw invalid('file', `Tệp "${originalName}" rỗng (0 byte); hãy chọn lại tệp.`);
    if (!type.magic.every((byte, i) => head[i] === byte)) {
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        `Nội dung tệp "${originalName}" không phải tệp ${extensionOf(originalName).toUpperCase()} thật (đuôi tệp và nội dung không khớp).`,
        [{ field: 'file', message: 'Đuôi tệp và nội dung không khớp.' }],
      );
    }
    const sha256 = hash.digest('hex');
    const storageKey = `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
    const target = path.join(filesDir, storageKey);
    await mkdir(path.dirname(target), { recursive: true });
    if (!existsSync(target)) await rename(tmp, target); // same content, same name: stored once
    return { sha256, storageKey, originalName, mimeType: type.mime, sizeBytes: size };
  } finally {
    await rm(tmp, { force: true });
  }
}

/** Absolute path of a stored file; refuses keys that are not content addresses. */
export function storedPath(filesDir: string, storageKey: string): string {
  if (!/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(storageKey)) throw new Error(`bad storage key ${storageKey}`);
  return path.join(filesDir, storageKey);
}

/** Content-Disposition that keeps Vietnamese names (RFC 6266 / RFC 5987 filename*), with an ASCII fallback. */
export function contentDisposition(name: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name.normalize('NFC')).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
