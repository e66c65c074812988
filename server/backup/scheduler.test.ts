/**
 * Scheduled backups: made when the last one is older than BACKUP_INTERVAL_HOURS, pruned to BACKUP_KEEP,
 * failures recorded and logged but never thrown; off at 0; on PostgreSQL, one node at a time.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { kyselyOnPostgres } from '../db/database.ts';
import { systemContext } from '../lib/context.ts';
import { buildTree } from '../test/factories.ts';
import { setupTest, type TestContext } from '../test/harness.ts';
import { startBackupScheduler } from './scheduler.ts';
import { BACKUP_LOCK_KEY, backupServiceFor, backupSettingsOf } from './service.ts';

function recorder() {
  const lines: Array<{ level: 'info' | 'error'; msg: string; obj: object }> = [];
  return {
    lines,
    info: (obj: object, msg: string) => lines.push({ level: 'info', msg, obj }),
    error: (obj: object, msg: string) => lines.push({ level: 'error', msg, obj }),
  };
}

const configFor = (t: TestContext, env: Record<string, string>) => loadConfig({ DATA_DIR: t.dataDir, ...env });
const never = { firstCheckAfterMs: 1e9, checkEveryMs: 1e9 };
const archives = async (dir: string) =>
  (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.tar.gz')).sort();

describe('scheduled backups', { timeout: 120_000 }, () => {
  it('back up when the last backup is older than the interval, and keep the BACKUP_KEEP newest', async () => {
    const t = await setupTest();
    await buildTree(t.db);
    const config = configFor(t, { BACKUP_INTERVAL_HOURS: '24', BACKUP_KEEP: '2' });
    const log = recorder();
    const scheduler = startBackupScheduler(t.db, config, log, never);
    const runs = () => t.db.selectFrom('backup_run').selectAll().orderBy('id').execute();
    const age = (hours: number) =>
      t.db
        .updateTable('backup_run')
        .set({ started_at: sql`started_at - make_interval(hours => ${hours})` })
        .execute();
    try {
      await scheduler.tick();
      expect((await runs()).map((r) => [r.trigger, r.status, r.requested_by_name])).toEqual([
        ['scheduled', 'succeeded', null],
      ]);
      expect(log.lines.map((l) => l.level)).toEqual(['info']);
      await scheduler.tick(); // the last one is fresh: nothing to do
      expect(await runs()).toHaveLength(1);

      await age(23);
      await scheduler.tick();
      expect(await runs()).toHaveLength(1);
      await age(2); // now 25 hours old
      await scheduler.tick();
      await age(25);
      await scheduler.tick();
      const all = await runs();
      expect(all).toHaveLength(3);
      expect(await archives(config.backupDir)).toEqual([all[1]!.file_name, all[2]!.file_name].sort());
      expect(all.map((r) => r.pruned_at !== null)).toEqual([true, false, false]);
      const pruned = await t.db
        .selectFrom('audit_event')
        .select('summary')
        .where('action', '=', 'backup.pruned')
        .execute();
      expect(pruned.map((e) => e.summary)).toEqual([
        `Xóa 1 bản sao lưu cũ, chỉ giữ các bản mới nhất theo BACKUP_KEEP: ${all[0]!.file_name}`,
      ]);
      const created = await t.db
        .selectFrom('audit_event')
        .select('summary')
        .where('action', '=', 'backup.created')
        .orderBy('id')
        .execute();
      expect(created[0]!.summary).toMatch(/^Sao lưu dữ liệu theo lịch: dienhinh-/);
    } finally {
      await scheduler.stop();
    }
  });

  it('log and record a failure without throwing, and do nothing when the interval is 0', async () => {
    const t = await setupTest();
    const blocked = path.join(t.dataDir, 'khong-phai-thu-muc');
    await writeFile(blocked, 'một tệp đứng chỗ thư mục sao lưu');
    const log = recorder();
    const failing = startBackupScheduler(
      t.db,
      configFor(t, { BACKUP_INTERVAL_HOURS: '1', BACKUP_DIR: blocked }),
      log,
      never,
    );
    await expect(failing.tick()).resolves.toBeUndefined();
    await failing.stop();
    expect(log.lines.map((l) => [l.level, l.msg])).toEqual([['error', 'scheduled backup failed']]);
    const run = await t.db.selectFrom('backup_run').selectAll().executeTakeFirstOrThrow();
    expect([run.status, run.trigger, run.file_name]).toEqual(['failed', 'scheduled', null]);
    expect(run.error).toMatch(/EEXIST|ENOTDIR/);
    const event = await t.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'backup.failed')
      .executeTakeFirstOrThrow();
    expect(event.summary).toMatch(/^Sao lưu dữ liệu theo lịch không thành công: /);

    const off = startBackupScheduler(t.db, configFor(t, { BACKUP_INTERVAL_HOURS: '0' }), log, never);
    await off.tick();
    await off.stop();
    expect(await t.db.selectFrom('backup_run').select('id').execute()).toHaveLength(1);
  });
});

describe('leftovers of a killed backup', () => {
  it('are removed by the next backup once a day old, never while they may belong to a live run', async () => {
    const t = await setupTest();
    const config = configFor(t, {});
    await mkdir(config.backupDir, { recursive: true });
    const old = [
      path.join(config.backupDir, '.staging-aaaaaaaaaaaa'),
      path.join(config.backupDir, 'dienhinh-20260101-010101.tar.gz.partial'),
    ];
    const young = path.join(config.backupDir, '.staging-bbbbbbbbbbbb');
    await mkdir(old[0]!);
    await writeFile(old[1]!, 'nửa chừng');
    await mkdir(young);
    const twoDaysAgo = new Date(Date.now() - 48 * 3_600_000);
    for (const p of old) await utimes(p, twoDaysAgo, twoDaysAgo);
    await backupServiceFor(t.db, backupSettingsOf(config)).run({ trigger: 'cli', ctx: systemContext });
    expect(old.map((p) => existsSync(p))).toEqual([false, false]);
    expect(existsSync(young)).toBe(true);
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)('backups in a PostgreSQL cluster', { timeout: 120_000 }, () => {
  it('run on one node at a time: the schedule skips, a manual backup is told', async () => {
    const t = await setupTest();
    const config = configFor(t, { BACKUP_INTERVAL_HOURS: '24' });
    // Another node holds the backup lock: a second connection to the same database.
    const name = (await sql<{ d: string }>`select current_database() as d`.execute(t.db)).rows[0]!.d;
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const otherNode = kyselyOnPostgres(url.toString(), 1);
    try {
      await otherNode.db.connection().execute(async (conn) => {
        expect(
          (await sql<{ ok: boolean }>`select pg_try_advisory_lock(${BACKUP_LOCK_KEY}) as ok`.execute(conn)).rows[0]!.ok,
        ).toBe(true);
        const log = recorder();
        const scheduler = startBackupScheduler(t.db, config, log, never);
        await scheduler.tick();
        await scheduler.stop();
        expect(log.lines).toEqual([]);
        const manual = backupServiceFor(t.db, backupSettingsOf(config)).start({
          trigger: 'manual',
          ctx: systemContext,
        });
        await expect(manual).rejects.toThrow(
          'Một máy chủ khác đang sao lưu cơ sở dữ liệu này; hãy đợi nó xong rồi thử lại.',
        );
        expect(await t.db.selectFrom('backup_run').select('id').execute()).toEqual([]);
        await sql`select pg_advisory_unlock(${BACKUP_LOCK_KEY})`.execute(conn);
      });
    } finally {
      await otherNode.close();
    }
    const done = await backupServiceFor(t.db, backupSettingsOf(config)).run({ trigger: 'manual', ctx: systemContext });
    expect(done?.runId).toBeGreaterThan(0);
  });
});
