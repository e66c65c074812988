/** Restructuring carries registry entries: merge, split routing, dissolve refusal, and the active-entries preview. */
import { describe, expect, it } from 'vitest';
import { ZUnitActiveEntries, ZUnitDetail, ZCreatedUnits } from '../../common/schemas/org.ts';
import { ZLedger } from '../../common/schemas/registry-ledger.ts';
import { ZEntryDetail } from '../../common/schemas/registry.ts';
import { buildPerson, modelEntry, register, registryWorld, type World } from '../registry/test-helpers.ts';
import { typeIdOf } from '../test/factories.ts';
import { expectError, expectOk, setupTest, type Session, type TestContext } from '../test/harness.ts';

const E = '/api/v1/registry/entries';
const accept = { accept: { effectiveDate: '2022-01-10', documentId: null } };

async function activeModel(w: World, s: Session, unitId: number, name: string) {
  return expectOk(await s.post(E, { entry: modelEntry(w, unitId, { name }), ...accept }), ZEntryDetail, 201);
}

async function activeExemplar(t: TestContext, w: World, s: Session, unitId: number, name: string) {
  const person = await buildPerson(t.db, unitId, name);
  const entry = { kind: 'exemplar', personId: person, fieldId: w.exemplarField.id, levelId: w.levels.coSo };
  return { person, entry: expectOk(await s.post(E, { entry, ...accept }), ZEntryDetail, 201) };
}

const ledger = async (w: World, unitId: number, from: string, to: string) =>
  expectOk(await w.operatorRoot.s.get(`/api/v1/registry/ledger?unitId=${unitId}&from=${from}&to=${to}`), ZLedger).total;

