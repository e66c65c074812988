/** Every org endpoint, tried by users scoped elsewhere: what they may not see is simply not found. */
import { describe, expect, it } from 'vitest';
import { ZOrgStats, ZUnitPage } from '../../common/schemas/org.ts';
import { anonymous, expectError, expectOk, setupTest, signIn } from '../test/harness.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD, levelIdOf, typeIdOf } from '../test/factories.ts';

async function setup() {
  const t = await setupTest();
  const tree = await buildTree(t.db);
  const type = await typeIdOf(t.db, 'dang_bo_co_so');
  const level = await levelIdOf(t.db, 'co_so');
  const as = async (role: 'operator' | 'viewer' | 'reporter' | 'monitor', unitId: number) => {
    const user = await buildUser(t.db, { grants: [{ role, unitId }] });
    return signIn(t.app, user.username, DEFAULT_PASSWORD);
  };
  return { ...t, tree, type, level, as };
}

const change = { effectiveDate: '2024-01-01' };

describe('org permissions', () => {
  it('an operator of bloc A gets 404 for everything in bloc B, and lists never show it', async () => {
    const { tree, type, level, as } = await setup();
    const op = await as('operator', tree.blocA);
    const b = tree.b1;
    const requests = [
      op.get(`/api/v1/org/units/${b}`),
      op.get(`/api/v1/org/units/${b}/history`),
      op.get(`/api/v1/org/units?parentId=${tree.blocB}`),
      op.get(`/api/v1/org/stats?rootId=${tree.blocB}`),
      op.post('/api/v1/org/units', { name: 'X', typeId: type, levelId: level, parentId: tree.blocB, ...change }),
      op.post(`/api/v1/org/units/${b}/change`, { name: 'X', revision: 1, ...change }),
      op.post(`/api/v1/org/units/${b}/move`, { parentId: tree.blocA, revision: 1, ...change }),
      op.post(`/api/v1/org/units/${tree.a1}/move`, { parentId: tree.blocB, revision: 1, ...change }),
      op.post('/api/v1/org/merges', { sourceIds: [b], targetId: tree.a1, ...change }),
      op.post('/api/v1/org/merges', { sourceIds: [tree.a1], targetId: b, ...change }),
      op.post(`/api/v1/org/units/${b}/split`, {
        targets: [{ name: 'X', typeId: type, levelId: level }],
        revision: 1,
        ...change,
      }),
      op.post(`/api/v1/org/units/${b}/dissolve`, { revision: 1, ...change }),
    ];
    for (const [i, response] of (await Promise.all(requests)).entries()) {
      expect(response.statusCode, `request ${i}: ${response.body}`).toBe(404);
    }
    const top = expectOk(await op.get('/api/v1/org/units'), ZUnitPage);
    expect(top.items.map((u: { id: number }) => u.id)).toEqual([tree.blocA]);
    const search = expectOk(await op.get('/api/v1/org/units?q=dang%20bo'), ZUnitPage);
    const ids = search.items.map((u: { id: number }) => u.id);
    expect(ids).toContain(tree.a1);
    expect(ids).not.toContain(tree.b1);
    expect(expectOk(await op.get(`/api/v1/org/stats`), ZOrgStats).total).toBe(3);
  });

  it('an operator changes units inside the subtree but not the granted unit itself', async () => {
    const { tree, as } = await setup();
    const op = await as('operator', tree.blocA);
    const own = await op.post(`/api/v1/org/units/${tree.blocA}/change`, { name: 'Tên mới', revision: 1, ...change });
    expect(expectError(own, 403, 'FORBIDDEN').message).toMatch(/thẩm quyền cấp trên/);
    const inside = await op.post(`/api/v1/org/units/${tree.a1}/change`, {
      name: 'Đảng bộ Sở Tư pháp tỉnh',
      revision: 1,
      ...change,
    });
    expect(inside.statusCode, inside.body).toBe(200);
    const root = await op.post('/api/v1/org/units', {
      name: 'Gốc mới',
      typeId: 1,
      levelId: 1,
      parentId: null,
      ...change,
    });
    expect(root.statusCode).toBe(403);
    expect((await op.post('/api/v1/org/unit-types', { code: 'moi', name: 'Loại mới' })).statusCode).toBe(403);
  });

  it('read-only roles get 403 on every write inside their subtree', async () => {
    const { tree, type, level, as } = await setup();
    for (const role of ['viewer', 'monitor'] as const) {
      const viewer = await as(role, tree.blocA);
      expect((await viewer.get(`/api/v1/org/units/${tree.a1}`)).statusCode).toBe(200);
      const writes = [
        viewer.post('/api/v1/org/units', { name: 'X', typeId: type, levelId: level, parentId: tree.blocA, ...change }),
        viewer.post(`/api/v1/org/units/${tree.a1}/change`, { name: 'X', revision: 1, ...change }),
        viewer.post(`/api/v1/org/units/${tree.a1}/move`, { parentId: tree.blocA, revision: 1, ...change }),
        viewer.post('/api/v1/org/merges', { sourceIds: [tree.a1], targetId: tree.a2, ...change }),
        viewer.post(`/api/v1/org/units/${tree.a1}/split`, {
          targets: [{ name: 'X', typeId: type, levelId: level }],
          revision: 1,
          ...change,
        }),
        viewer.post(`/api/v1/org/units/${tree.a1}/dissolve`, { revision: 1, ...change }),
      ];
      for (const response of await Promise.all(writes)) expect(response.statusCode, response.body).toBe(403);
    }
  });

  it('a reporter sees only the own unit', async () => {
    const { tree, as } = await setup();
    const reporter = await as('reporter', tree.a1);
    expect((await reporter.get(`/api/v1/org/units/${tree.a1}`)).statusCode).toBe(200);
    expect((await reporter.get(`/api/v1/org/units/${tree.a2}`)).statusCode).toBe(404);
    expect((await reporter.get(`/api/v1/org/units/${tree.blocA}`)).statusCode).toBe(404);
    expect(expectOk(await reporter.get('/api/v1/org/units'), ZUnitPage).items.map((u: { id: number }) => u.id)).toEqual(
      [tree.a1],
    );
  });

  it('without a session every org endpoint answers 401', async () => {
    const { app, tree } = await setup();
    const anon = anonymous(app);
    const urls = [
      '/api/v1/org/units',
      `/api/v1/org/units/${tree.a1}`,
      `/api/v1/org/units/${tree.a1}/history`,
      '/api/v1/org/stats',
      '/api/v1/org/unit-types',
      '/api/v1/org/levels',
    ];
    for (const url of urls) expect((await anon.get(url)).statusCode, url).toBe(401);
    expect(
      (await anon.post('/api/v1/org/merges', { sourceIds: [tree.a1], targetId: tree.a2, ...change })).statusCode,
    ).toBe(401);
  });
});
