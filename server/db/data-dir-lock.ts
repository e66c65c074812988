/**
 * An exclusive lock on DATA_DIR, held for as long as a process has the embedded database (PGlite) open.
 *
 * PGlite is a single-process database: two processes on one folder both accept writes, hand out the
 * same ids and, after a restart, one side's acknowledged writes are gone. So every command that opens
 * the folder (start, migrate, seed, setup, backup, restore …) takes this lock first, through
 * openDatabase(); a second one is refused at once with the holder's pid and command.
 *
 * The lock is the file DATA_DIR/.lock holding the holder's pid, host, boot id, process start time and
 * command. It is created atomically with its content (written to a private file, then hard-linked to
 * .lock: link fails if .lock exists), so a reader never sees a half-written lock. A lock is stale when
 * its process is gone: the pid does not exist, was reused by another process (start time in
 * /proc/<pid>/stat differs) or the machine rebooted since (boot id differs). A stale lock is taken over.
 *
 * Why not proper-lockfile: its staleness is an mtime refreshed by a timer, so a process whose event loop
 * is blocked for long (PGlite runs synchronously; a 10,000-row import blocks for many seconds) loses its
 * lock to a second process, and a crashed server keeps its folder locked until the mtime goes stale.
 * The pid test has neither problem: a live holder is never stale, a dead one is stale at once.
 */
import { linkSync, mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export const LOCK_FILE_NAME = '.lock';

export interface LockHolder {
  pid: number;
  hostname: string;
  /** Linux boot id (/proc/sys/kernel/random/boot_id); null where there is none. */
  bootId: string | null;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat, field 22); null where unknown. */
  startTime: string | null;
  /** What the holder runs, e.g. "start" or "migrate". */
  command: string;
  /** ISO time the lock was taken. */
  since: string;
}

export interface DataDirLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

/** Another live process holds the folder. `exitCode` tells server/main.ts to print the message alone. */
export class DataDirLockedError extends Error {
  readonly exitCode = 1;
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(lockedMessage(dataDir, holder));
    this.name = 'DataDirLockedError';
  }
}

function lockedMessage(dataDir: string, holder: LockHolder): string {
  const lockPath = path.join(dataDir, LOCK_FILE_NAME);
  const since = new Date(holder.since);
  const when = Number.isNaN(since.getTime())
    ? holder.since
    : since.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
  if (holder.hostname !== os.hostname()) {
    return (
      `Thư mục dữ liệu ${dataDir} đang bị khóa bởi tiến trình ${holder.pid} (lệnh "${holder.command}") trên máy ${holder.hostname}, từ ${when}. ` +
      `Hai tiến trình không được mở cùng một cơ sở dữ liệu PGlite. Nếu chắc chắn máy đó không còn dùng thư mục này, hãy xóa tệp ${lockPath} rồi chạy lại.`
    );
  }
  return (
    `Thư mục dữ liệu ${dataDir} đang được tiến trình ${holder.pid} (lệnh "${holder.command}") sử dụng từ ${when}. ` +
    `Hai tiến trình không được mở cùng một cơ sở dữ liệu PGlite: hãy dừng tiến trình đó (Ctrl+C, kill ${holder.pid} hoặc systemctl stop) rồi chạy lại. ` +
    `Nếu máy chủ đang chạy, các lệnh sao lưu làm việc qua máy chủ đó.`
  );
}

function readOr(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}

const ourBootId = readOr('/proc/sys/kernel/random/boot_id');

/** Start time of a process (clock ticks since boot), or null where /proc is not available. */
export function processStartTime(pid: number): string | null {
  const stat = readOr(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) may hold spaces and parentheses: count fields after its closing ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null; // field 22 overall; fields[0] is field 3 (state)
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0) return null;
    return {
      pid: value.pid,
      hostname: typeof value.hostname === 'string' ? value.hostname : '',
      bootId: typeof value.bootId === 'string' ? value.bootId : null,
      startTime: typeof value.startTime === 'string' ? value.startTime : null,
      command: typeof value.command === 'string' ? value.command : '?',
      since: typeof value.since === 'string' ? value.since : '',
    };
  } catch {
    return null;
  }
}

