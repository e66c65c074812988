/**
 * /api/v1/admin/backups: system administrators list, make and download backups (audited); nobody
 * else reaches any of it; an archive not on this node's disk answers a clear 404.
 */
import { rm } from 'node:fs/promises';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { ZBackupList, ZBackupRunning } from '../../common/schemas/backups.ts';
import {
  anonymous,
  expectError,
  expectOk,
  type Session,
  setupTest,
  signIn,
  type TestContext,
} from '../test/harness.ts';
import { readEntries } from './test-helpers.ts';
import { backupServiceFor, backupSettingsOf } from './service.ts';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

const B = '/api/v1/admin/backups';

async function world(t: TestContext) {
  const tree = await buildTree(t.db);
  const as = async (role: 'admin' | 'operator' | 'viewer' | 'reporter', unitId: number, fullName: string) => {
    const user = await buildUser(t.db, { grants: [{ role, unitId }], fullName });
    return signIn(t.app, user.username, DEFAULT_PASSWORD);
  };
  return {
    tree,
    systemAdmin: await as('admin', tree.root, 'Quản trị hệ thống'),
    blocAdmin: await as('admin', tree.blocA, 'Quản trị Khối A'),
    operator: await as('operator', tree.root, 'Cán bộ nghiệp vụ tỉnh'),
    viewer: await as('viewer', tree.root, 'Lãnh đạo tỉnh'),
  };
}

/** Makes a backup through the API and waits for it to be listed. */
async function backUpNow(t: TestContext, admin: Session) {
  const started = await admin.post(B);
  expect(expectOk(started, ZBackupRunning, 202)).toMatchObject({
    trigger: 'manual',
    requestedByName: expect.stringContaining('Quản trị hệ thống'),
  });
  await backupServiceFor(t.db, backupSettingsOf(t.app.config)).idle();
  return expectOk(await admin.get(B), ZBackupList);
}

describe('backups API', { timeout: 120_000 }, () => {
  it('lets a system administrator back up, list and download — audited', async () => {
    const t = await setupTest();
    const w = await world(t);
    const empty = expectOk(await w.systemAdmin.get(B), ZBackupList);
    expect(empty).toMatchObject({
      running: null,
      items: [],
      settings: { backupDir: t.app.config.backupDir, keep: t.app.config.backupKeep, node: os.hostname() },
    });

    const list = await backUpNow(t, w.systemAdmin);
    expect(list.running).toBeNull();
    expect(list.items).toHaveLength(1);
    const run = list.items[0]!;
    expect(run).toMatchObject({
      status: 'succeeded',
      trigger: 'manual',
      node: os.hostname(),
      downloadable: true,
      missingFiles: [],
      error: null,
      prunedAt: null,
    });
    expect(run.requestedByName).toContain('Quản trị hệ thống');
    expect(run.fileName).toMatch(/^dienhinh-\d{8}-\d{6}\.tar\.gz$/);
    expect(run.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(run.rowCount).toBeGreaterThan(0);

    const download = await w.systemAdmin.get(`${B}/${run.id}/download`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/gzip');
    expect(download.headers['content-disposition']).toContain(run.fileName);
    expect(Number(download.headers['content-length'])).toBe(run.sizeBytes);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(run.sha256);
    const saved = path.join(t.dataDir, 'tai-ve.tar.gz');
    await writeFile(saved, download.rawPayload);
    expect((await readEntries(saved))[0]!.name).toBe('manifest.json');

    const actions = (
      await t.db
        .selectFrom('audit_event')
        .select(['action', 'summary', 'entity_id'])
        .where('action', 'like', 'backup.%')
        .orderBy('id')
        .execute()
    ).map((e) => [e.action, e.entity_id]);
    expect(actions).toEqual([
      ['backup.created', String(run.id)],
      ['backup.downloaded', String(run.id)],
    ]);
  });

  it('answers 409 while a backup runs, and a clear 404 for an archive that is not on this server', async () => {
    const t = await setupTest();
    const w = await world(t);
    const first = await w.systemAdmin.post(B);
    expect(first.statusCode).toBe(202);
    const second = await w.systemAdmin.post(B);
    expect(expectError(second, 409, 'CONFLICT').message).toContain('Đang có một lần sao lưu chạy');
    expect(expectOk(await w.systemAdmin.get(B), ZBackupList).running).toMatchObject({ trigger: 'manual' });
    await backupServiceFor(t.db, backupSettingsOf(t.app.config)).idle();

    const run = expectOk(await w.systemAdmin.get(B), ZBackupList).items[0]!;
    expect(run.fileName).not.toBeNull();
    await rm(path.join(t.app.config.backupDir, run.fileName!));
    const gone = await w.systemAdmin.get(`${B}/${run.id}/download`);
    expect(expectError(gone, 404, 'NOT_FOUND').message).toBe(
      `Không tải được bản sao lưu ${run.fileName}: tệp không có trên máy chủ này; tệp được ghi ở thư mục ${t.app.config.backupDir}.`,
    );
    expect(expectOk(await w.systemAdmin.get(B), ZBackupList).items[0]!.downloadable).toBe(false);

    // A run recorded by another node of the cluster.
    await t.db.updateTable('backup_run').set({ node: 'may-chu-2' }).where('id', '=', run.id).execute();
    expect(expectError(await w.systemAdmin.get(`${B}/${run.id}/download`), 404, 'NOT_FOUND').message).toContain(
      `máy chủ may-chu-2 (máy đang phục vụ bạn là ${os.hostname()})`,
    );
    expect((await w.systemAdmin.get(`${B}/${run.id + 1000}/download`)).statusCode).toBe(404);
    expect((await w.systemAdmin.get(`${B}/abc/download`)).statusCode).toBe(400);
  });

  it('is closed to everyone but system administrators', async () => {
    const t = await setupTest();
    const w = await world(t);
    await backUpNow(t, w.systemAdmin);
    const id = expectOk(await w.systemAdmin.get(B), ZBackupList).items[0]!.id;
    const before = await t.db.selectFrom('backup_run').select('id').execute();
    const routes: Array<[string, (s: Session) => ReturnType<Session['get']>]> = [
      ['GET list', (s) => s.get(B)],
      ['POST backup', (s) => s.post(B)],
      ['GET download', (s) => s.get(`${B}/${id}/download`)],
    ];
    for (const [name, call] of routes) {
      expect((await call(anonymous(t.app))).statusCode, `${name} anonymous`).toBe(401);
      for (const [who, session] of [
        ['admin of a bloc', w.blocAdmin],
        ['operator of the root', w.operator],
        ['viewer of the root', w.viewer],
      ] as const) {
        const response = await call(session);
        expect(expectError(response, 403, 'FORBIDDEN').message, `${name} ${who}`).toBe(
          'Chỉ quản trị hệ thống được xem và tạo bản sao lưu dữ liệu.',
        );
      }
    }
    await backupServiceFor(t.db, backupSettingsOf(t.app.config)).idle();
    expect(await t.db.selectFrom('backup_run').select('id').execute()).toEqual(before);
    expect(
      await t.db.selectFrom('audit_event').select('id').where('action', '=', 'backup.downloaded').execute(),
    ).toEqual([]);
  });
});
