/**
 * The lock through the real command line: while `start` serves a PGlite folder, a second `start`,
 * `migrate` and `seed` on that folder are refused at once with the holder's pid; the lock goes away
 * with a SIGTERM; a lock left by a killed server is taken over by the next process.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { killServerProcesses, runCli, startServerProcess } from '../test/server-process.ts';
import { acquireDataDirLock, LOCK_FILE_NAME } from './data-dir-lock.ts';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dh-lock-cli-'));
const lockFile = path.join(dataDir, LOCK_FILE_NAME);
afterEach(killServerProcesses);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('one process per data folder', () => {
  it('refuses a second start, migrate and seed while a server runs; frees the folder on SIGTERM; a killed server does not block the next', async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir });
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: server.pid, command: 'start' });

    const started = Date.now();
    const attempts = await Promise.all(
      ['start', 'migrate', 'seed'].map(async (command) => ({
        command,
        ...(await runCli([command], { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'false' })),
      })),
    );
    for (const second of attempts) {
      expect(second.code, `${second.command}: ${second.stdout}${second.stderr}`).toBe(1);
      expect(second.stderr).toContain(
        `Thư mục dữ liệu ${dataDir} đang được tiến trình ${server.pid} (lệnh "start") sử dụng`,
      );
      expect(second.stderr).not.toMatch(/\n\s+at /); // the message, not a stack trace
    }
    expect(Date.now() - started).toBeLessThan(60_000); // at once: before PGlite is loaded or a migration runs
    expect(server.alive()).toBe(true);
    expect((await fetch(`${server.baseUrl}/api/health`)).status).toBe(200);

    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(existsSync(lockFile)).toBe(false);

    // A server killed outright leaves its lock; the next process takes it over.
    const killed = await startServerProcess({ DATA_DIR: dataDir });
    expect(await killed.stop('SIGKILL')).toMatchObject({ signal: 'SIGKILL' });
    expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(killed.pid);
    const next = acquireDataDirLock(dataDir, 'migrate');
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: process.pid, command: 'migrate' });
    next.release();
    expect(existsSync(lockFile)).toBe(false);
  }, 420_000);
});
