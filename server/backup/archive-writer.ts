/**
 * Writes the .tar.gz: entries streamed one after the other (tar-stream + zlib), the archive hashed
 * as it is written, under a temporary name renamed into place only when complete — a crash never
 * leaves a half archive under a real name. Files are re-hashed while copied: content that changed
 * since it was checked fails the backup rather than producing an archive that lies.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import tar from 'tar-stream';

export interface ArchiveEntry {
  name: string;
  size: number;
  /** A file to copy, or the entry's content. */
  source: string | Buffer;
  /** When set, the copied content must hash to this. */
  sha256?: string;
}

export interface WrittenArchive {
  sha256: string;
  bytes: number;
}

function hashing(onDone: (hex: string, bytes: number) => void): Transform {
  const hash = createHash('sha256');
  let bytes = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
    flush(done) {
      onDone(hash.digest('hex'), bytes);
      done();
    },
  });
}

async function addEntry(pack: tar.Pack, entry: ArchiveEntry, mtime: Date): Promise<void> {
  const sink = pack.entry({ name: entry.name, size: entry.size, mode: 0o600, mtime, type: 'file' });
  if (typeof entry.source !== 'string') {
    await pipeline(PassThrough.from([entry.source]), sink);
    return;
  }
  let actual = '';
  await pipeline(
    createReadStream(entry.source),
    hashing((hex) => (actual = hex)),
    sink,
  );
  if (entry.sha256 && actual !== entry.sha256) {
    throw new Error(`Tệp ${entry.name} đã thay đổi trong lúc sao lưu (mã SHA-256 không còn khớp); hãy sao lưu lại.`);
  }
}

/** Writes the archive at `target` (mode 0600) and its `.sha256` sidecar; returns the archive's hash and size. */
export async function writeArchive(
  target: string,
  entries: Iterable<ArchiveEntry>,
  mtime = new Date(),
): Promise<WrittenArchive> {
  const partial = `${target}.partial`;
  const pack = tar.pack();
  let written: WrittenArchive = { sha256: '', bytes: 0 };
  const out = pipeline(
    pack,
    createGzip({ level: 6 }),
    hashing((sha256, bytes) => (written = { sha256, bytes })),
    createWriteStream(partial, { mode: 0o600 }),
  );
  try {
    for (const entry of entries) await addEntry(pack, entry, mtime);
    pack.finalize();
    await out;
  } catch (error) {
    pack.destroy(error as Error);
    await out.catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, target);
  await writeFile(`${target}.sha256`, `${written.sha256}  ${path.basename(target)}\n`, { mode: 0o600 });
  return written;
}
