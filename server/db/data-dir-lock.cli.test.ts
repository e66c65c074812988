/**
 * The lock through the real command line: while `start` serves a PGlite folder, a second `start`,
 * `migrate` and `seed` on that folder are refused at once with the holder's pid; the lock goes away
 * with a SIGTERM; a lock left by a killed server does not stop the next start.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { killServerProcesses, runCli, startServerProcess } from '../test/server-process.ts';
import { LOCK_FILE_NAME } from './data-dir-lock.ts';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dh-lock-cli-'));
const lockFile = path.join(dataDir, LOCK_FILE_NAME);
afterEach(killServerProcesses);
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('one process per data folder', () => {
  it('refuses a second start, migrate and seed while a server runs, and frees the folder on SIGTERM', async () => {
    const server = await startServerProcess({ DATA_DIR: dataDir });
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toMatchObject({ pid: server.pid, command: 'start' });

    for (const command of ['start', 'migrate', 'seed']) {
      const started = Date.now();
      const second = await runCli([command], { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DEMO_DATA: 'false' });
      expect(second.code, `${command}: ${second.stdout}${second.stderr}`).not.toBe(0);
      expect(second.stderr).toContain(`Thư mục dữ liệu ${dataDir} đang được tiến trình ${server.pid} (lệnh "start") sử dụng`);
      expect(second.stderr).not.toMatch(/\n\s+at /); // the message, not a stack trace
      expect(Date.now() - started, command).toBeLessThan(15_000); // at once: before PGlite or migrations
    }
    expect(server.alive()).toBe(true);
    const health = await fetch(`${server.baseUrl}/api/health`);
    expect(health.status).toBe(200);

    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(existsSync(lockFile)).toBe(false);
    const migrate = await runCli(['migrate'], { DATA_DIR: dataDir });
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(existsSync(lockFile)).toBe(false);
  }, 240_000);

  it('starts over a lock left by a server that was killed', async () => {
    const killed = await startServerProcess({ DATA_DIR: dataDir });
    expect(await killed.stop('SIGKILL')).toMatchObject({ signal: 'SIGKILL' });
    expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(killed.pid); // left behind

    const next = await startServerProcess({ DATA_DIR: dataDir });
    expect(JSON.parse(readFileSync(lockFile, 'utf8')).pid).toBe(next.pid);
    expect((await fetch(`${next.baseUrl}/api/health`)).status).toBe(200);
    expect(await next.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(existsSync(lockFile)).toBe(false);
  }, 240_000);
});
