import { describe, expect, it } from 'vitest';
import { ZFieldDetail } from '../../common/schemas/catalogue.ts';
import { ZUnitDetail } from '../../common/schemas/org.ts';
import { anonymous, expectError, expectOk, setupTest } from '../test/harness.ts';
import { sql } from 'kysely';
import { buildTree, levelIdOf, typeIdOf } from '../test/factories.ts';
import { as, fieldBody, SXKD_CRITERIA } from './test-helpers.ts';

/** A global field, the province's, bloc A's, grassroots a1's and bloc B's. */
async function world() {
  const t = await setupTest();
  const tree = await buildTree(t.db);
  const admin = await as(t, [{ role: 'admin', unitId: tree.root }]);
  const add = async (ownerUnitId: number | null, name: string) => {
    const response = await admin.post('/api/v1/catalogue/fields', fieldBody(ownerUnitId, { name }));
    const field = expectOk(response, ZFieldDetail, 201);
    return { id: field.id, setId: field.criteriaSets[0]!.id };
  };
  const fields = {
    global: await add(null, 'Mô hình khác'),
    province: await add(tree.root, 'Tiên tiến trong sản xuất - kinh doanh'),
    blocA: await add(tree.blocA, 'Văn hóa công sở'),
    a1: await add(tree.a1, 'Cải cách thủ tục hành chính'),
    blocB: await add(tree.blocB, 'Trách nhiệm xã hội của doanh nghiệp'),
  };
  return { t, tree, admin, fields };
}

const ids = (r: { body: string }) =>
  (JSON.parse(r.body).items as Array<{ id: number }>).map((f) => f.id).sort((a, b) => a - b);
const newSet = (revision = 1) => ({ effectiveFrom: '2024-01-01', criteria: SXKD_CRITERIA, revision });

