/**
 * The dashboard of an ended unit counts its subtree as it stood on its last day (registry/unit-view.ts), like its
 * registry list — not today's tree, where its former grassroots organisations stand under the bloc it merged into.
 */
import { describe, expect, it } from 'vitest';
import { ZDashboard } from '../../common/schemas/evaluation.ts';
import { expectOk, setupTest } from '../test/harness.ts';
import { acceptedModel, EV, evaluationWorld } from './test-helpers.ts';

describe('dashboard of an ended unit', { timeout: 180_000 }, () => {
  it("counts the ended bloc's entries as it stood on its last day; the surviving bloc by today's tree", async () => {
    const t = await setupTest();
    const x = await evaluationWorld(t);
    const { w, periods: p } = x;
    await acceptedModel(x, w.tree.a1, w.reporterA1.s, w.operatorA.s, { name: 'Mô hình "Dân vận khéo"' });
    await acceptedModel(x, w.tree.a2, w.reporterA2.s, w.operatorA.s, { name: 'Mô hình "Xưởng học xanh"' });
    await acceptedModel(x, w.tree.b1, w.operatorB.s, w.operatorB.s, { name: 'Mô hình "Ca vận hành an toàn"' });
    const merged = await w.admin.s.post('/api/v1/org/merges', {
      sourceIds: [w.tree.blocA],
      targetId: w.tree.blocB,
      effectiveDate: '2024-07-01',
      documentId: null,
      note: 'Sáp nhập Khối A vào Khối B',
    });
    expect(merged.statusCode, merged.body).toBe(200);

    // Read by the successor's staff through the archive grant.
    const ended = expectOk(
      await w.operatorB.s.get(`${EV}/dashboard?periodId=${p.h1_2022}&unitId=${w.tree.blocA}`),
      ZDashboard,
    );
    expect(ended.unit?.id).toBe(w.tree.blocA);
    expect(ended.totals.expected).toBe(2);
    expect(ended.trend.find((r) => r.period.id === p.h1_2022)?.expected).toBe(2);

    const surviving = expectOk(
      await w.operatorB.s.get(`${EV}/dashboard?periodId=${p.h1_2022}&unitId=${w.tree.blocB}`),
      ZDashboard,
    );
    expect(surviving.totals.expected).toBe(3);

    // The .xlsx of the same dashboard is served for the ended unit too.
    const xlsx = await w.operatorB.s.get(`${EV}/dashboard.xlsx?periodId=${p.h1_2022}&unitId=${w.tree.blocA}`);
    expect(xlsx.statusCode, xlsx.body).toBe(200);
  });
});
