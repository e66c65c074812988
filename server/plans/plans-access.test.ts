import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { ZDocument } from '../../common/schemas/documents.ts';
import { ZPlan, ZPlanSummary } from '../../common/schemas/plans.ts';
import { ZPage } from '../../common/schemas/shared.ts';
import { anonymous, expectError, expectOk, setupTest } from '../test/harness.ts';
import { buildTree, buildUnit } from '../test/factories.ts';
import { documentBody } from '../documents/test-helpers.ts';
import { as, planBody } from '../catalogue/test-helpers.ts';
import { assertPlanUsable, findPlanForUnit } from './plan-usage.ts';

/** The province's plan citing 24-KH/TU, plans of bloc A, its unit a1 and bloc B, and another province's plan. */
async function world() {
  const t = await setupTest();
  const tree = await buildTree(t.db);
  const otherProvince = await buildUnit(t.db, { name: 'Tỉnh ủy Láng giềng' });
  const admin = await as(t, [
    { role: 'admin', unitId: tree.root },
    { role: 'admin', unitId: otherProvince },
  ]);
  const doc = expectOk(
    await admin.post(
      '/api/v1/documents',
      documentBody(tree.root, { symbol: '24-KH/TU', issuedOn: '2021-03-17', issuerName: 'Tỉnh ủy Thử nghiệm' }),
    ),
    ZDocument,
    201,
  );
  const add = async (ownerUnitId: number, title: string, extra: Record<string, unknown> = {}) => {
    const response = await admin.post('/api/v1/plans', planBody(ownerUnitId, { title, ...extra }));
    return expectOk(response, ZPlan, 201).id;
  };
  const plans = {
    province: await add(tree.root, 'Kế hoạch 24-KH/TU', { documentId: doc.id }),
    blocA: await add(tree.blocA, 'Kế hoạch của Khối A'),
    a1: await add(tree.a1, 'Kế hoạch của Sở Tư pháp'),
    blocB: await add(tree.blocB, 'Kế hoạch của Khối B'),
    other: await add(otherProvince, 'Kế hoạch của tỉnh láng giềng'),
  };
  return { t, tree, otherProvince, admin, doc, plans };
}

const ids = (r: LightMyRequestResponse) =>
  expectOk(r, ZPage(ZPlanSummary))
    .items.map((p) => p.id)
    .sort((a, b) => a - b);
const edit = (revision = 1) => ({ title: 'Tên mới', revision });

