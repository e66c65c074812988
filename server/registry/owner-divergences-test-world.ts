/**
 * A registry world with exemplars whose people were moved "by hand" (as data entered before restructuring carried
 * entries): two diverge, the others must not be listed.
 */
import { expect } from 'vitest';
import { ZEntryDetail } from '../../common/schemas/registry.ts';
import { expectOk, type TestContext } from '../test/harness.ts';
import { buildPerson, registryWorld, type World } from './test-helpers.ts';

export async function divergenceWorld(t: TestContext) {
  const w = await registryWorld(t);
  const exemplar = (personId: number) => ({
    kind: 'exemplar',
    personId,
    fieldId: w.exemplarField.id,
    levelId: w.levels.coSo,
  });
  const accepted = async (fullName: string) => {
    const personId = await buildPerson(t.db, w.tree.a1, fullName, 'Chuyên viên');
    // Registered and accepted in one call by the bloc's operator (the approval flow is tested elsewhere).
    const created = await w.operatorA.s.post('/api/v1/registry/entries', {
      entry: exemplar(personId),
      accept: { effectiveDate: '2022-01-10', documentId: null },
    });
    const entry = expectOk(created, ZEntryDetail, 201);
    expect(entry.ownerUnit.id).toBe(w.tree.a1);
    return { ...entry, personId };
  };
  const moveByHand = (personId: number, unitId: number) =>
    t.db.updateTable('person').set({ unit_id: unitId }).where('id', '=', personId).execute();

  const toA2 = await accepted('Nguyễn Thị Lan');
  await moveByHand(toA2.personId, w.tree.a2);
  const toB1 = await accepted('Trần Thu Hà');
  await moveByHand(toB1.personId, w.tree.b1);
  // Not listed: a person still in the owner unit, a person who left, a draft whose person moved.
  await accepted('Lê Văn Bình');
  const left = await accepted('Phạm Minh Châu');
  await t.db
    .updateTable('person')
    .set({ unit_id: w.tree.a2, status: 'left', left_on: '2023-01-01', left_reason: 'Nghỉ hưu' })
    .where('id', '=', left.personId)
    .execute();
  const draftPerson = await buildPerson(t.db, w.tree.a1, 'Đỗ Văn Dũng');
  const draft = await w.reporterA1.s.post('/api/v1/registry/entries', { entry: exemplar(draftPerson) });
  expectOk(draft, ZEntryDetail, 201);
  await moveByHand(draftPerson, w.tree.a2);

  return { w, toA2, toB1 };
}
export type DivergenceWorld = Awaited<ReturnType<typeof divergenceWorld>>;
export type { World };
