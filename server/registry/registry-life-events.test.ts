/** An accepted entry's life: level changes, renames, removal, reinstatement, transfer, replacement, spread, and its monitors. */
import { describe, expect, it } from 'vitest';
import { ZTimeline } from '../../common/schemas/registry-timeline.ts';
import { ZEntryDetail, ZEntryPage } from '../../common/schemas/registry.ts';
import { expectError, expectOk, setupTest } from '../test/harness.ts';
import { modelEntry, register, registerAccepted, registryWorld } from './test-helpers.ts';

const E = '/api/v1/registry/entries';

describe('registry: life events', () => {
  it('moves between levels, renames, adjusts, removes, reinstates, transfers and replaces, keeping spans and links', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const opA = w.operatorA.s;
    let e = await registerAccepted(
      w,
      w.reporterA1.s,
      opA,
      modelEntry(w, w.tree.a1, { name: 'Mô hình dân vận khéo' }),
      '2021-07-01',
    );
    const ev = async (s: typeof opA, body: Record<string, unknown>, status = 200) => {
      const r = await s.post(`${E}/${e.id}/events`, { reason: 'Theo kết quả rà soát', revision: e.revision, ...body });
      expect(r.statusCode, r.body).toBe(status);
      if (status === 200) e = expectOk(r, ZEntryDetail);
      return r;
    };

    // Up from grassroots to the bloc level (the bloc operator's own level).
    await ev(opA, { kind: 'level_changed', toLevelId: w.levels.trenCoSo, effectiveDate: '2022-01-01' });
    expect(e.level.id).toBe(w.levels.trenCoSo);
    // Up to the province needs the province's operator.
    await ev(opA, { kind: 'level_changed', toLevelId: w.levels.tinh, effectiveDate: '2022-06-01' }, 403);
    await ev(w.operatorRoot.s, { kind: 'level_changed', toLevelId: w.levels.tinh, effectiveDate: '2022-06-01' });
    // And now the bloc operator can no longer decide on it.
    await ev(opA, { kind: 'removed', effectiveDate: '2022-07-01' }, 403);

    // Rename and content adjustment by the reporter: no span change.
    await ev(w.reporterA1.s, {
      kind: 'renamed',
      name: 'Mô hình "Dân vận khéo" trong cải cách hành chính',
      effectiveDate: '2022-06-15',
    });
    await ev(w.reporterA1.s, {
      kind: 'content_adjusted',
      goals: 'Giảm 30% thời gian giải quyết thủ tục',
      effectiveDate: '2022-06-20',
    });
    expect(e).toMatchObject({
      name: 'Mô hình "Dân vận khéo" trong cải cách hành chính',
      goals: 'Giảm 30% thời gian giải quyết thủ tục',
    });
    // The reporter cannot take it off the list.
    expect(
      (
        await w.reporterA1.s.post(`${E}/${e.id}/events`, {
          kind: 'removed',
          reason: 'x',
          effectiveDate: '2022-07-01',
          revision: e.revision,
        })
      ).statusCode,
    ).toBe(403);

    // Events go in date order and never in the future.
    const early = await ev(w.operatorRoot.s, { kind: 'removed', effectiveDate: '2022-05-01' }, 400);
    expect(expectError(early, 400, 'VALIDATION', ['effectiveDate']).message).toMatch(/20\/06\/2022/);
    await ev(w.operatorRoot.s, { kind: 'removed', effectiveDate: '2999-01-01' }, 400);

    await ev(w.operatorRoot.s, {
      kind: 'removed',
      effectiveDate: '2022-12-31',
      reason: 'Không đảm bảo các tiêu chí theo quy định',
    });
    expect(e.status).toBe('removed');
    await ev(w.operatorRoot.s, { kind: 'removed', effectiveDate: '2023-01-01' }, 409);
    await ev(w.operatorRoot.s, { kind: 'reinstated', effectiveDate: '2023-03-01', levelId: w.levels.trenCoSo });
    expect(e).toMatchObject({ status: 'active', level: { id: w.levels.trenCoSo } });
    await ev(opA, {
      kind: 'transferred_out',
      transferredTo: 'Trung ương (Khối ngân hàng)',
      effectiveDate: '2023-06-01',
    });
    expect(e.status).toBe('transferred');
    await ev(opA, { kind: 'reinstated', effectiveDate: '2023-09-01' });

    // Replacement: both entries linked.
    const successor = await registerAccepted(
      w,
      w.reporterA1.s,
      opA,
      modelEntry(w, w.tree.a1, { name: 'Mô hình thay thế' }),
      '2023-10-01',
    );
    await ev(opA, { kind: 'replaced', replacementId: e.id, effectiveDate: '2023-10-01' }, 400);
    await ev(opA, { kind: 'replaced', replacementId: successor.id, effectiveDate: '2023-10-01' });
    expect(e).toMatchObject({ status: 'replaced', replacedBy: { id: successor.id, name: 'Mô hình thay thế' } });
    const successorTimeline = expectOk(await opA.get(`${E}/${successor.id}/timeline`), ZTimeline);
    expect(successorTimeline.items.find((i) => 'kind' in i && i.kind === 'replacement_for')).toMatchObject({
      relatedEntry: { id: e.id },
      date: '2023-10-01',
    });

    expect(
      e.spans.map(
        (s: {
          level: { id: number };
          validFrom: string;
          validTo: string | null;
          began: string;
          ended: string | null;
        }) => [s.level.id, s.validFrom, s.validTo, s.began, s.ended],
      ),
    ).toEqual([
      [w.levels.coSo, '2021-07-01', '2022-01-01', 'accepted', 'level_out'],
      [w.levels.trenCoSo, '2022-01-01', '2022-06-01', 'level_in', 'level_out'],
      [w.levels.tinh, '2022-06-01', '2022-12-31', 'level_in', 'removed'],
      [w.levels.trenCoSo, '2023-03-01', '2023-06-01', 'reinstated', 'transferred'],
      [w.levels.trenCoSo, '2023-09-01', '2023-10-01', 'reinstated', 'replaced'],
    ]);
    const kinds = expectOk(await opA.get(`${E}/${e.id}/timeline`), ZTimeline).items.map((i) =>
      'kind' in i ? i.kind : undefined,
    );
    expect(kinds.filter((k) => !['registered', 'submitted'].includes(k ?? ''))).toEqual([
      'accepted',
      'level_changed',
      'level_changed',
      'renamed',
      'content_adjusted',
      'removed',
      'reinstated',
      'transferred_out',
      'reinstated',
      'replaced',
    ]);
    // The list on a date shows what was on it then.
    const on = async (date: string) =>
      expectOk(await opA.get(`${E}?onDate=${date}`), ZEntryPage).items.map((i: { id: number }) => i.id);
    expect(await on('2022-12-30')).toEqual([e.id]);
    expect(await on('2022-12-31')).toEqual([]);
    expect(await on('2023-10-01')).toEqual([successor.id]);
  });

  it('shows where a model has spread (nhân rộng)', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const origin = await registerAccepted(
      w,
      w.reporterA1.s,
      w.operatorA.s,
      modelEntry(w, w.tree.a1, { name: 'Mô hình 5S' }),
    );
    const copy = await register(
      w.reporterA2.s,
      modelEntry(w, w.tree.a2, { name: 'Mô hình 5S tại Trường Cao đẳng nghề', replicatesId: origin.id }),
    );
    expect(copy.replicates).toEqual({ id: origin.id, name: 'Mô hình 5S' });
    const shown = expectOk(await w.operatorA.s.get(`${E}/${origin.id}`), ZEntryDetail);
    expect(
      shown.replications.map((r: { id: number; ownerUnit: { name: string } }) => [r.id, r.ownerUnit.name]),
    ).toEqual([[copy.id, 'Đảng bộ Trường Cao đẳng nghề']]);
    // The reporter of a1 does not see a2's replication.
    expect(expectOk(await w.reporterA1.s.get(`${E}/${origin.id}`), ZEntryDetail).replications).toEqual([]);
  });

  it('refuses a change made from a stale revision (409) and keeps the first', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const e = await registerAccepted(w, w.reporterA1.s, w.operatorA.s, modelEntry(w, w.tree.a1));
    const first = await w.reporterA1.s.post(`${E}/${e.id}/events`, {
      kind: 'renamed',
      name: 'Tên A',
      reason: 'Điều chỉnh',
      effectiveDate: '2022-02-01',
      revision: e.revision,
    });
    expect(first.statusCode).toBe(200);
    const second = await w.reporterA1.s.post(`${E}/${e.id}/events`, {
      kind: 'renamed',
      name: 'Tên B',
      reason: 'Điều chỉnh',
      effectiveDate: '2022-02-01',
      revision: e.revision,
    });
    expectError(second, 409, 'CONFLICT');
    for (const [url, body] of [
      [`${E}/${e.id}/activities`, { kind: 'launched', effectiveDate: '2022-02-01' }],
      [`${E}/${e.id}/monitors`, { userId: w.monitor.id, assignedOn: '2022-02-01' }],
      [`${E}/${e.id}/events`, { kind: 'removed', reason: 'x', effectiveDate: '2022-03-01' }],
    ] as const) {
      expect((await w.operatorA.s.post(url, { ...body, revision: e.revision })).statusCode).toBe(409);
    }
    expect(expectOk(await w.reporterA1.s.get(`${E}/${e.id}`), ZEntryDetail).name).toBe('Tên A');
  });
});