/** Whether the process named by a lock still runs. A holder on another host cannot be checked: it counts as alive. */
export function isHolderAlive(holder: LockHolder): boolean {
  if (holder.hostname !== os.hostname()) return true;
  if (holder.bootId && ourBootId && holder.bootId !== ourBootId) return false; // rebooted since
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: the process exists but belongs to another user.
  }
  const current = processStartTime(holder.pid);
  if (holder.startTime && current && current !== holder.startTime) return false; // pid reused
  return true;
}

interface LockFileState {
  raw: string;
  ino: number;
  mtimeMs: number;
  holder: LockHolder | null;
}

function readLockFile(lockPath: string): LockFileState | null {
  try {
    const { ino, mtimeMs } = statSync(lockPath);
    const raw = readFileSync(lockPath, 'utf8');
    return { raw, ino, mtimeMs, holder: parseHolder(raw) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/**
 * Who holds DATA_DIR, or null when nobody does (no lock, or a stale one). For commands that can work
 * through the running server instead of opening the folder themselves (backup).
 */
export function readLockHolder(dataDir: string): LockHolder | null {
  const state = readLockFile(path.join(dataDir, LOCK_FILE_NAME));
  if (!state?.holder) return null;
  return isHolderAlive(state.holder) ? state.holder : null;
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // already gone
  }
}

/** Synchronous short pause (the takeover of a stale lock is a few file operations; waiting is rare). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Removes a stale lock, at most one process per stale file: the right to remove it is a "break" file
 * named after the stale file's inode, created exclusively; the remover checks the lock is still that
 * same file with the same content before unlinking it.
 */
function breakStaleLock(lockPath: string, stale: LockFileState): void {
  const breakPath = `${lockPath}.break-${stale.ino}`;
  try {
    writeFileSync(breakPath, String(process.pid), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // Another process is breaking it (a few milliseconds) — or died doing so: clear a break file older than 10 s.
    try {
      if (Date.now() - statSync(breakPath).mtimeMs > 10_000) unlinkQuietly(breakPath);
    } catch {
      // gone meanwhile
    }
    pause(20);
    return;
  }
  try {
    const now = readLockFile(lockPath);
    if (now && now.ino === stale.ino && now.raw === stale.raw) unlinkSync(lockPath);
  } finally {
    unlinkQuietly(breakPath);
  }
}

/**
 * Creates the lock file, or returns false if it exists. A hard link of the fully written private file
 * where the file system has them; otherwise (some network shares) an exclusive create, then the content.
 */
function createLockFile(mine: string, lockPath: string, raw: string): boolean {
  try {
    linkSync(mine, lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw error;
  }
  try {
    writeFileSync(lockPath, raw, { flag: 'wx', mode: 0o644 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Takes the lock on DATA_DIR (creating the folder) or throws DataDirLockedError naming the live holder.
 * The lock is released by release(), and in any case when the process exits normally; a process that
 * is killed leaves a stale lock that the next process takes over.
 */
export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE_NAME);
  const holder: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    bootId: ourBootId,
    startTime: processStartTime(process.pid),
    command,
    since: new Date().toISOString(),
  };
  const raw = `${JSON.stringify(holder, null, 2)}\n`;
  // Written first, then hard-linked: the lock appears with its whole content or not at all.
  const mine = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(mine, raw, { flag: 'wx', mode: 0o644 });
  try {
    const giveUpAt = Date.now() + 10_000;
    for (;;) {
      if (createLockFile(mine, lockPath, raw)) break;
      const current = readLockFile(lockPath);
      if (!current) continue; // released meanwhile: try again
      if (current.holder && isHolderAlive(current.holder)) throw new DataDirLockedError(dataDir, current.holder);
      if (Date.now() > giveUpAt) throw new Error(`Không lấy được khóa ${lockPath} sau nhiều lần thử; hãy chạy lại.`);
      // Unreadable: being written (a file system without hard links) if it is new, else not ours: stale.
      if (!current.holder && Date.now() - current.mtimeMs < 2_000) {
        pause(50);
        continue;
      }
      // Its process is gone: stale.
      breakStaleLock(lockPath, current);
    }
  } finally {
    unlinkQuietly(mine);
  }

  const ino = statSync(lockPath).ino;
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    // Only our own lock: never remove one a later process took over.
    const current = readLockFile(lockPath);
    if (current && current.ino === ino && current.raw === raw) unlinkQuietly(lockPath);
  };
  process.on('exit', release);
  return { path: lockPath, holder, release };
}
