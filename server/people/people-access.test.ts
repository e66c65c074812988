import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ZPerson } from '../../common/schemas/people.ts';
import { ZPage } from '../../common/schemas/shared.ts';
import { anonymous, expectOk, setupTest, signIn, type Session, type TestContext } from '../test/harness.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import type { Role } from '../../common/roles.ts';

async function as(t: TestContext, grants: Array<{ role: Role; unitId: number }>): Promise<Session> {
  const user = await buildUser(t.db, { grants });
  return signIn(t.app, user.username, DEFAULT_PASSWORD);
}

async function world() {
  const t = await setupTest();
  const tree = await buildTree(t.db);
  const admin = await as(t, [{ role: 'admin', unitId: tree.root }]);
  const add = async (unitId: number, fullName: string) =>
    expectOk(await admin.post('/api/v1/people', { fullName, unitId, position: 'Chuyên viên' }), ZPerson, 201);
  const people = {
    a1: await add(tree.a1, 'Nguyễn Văn An'),
    a2: await add(tree.a2, 'Nguyễn Văn Bình'),
    b1: await add(tree.b1, 'Nguyễn Văn Cường'),
  };
  const left = expectOk(
    await admin.post(`/api/v1/people/${people.b1.id}/leave`, {
      leftOn: '2024-01-01',
      reason: 'Chuyển công tác',
      revision: 1,
    }),
    ZPerson,
  );
  return { t, tree, admin, people: { ...people, b1: left } };
}

const ZPersonPage = ZPage(ZPerson);
const ids = (r: LightMyRequestResponse) =>
  expectOk(r, ZPersonPage)
    .items.map((p) => p.id)
    .sort();

describe('people registry: who may see and change what', () => {
  it('an operator of bloc A never sees bloc B: 404 on its people, nothing in lists, searches or filters', async () => {
    const { t, tree, people } = await world();
    const s = await as(t, [{ role: 'operator', unitId: tree.blocA }]);
    const b = people.b1;
    expect(ids(await s.get('/api/v1/people'))).toEqual([people.a1.id, people.a2.id].sort());
    expect(ids(await s.get('/api/v1/people?q=cuong'))).toEqual([]);
    expect(ids(await s.get('/api/v1/people?q=nguyen&status=left'))).toEqual([]);
    expect((await s.get(`/api/v1/people?unitId=${tree.blocB}`)).statusCode).toBe(404);
    expect((await s.get(`/api/v1/people?unitId=${tree.root}`)).statusCode).toBe(404);
    expect(expectOk(await s.get('/api/v1/people?q=nguyen'), ZPersonPage).total).toBe(2);

    expect((await s.get(`/api/v1/people/${b.id}`)).statusCode).toBe(404);
    expect((await s.patch(`/api/v1/people/${b.id}`, { position: 'X', revision: b.revision })).statusCode).toBe(404);
    expect(
      (await s.post(`/api/v1/people/${b.id}/leave`, { leftOn: '2024-01-01', reason: 'X', revision: b.revision }))
        .statusCode,
    ).toBe(404);
    expect((await s.post(`/api/v1/people/${b.id}/reinstate`, { revision: b.revision })).statusCode).toBe(404);
    expect((await s.post('/api/v1/people', { fullName: 'Lê Văn Lạ', unitId: tree.b1 })).statusCode).toBe(404);
    const move = await s.patch(`/api/v1/people/${people.a1.id}`, { unitId: tree.b1, revision: 1 });
    expect(move.statusCode).toBe(404);
    const row = await t.db
      .selectFrom('person')
      .select(['unit_id', 'revision'])
      .where('id', '=', people.a1.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ unit_id: tree.a1, revision: 1 });
    expect((await s.post('/api/v1/people', { fullName: 'Lê Văn Mới', unitId: tree.a2 })).statusCode).toBe(201);
  });

  it('a viewer reads its subtree but gets 403 on every write there', async () => {
    const { t, tree, people } = await world();
    const s = await as(t, [{ role: 'viewer', unitId: tree.blocA }]);
    const a = expectOk(await s.get(`/api/v1/people/${people.a1.id}`), ZPerson);
    expect(a).toMatchObject({ fullName: 'Nguyễn Văn An', canWrite: false });
    expect((await s.post('/api/v1/people', { fullName: 'Lê Văn Lạ', unitId: tree.a1 })).statusCode).toBe(403);
    expect((await s.patch(`/api/v1/people/${a.id}`, { position: 'X', revision: 1 })).statusCode).toBe(403);
    expect(
      (await s.post(`/api/v1/people/${a.id}/leave`, { leftOn: '2024-01-01', reason: 'X', revision: 1 })).statusCode,
    ).toBe(403);
    expect((await s.post(`/api/v1/people/${a.id}/reinstate`, { revision: 1 })).statusCode).toBe(403);
    expect((await s.get(`/api/v1/people/${people.b1.id}`)).statusCode).toBe(404);
  });

  it('moving a person needs write access on the target unit too: 403 when it is only readable', async () => {
    const { t, tree, people } = await world();
    const s = await as(t, [
      { role: 'operator', unitId: tree.a1 },
      { role: 'viewer', unitId: tree.blocA },
    ]);
    const move = await s.patch(`/api/v1/people/${people.a1.id}`, { unitId: tree.a2, revision: 1 });
    expect(move.statusCode).toBe(403);
    expect(
      (await s.patch(`/api/v1/people/${people.a1.id}`, { position: 'Trưởng phòng', revision: 1 })).statusCode,
    ).toBe(200);
  });

  it('a reporter granted on one unit sees and writes only that unit', async () => {
    const { t, tree, people } = await world();
    const s = await as(t, [{ role: 'reporter', unitId: tree.a1 }]);
    expect(ids(await s.get('/api/v1/people'))).toEqual([people.a1.id]);
    expect(ids(await s.get('/api/v1/people?q=binh'))).toEqual([]);
    expect((await s.get(`/api/v1/people?unitId=${tree.a2}`)).statusCode).toBe(404);
    expect((await s.get(`/api/v1/people/${people.a2.id}`)).statusCode).toBe(404);
    expect((await s.post('/api/v1/people', { fullName: 'Lê Văn Lạ', unitId: tree.a2 })).statusCode).toBe(404);
    expect((await s.post('/api/v1/people', { fullName: 'Lê Văn Quen', unitId: tree.a1 })).statusCode).toBe(201);
    expect((await s.patch(`/api/v1/people/${people.a1.id}`, { position: 'Kế toán', revision: 1 })).statusCode).toBe(
      200,
    );
  });

  it('refuses every endpoint without signing in', async () => {
    const { t, tree, people } = await world();
    const s = anonymous(t.app);
    const id = people.a1.id;
    const responses = await Promise.all([
      s.get('/api/v1/people'),
      s.get(`/api/v1/people/${id}`),
      s.post('/api/v1/people', { fullName: 'Lê Văn Lạ', unitId: tree.a1 }),
      s.patch(`/api/v1/people/${id}`, { position: 'X', revision: 1 }),
      s.post(`/api/v1/people/${id}/leave`, { leftOn: '2024-01-01', reason: 'X', revision: 1 }),
      s.post(`/api/v1/people/${id}/reinstate`, { revision: 1 }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401, 401]);
  });
});
