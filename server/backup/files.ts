/**
 * The uploaded files of a snapshot. Uploads are content-addressed and never rewritten
 * (server/documents/storage.ts: FILES_DIR/ab/cd/<sha256>), so copying, after the database snapshot,
 * the files that snapshot references gives a consistent pair; a file is checked by hashing it again
 * (its name is its SHA-256). A file that is gone or whose content no longer matches its name is not
 * archived but listed, and the backup says so.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { keySha256, STORAGE_KEY, type MissingFile } from './manifest.ts';

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface CheckedFiles {
  files: Array<{ key: string; bytes: number }>;
  missing: MissingFile[];
}

export async function checkFiles(filesDir: string, keys: string[]): Promise<CheckedFiles> {
  const files: CheckedFiles['files'] = [];
  const missing: MissingFile[] = [];
  for (const key of keys) {
    if (!STORAGE_KEY.test(key)) {
      missing.push({ key, reason: 'corrupt' });
      continue;
    }
    const file = path.join(filesDir, key);
    let bytes: number;
    try {
      const s = await stat(file);
      if (!s.isFile()) throw new Error('not a file');
      bytes = s.size;
    } catch {
      missing.push({ key, reason: 'missing' });
      continue;
    }
    if ((await sha256OfFile(file)) !== keySha256(key)) missing.push({ key, reason: 'corrupt' });
    else files.push({ key, bytes });
  }
  return { files, missing };
}

/**
 * Whether FILES_DIR holds any stored file: a file under one of its content-addressed folders (ab/…).
 * Uploads in flight (tmp), a restore's staging area (.restore-…) and anything else do not count.
 */
export async function filesDirHasFiles(filesDir: string): Promise<boolean> {
  let entries: string[];
  try {
    entries = await readdir(filesDir);
  } catch {
    return false;
  }
  for (const name of entries) {
    if (!/^[0-9a-f]{2}$/.test(name)) continue;
    const full = path.join(filesDir, name);
    const s = await stat(full).catch(() => null);
    if (!s) continue;
    if (!s.isDirectory()) return true;
    if ((await readdir(full, { recursive: true, withFileTypes: true })).some((e) => e.isFile())) return true;
  }
  return false;
}
