/**
 * Reports about a period follow who held each entry then: after a merger the successor's review report counts what
 * came from its predecessors, a report about a period before it is unchanged, and the bloc above sees the same
 * totals either way. A move keeps a unit's entries: the old and the new parent's ledgers on both sides of the date.
 */
import { describe, expect, it } from 'vitest';
import { ZUnitDetail } from '../../common/schemas/org.ts';
import { ZEntryDetail } from '../../common/schemas/registry.ts';
import { moveUnit } from '../org/commands/move-unit.ts';
import { systemContext } from '../lib/context.ts';
import { computeLedger } from '../registry/ledger.ts';
import { buildPerson, modelEntry, registryWorld, type World } from '../registry/test-helpers.ts';
import { computeReviewFigures } from '../review-report/figures.ts';
import { typeIdOf } from '../test/factories.ts';
import { expectOk, setupTest, type TestContext } from '../test/harness.ts';

const E = '/api/v1/registry/entries';
const accept = { accept: { effectiveDate: '2022-01-10', documentId: null } };

async function onList(t: TestContext, w: World) {
  const op = w.operatorA.s;
  for (const unit of [w.tree.a1, w.tree.a2]) {
    expectOk(await op.post(E, { entry: modelEntry(w, unit), ...accept }), ZEntryDetail, 201);
    const personId = await buildPerson(t.db, unit, `Người tiêu biểu ${unit}`);
    const entry = { kind: 'exemplar', personId, fieldId: w.exemplarField.id, levelId: w.levels.coSo };
    expectOk(await op.post(E, { entry, ...accept }), ZEntryDetail, 201);
  }
}

const figures = (t: TestContext, unitId: number, from: string, to: string) =>
  computeReviewFigures(t.db, { unitId, from, to, asOf: '2025-01-31', planId: null });

const numbers = async (t: TestContext, unitId: number, from: string, to: string) => {
  const f = await figures(t, unitId, from, to);
  return { counts: f.counts, movements: { model: f.movements.model.total, exemplar: f.movements.exemplar.total } };
};

describe('succession: reports about periods around a merger or a move', { timeout: 300_000 }, () => {
  it('the merged unit counts what came from its predecessors; before the merger and the bloc are unchanged', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    await onList(t, w);
    const before = {
      a1: await numbers(t, w.tree.a1, '2023-01-01', '2023-12-31'),
      bloc2023: await numbers(t, w.tree.blocA, '2023-01-01', '2023-12-31'),
      bloc2024: await numbers(t, w.tree.blocA, '2024-01-01', '2024-12-31'),
    };
    expect(before.a1.counts.model.total).toBe(1);
    expect(before.bloc2024.counts.model.total + before.bloc2024.counts.exemplar.total).toBe(4);

    const merged = expectOk(
      await w.operatorA.s.post('/api/v1/org/merges', {
        sourceIds: [w.tree.a1, w.tree.a2],
        newTarget: {
          name: 'Đảng bộ Khối cơ quan hợp nhất',
          typeId: await typeIdOf(t.db, 'dang_bo_co_so'),
          levelId: w.levels.coSo,
          parentId: w.tree.blocA,
        },
        effectiveDate: '2024-07-01',
      }),
      ZUnitDetail,
    );

    // After the merger: the successor holds the four, moved in on its first day, none added.
    const after = await numbers(t, merged.id, '2024-07-01', '2024-12-31');
    expect(after.counts.model.total).toBe(2);
    expect(after.counts.exemplar.total).toBe(2);
    expect(after.movements.model).toMatchObject({ start: 0, added: 0, movedIn: 2, end: 2 });
    expect(after.movements.exemplar).toMatchObject({ start: 0, added: 0, movedIn: 2, end: 2 });

    // Before it: unchanged, for the predecessor and for the bloc.
    expect(await numbers(t, w.tree.a1, '2023-01-01', '2023-12-31')).toEqual(before.a1);
    expect(await numbers(t, w.tree.blocA, '2023-01-01', '2023-12-31')).toEqual(before.bloc2023);
    // The bloc's year of the merger: the same totals; the moves out and in cancel.
    const bloc2024 = await numbers(t, w.tree.blocA, '2024-01-01', '2024-12-31');
    expect(bloc2024.counts).toEqual(before.bloc2024.counts);
    for (const kind of ['model', 'exemplar'] as const) {
      const m = bloc2024.movements[kind];
      expect(m).toMatchObject({ ...before.bloc2024.movements[kind], movedIn: 2, movedOut: 2 });
    }
  });

  it('a move keeps the unit entries: the old parent holds them before the date, the new one after', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    await onList(t, w);
    const { tree } = w;
    const unit = await t.db
      .selectFrom('org_unit')
      .select('revision')
      .where('id', '=', tree.a1)
      .executeTakeFirstOrThrow();
    await moveUnit(t.db, systemContext, tree.a1, {
      parentId: tree.blocB,
      effectiveDate: '2024-07-01',
      documentId: null,
      note: null,
      revision: unit.revision,
    });
    const ledger = (unitId: number, from: string, to: string) =>
      computeLedger(t.db, null, { from, to, subtreeOn: { unitId, on: to } }).then((l) => l.total);
    const identity = (l: Awaited<ReturnType<typeof ledger>>) =>
      l.start + l.added + l.movedIn - l.movedOut - l.removed - l.transferred - l.replaced - l.end;

    // Before the date: a1's two belong to bloc A, bloc B has only what it always had (none).
    const aBefore = await ledger(tree.blocA, '2024-01-01', '2024-06-30');
    const bBefore = await ledger(tree.blocB, '2024-01-01', '2024-06-30');
    expect(aBefore).toMatchObject({ start: 4, end: 4 });
    expect(bBefore).toMatchObject({ start: 0, end: 0 });
    // After it: bloc A keeps a2's two, bloc B holds a1's.
    const aAfter = await ledger(tree.blocA, '2024-07-01', '2024-12-31');
    const bAfter = await ledger(tree.blocB, '2024-07-01', '2024-12-31');
    expect(aAfter).toMatchObject({ start: 2, end: 2 });
    expect(bAfter).toMatchObject({ start: 2, end: 2 });
    for (const l of [aBefore, bBefore, aAfter, bAfter]) expect(identity(l)).toBe(0);
    // The entries never changed owner: a move is not a change of owner.
    const spans = await t.db.selectFrom('registry_span').select('began').execute();
    expect(spans.every((s) => s.began === 'accepted')).toBe(true);
  });
});