describe('registry: monitors', () => {
  it('assigns and unassigns monitors; an assigned user sees the entry (read only) and finds it in my-assignments', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const assigned = await registerAccepted(
      w,
      w.operatorB.s,
      w.operatorB.s,
      modelEntry(w, w.tree.b1, { name: 'Mô hình an toàn - tiết kiệm' }),
    );
    const other = await registerAccepted(
      w,
      w.operatorB.s,
      w.operatorB.s,
      modelEntry(w, w.tree.b2, { name: 'Mô hình khác' }),
    );
    expect((await w.monitor.s.get(`${E}/${assigned.id}`)).statusCode).toBe(404);

    const r = await w.operatorB.s.post(`${E}/${assigned.id}/monitors`, {
      userId: w.monitor.id,
      assignedOn: '2022-02-01',
      note: 'Theo dõi, đôn đốc',
      revision: assigned.revision,
    });
    const withMonitor = expectOk(r, ZEntryDetail, 201);
    expect(withMonitor.monitors).toEqual([
      {
        id: expect.any(Number),
        userId: w.monitor.id,
        userName: 'Người theo dõi',
        assignedOn: '2022-02-01',
        unassignedOn: null,
        note: 'Theo dõi, đôn đốc',
      },
    ]);
    const again = await w.operatorB.s.post(`${E}/${assigned.id}/monitors`, {
      userId: w.monitor.id,
      assignedOn: '2022-02-02',
      revision: withMonitor.revision,
    });
    expect(again.statusCode).toBe(409);

    // The monitor sees it, its timeline, and only it.
    expect((await w.monitor.s.get(`${E}/${assigned.id}`)).statusCode).toBe(200);
    expect((await w.monitor.s.get(`${E}/${assigned.id}/timeline`)).statusCode).toBe(200);
    expect((await w.monitor.s.get(`${E}/${other.id}`)).statusCode).toBe(404);
    expect(expectOk(await w.monitor.s.get(`${E}`), ZEntryPage).items.map((i) => i.id)).toEqual([assigned.id]);
    const mine = expectOk(await w.monitor.s.get('/api/v1/registry/my-assignments'), ZEntryPage);
    expect(mine).toMatchObject({ total: 1, items: [{ id: assigned.id, name: 'Mô hình an toàn - tiết kiệm' }] });
    expect(
      expectOk(await w.operatorB.s.get(`${E}?monitorId=${w.monitor.id}`), ZEntryPage).items.map(
        (i: { id: number }) => i.id,
      ),
    ).toEqual([assigned.id]);
    // Read only.
    expect(
      (
        await w.monitor.s.post(`${E}/${assigned.id}/activities`, {
          kind: 'launched',
          effectiveDate: '2022-02-01',
          revision: withMonitor.revision,
        })
      ).statusCode,
    ).toBe(403);

    const monitorId = withMonitor.monitors[0]!.id;
    const before = await w.operatorB.s.post(`${E}/${assigned.id}/monitors/${monitorId}/unassign`, {
      unassignedOn: '2022-01-01',
      revision: withMonitor.revision,
    });
    expect(before.statusCode).toBe(400);
    const un = await w.operatorB.s.post(`${E}/${assigned.id}/monitors/${monitorId}/unassign`, {
      unassignedOn: '2023-01-01',
      revision: withMonitor.revision,
    });
    expect(expectOk(un, ZEntryDetail).monitors[0]!.unassignedOn).toBe('2023-01-01');
    expect((await w.monitor.s.get(`${E}/${assigned.id}`)).statusCode).toBe(404);
    expect(expectOk(await w.monitor.s.get('/api/v1/registry/my-assignments'), ZEntryPage).total).toBe(0);
    const kinds = expectOk(await w.operatorB.s.get(`${E}/${assigned.id}/timeline`), ZTimeline).items.map((i) =>
      'kind' in i ? i.kind : undefined,
    );
    expect(kinds).toContain('monitor_assigned');
    expect(kinds).toContain('monitor_unassigned');
  });
});
