/**
 * Completeness counts an entry under the unit that held it at the period's end (period-rules.ts), not under its
 * current owner: a change of owner moves the periods after it and leaves the periods before it where they were.
 */
import { describe, expect, it } from 'vitest';
import { ZCompleteness, ZPeriodEntriesPage } from '../../common/schemas/reporting-completeness.ts';
import { ZEntryDetail } from '../../common/schemas/registry.ts';
import { expectOk, setupTest } from '../test/harness.ts';
import { modelEntry, registerAccepted, registryWorld } from '../registry/test-helpers.ts';
import { P } from './test-helpers.ts';

describe('completeness: the owner at the period end', { timeout: 180_000 }, () => {
  it('counts a period before a change of owner under the old unit, a period after it under the new', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const period = (name: string, startsOn: string, endsOn: string) =>
      t.db
        .insertInto('report_period')
        .values({ plan_id: w.plan, kind: 'half_year', name, starts_on: startsOn, ends_on: endsOn, due_on: endsOn })
        .returning('id')
        .executeTakeFirstOrThrow()
        .then((r) => r.id);
    const h1 = await period('6 tháng đầu năm 2022', '2022-01-01', '2022-06-30');
    const h2 = await period('6 tháng cuối năm 2022', '2022-07-01', '2022-12-31');
    const root = w.operatorRoot.s;
    const moved = await registerAccepted(
      w,
      root,
      root,
      modelEntry(w, w.tree.a1, { name: 'Mô hình chuyển đơn vị' }),
      '2022-01-10',
    );
    await registerAccepted(w, root, root, modelEntry(w, w.tree.a2, { name: 'Mô hình ở lại' }), '2022-01-10');
    const entry = expectOk(await root.get(`/api/v1/registry/entries/${moved.id}`), ZEntryDetail);
    const changed = await root.post(`/api/v1/registry/entries/${moved.id}/owner`, {
      unitId: w.tree.b1,
      effectiveDate: '2022-09-01',
      reason: 'Chuyển đơn vị quản lý theo phân công',
      revision: entry.revision,
    });
    expectOk(changed, ZEntryDetail);

    const expected = async (periodId: number, unitId: number) =>
      expectOk(await root.get(`${P}/${periodId}/completeness?unitId=${unitId}`), ZCompleteness);
    // Before the change: under Khối A, in its chi bộ a1.
    const h1A = await expected(h1, w.tree.blocA);
    expect(h1A.total.expected).toBe(2);
    expect(h1A.children.find((c) => c.unit.id === w.tree.a1)?.expected).toBe(1);
    expect((await expected(h1, w.tree.blocB)).total.expected).toBe(0);
    // The list behind the number holds the same entries.
    const list = expectOk(await root.get(`${P}/${h1}/entries?unitId=${w.tree.a1}`), ZPeriodEntriesPage);
    expect(list.items.map((r) => r.entry.id)).toEqual([moved.id]);
    // After it: under Khối B.
    expect((await expected(h2, w.tree.blocA)).total.expected).toBe(1);
    const h2B = await expected(h2, w.tree.blocB);
    expect(h2B.total.expected).toBe(1);
    expect(h2B.children.find((c) => c.unit.id === w.tree.b1)?.expected).toBe(1);
  });
});
