/** Đối chiếu đơn vị quản lý: which exemplars are listed as diverging from their person's unit, and to whom. */
import { describe, expect, it } from 'vitest';
import { ZOwnerDivergences } from '../../common/schemas/registry.ts';
import { anonymous, expectError, expectOk, setupTest, type Session } from '../test/harness.ts';
import { divergenceWorld } from './owner-divergences-test-world.ts';

const D = '/api/v1/registry/owner-divergences';

const list = async (s: Session, query = '') => expectOk(await s.get(`${D}${query}`), ZOwnerDivergences);

// Each test builds a world of eight signed-in users and five entries: slow on a loaded machine.
describe('registry: owner divergences (list)', { timeout: 240_000 }, () => {
  it('lists active exemplars whose working person belongs to another living unit, scoped to the reader', async () => {
    const t = await setupTest();
    const x = await divergenceWorld(t);
    const { w } = x;

    const seen = await list(w.operatorA.s);
    expect(seen.total).toBe(2);
    expect(seen.items.map((i) => [i.entryId, i.ownerUnit.id, i.personUnit.id, i.canRepair])).toEqual([
      // By the exemplar's name order (given name first): Hà before Lan.
      [x.toB1.id, w.tree.a1, w.tree.b1, false], // the person went to another bloc: not the operator's to write
      [x.toA2.id, w.tree.a1, w.tree.a2, true],
    ]);
    expect(seen.items[1]).toMatchObject({
      entryName: 'Nguyễn Thị Lan',
      person: { name: 'Nguyễn Thị Lan' },
      ownerUnit: { name: 'Đảng bộ Sở Tư pháp' },
      personUnit: { name: 'Đảng bộ Trường Cao đẳng nghề' },
      level: { id: w.levels.coSo },
    });

    // The province's administrator reaches both ends of both.
    expect((await list(w.admin.s)).items.map((i) => [i.entryId, i.canRepair])).toEqual([
      [x.toB1.id, true],
      [x.toA2.id, true],
    ]);
    // Outside the owner's subtree: nothing, even where the person now works.
    expect(await list(w.operatorB.s)).toMatchObject({ items: [], total: 0 });
    expect((await list(w.reporterA2.s)).total).toBe(0);
    // A reader of the bloc sees them but may repair none.
    expect((await list(w.viewerA.s)).items.map((i) => i.canRepair)).toEqual([false, false]);

    // Paging.
    const second = await list(w.operatorA.s, '?page=2&pageSize=1');
    expect(second).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(second.items.map((i) => i.entryId)).toEqual([x.toA2.id]);
  });

  it('answers 401 without signing in and 400 for a bad page', async () => {
    const t = await setupTest();
    const x = await divergenceWorld(t);
    expectError(await anonymous(t.app).get(D), 401, 'UNAUTHENTICATED');
    expectError(await x.w.operatorA.s.get(`${D}?pageSize=0`), 400, 'VALIDATION', ['pageSize']);
    expectError(await x.w.operatorA.s.get(`${D}?page=abc`), 400, 'VALIDATION', ['page']);
  });
});
