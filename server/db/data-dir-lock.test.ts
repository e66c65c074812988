/** The lock on DATA_DIR: one holder at a time, refusals that name the holder, stale locks taken over. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  acquireDataDirLock,
  DataDirLockedError,
  LOCK_FILE_NAME,
  processStartTime,
  readLockHolder,
  type LockHolder,
} from './data-dir-lock.ts';
import { runCli } from '../test/server-process.ts';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-lock-'));
  dirs.push(dir);
  return dir;
}

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

function writeLock(dir: string, holder: Partial<LockHolder>): void {
  const full: LockHolder = {
    pid: process.pid,
    hostname: os.hostname(),
    bootId: null,
    startTime: null,
    command: 'start',
    since: new Date().toISOString(),
    ...holder,
  };
  writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify(full));
}

describe('the data-folder lock', () => {
  it('has one holder: a second taker is refused with the pid and command, and can take it once released', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, 'start');
    expect(readLockHolder(dir)).toMatchObject({ pid: process.pid, command: 'start', hostname: os.hostname() });
    let refusal: unknown;
    try {
      acquireDataDirLock(dir, 'migrate');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    const message = (refusal as Error).message;
    expect(message).toContain(`tiến trình ${process.pid}`);
    expect(message).toContain('lệnh "start"');
    expect(message).toContain(dir);
    lock.release();
    expect(existsSync(path.join(dir, LOCK_FILE_NAME))).toBe(false);
    expect(readLockHolder(dir)).toBeNull();
    acquireDataDirLock(dir, 'migrate').release();
  });

  it('takes over a lock whose process is gone, was reused by another process, or predates a reboot', () => {
    const dir = tempDir();
    const stale: Array<Partial<LockHolder>> = [
      { pid: deadPid() },
      { pid: process.pid, startTime: '1' }, // our pid, but another start time: the pid was reused
      { pid: process.pid, bootId: '00000000-0000-0000-0000-000000000000' },
    ];
    if (!processStartTime(process.pid)) stale.splice(1, 1); // no /proc: reuse cannot be told
    if (!existsSync('/proc/sys/kernel/random/boot_id')) stale.pop();
    for (const holder of stale) {
      writeLock(dir, holder);
      expect(readLockHolder(dir), JSON.stringify(holder)).toBeNull();
      const lock = acquireDataDirLock(dir, 'seed');
      expect(JSON.parse(readFileSync(lock.path, 'utf8'))).toMatchObject({ pid: process.pid, command: 'seed' });
      lock.release();
    }
    // A file not written by the lock (garbage, empty) is stale too — once it is not being written any more.
    writeFileSync(path.join(dir, LOCK_FILE_NAME), '');
    const tenSecondsAgo = new Date(Date.now() - 10_000);
    utimesSync(path.join(dir, LOCK_FILE_NAME), tenSecondsAgo, tenSecondsAgo);
    acquireDataDirLock(dir, 'seed').release();
    writeFileSync(path.join(dir, LOCK_FILE_NAME), '');
    const started = Date.now();
    acquireDataDirLock(dir, 'seed').release();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_500); // a fresh, still empty file gets its grace
  });

  it('refuses a lock held from another machine, saying how to clear it', () => {
    const dir = tempDir();
    writeLock(dir, { hostname: 'may-chu-khac', pid: deadPid() });
    expect(() => acquireDataDirLock(dir, 'start')).toThrow(/trên máy may-chu-khac.*xóa tệp/s);
  });

  it('never removes a lock another process took over after it', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir, 'start');
    writeLock(dir, { pid: 1, startTime: processStartTime(1), command: 'khác' }); // replaced behind our back
    lock.release();
    expect(JSON.parse(readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8'))).toMatchObject({ pid: 1 });
  });

  it('lets exactly one of several processes racing for a stale lock take it', async () => {
    const dir = tempDir();
    writeLock(dir, { pid: deadPid() });
    const startAt = Date.now() + 4_000; // all contenders load first, then try at the same moment
    const script = `
      import { acquireDataDirLock } from './server/db/data-dir-lock.ts';
      while (Date.now() < ${startAt}) {}
      import { readdirSync, writeFileSync } from 'node:fs';
      try {
        acquireDataDirLock(process.env.DIR, 'race');
        console.log('acquired');
        // Hold the lock until the three others have tried (however late a loaded machine runs them).
        const until = Date.now() + 30_000;
        while (readdirSync(process.env.DIR).filter((f) => f.startsWith('tried-')).length < 3 && Date.now() < until) {
          await new Promise((r) => setTimeout(r, 50));
        }
      } catch (e) {
        console.log(e.name);
        writeFileSync(process.env.DIR + '/tried-' + process.pid, '');
      }`;
    const results = await Promise.all(
      Array.from({ length: 4 }, () =>
        runCli([], { DIR: dir }, ['--import', 'tsx', '--input-type=module', '-e', script]),
      ),
    );
    const outcomes = results.map((r) => r.stdout.trim() || r.stderr.trim());
    expect(
      outcomes.filter((o) => o === 'acquired'),
      outcomes.join('\n'),
    ).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'DataDirLockedError')).toHaveLength(3);
  }, 60_000);
});
