/** Đồng bộ đơn vị quản lý: the one-click repair records a dated change of owner, all or nothing, for whom may. */
import { describe, expect, it } from 'vitest';
import { ZEntryDetail, ZOwnerDivergences, ZRepairDivergencesResult } from '../../common/schemas/registry.ts';
import { ZTimeline } from '../../common/schemas/registry-timeline.ts';
import { anonymous, expectError, expectOk, setupTest, type Session } from '../test/harness.ts';
import { REPAIR_REASON } from './commands/repair-owner-divergences.ts';
import { divergenceWorld } from './owner-divergences-test-world.ts';

const D = '/api/v1/registry/owner-divergences';
const E = '/api/v1/registry/entries';

const repair = (s: Session, body: unknown) => s.post(`${D}/repair`, body);
const detail = async (s: Session, id: number) => expectOk(await s.get(`${E}/${id}`), ZEntryDetail);

// Each test builds a world of eight signed-in users and five entries: slow on a loaded machine.
describe('registry: owner divergences (repair)', { timeout: 240_000 }, () => {
  it('passes the exemplar to its person’s unit from the day given, as a dated owner change on its timeline', async () => {
    const t = await setupTest();
    const { w, toA2, toB1 } = await divergenceWorld(t);

    const done = expectOk(
      await repair(w.operatorA.s, { entryIds: [toA2.id, toA2.id], effectiveDate: '2024-03-01' }),
      ZRepairDivergencesResult,
    );
    expect(done).toEqual({ repaired: 1, entryIds: [toA2.id], effectiveDate: '2024-03-01' });

    const after = await detail(w.operatorA.s, toA2.id);
    expect(after.ownerUnit.id).toBe(w.tree.a2);
    expect(after.spans.map((s) => [s.validFrom, s.validTo, s.began, s.ended])).toEqual([
      ['2022-01-10', '2024-03-01', 'accepted', 'owner_out'],
      ['2024-03-01', null, 'owner_in', null],
    ]);
    const timeline = expectOk(await w.operatorA.s.get(`${E}/${toA2.id}/timeline`), ZTimeline);
    const change = timeline.items.find((i) => i.type === 'registry_event' && i.kind === 'owner_changed');
    expect(change).toMatchObject({ date: '2024-03-01', reason: REPAIR_REASON });
    const audited = await t.db
      .selectFrom('audit_event')
      .select(['summary', 'unit_id'])
      .where('entity_type', '=', 'registry_entry')
      .where('entity_id', '=', String(toA2.id))
      .where('summary', 'like', `%${REPAIR_REASON}%`)
      .execute();
    expect(audited).toEqual([expect.objectContaining({ unit_id: w.tree.a2 })]);

    // Only the other one is left on the check; repairing the first again is refused as stale.
    const left = expectOk(await w.operatorA.s.get(D), ZOwnerDivergences);
    expect(left.items.map((i) => i.entryId)).toEqual([toB1.id]);
    expectError(await repair(w.operatorA.s, { entryIds: [toA2.id] }), 409, 'INVALID_STATE');
  });

  it('writes nothing when one of the chosen may not be repaired by the actor (403), or is not seen (404)', async () => {
    const t = await setupTest();
    const { w, toA2, toB1 } = await divergenceWorld(t);
    const unchanged = async () => {
      expect((await detail(w.admin.s, toA2.id)).ownerUnit.id).toBe(w.tree.a1);
      expect((await detail(w.admin.s, toB1.id)).ownerUnit.id).toBe(w.tree.a1);
    };

    // toB1's person is now in bloc B, where the bloc A operator may not write.
    expectError(await repair(w.operatorA.s, { entryIds: [toA2.id, toB1.id] }), 403, 'FORBIDDEN');
    await unchanged();
    // Bloc B's operator does not see bloc A's entries at all, though the person now works there.
    expectError(await repair(w.operatorB.s, { entryIds: [toB1.id] }), 404, 'NOT_FOUND');
    expectError(await repair(w.operatorA.s, { entryIds: [toA2.id, 999999] }), 404, 'NOT_FOUND');
    // A viewer may not approve anything; a reporter neither.
    expectError(await repair(w.viewerA.s, { entryIds: [toA2.id] }), 403, 'FORBIDDEN');
    expectError(await repair(w.reporterA1.s, { entryIds: [toA2.id] }), 403, 'FORBIDDEN');
    expectError(await repair(anonymous(t.app), { entryIds: [toA2.id] }), 401, 'UNAUTHENTICATED');
    await unchanged();

    // The province's administrator reaches both ends.
    const done = expectOk(await repair(w.admin.s, { entryIds: [toB1.id, toA2.id] }), ZRepairDivergencesResult);
    expect(done.repaired).toBe(2);
    expect((await detail(w.admin.s, toB1.id)).ownerUnit.id).toBe(w.tree.b1);
  });

  it('refuses bad input with 400 and a date before the entry’s last change with 4xx, writing nothing', async () => {
    const t = await setupTest();
    const { w, toA2 } = await divergenceWorld(t);
    const op = w.operatorA.s;
    expectError(await repair(op, { entryIds: [] }), 400, 'VALIDATION', ['entryIds']);
    expectError(await repair(op, {}), 400, 'VALIDATION', ['entryIds']);
    expectError(await repair(op, { entryIds: ['x'] }), 400, 'VALIDATION', ['entryIds.0']);
    expectError(await repair(op, { entryIds: [toA2.id], effectiveDate: '2024-02-30' }), 400, 'VALIDATION', [
      'effectiveDate',
    ]);
    expectError(await repair(op, { entryIds: [toA2.id], effectiveDate: '2999-01-01' }), 400, 'VALIDATION', [
      'effectiveDate',
    ]);
    // Accepted on 10/01/2022: the owner cannot change before that.
    expectError(await repair(op, { entryIds: [toA2.id], effectiveDate: '2021-12-31' }), 400, 'VALIDATION', [
      'effectiveDate',
    ]);
    expect((await detail(op, toA2.id)).ownerUnit.id).toBe(w.tree.a1);
  });
});
