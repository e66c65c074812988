/** A world for the inspection tests: bloc A inspects entries of a1 and a2; bloc B has its own entry; a monitor follows the a1 entry. */
import { expect } from 'vitest';
import { ZInspectionDetail } from '../../common/schemas/inspections.ts';
import { expectOk, setupTest, type Session } from '../test/harness.ts';
import { modelEntry, registerAccepted, registryWorld } from '../registry/test-helpers.ts';

export const I = '/api/v1/inspections';

export async function inspectionWorld() {
  const t = await setupTest();
  const w = await registryWorld(t);
  const a1 = await registerAccepted(
    w,
    w.reporterA1.s,
    w.operatorA.s,
    modelEntry(w, w.tree.a1, { name: 'Mô hình Sở Tư pháp' }),
  );
  const a2 = await registerAccepted(
    w,
    w.reporterA2.s,
    w.operatorA.s,
    modelEntry(w, w.tree.a2, { name: 'Mô hình Trường Cao đẳng' }),
  );
  const b1 = await registerAccepted(
    w,
    w.operatorB.s,
    w.operatorB.s,
    modelEntry(w, w.tree.b1, { name: 'Mô hình Thủy điện Thác Bà' }),
  );
  const assigned = await w.operatorA.s.post(`/api/v1/registry/entries/${a1.id}/monitors`, {
    userId: w.monitor.id,
    assignedOn: '2022-02-01',
    revision: a1.revision,
  });
  expect(assigned.statusCode, assigned.body).toBe(201);
  const setId = w.field.criteriaSetId!;
  await t.db
    .insertInto('criterion')
    .values({ criteria_set_id: setId, code: '2', title: 'Tiêu chí 2', measure: 'boolean', rule: 'yes', sort_order: 2 })
    .execute();
  const criteria = (
    await t.db
      .selectFrom('criterion')
      .select('id')
      .where('criteria_set_id', '=', setId)
      .orderBy('sort_order')
      .orderBy('id')
      .execute()
  ).map((c) => c.id);
  const foreignCriterion = (
    await t.db
      .selectFrom('criterion')
      .select('id')
      .where('criteria_set_id', '=', w.exemplarField.criteriaSetId!)
      .executeTakeFirstOrThrow()
  ).id;
  return { t, w, a1, a2, b1, criteria, foreignCriterion };
}

export function inspectionBody(ownerUnitId: number, entryIds: number[], o: Record<string, unknown> = {}) {
  return {
    ownerUnitId,
    kind: 'inspection',
    title: 'Kiểm tra việc xây dựng mô hình năm 2023',
    startsOn: '2023-04-01',
    endsOn: '2023-04-30',
    members: [
      { fullName: 'Nguyễn Văn An', position: 'Phó Bí thư Đảng ủy Khối', role: 'lead' },
      { fullName: 'Trần Thị Bình', position: 'Chuyên viên Ban Tuyên giáo', role: 'secretary' },
    ],
    entryIds,
    ...o,
  };
}

export async function createInspection(s: Session, body: Record<string, unknown>) {
  return expectOk(await s.post(I, body), ZInspectionDetail, 201);
}