describe('plans: who may see and change what', () => {
  it('a bloc operator reads the province’s plan (not another province’s, not a sibling bloc’s) and cannot change it', async () => {
    const { t, tree, otherProvince, plans } = await world();
    const s = await as(t, [{ role: 'operator', unitId: tree.blocA }]);
    expect(ids(await s.get('/api/v1/plans'))).toEqual([plans.province, plans.blocA, plans.a1]);
    expect(ids(await s.get(`/api/v1/plans?ownerUnitId=${tree.root}`))).toEqual([plans.province, plans.blocA, plans.a1]);
    expect(ids(await s.get('/api/v1/plans?q=khoi%20b'))).toEqual([]);
    expect(ids(await s.get('/api/v1/plans?q=lang%20gieng'))).toEqual([]);
    expect((await s.get(`/api/v1/plans?ownerUnitId=${tree.blocB}`)).statusCode).toBe(404);
    expect((await s.get(`/api/v1/plans?ownerUnitId=${otherProvince}`)).statusCode).toBe(404);

    const province = expectOk(await s.get(`/api/v1/plans/${plans.province}`), ZPlan);
    expect(province).toMatchObject({
      title: 'Kế hoạch 24-KH/TU',
      canWrite: false,
      document: { symbol: '24-KH/TU', issuedOn: '2021-03-17', readable: false },
    });
    expect(province.phases).toHaveLength(3);
    expect(province.targets).toHaveLength(3);
    const refused = await s.patch(`/api/v1/plans/${plans.province}`, edit());
    expect(expectError(refused, 403, 'FORBIDDEN').message).toMatch(/chỉ được xem/);
    expect((await s.post(`/api/v1/plans/${plans.province}/close`, { revision: 1 })).statusCode).toBe(403);
    expect((await s.post('/api/v1/plans', planBody(tree.root))).statusCode).toBe(404);

    for (const id of [plans.blocB, plans.other]) {
      expect((await s.get(`/api/v1/plans/${id}`)).statusCode).toBe(404);
      expect((await s.patch(`/api/v1/plans/${id}`, edit())).statusCode).toBe(404);
      expect((await s.post(`/api/v1/plans/${id}/close`, { revision: 1 })).statusCode).toBe(404);
    }
    expect((await s.post('/api/v1/plans', planBody(tree.blocB))).statusCode).toBe(404);

    expect((await s.patch(`/api/v1/plans/${plans.blocA}`, edit())).statusCode).toBe(200);
    expect((await s.patch(`/api/v1/plans/${plans.a1}`, edit())).statusCode).toBe(200);
    expect((await s.post('/api/v1/plans', planBody(tree.a2))).statusCode).toBe(201);
    const untouched = await t.db
      .selectFrom('plan')
      .select(['id', 'revision'])
      .where('id', 'in', [plans.province, plans.blocB, plans.other])
      .execute();
    expect(untouched.every((p) => p.revision === 1)).toBe(true);
  });

  it('a grassroots reporter reads its own and its ancestors’ plans, not a sibling unit’s, and writes none', async () => {
    const { t, tree, plans } = await world();
    const s = await as(t, [{ role: 'reporter', unitId: tree.a2 }]);
    expect(ids(await s.get('/api/v1/plans'))).toEqual([plans.province, plans.blocA]);
    expect((await s.get(`/api/v1/plans/${plans.a1}`)).statusCode).toBe(404);
    expect((await s.patch(`/api/v1/plans/${plans.blocA}`, edit())).statusCode).toBe(403);
    expect((await s.post('/api/v1/plans', planBody(tree.a2))).statusCode).toBe(403);
  });

  it('a viewer reads its subtree’s plans but gets 403 on every write there', async () => {
    const { t, tree, plans } = await world();
    const s = await as(t, [{ role: 'viewer', unitId: tree.blocA }]);
    expect(expectOk(await s.get(`/api/v1/plans/${plans.a1}`), ZPlan).canWrite).toBe(false);
    expect((await s.post('/api/v1/plans', planBody(tree.a1))).statusCode).toBe(403);
    expect((await s.patch(`/api/v1/plans/${plans.a1}`, edit())).statusCode).toBe(403);
    expect((await s.post(`/api/v1/plans/${plans.a1}/close`, { revision: 1 })).statusCode).toBe(403);
    expect((await s.get(`/api/v1/plans/${plans.blocB}`)).statusCode).toBe(404);
  });

  it('links only documents the actor may read', async () => {
    const { t, tree, admin, doc, plans } = await world();
    const s = await as(t, [{ role: 'operator', unitId: tree.blocA }]);
    const own = expectOk(
      await admin.post('/api/v1/documents', documentBody(tree.blocA, { symbol: '46-KH/ĐUK', issuedOn: '2021-03-26' })),
      ZDocument,
      201,
    );
    const foreign = await s.post('/api/v1/plans', planBody(tree.blocA, { documentId: doc.id }));
    expect(expectError(foreign, 400, 'VALIDATION', ['documentId']).fields).toEqual([
      { field: 'documentId', message: expect.stringMatching(/bạn được xem/) },
    ]);
    expect((await s.patch(`/api/v1/plans/${plans.blocA}`, { documentId: doc.id, revision: 1 })).statusCode).toBe(400);
    const linked = expectOk(await s.patch(`/api/v1/plans/${plans.blocA}`, { documentId: own.id, revision: 1 }), ZPlan);
    expect(linked.document).toMatchObject({ symbol: '46-KH/ĐUK', readable: true });
  });

  it('the province’s plan stays readable under the province it merged into', async () => {
    const { t, tree, otherProvince, admin, plans } = await world();
    const province = await t.db
      .selectFrom('org_unit_version')
      .select(['type_id', 'level_id'])
      .where('unit_id', '=', tree.root)
      .executeTakeFirstOrThrow();
    const merged = await admin.post('/api/v1/org/merges', {
      sourceIds: [tree.root, otherProvince],
      newTarget: { name: 'Tỉnh ủy Hợp nhất', typeId: province.type_id, levelId: province.level_id, parentId: null },
      effectiveDate: '2025-07-01',
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const s = await as(t, [{ role: 'operator', unitId: tree.blocA }]);
    // Both former provinces' plans now apply to the bloc; the sibling bloc's still does not.
    expect(ids(await s.get('/api/v1/plans'))).toEqual([plans.province, plans.blocA, plans.a1, plans.other]);
    expect((await s.get(`/api/v1/plans/${plans.blocB}`)).statusCode).toBe(404);
    expect((await s.patch(`/api/v1/plans/${plans.province}`, edit())).statusCode).toBe(403);
  });

  it('tells which plans apply to a unit (its own and its ancestors’), for the registry', async () => {
    const { t, tree, admin, plans } = await world();
    const s = await as(t, [{ role: 'operator', unitId: tree.blocA }]);
    expect(ids(await s.get(`/api/v1/plans?forUnitId=${tree.a2}`))).toEqual([plans.province, plans.blocA]);
    expect(ids(await s.get(`/api/v1/plans?forUnitId=${tree.a1}`))).toEqual([plans.province, plans.blocA, plans.a1]);
    expect((await s.get(`/api/v1/plans?forUnitId=${tree.b1}`)).statusCode).toBe(404);
    const a2 = { id: tree.a2, name: 'Đảng bộ Trường Cao đẳng nghề' };
    expect(await assertPlanUsable(t.db, { planId: plans.province, unit: a2 })).toMatchObject({
      id: plans.province,
      status: 'active',
    });
    expect(await findPlanForUnit(t.db, plans.a1, tree.a2)).toBeNull();
    await expect(assertPlanUsable(t.db, { planId: plans.blocB, unit: a2, path: 'planId' })).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ field: 'planId' }],
    });
    await admin.post(`/api/v1/plans/${plans.blocA}/close`, { revision: 1 });
    await expect(assertPlanUsable(t.db, { planId: plans.blocA, unit: a2 })).rejects.toThrow(/đã kết thúc/);
  });

  it('refuses every endpoint without signing in', async () => {
    const { t, tree, plans } = await world();
    const s = anonymous(t.app);
    const responses = await Promise.all([
      s.get('/api/v1/plans'),
      s.get(`/api/v1/plans/${plans.province}`),
      s.post('/api/v1/plans', planBody(tree.root)),
      s.patch(`/api/v1/plans/${plans.province}`, edit()),
      s.post(`/api/v1/plans/${plans.province}/close`, { revision: 1 }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401]);
  });
});
