/**
 * What restore refuses, and that a refusal changes nothing: a damaged or forged archive, a schema newer
 * than the code, a target that holds data (unless --force, which wipes it); and files missing at
 * backup time, which the backup completes without and reports.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { upload, SAMPLE } from '../documents/test-helpers.ts';
import { systemContext } from '../lib/context.ts';
import { buildTree, buildUnit, buildUser } from '../test/factories.ts';
import { ZStoredFile } from '../../common/schemas/documents.ts';
import { expectOk, setupTest, signIn, type TestContext } from '../test/harness.ts';
import { DEFAULT_PASSWORD } from '../test/factories.ts';
import { migrations } from '../db/migrations/index.ts';
import { appliedMigrations, userDataTables } from './catalog.ts';
import { filesDirHasFiles } from './files.ts';
import { MANIFEST_ENTRY } from './manifest.ts';
import { restoreLines } from './report.ts';
import { restoreArchive } from './restore.ts';
import { backupServiceFor, backupSettingsOf } from './service.ts';
import { emptyTarget, readEntries, writeEntries, type Place } from './test-helpers.ts';

const places: Place[] = [];
afterEach(async () => {
  while (places.length) await places.pop()!.close();
});

async function sourceWithFiles(t: TestContext, files = [SAMPLE.pdf]) {
  const tree = await buildTree(t.db);
  const admin = await buildUser(t.db, { grants: [{ role: 'admin', unitId: tree.root }] });
  const session = await signIn(t.app, admin.username, DEFAULT_PASSWORD);
  const uploaded = [];
  for (const [i, content] of files.entries())
    uploaded.push(expectOk(await upload(t.app, session, `Tệp ${i + 1}.pdf`, content), ZStoredFile, 201));
  return { tree, uploaded };
}

async function backup(t: TestContext) {
  const result = await backupServiceFor(t.db, backupSettingsOf(t.app.config)).run({
    trigger: 'cli',
    ctx: systemContext,
  });
  return result!.outcome;
}

async function untouched(target: Place, applied: string[]) {
  expect(await appliedMigrations(target.db)).toEqual(applied);
  expect(await userDataTables(target.db)).toEqual([]);
  expect(await filesDirHasFiles(target.config.filesDir)).toBe(false);
}

describe('an empty target', { timeout: 180_000 }, () => {
  it('is one never migrated, or freshly migrated (reference data only), with no stored file', async () => {
    const target = await emptyTarget();
    places.push(target);
    expect(await appliedMigrations(target.db)).toEqual(Object.keys(migrations));
    expect(await userDataTables(target.db)).toEqual([]);
    expect(await filesDirHasFiles(target.config.filesDir)).toBe(false);
  });
});

describe('restore refuses', { timeout: 180_000 }, () => {
  it('a damaged or forged archive, before changing anything', async () => {
    const t = await setupTest();
    await sourceWithFiles(t);
    const { path: archive } = await backup(t);
    const target = await emptyTarget();
    places.push(target);
    const before = await appliedMigrations(target.db);
    const entries = await readEntries(archive);
    const copy = path.join(t.dataDir, 'ban-sao.tar.gz');
    const refuse = async (file: string, message: RegExp) => {
      await expect(restoreArchive(file, { db: target.db, filesDir: target.config.filesDir })).rejects.toThrow(message);
      await untouched(target, before);
    };

    // One character of one table's part changed; the manifest still lists the old hash.
    const damaged = entries.map((e) =>
      e.name === 'database/org_unit_version.jsonl'
        ? { ...e, content: Buffer.from(e.content.toString().replace('Khối A', 'Khối X')) }
        : e,
    );
    expect(
      damaged
        .find((e) => e.name === 'database/org_unit_version.jsonl')!
        .content.equals(entries.find((e) => e.name === 'database/org_unit_version.jsonl')!.content),
    ).toBe(false);
    await writeEntries(copy, damaged);
    await refuse(copy, /"database\/org_unit_version\.jsonl" của bản sao lưu đã bị thay đổi hoặc hỏng/);

    // An uploaded file's content swapped.
    await writeEntries(
      copy,
      entries.map((e) => (e.name.startsWith('files/') ? { ...e, content: SAMPLE.png } : e)),
    );
    await refuse(copy, /đã bị thay đổi hoặc hỏng/);

    // An entry the manifest does not list; one it lists, missing; the manifest not first.
    await writeEntries(copy, [...entries, { name: 'files/00/00/evil', content: Buffer.from('x') }]);
    await refuse(copy, /không được kê trong manifest\.json/);
    await writeEntries(
      copy,
      entries.filter((e) => !e.name.startsWith('files/')),
    );
    await refuse(copy, /thiếu 1 mục/);
    await writeEntries(copy, [...entries.slice(1), entries[0]!]);
    await refuse(copy, /thiếu manifest\.json ở đầu/);

    // The archive intact but its sidecar disagrees; the archive cut short; not an archive at all.
    await copyFile(archive, copy);
    await writeFile(`${copy}.sha256`, `${'0'.repeat(64)}  ban-sao.tar.gz\n`);
    await refuse(copy, /khác với tệp ban-sao\.tar\.gz\.sha256/);
    await rm(`${copy}.sha256`);
    const whole = await readFile(archive);
    await writeFile(copy, whole.subarray(0, Math.floor(whole.length / 2)));
    await refuse(copy, /Không đọc được bản sao lưu|thiếu/);
    await writeFile(copy, SAMPLE.pdf);
    await refuse(copy, /Không đọc được bản sao lưu/);

    // The untouched archive restores into the same target.
    const restored = await restoreArchive(archive, { db: target.db, filesDir: target.config.filesDir });
    expect(restored.files).toBe(1);
  });

  it('an archive made by a newer version of the code', async () => {
    const t = await setupTest();
    await buildTree(t.db);
    const { path: archive } = await backup(t);
    const target = await emptyTarget('pglite'); // never migrated: a refusal must leave it so
    places.push(target);
    const entries = await readEntries(archive);
    const manifest = JSON.parse(entries[0]!.content.toString());
    manifest.migrations.push('29991231_9999_tu_tuong_lai');
    manifest.lastMigration = '29991231_9999_tu_tuong_lai';
    const forged = path.join(t.dataDir, 'moi-hon.tar.gz');
    await writeEntries(forged, [
      { name: MANIFEST_ENTRY, content: Buffer.from(JSON.stringify(manifest)) },
      ...entries.slice(1),
    ]);
    await expect(restoreArchive(forged, { db: target.db, filesDir: target.config.filesDir })).rejects.toThrow(
      /Bản sao lưu có cấu trúc dữ liệu mới hơn chương trình này \(migration 29991231_9999_tu_tuong_lai chưa có ở đây/,
    );
    await untouched(target, []);
  });

  it('a target that holds data — unless --force, which wipes it and restores', async () => {
    const source = await setupTest();
    const { tree } = await sourceWithFiles(source);
    const { path: archive } = await backup(source);

    const target = await setupTest();
    await buildUnit(target.db, { name: 'Đơn vị có sẵn ở nơi khôi phục' });
    const stale = path.join(target.app.config.filesDir, 'ab', 'cd', `abcd${'0'.repeat(60)}`);
    await mkdir(path.dirname(stale), { recursive: true });
    await writeFile(stale, 'một tệp có sẵn ở nơi khôi phục');
    await writeFile(path.join(target.app.config.filesDir, 'ghi-chu.txt'), 'không phải tệp lưu trữ: --force để nguyên');
    const into = { db: target.db, filesDir: target.app.config.filesDir };
    await expect(restoreArchive(archive, into)).rejects.toThrow(
      /Nơi khôi phục không trống: cơ sở dữ liệu đang có dữ liệu \(các bảng .*org_unit.*\); thư mục tệp .* đang có tệp\. .*--force/,
    );
    expect((await target.db.selectFrom('org_unit_version').select('name').execute()).map((r) => r.name)).toEqual([
      'Đơn vị có sẵn ở nơi khôi phục',
    ]);

    const restored = await restoreArchive(archive, into, { force: true });
    expect(restored.auditChainMatches).toBe(true);
    const names = async (db: TestContext['db']) =>
      (await db.selectFrom('org_unit_version').select('name').orderBy('id').execute()).map((r) => r.name);
    expect(await names(target.db)).toEqual(await names(source.db));
    expect(await names(target.db)).not.toContain('Đơn vị có sẵn ở nơi khôi phục');
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(path.join(into.filesDir, 'ghi-chu.txt'))).toBe(true);
    expect((await readdir(into.filesDir, { recursive: true })).filter((n) => /[0-9a-f]{64}$/.test(n))).toHaveLength(1);
    expect(
      (await target.db.selectFrom('org_unit').select('id').where('id', '=', tree.root).executeTakeFirst())?.id,
    ).toBe(tree.root);
  });
});

describe('files missing at backup time', { timeout: 180_000 }, () => {
  it('are left out, listed in the manifest, the run and the audit log, and reported by restore', async () => {
    const t = await setupTest();
    const other = Buffer.concat([SAMPLE.pdf, Buffer.from('% một tệp khác\n')]);
    const third = Buffer.concat([SAMPLE.pdf, Buffer.from('% tệp thứ ba\n')]);
    const { uploaded } = await sourceWithFiles(t, [SAMPLE.pdf, other, third]);
    const keyOf = async (id: number) =>
      (await t.db.selectFrom('stored_file').select('storage_key').where('id', '=', id).executeTakeFirstOrThrow())
        .storage_key;
    const gone = await keyOf(uploaded[1]!.id);
    const damaged = await keyOf(uploaded[2]!.id);
    await rm(path.join(t.app.config.filesDir, gone));
    await writeFile(path.join(t.app.config.filesDir, damaged), 'hỏng');

    const outcome = await backup(t);
    expect(outcome.manifest.missingFiles).toEqual(
      [
        { key: gone, reason: 'missing' },
        { key: damaged, reason: 'corrupt' },
      ].sort((a, b) => (a.key < b.key ? -1 : 1)),
    );
    expect(outcome.manifest.files.map((f) => f.key)).toEqual([await keyOf(uploaded[0]!.id)]);
    const run = await t.db.selectFrom('backup_run').selectAll().executeTakeFirstOrThrow();
    expect(run.status).toBe('succeeded');
    expect(run.missing_files).toHaveLength(2);
    const event = await t.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'backup.created')
      .executeTakeFirstOrThrow();
    expect(event.summary).toContain('THIẾU 2 tệp đính kèm');

    const target = await emptyTarget();
    places.push(target);
    const restored = await restoreArchive(outcome.path, { db: target.db, filesDir: target.config.filesDir });
    expect(restored.missingFiles).toEqual(outcome.manifest.missingFiles);
    expect(restored.files).toBe(1);
  });
});

describe('an audit log rewritten inside the archive', { timeout: 180_000 }, () => {
  it('restores, but says loudly that the rebuilt chain does not end at the archive’s seal', async () => {
    const t = await setupTest();
    await buildTree(t.db);
    const { path: archive, manifest } = await backup(t);
    const entries = await readEntries(archive);
    // Someone edits an event and fixes the part's checksum in the manifest (but cannot know the seal the chain will give).
    const part = entries.find((e) => e.name === 'database/audit_event.jsonl')!;
    const edited = Buffer.from(part.content.toString().replace('Thành lập', 'Không thành lập'));
    expect(edited.equals(part.content)).toBe(false);
    const forgedManifest = {
      ...manifest,
      tables: manifest.tables.map((tb) =>
        tb.name === 'audit_event'
          ? { ...tb, bytes: edited.length, sha256: createHash('sha256').update(edited).digest('hex') }
          : tb,
      ),
    };
    const forged = path.join(t.dataDir, 'nhat-ky-bi-sua.tar.gz');
    await writeEntries(
      forged,
      entries.map((e) =>
        e.name === MANIFEST_ENTRY
          ? { ...e, content: Buffer.from(JSON.stringify(forgedManifest)) }
          : e === part
            ? { ...e, content: edited }
            : e,
      ),
    );

    const target = await emptyTarget();
    places.push(target);
    const restored = await restoreArchive(forged, { db: target.db, filesDir: target.config.filesDir });
    expect(restored.auditChainMatches).toBe(false);
    expect(restored.auditChain?.seq).toBe(manifest.auditChain!.seq);
    expect(restored.auditChain?.hash).not.toBe(manifest.auditChain!.hash);
    const lines = restoreLines('nhat-ky-bi-sua.tar.gz', restored).join('\n');
    expect(lines).toContain(
      'CẢNH BÁO: CHUỖI NHẬT KÝ THAO TÁC SAU KHÔI PHỤC KHÔNG KHỚP MÃ NIÊM PHONG TRONG BẢN SAO LƯU',
    );
    const event = await target.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'backup.restored')
      .executeTakeFirstOrThrow();
    expect(event.summary).toContain('CẢNH BÁO: chuỗi nhật ký khôi phục không khớp mã niêm phong');
  });
});
