/** Evidence files in a report: upload checks, nothing stored outside the files folder, who may download. */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SAMPLE, upload } from '../documents/test-helpers.ts';
import { ZStoredFile } from '../../common/schemas/documents.ts';
import { ZEntryDetail } from '../../common/schemas/registry.ts';
import { ZReport } from '../../common/schemas/reporting.ts';
import { expectError, expectOk, setupTest } from '../test/harness.ts';
import { fullValues, keepSessions, R, reportingWorld, saveBody, setToday, startReport } from './test-helpers.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('report evidence files', () => {
  it('refuses bad uploads clearly, attaches a good photo, and lets only readers of the report download it', async () => {
    const t = await setupTest();
    const x = await reportingWorld(t);
    const { w } = x;
    const rep = w.reporterA1.s;
    setToday('2022-07-10');
    const report = await startReport(rep, x.entries.a1.id, x.period.id);

    const big = await upload(
      t.app,
      rep,
      'anh-lon.png',
      Buffer.concat([SAMPLE.png, Buffer.alloc(t.app.config.maxUploadBytes + 10)]),
    );
    expect(expectError(big, 413, 'PAYLOAD_TOO_LARGE').message).toMatch(/quá lớn: tối đa 1 MB/);
    const exe = await upload(t.app, rep, 'chuong-trinh.exe', Buffer.from('MZ\x90\x00'));
    expect(exe.statusCode).toBe(415);
    const fakePng = await upload(t.app, rep, 'anh.png', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(expectError(fakePng, 415, 'UNSUPPORTED_MEDIA_TYPE').message).toMatch(/không khớp/);
    const empty = await upload(t.app, rep, 'rong.png', Buffer.alloc(0));
    expect(expectError(empty, 400, 'VALIDATION').message).toMatch(/rỗng/);
    expect(await t.db.selectFrom('stored_file').select('id').execute()).toEqual([]);

    // A name with a path is reduced to its last part: nothing lands outside the files folder.
    const traversal = await upload(t.app, rep, '../../x.png', SAMPLE.png);
    expect(expectOk(traversal, ZStoredFile, 201).originalName).toBe('x.png');
    expect(existsSync(path.join(t.app.config.filesDir, '..', '..', 'x.png'))).toBe(false);
    expect(existsSync(path.join(t.dataDir, 'x.png'))).toBe(false);
    expect(
      filesUnder(t.dataDir).every(
        (f) => f.startsWith(path.relative(t.dataDir, t.app.config.filesDir)) || !f.endsWith('.png'),
      ),
    ).toBe(true);
    expect(filesUnder(t.app.config.filesDir).every((f) => /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(f))).toBe(
      true,
    );

    const photo = expectOk(await upload(t.app, rep, 'Lễ ra mắt mô hình.png', SAMPLE.png), ZStoredFile, 201);
    const saved = await rep.put(
      `${R}/${report.id}`,
      saveBody(fullValues(x.crit), report.revision, { files: [{ fileId: photo.id, caption: 'Ảnh lễ ra mắt' }] }),
    );
    const savedReport = expectOk(saved, ZReport);
    expect(savedReport.files).toEqual([
      {
        id: photo.id,
        name: 'Lễ ra mắt mô hình.png',
        mimeType: 'image/png',
        sizeBytes: SAMPLE.png.length,
        caption: 'Ảnh lễ ra mắt',
      },
    ]);

    // Someone else's upload cannot be attached.
    const foreign = expectOk(await upload(t.app, w.reporterA2.s, 'cua-a2.png', SAMPLE.png), ZStoredFile, 201);
    const stolen = await rep.put(
      `${R}/${report.id}`,
      saveBody(fullValues(x.crit), savedReport.revision, { files: [{ fileId: foreign.id }] }),
    );
    expectError(stolen, 400, 'VALIDATION', ['files']);
    const twice = await rep.put(
      `${R}/${report.id}`,
      saveBody(fullValues(x.crit), savedReport.revision, { files: [{ fileId: photo.id }, { fileId: photo.id }] }),
    );
    expect(twice.statusCode).toBe(400);

    // Download: the operator, an assigned monitor; not another unit's reporter, not an unassigned monitor.
    expect((await w.operatorA.s.get(`/api/v1/files/${photo.id}`)).statusCode).toBe(200);
    expect((await w.monitor.s.get(`/api/v1/files/${photo.id}`)).statusCode).toBe(404);
    const entry = expectOk(await w.operatorA.s.get(`/api/v1/registry/entries/${x.entries.a1.id}`), ZEntryDetail);
    const assigned = await w.operatorA.s.post(`/api/v1/registry/entries/${x.entries.a1.id}/monitors`, {
      userId: w.monitor.id,
      assignedOn: '2022-02-01',
      revision: entry.revision,
    });
    expect(assigned.statusCode, assigned.body).toBe(201);
    await keepSessions(t);
    const byMonitor = await w.monitor.s.get(`/api/v1/files/${photo.id}`);
    expect(byMonitor.statusCode).toBe(200);
    expect(byMonitor.rawPayload).toEqual(SAMPLE.png);
    expect(expectOk(await w.monitor.s.get(`${R}/${report.id}`), ZReport).files).toHaveLength(1);
    expect((await w.reporterA2.s.get(`/api/v1/files/${photo.id}`)).statusCode).toBe(404);
    expect((await w.operatorB.s.get(`/api/v1/files/${photo.id}`)).statusCode).toBe(404);
  });
});
