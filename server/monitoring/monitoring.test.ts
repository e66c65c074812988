/**
 * Monitoring notes (theo dõi, đôn đốc): who may read and write them, the
 * checks on dates and files, uploads by monitors, paging and the timeline.
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE, upload } from '../documents/test-helpers.ts';
import { ZStoredFile } from '../../common/schemas/documents.ts';
import { ZMonitorNotePage } from '../../common/schemas/monitoring.ts';
import { ZEntryDetail } from '../../common/schemas/registry.ts';
import { ZTimeline } from '../../common/schemas/registry-timeline.ts';
import { anonymous, expectError, expectOk, setupTest } from '../test/harness.ts';
import { modelEntry, registerAccepted, registryWorld } from '../registry/test-helpers.ts';

const E = '/api/v1/registry/entries';

async function world() {
  const t = await setupTest();
  const w = await registryWorld(t);
  const a1 = await registerAccepted(
    w,
    w.reporterA1.s,
    w.operatorA.s,
    modelEntry(w, w.tree.a1, { name: 'Mô hình A1 được theo dõi' }),
  );
  const a2 = await registerAccepted(
    w,
    w.reporterA2.s,
    w.operatorA.s,
    modelEntry(w, w.tree.a2, { name: 'Mô hình A2 không phân công' }),
  );
  const assigned = await w.operatorA.s.post(`${E}/${a1.id}/monitors`, {
    userId: w.monitor.id,
    assignedOn: '2022-02-01',
    revision: a1.revision,
  });
  return { t, w, a1: expectOk(assigned, ZEntryDetail, 201), a2 };
}

const note = (o: Record<string, unknown> = {}) => ({
  kind: 'visit',
  occurredOn: '2023-03-15',
  content: 'Đến đơn vị kiểm tra việc thực hiện',
  ...o,
});

describe('monitoring notes', () => {
  it('answers 401 without signing in', async () => {
    const { t, a1 } = await world();
    const anon = anonymous(t.app);
    expect((await anon.get(`${E}/${a1.id}/monitor-notes`)).statusCode).toBe(401);
    expect((await anon.post(`${E}/${a1.id}/monitor-notes`, note())).statusCode).toBe(401);
  });

  it('a monitor writes on assigned entries only; approvers of the level write; readers get 403; others 404', async () => {
    const { w, a1, a2 } = await world();
    const post = (s: typeof w.monitor.s, id: number) => s.post(`${E}/${id}/monitor-notes`, note());
    const get = (s: typeof w.monitor.s, id: number) => s.get(`${E}/${id}/monitor-notes`);

    const byMonitor = await post(w.monitor.s, a1.id);
    expect(expectOk(byMonitor, ZMonitorNotePage, 201)).toMatchObject({
      total: 1,
      canWrite: true,
      items: [{ kind: 'visit', occurredOn: '2023-03-15', recordedBy: 'Người theo dõi' }],
    });
    // The monitor sees only what is assigned.
    expect((await get(w.monitor.s, a2.id)).statusCode).toBe(404);
    expect((await post(w.monitor.s, a2.id)).statusCode).toBe(404);

    // The operator of the level (bloc A approves grassroots entries of its subtree) writes too.
    expect((await post(w.operatorA.s, a2.id)).statusCode).toBe(201);
    expect((await post(w.operatorRoot.s, a1.id)).statusCode).toBe(201);

    // Readers who are neither: 403; and their list says they cannot write.
    for (const s of [w.viewerA.s, w.reporterA1.s]) {
      expect((await post(s, a1.id)).statusCode).toBe(403);
      expect(expectOk(await get(s, a1.id), ZMonitorNotePage)).toMatchObject({ total: 2, canWrite: false });
    }
    // Another bloc's operator and the other unit's reporter cannot see the entry at all.
    expect((await get(w.operatorB.s, a1.id)).statusCode).toBe(404);
    expect((await post(w.operatorB.s, a1.id)).statusCode).toBe(404);
    expect((await post(w.reporterA2.s, a1.id)).statusCode).toBe(404);
    expect(expectOk(await get(w.monitor.s, a1.id), ZMonitorNotePage).canWrite).toBe(true);
    expect(expectOk(await get(w.operatorA.s, a1.id), ZMonitorNotePage).canWrite).toBe(true);
  });

  it('an unassigned monitor no longer sees the entry, nor may upload files', async () => {
    const { t, w, a1 } = await world();
    const monitorId = a1.monitors.find((m) => m.userId === w.monitor.id)!.id;
    const un = await w.operatorA.s.post(`${E}/${a1.id}/monitors/${monitorId}/unassign`, {
      unassignedOn: '2023-01-01',
      revision: a1.revision,
    });
    expectOk(un, ZEntryDetail);
    expect((await w.monitor.s.post(`${E}/${a1.id}/monitor-notes`, note())).statusCode).toBe(404);
    expect((await upload(t.app, w.monitor.s, 'anh.png', SAMPLE.png)).statusCode).toBe(403);
  });

  it('rejects a future date, an empty content, a bad kind, and records nothing', async () => {
    const { t, w, a1 } = await world();
    const tomorrow = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10);
    const future = await w.monitor.s.post(`${E}/${a1.id}/monitor-notes`, note({ occurredOn: tomorrow }));
    expect(expectError(future, 400, 'VALIDATION', ['occurredOn']).message).toMatch(/tương lai/);
    expect((await w.monitor.s.post(`${E}/${a1.id}/monitor-notes`, note({ content: '  ' }))).statusCode).toBe(400);
    expect((await w.monitor.s.post(`${E}/${a1.id}/monitor-notes`, note({ kind: 'party' }))).statusCode).toBe(400);
    const rows = await t.db.selectFrom('monitor_note').selectAll().execute();
    expect(rows).toHaveLength(0);
  });

  it('monitors may upload attachments; others without documents.write may not; foreign files are refused', async () => {
    const { t, w, a1 } = await world();
    const up = await upload(t.app, w.monitor.s, 'anh-hien-truong.png', SAMPLE.png);
    const fileId = expectOk(up, ZStoredFile, 201).id;
    // A viewer has neither documents.write nor an assignment.
    expect((await upload(t.app, w.viewerA.s, 'x.png', SAMPLE.png)).statusCode).toBe(403);
    // A file uploaded by someone else (and attached nowhere the monitor can read) cannot be attached.
    const other = expectOk(await upload(t.app, w.operatorB.s, 'khac.pdf', SAMPLE.pdf), ZStoredFile, 201).id;
    const refused = await w.monitor.s.post(`${E}/${a1.id}/monitor-notes`, note({ fileIds: [other] }));
    expectError(refused, 400, 'VALIDATION', ['fileIds']);

    const ok = await w.monitor.s.post(`${E}/${a1.id}/monitor-notes`, note({ fileIds: [fileId] }));
    expect(expectOk(ok, ZMonitorNotePage, 201).items[0]!.files).toEqual([
      { id: fileId, name: 'anh-hien-truong.png', mimeType: 'image/png', sizeBytes: SAMPLE.png.length },
    ]);
    // Whoever reads the entry may now download the attachment; another bloc may not.
    expect((await w.viewerA.s.get(`/api/v1/files/${fileId}`)).statusCode).toBe(200);
    expect((await w.operatorB.s.get(`/api/v1/files/${fileId}`)).statusCode).toBe(404);
    const audit = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'monitor.note')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_user_id: w.monitor.id, entity_id: String(a1.id), unit_id: w.tree.a1 });
  });

  it('lists newest first with paging, and shows notes on the entry timeline', async () => {
    const { w, a1 } = await world();
    for (const [d, kind] of [
      ['2023-01-10', 'note'],
      ['2023-05-02', 'urge'],
      ['2023-03-01', 'visit'],
    ] as const) {
      expect(
        (await w.monitor.s.post(`${E}/${a1.id}/monitor-notes`, note({ occurredOn: d, kind, content: `Ghi ngày ${d}` })))
          .statusCode,
      ).toBe(201);
    }
    const page1 = expectOk(await w.viewerA.s.get(`${E}/${a1.id}/monitor-notes?pageSize=2`), ZMonitorNotePage);
    expect(page1.total).toBe(3);
    expect(page1.items.map((n: { occurredOn: string }) => n.occurredOn)).toEqual(['2023-05-02', '2023-03-01']);
    const page2 = expectOk(await w.viewerA.s.get(`${E}/${a1.id}/monitor-notes?pageSize=2&page=2`), ZMonitorNotePage);
    expect(page2.items.map((n: { occurredOn: string }) => n.occurredOn)).toEqual(['2023-01-10']);

    const timeline = expectOk(await w.viewerA.s.get(`${E}/${a1.id}/timeline`), ZTimeline);
    const notes = timeline.items.filter((i) => i.type === 'monitor_note');
    expect(notes.map((n) => [n.date, n.kind, n.label])).toEqual([
      ['2023-01-10', 'note', 'Ghi nhận theo dõi'],
      ['2023-03-01', 'visit', 'Đến kiểm tra thực tế'],
      ['2023-05-02', 'urge', 'Đôn đốc'],
    ]);
    expect(notes[0]).toMatchObject({ content: 'Ghi ngày 2023-01-10', recordedBy: 'Người theo dõi', files: [] });
  });
});
