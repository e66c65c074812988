/** POST /registry/entries/:id/owner — an entry passes to another unit from a day on, as a dated change of owner. */
import { describe, expect, it } from 'vitest';
import { ZEntryDetail } from '../../common/schemas/registry.ts';
import { ZLedger } from '../../common/schemas/registry-ledger.ts';
import { buildUnit } from '../test/factories.ts';
import { expectError, expectOk, setupTest } from '../test/harness.ts';
import { modelEntry, register, registerAccepted, registryWorld } from './test-helpers.ts';

const E = '/api/v1/registry/entries';

describe('registry: change of owner', { timeout: 240_000 }, () => {
  it('closes the span owner_out, opens one owner_in with the new owner, and the ledgers show a move', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const entry = expectOk(
      await w.operatorA.s.get(
        `${E}/${(await registerAccepted(w, w.reporterA1.s, w.operatorA.s, modelEntry(w, w.tree.a1, { responsibleUnitId: w.tree.a1 }), '2022-01-10')).id}`,
      ),
      ZEntryDetail,
    );

    const moved = expectOk(
      await w.operatorA.s.post(`${E}/${entry.id}/owner`, {
        unitId: w.tree.a2,
        effectiveDate: '2023-03-01',
        reason: 'Hợp nhất theo Quyết định 12-QĐ/ĐUK',
        revision: entry.revision,
      }),
      ZEntryDetail,
    );
    expect(moved.ownerUnit.id).toBe(w.tree.a2);
    expect(moved.responsibleUnit?.id).toBe(w.tree.a2);
    expect(moved.status).toBe('active');
    expect(moved.spans.map((s) => [s.validFrom, s.validTo, s.began, s.ended])).toEqual([
      ['2022-01-10', '2023-03-01', 'accepted', 'owner_out'],
      ['2023-03-01', null, 'owner_in', null],
    ]);
    const event = await t.db
      .selectFrom('registry_event')
      .select(['kind', 'effective_date', 'reason', 'data'])
      .where('entry_id', '=', entry.id)
      .where('kind', '=', 'owner_changed')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ effective_date: '2023-03-01', reason: 'Hợp nhất theo Quyết định 12-QĐ/ĐUK' });
    expect(event.data).toMatchObject({ fromUnit: { id: w.tree.a1 }, toUnit: { id: w.tree.a2 }, orgEventId: null });

    // The movement ledger follows the owner of each period: out of a1, into a2, cancelling in the bloc.
    const ledger = async (unitId: number, from: string, to: string) =>
      expectOk(await w.operatorRoot.s.get(`/api/v1/registry/ledger?unitId=${unitId}&from=${from}&to=${to}`), ZLedger)
        .total;
    expect(await ledger(w.tree.a1, '2023-01-01', '2023-12-31')).toMatchObject({ start: 1, movedOut: 1, end: 0 });
    expect(await ledger(w.tree.a2, '2023-01-01', '2023-12-31')).toMatchObject({ start: 0, movedIn: 1, end: 1 });
    expect(await ledger(w.tree.blocA, '2023-01-01', '2023-12-31')).toMatchObject({
      start: 1,
      added: 0,
      movedIn: 1,
      movedOut: 1,
      removed: 0,
      end: 1,
    });
    // A window before the change is what it was: a1 held it all of 2022.
    expect(await ledger(w.tree.a1, '2022-01-01', '2022-12-31')).toMatchObject({ added: 1, end: 1 });
    expect(await ledger(w.tree.a2, '2022-01-01', '2022-12-31')).toMatchObject({ added: 0, end: 0 });
  });

  it('refuses what cannot be a change of owner, in Vietnamese, and keeps each user in the subtree granted', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const entry = await registerAccepted(w, w.reporterA1.s, w.operatorA.s, modelEntry(w, w.tree.a1), '2022-01-10');
    const body = {
      unitId: w.tree.a2,
      effectiveDate: '2023-03-01',
      reason: 'Sắp xếp tổ chức',
      revision: entry.revision,
    };
    const post = (s: typeof w.operatorA.s, b: Record<string, unknown>, id = entry.id) => s.post(`${E}/${id}/owner`, b);

    expectError(await post(w.operatorA.s, { ...body, reason: '' }), 400, 'VALIDATION', ['reason']);
    expectError(await post(w.operatorA.s, { ...body, effectiveDate: '2999-01-01' }), 400, 'VALIDATION', [
      'effectiveDate',
    ]);
    expectError(await post(w.operatorA.s, { ...body, unitId: w.tree.a1 }), 400, 'VALIDATION', ['unitId']);
    // Before the entry's last change (its acceptance).
    const early = expectError(await post(w.operatorA.s, { ...body, effectiveDate: '2021-12-31' }), 400, 'VALIDATION', [
      'effectiveDate',
    ]);
    expect(early.message).toContain('thứ tự thời gian');
    // A unit that did not exist yet on that day.
    const later = await buildUnit(t.db, { name: 'Chi bộ Mới', parentId: w.tree.blocA, effectiveDate: '2024-01-01' });
    expect(
      expectError(await post(w.operatorA.s, { ...body, unitId: later }), 400, 'VALIDATION', ['unitId']).message,
    ).toContain('không hoạt động vào ngày 01/03/2023');
    expectError(await post(w.operatorA.s, { ...body, revision: entry.revision + 5 }), 409, 'CONFLICT');

    // Out of the subtree: another bloc's operator does not see the entry; the target must be readable and writable.
    expectError(await post(w.operatorB.s, body), 404, 'NOT_FOUND');
    expectError(await post(w.operatorA.s, { ...body, unitId: w.tree.b1 }), 404, 'NOT_FOUND');
    expectError(await post(w.operatorA.s, { ...body, unitId: w.elsewhere }), 404, 'NOT_FOUND');
    // Without registry.approve.
    expectError(await post(w.reporterA1.s, body), 403, 'FORBIDDEN');
    expectError(await post(w.viewerA.s, body), 403, 'FORBIDDEN');

    // Not on the list: a draft.
    const draft = await register(w.reporterA1.s, modelEntry(w, w.tree.a1));
    expectError(await post(w.operatorA.s, { ...body, revision: draft.revision }, draft.id), 409, 'INVALID_STATE');

    // Nothing of the refused attempts was written.
    const spans = await t.db.selectFrom('registry_span').selectAll().where('entry_id', '=', entry.id).execute();
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ owner_unit_id: w.tree.a1, valid_to: null });

    // The root's operator moves it across blocs; a date after it now must follow it.
    const moved = expectOk(await post(w.operatorRoot.s, { ...body, unitId: w.tree.b1 }), ZEntryDetail);
    expect(moved.ownerUnit.id).toBe(w.tree.b1);
    expectError(
      await post(w.operatorRoot.s, {
        ...body,
        unitId: w.tree.a1,
        effectiveDate: '2023-02-01',
        revision: moved.revision,
      }),
      400,
      'VALIDATION',
      ['effectiveDate'],
    );
    // Bloc A's operator no longer sees it.
    expectError(await w.operatorA.s.get(`${E}/${entry.id}`), 404, 'NOT_FOUND');
  });
});