describe('catalogue: who may see and change what', () => {
  it('a bloc operator sees global, ancestor and own-subtree fields, never a sibling bloc’s, and edits only its own', async () => {
    const { t, tree, fields } = await world();
    const s = await as(t, [{ role: 'operator', unitId: tree.blocA }]);
    expect(ids(await s.get('/api/v1/catalogue/fields'))).toEqual([
      fields.global.id,
      fields.province.id,
      fields.blocA.id,
      fields.a1.id,
    ]);
    expect(ids(await s.get('/api/v1/catalogue/fields?q=trach%20nhiem'))).toEqual([]);

    // Sibling subtree: does not exist.
    expect((await s.get(`/api/v1/catalogue/fields/${fields.blocB.id}`)).statusCode).toBe(404);
    expect((await s.get(`/api/v1/catalogue/criteria-sets/${fields.blocB.setId}`)).statusCode).toBe(404);
    expect((await s.patch(`/api/v1/catalogue/fields/${fields.blocB.id}`, { name: 'X', revision: 1 })).statusCode).toBe(
      404,
    );
    expect((await s.post(`/api/v1/catalogue/fields/${fields.blocB.id}/criteria-sets`, newSet())).statusCode).toBe(404);
    expect((await s.post('/api/v1/catalogue/fields', fieldBody(tree.blocB, { name: 'Mới' }))).statusCode).toBe(404);
    expect((await s.get(`/api/v1/catalogue/fields?forUnitId=${tree.blocB}`)).statusCode).toBe(404);
    expect((await s.get(`/api/v1/catalogue/fields?forUnitId=${tree.b1}`)).statusCode).toBe(404);

    // Global and the province's: readable, not writable.
    for (const f of [fields.global, fields.province]) {
      const read = expectOk(await s.get(`/api/v1/catalogue/fields/${f.id}`), ZFieldDetail);
      expect(read.canWrite).toBe(false);
      expect((await s.get(`/api/v1/catalogue/criteria-sets/${f.setId}`)).statusCode).toBe(200);
      expect((await s.patch(`/api/v1/catalogue/fields/${f.id}`, { name: 'X', revision: 1 })).statusCode).toBe(403);
      expect((await s.post(`/api/v1/catalogue/fields/${f.id}/criteria-sets`, newSet())).statusCode).toBe(403);
    }
    const global = await s.post('/api/v1/catalogue/fields', fieldBody(null, { name: 'Mới' }));
    expect(expectError(global, 403, 'FORBIDDEN').message).toMatch(/quản trị hệ thống/);
    expect((await s.post('/api/v1/catalogue/fields', fieldBody(tree.root, { name: 'Mới' }))).statusCode).toBe(404);

    // Its own and its grassroots units': writable.
    expect(expectOk(await s.get(`/api/v1/catalogue/fields/${fields.a1.id}`), ZFieldDetail).canWrite).toBe(true);
    expect(
      (
        await s.patch(`/api/v1/catalogue/fields/${fields.blocA.id}`, {
          name: 'Thi đua thực hiện văn hóa công sở',
          revision: 1,
        })
      ).statusCode,
    ).toBe(200);
    expect((await s.post(`/api/v1/catalogue/fields/${fields.a1.id}/criteria-sets`, newSet())).statusCode).toBe(201);
    expect((await s.post('/api/v1/catalogue/fields', fieldBody(tree.a2, { name: 'Mới' }))).statusCode).toBe(201);
    const rows = await t.db
      .selectFrom('model_field')
      .select(['id', 'name', 'revision'])
      .where('id', 'in', [fields.global.id, fields.province.id, fields.blocB.id])
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.revision)).toEqual([1, 1, 1]);
  });

  it('a grassroots reporter reads its own, its ancestors’ and global fields, not a sibling’s, and changes none', async () => {
    const { t, tree, fields } = await world();
    const s = await as(t, [{ role: 'reporter', unitId: tree.a2 }]);
    expect(ids(await s.get('/api/v1/catalogue/fields'))).toEqual([
      fields.global.id,
      fields.province.id,
      fields.blocA.id,
    ]);
    expect((await s.get(`/api/v1/catalogue/fields/${fields.a1.id}`)).statusCode).toBe(404);
    expect((await s.get(`/api/v1/catalogue/criteria-sets/${fields.a1.setId}`)).statusCode).toBe(404);
    expect((await s.patch(`/api/v1/catalogue/fields/${fields.blocA.id}`, { name: 'X', revision: 1 })).statusCode).toBe(
      403,
    );
    expect((await s.post('/api/v1/catalogue/fields', fieldBody(tree.a2, { name: 'Mới' }))).statusCode).toBe(403);
  });

  it('a viewer reads its subtree’s fields but gets 403 on every write there', async () => {
    const { t, tree, fields } = await world();
    const s = await as(t, [{ role: 'viewer', unitId: tree.blocA }]);
    expect(expectOk(await s.get(`/api/v1/catalogue/fields/${fields.a1.id}`), ZFieldDetail)).toMatchObject({
      canWrite: false,
    });
    expect((await s.post('/api/v1/catalogue/fields', fieldBody(tree.blocA, { name: 'Mới' }))).statusCode).toBe(403);
    expect((await s.patch(`/api/v1/catalogue/fields/${fields.blocA.id}`, { name: 'X', revision: 1 })).statusCode).toBe(
      403,
    );
    expect((await s.post(`/api/v1/catalogue/fields/${fields.blocA.id}/criteria-sets`, newSet())).statusCode).toBe(403);
    expect((await s.get(`/api/v1/catalogue/fields/${fields.blocB.id}`)).statusCode).toBe(404);
  });

  it('a user without grants sees only the global fields', async () => {
    const { t, fields } = await world();
    const s = await as(t, []);
    expect(ids(await s.get('/api/v1/catalogue/fields'))).toEqual([fields.global.id]);
    expect((await s.get(`/api/v1/catalogue/fields/${fields.province.id}`)).statusCode).toBe(404);
  });

  it('fields of a unit that merged into another stay in the catalogue of the units under the successor', async () => {
    const { t, tree, admin, fields } = await world();
    const typeId = await typeIdOf(t.db, 'tinh_uy');
    const levelId = await levelIdOf(t.db, 'tinh');
    const other = expectOk(
      await admin.post('/api/v1/org/units', {
        name: 'Tỉnh ủy Láng giềng',
        typeId,
        levelId,
        parentId: null,
        effectiveDate: '2020-01-01',
      }),
      ZUnitDetail,
      201,
    );
    const merged = await admin.post('/api/v1/org/merges', {
      sourceIds: [tree.root, other.id],
      newTarget: { name: 'Tỉnh ủy Hợp nhất', typeId, levelId, parentId: null },
      effectiveDate: '2025-07-01',
    });
    expect(merged.statusCode, merged.body).toBe(200);
    const path = (id: number) =>
      t.db
        .selectFrom('org_unit')
        .select(sql<string>`current_path::text`.as('p'))
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    expect((await path(tree.blocA)).p.split('.')).not.toContain(String(tree.root)); // no longer under the old province
    const s = await as(t, [{ role: 'operator', unitId: tree.blocA }]);
    // The province ended, but its field still applies to the bloc now under the merged province.
    expect(ids(await s.get('/api/v1/catalogue/fields'))).toEqual([
      fields.global.id,
      fields.province.id,
      fields.blocA.id,
      fields.a1.id,
    ]);
    expect(ids(await s.get(`/api/v1/catalogue/fields?forUnitId=${tree.a2}`))).toEqual([
      fields.global.id,
      fields.province.id,
      fields.blocA.id,
    ]);
    const b = await as(t, [{ role: 'operator', unitId: tree.blocB }]);
    expect(ids(await b.get('/api/v1/catalogue/fields'))).toEqual([
      fields.global.id,
      fields.province.id,
      fields.blocB.id,
    ]);
  });

  it('refuses every endpoint without signing in', async () => {
    const { t, tree, fields } = await world();
    const s = anonymous(t.app);
    const responses = await Promise.all([
      s.get('/api/v1/catalogue/fields'),
      s.get(`/api/v1/catalogue/fields/${fields.global.id}`),
      s.post('/api/v1/catalogue/fields', fieldBody(tree.root, { name: 'Mới' })),
      s.patch(`/api/v1/catalogue/fields/${fields.global.id}`, { name: 'X', revision: 1 }),
      s.post(`/api/v1/catalogue/fields/${fields.global.id}/criteria-sets`, newSet()),
      s.get(`/api/v1/catalogue/criteria-sets/${fields.global.setId}`),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401, 401]);
  });
});
