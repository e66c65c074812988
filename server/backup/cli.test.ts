/**
 * The commands as an operator runs them (child processes): `backup` of a PGlite folder no server holds,
 * then `restore` into an empty folder gives the same review report; with a server running, `backup`
 * goes through the server's control socket and `restore` is refused; on PostgreSQL both connect
 * themselves, and restore refuses a database other sessions use.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { kyselyOnPostgres } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { createPglite, kyselyOnPglite } from '../db/pglite.ts';
import { AS_OF, FROM, reviewWorld, TO } from '../review-report/test-helpers.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { signIn, setupTest } from '../test/harness.ts';
import { adminQuery, withDatabase } from '../test/pg-admin.ts';
import { killServerProcesses, runCli, startServerProcess } from '../test/server-process.ts';
import { controlSocketPath } from './control-socket.ts';
import { generateReview } from './test-helpers.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dh-cli-'));
  dirs.push(dir);
  return dir;
};
afterEach(killServerProcesses);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Opens a PGlite data folder in this process (no lock: no other process touches it meanwhile), runs `work`, closes it. */
async function withFolder<T>(dataDir: string, work: (t: Parameters<typeof reviewWorld>[0]) => Promise<T>): Promise<T> {
  const database = kyselyOnPglite(await createPglite(path.join(dataDir, 'pglite')));
  try {
    await migrateToLatest(database.db);
    const app = await buildApp({ db: database.db, config: loadConfig({ DATA_DIR: dataDir }) });
    try {
      return await work({ app, db: database.db, database, dataDir });
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

const archiveIn = (stdout: string) => /Đã sao lưu: (\S+\.tar\.gz)/.exec(stdout)?.[1];

describe('npm run backup / npm run restore on PGlite', { timeout: 400_000 }, () => {
  it('backs up a folder no server holds and restores it into an empty folder: the same review report', async () => {
    const from = tempDir();
    const { before, params, username } = await withFolder(from, async (t) => {
      const x = await reviewWorld(t);
      const operator = await buildUser(t.db, {
        grants: [{ role: 'operator', unitId: x.w.tree.blocA }],
        fullName: 'Cán bộ so sánh',
      });
      const params = {
        unitId: x.w.tree.blocA,
        kind: 'so_ket',
        from: FROM,
        to: TO,
        snapshotOn: AS_OF,
        planId: x.w.plan,
      };
      return {
        before: await generateReview(await signIn(t.app, operator.username, DEFAULT_PASSWORD), params),
        params,
        username: operator.username,
      };
    });

    const backup = await runCli(['backup'], { DATA_DIR: from });
    expect(backup.code, backup.stdout + backup.stderr).toBe(0);
    const archive = archiveIn(backup.stdout)!;
    expect(path.dirname(archive)).toBe(path.join(from, 'backups'));
    expect(backup.stdout).toContain('Nhật ký thao tác đến sự kiện số');
    expect(statSync(archive).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(archive)).mode & 0o777).toBe(0o700);

    const to = tempDir();
    const restore = await runCli(['restore', archive], { DATA_DIR: to });
    expect(restore.code, restore.stdout + restore.stderr).toBe(0);
    expect(restore.stdout).toContain(`Đã khôi phục từ ${path.basename(archive)}`);
    expect(restore.stdout).toContain('(khớp bản sao lưu)');

    const again = await runCli(['restore', archive], { DATA_DIR: to });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Nơi khôi phục không trống');
    const usage = await runCli(['restore'], { DATA_DIR: to });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Dùng: npm run restore -- <tệp sao lưu .tar.gz> [--force]');

    const after = await withFolder(to, async (t) =>
      generateReview(await signIn(t.app, username, DEFAULT_PASSWORD), params),
    );
    expect(after).toEqual(before);
  });

  it('backs up through the running server, and refuses to restore under it', async () => {
    const dataDir = tempDir();
    const server = await startServerProcess({ DATA_DIR: dataDir });
    // The control socket opens right after the server listens, and is chmod-ed once it exists (its folder,
    // 0700 from before, keeps other users out meanwhile): wait for both.
    const ready = () =>
      existsSync(controlSocketPath(dataDir)) && (statSync(controlSocketPath(dataDir)).mode & 0o777) === 0o600;
    for (let i = 0; i < 100 && !ready(); i++) await new Promise((r) => setTimeout(r, 100));
    expect(statSync(controlSocketPath(dataDir)).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(controlSocketPath(dataDir))).mode & 0o777).toBe(0o700);

    const backup = await runCli(['backup'], { DATA_DIR: dataDir });
    expect(backup.code, backup.stdout + backup.stderr).toBe(0);
    expect(backup.stdout).toContain(`(Máy chủ đang chạy — tiến trình ${server.pid} — đã lập bản sao lưu.)`);
    const archive = archiveIn(backup.stdout)!;
    expect(statSync(archive).isFile()).toBe(true);

    for (const args of [
      ['restore', archive],
      ['restore', archive, '--force'],
    ]) {
      const restore = await runCli(args, { DATA_DIR: dataDir });
      expect(restore.code, args.join(' ')).toBe(1);
      expect(restore.stderr).toContain(
        `đang được tiến trình ${server.pid} (lệnh "start") dùng: không khôi phục vào dữ liệu đang được phục vụ`,
      );
    }
    expect(server.alive()).toBe(true);
    expect((await fetch(`${server.baseUrl}/api/health/live`)).status).toBe(200);
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)(
  'npm run backup / npm run restore on PostgreSQL',
  { timeout: 300_000 },
  () => {
    it('connects itself, and restores only into a database nobody else uses', async () => {
      const url = process.env.TEST_DATABASE_URL!;
      const source = await setupTest();
      const tree = await buildTree(source.db);
      const sourceUrl = withDatabase(
        url,
        (await source.db.selectNoFrom((eb) => eb.fn<string>('current_database').as('d')).executeTakeFirstOrThrow()).d,
      );
      const backupDir = tempDir();
      const backup = await runCli(['backup'], {
        DATABASE_URL: sourceUrl,
        DATA_DIR: source.dataDir,
        BACKUP_DIR: backupDir,
      });
      expect(backup.code, backup.stdout + backup.stderr).toBe(0);
      const archive = archiveIn(backup.stdout)!;

      const name = `dh_cli_restore_${process.pid}`;
      await adminQuery(url, `drop database if exists ${name}`);
      await adminQuery(url, `create database ${name}`);
      const targetUrl = withDatabase(url, name);
      const env = { DATABASE_URL: targetUrl, DATA_DIR: tempDir() };
      try {
        const other = kyselyOnPostgres(targetUrl, 1);
        await other.db.selectNoFrom((eb) => eb.lit(1).as('x')).execute(); // someone is connected
        const refused = await runCli(['restore', archive], env);
        await other.close();
        expect(refused.code).toBe(1);
        expect(refused.stderr).toContain('Cơ sở dữ liệu đích đang có 1 phiên kết nối khác');

        const restored = await runCli(['restore', archive], env);
        expect(restored.code, restored.stdout + restored.stderr).toBe(0);
        const check = kyselyOnPostgres(targetUrl, 1);
        const names = (await check.db.selectFrom('org_unit').select('id').orderBy('id').execute()).map((r) => r.id);
        await check.close();
        expect(names).toEqual(Object.values(tree).sort((a, b) => a - b));
      } finally {
        await adminQuery(url, `drop database if exists ${name}`);
      }
    });
  },
);