describe('succession: restructuring carries registry entries', { timeout: 300_000 }, () => {
  it('a merger passes every active entry of the sources to the new unit as a dated change of owner', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const op = w.operatorA.s;
    const model = await activeModel(w, op, w.tree.a1, 'Mô hình "Dân vận khéo"');
    const { person, entry: exemplar } = await activeExemplar(t, w, op, w.tree.a2, 'Nguyễn Thị Hồng Nhung');
    const removed = await activeModel(w, op, w.tree.a1, 'Mô hình đã đưa ra');
    await op.post(`${E}/${removed.id}/events`, {
      kind: 'removed',
      reason: 'Không đạt',
      effectiveDate: '2023-01-01',
      revision: removed.revision,
    });

    const merged = expectOk(
      await op.post('/api/v1/org/merges', {
        sourceIds: [w.tree.a1, w.tree.a2],
        newTarget: {
          name: 'Đảng bộ Sở Tư pháp - Trường Cao đẳng',
          typeId: await typeIdOf(t.db, 'dang_bo_co_so'),
          levelId: w.levels.coSo,
          parentId: w.tree.blocA,
        },
        effectiveDate: '2024-07-01',
      }),
      ZUnitDetail,
    );
    const target = merged.id;
    for (const id of [model.id, exemplar.id]) {
      const e = expectOk(await op.get(`${E}/${id}`), ZEntryDetail);
      expect(e.ownerUnit.id).toBe(target);
      expect(e.spans.at(-1)).toMatchObject({ validFrom: '2024-07-01', validTo: null, began: 'owner_in' });
    }
    // The removed one stays with its ended unit; the exemplar and her person are in the same unit.
    expect(expectOk(await op.get(`${E}/${removed.id}`), ZEntryDetail).ownerUnit.id).toBe(w.tree.a1);
    const p = await t.db.selectFrom('person').select('unit_id').where('id', '=', person).executeTakeFirstOrThrow();
    expect(p.unit_id).toBe(target);
    // A life event citing the merger, and an audit line that says how many passed.
    const event = await t.db
      .selectFrom('registry_event')
      .select(['reason', 'data'])
      .where('entry_id', '=', model.id)
      .where('kind', '=', 'owner_changed')
      .executeTakeFirstOrThrow();
    expect(event.reason).toContain('Hợp nhất "Đảng bộ Sở Tư pháp", "Đảng bộ Trường Cao đẳng nghề" vào');
    expect(event.reason).toContain('01/07/2024');
    expect((event.data as { orgEventId: number | null }).orgEventId).toEqual(expect.any(Number));
    const summary = await t.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'org.unit.merged')
      .where('entity_id', '=', String(target))
      .executeTakeFirstOrThrow();
    expect(summary.summary).toContain('chuyển 2 mô hình, điển hình');

    // Ledgers: moved out of the sources, into the successor; the bloc sees them cancel; 2023 is unchanged.
    expect(await ledger(w, w.tree.a1, '2024-01-01', '2024-12-31')).toMatchObject({ start: 1, movedOut: 1, end: 0 });
    expect(await ledger(w, w.tree.a2, '2024-01-01', '2024-12-31')).toMatchObject({ start: 1, movedOut: 1, end: 0 });
    expect(await ledger(w, target, '2024-01-01', '2024-12-31')).toMatchObject({
      start: 0,
      added: 0,
      movedIn: 2,
      end: 2,
    });
    expect(await ledger(w, w.tree.blocA, '2024-01-01', '2024-12-31')).toMatchObject({
      start: 2,
      added: 0,
      movedIn: 2,
      movedOut: 2,
      removed: 0,
      end: 2,
    });
    expect(await ledger(w, w.tree.a1, '2023-01-01', '2023-12-31')).toMatchObject({ start: 2, removed: 1, end: 1 });
  });

  it('a split routes each entry: an exemplar follows its person, a model must be routed unless the source stays', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const op = w.operatorA.s;
    const model = await activeModel(w, op, w.tree.a1, 'Mô hình "Ngày thứ Bảy văn minh"');
    const { entry: exemplar } = await activeExemplar(t, w, op, w.tree.a1, 'Lê Văn Thành');
    const unit = expectOk(await op.get(`/api/v1/org/units/${w.tree.a1}`), ZUnitDetail);
    const typeId = await typeIdOf(t.db, 'dang_bo_co_so');
    const targets = ['Đảng bộ Sở Tư pháp (mới)', 'Chi bộ Trợ giúp pháp lý'].map((name) => ({
      name,
      typeId,
      levelId: w.levels.coSo,
      parentId: w.tree.blocA,
    }));
    const split = (body: Record<string, unknown>) =>
      op.post(`/api/v1/org/units/${w.tree.a1}/split`, {
        targets,
        revision: unit.revision,
        effectiveDate: '2024-07-01',
        ...body,
      });

    const unrouted = expectError(await split({}), 400, 'VALIDATION', [`entryTargets.${model.id}`]);
    expect(unrouted.message).toContain('Chưa chọn đơn vị tiếp nhận cho mô hình "Mô hình "Ngày thứ Bảy văn minh""');
    expectError(await split({ entryTargets: { [model.id]: 5 } }), 400, 'VALIDATION', [`entryTargets.${model.id}`]);
    expectError(await split({ entryTargets: { [model.id]: 1, 999999: 0 } }), 400, 'VALIDATION', [
      'entryTargets.999999',
    ]);
    // Nothing was written by the refused attempts.
    expect(expectOk(await op.get(`${E}/${model.id}`), ZEntryDetail).spans).toHaveLength(1);

    const { ids } = expectOk(await split({ entryTargets: { [model.id]: 1 } }), ZCreatedUnits);
    expect(expectOk(await op.get(`${E}/${model.id}`), ZEntryDetail).ownerUnit.id).toBe(ids[1]);
    expect(expectOk(await op.get(`${E}/${exemplar.id}`), ZEntryDetail).ownerUnit.id).toBe(ids[0]);
  });

  it('a split that keeps its source leaves unrouted entries with it', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const op = w.operatorA.s;
    const stays = await activeModel(w, op, w.tree.a1, 'Mô hình ở lại');
    const goes = await activeModel(w, op, w.tree.a1, 'Mô hình đi theo đơn vị mới');
    const unit = expectOk(await op.get(`/api/v1/org/units/${w.tree.a1}`), ZUnitDetail);
    const { ids } = expectOk(
      await op.post(`/api/v1/org/units/${w.tree.a1}/split`, {
        targets: [
          {
            name: 'Chi bộ tách ra',
            typeId: await typeIdOf(t.db, 'dang_bo_co_so'),
            levelId: w.levels.coSo,
            parentId: w.tree.blocA,
          },
        ],
        keepSource: true,
        entryTargets: { [goes.id]: 0 },
        revision: unit.revision,
        effectiveDate: '2024-07-01',
      }),
      ZCreatedUnits,
    );
    expect(expectOk(await op.get(`${E}/${stays.id}`), ZEntryDetail).ownerUnit.id).toBe(w.tree.a1);
    expect(expectOk(await op.get(`${E}/${goes.id}`), ZEntryDetail).ownerUnit.id).toBe(ids[0]);
  });

  it('a dissolution is refused while the unit owns active entries, listing them', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const op = w.operatorA.s;
    const model = await activeModel(w, op, w.tree.a2, 'Mô hình "Trường học xanh"');
    const dissolve = async () =>
      op.post(`/api/v1/org/units/${w.tree.a2}/dissolve`, {
        revision: expectOk(await op.get(`/api/v1/org/units/${w.tree.a2}`), ZUnitDetail).revision,
        effectiveDate: '2024-07-01',
      });
    const refused = await dissolve();
    const error = expectError(refused, 409, 'UNIT_HAS_ACTIVE_ENTRIES');
    expect(error.message).toContain('còn 1 mô hình, điển hình trong danh sách (mô hình "Mô hình "Trường học xanh"")');
    expect((JSON.parse(refused.body) as { error: { entries: unknown } }).error.entries).toEqual([
      { id: model.id, name: 'Mô hình "Trường học xanh"' },
    ]);
    // Moved to another unit first, the dissolution goes through.
    expectOk(
      await op.post(`${E}/${model.id}/owner`, {
        unitId: w.tree.a1,
        effectiveDate: '2024-06-30',
        reason: 'Chuyển trước khi giải thể',
        revision: model.revision,
      }),
      ZEntryDetail,
    );
    expect(expectOk(await dissolve(), ZUnitDetail).endedOn).toBe('2024-07-01');
  });

  it('lists the active entries a unit owns directly, to those who may read them', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const op = w.operatorA.s;
    const model = await activeModel(w, op, w.tree.a1, 'Mô hình "Một cửa thân thiện"');
    const { person, entry: exemplar } = await activeExemplar(t, w, op, w.tree.a1, 'Phạm Minh Chính');
    await register(w.reporterA1.s, modelEntry(w, w.tree.a1, { name: 'Bản nháp' }));
    const url = `/api/v1/org/units/${w.tree.a1}/active-entries`;
    const { items } = expectOk(await op.get(url), ZUnitActiveEntries);
    expect(items.map((i) => i.id).sort()).toEqual([model.id, exemplar.id].sort());
    expect(items.find((i) => i.id === exemplar.id)).toEqual({
      id: exemplar.id,
      kind: 'exemplar',
      name: 'Phạm Minh Chính',
      levelName: expect.any(String),
      personId: person,
      personUnitId: w.tree.a1,
      personUnitName: 'Đảng bộ Sở Tư pháp',
    });
    // The bloc's entries are not the unit's own.
    expect(
      expectOk(await op.get(`/api/v1/org/units/${w.tree.blocA}/active-entries`), ZUnitActiveEntries).items,
    ).toEqual([]);
    // Another bloc's operator does not see the unit; nobody signed out does.
    expectError(await w.operatorB.s.get(url), 404, 'NOT_FOUND');
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });
});
