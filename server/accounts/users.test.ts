import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { anonymous, json, setupTest, signIn, type Session } from '../test/harness.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';

/** root → blocA (a1, a2), blocB (b1, b2), and people with grants in different places. */
async function world() {
  const t = await setupTest();
  const { db } = t;
  const tree = await buildTree(db);
  const sys = await buildUser(db, {
    username: 'quantri',
    fullName: 'Quản trị Tỉnh ủy',
    grants: [{ role: 'admin', unitId: tree.root }],
  });
  const adminA = await buildUser(db, {
    username: 'admin.khoia',
    fullName: 'Quản trị Khối A',
    grants: [{ role: 'admin', unitId: tree.blocA }],
  });
  const operatorA = await buildUser(db, { username: 'nghiepvu.a', grants: [{ role: 'operator', unitId: tree.blocA }] });
  const viewerA = await buildUser(db, { username: 'lanhdao.a', grants: [{ role: 'viewer', unitId: tree.blocA }] });
  const reporterA1 = await buildUser(db, { username: 'baocao.a1', grants: [{ role: 'reporter', unitId: tree.a1 }] });
  const userA = await buildUser(db, {
    username: 'anh.nt',
    fullName: 'Nguyễn Thị Ánh',
    grants: [{ role: 'viewer', unitId: tree.a1 }],
  });
  const userB = await buildUser(db, {
    username: 'binh.dv',
    fullName: 'Đặng Văn Bình',
    grants: [{ role: 'viewer', unitId: tree.b1 }],
  });
  const userAB = await buildUser(db, {
    username: 'cuong.lv',
    fullName: 'Lê Văn Cường',
    grants: [
      { role: 'viewer', unitId: tree.a2 },
      { role: 'operator', unitId: tree.b2 },
    ],
  });
  const orphan = await buildUser(db, { username: 'chua.cap.quyen', fullName: 'Chưa Cấp Quyền' });
  const as = (u: { username: string }) => signIn(t.app, u.username, DEFAULT_PASSWORD);
  return { ...t, tree, sys, adminA, operatorA, viewerA, reporterA1, userA, userB, userAB, orphan, as };
}

const grantIdOf = async (db: Kysely<DB>, userId: number) =>
  (
    await db
      .selectFrom('role_grant')
      .select('id')
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;

const accountEvents = async (db: Kysely<DB>) =>
  db
    .selectFrom('audit_event')
    .selectAll()
    .where((eb) => eb.or([eb('action', 'like', 'user.%'), eb('action', 'like', 'grant.%')]))
    .orderBy('id')
    .execute();

const newUserBody = (unitId: number, overrides: Record<string, unknown> = {}) => ({
  username: 'Tran.Minh',
  fullName: '  Trần   Văn Minh ',
  email: 'minh@example.vn',
  password: 'ngựa vằn ăn cỏ bên suối',
  grants: [{ role: 'viewer', unitId }],
  ...overrides,
});

describe('user administration: happy paths', () => {
  it('creates an account with its roles, edits it, grants and revokes, resets the password, unlocks, disables and enables — all audited', async () => {
    const w = await world();
    const admin = await w.as(w.adminA);

    const created = await admin.post('/api/v1/users', newUserBody(w.tree.a1));
    expect(created.statusCode).toBe(201);
    const user = json(created);
    expect(user).toMatchObject({
      username: 'Tran.Minh',
      fullName: 'Trần Văn Minh',
      email: 'minh@example.vn',
      status: 'active',
      mustChangePassword: true,
      revision: 1,
      otherGrants: 0,
    });
    expect(user.grants).toEqual([
      expect.objectContaining({ role: 'viewer', unitId: w.tree.a1, unitName: 'Đảng bộ Sở Tư pháp' }),
    ]);
    expect(user.abilities).toEqual({ update: true, setStatus: true, resetPassword: true, unlock: false, grant: true });
    let events = await accountEvents(w.db);
    expect(events.map((e) => [e.action, e.unit_id])).toEqual([
      ['grant.created', w.tree.a1],
      ['user.created', w.tree.a1],
    ]);
    expect(JSON.stringify(events)).not.toMatch(/argon2|password_hash|ngựa vằn/);
    expect(events[1]!.actor_user_id).toBe(w.adminA.id);

    const minh = await signIn(w.app, 'tran.minh', 'ngựa vằn ăn cỏ bên suối');
    expect(json(await minh.get('/api/v1/auth/me')).mustChangePassword).toBe(true);

    const edited = await admin.patch(`/api/v1/users/${user.id}`, {
      fullName: 'Trần Văn Minh Đức',
      email: null,
      revision: 1,
    });
    expect(edited.statusCode).toBe(200);
    expect(json(edited)).toMatchObject({ fullName: 'Trần Văn Minh Đức', email: null, revision: 2 });
    const updated = (await accountEvents(w.db)).at(-1)!;
    expect(updated).toMatchObject({ action: 'user.updated', entity_id: String(user.id), unit_id: w.tree.a1 });
    expect(updated.before).toMatchObject({ fullName: 'Trần Văn Minh', email: 'minh@example.vn' });
    expect(updated.after).toMatchObject({ fullName: 'Trần Văn Minh Đức', email: null });

    const granted = await admin.post(`/api/v1/users/${user.id}/grants`, { role: 'operator', unitId: w.tree.a2 });
    expect(granted.statusCode).toBe(201);
    expect(json(granted).grants.map((g: { role: string }) => g.role)).toEqual(['viewer', 'operator']);
    const operatorGrant = json(granted).grants[1].id;
    const again = await admin.post(`/api/v1/users/${user.id}/grants`, { role: 'operator', unitId: w.tree.a2 });
    expect(again.statusCode).toBe(409);
    expect(json(again).error.code).toBe('DUPLICATE');

    const revoked = await admin.post(`/api/v1/users/${user.id}/grants/${operatorGrant}/revoke`);
    expect(revoked.statusCode).toBe(200);
    expect(json(revoked).grants).toHaveLength(1);
    const row = await w.db
      .selectFrom('role_grant')
      .selectAll()
      .where('id', '=', operatorGrant)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
    expect(row.revoked_by).toBe(w.adminA.id);
    expect((await admin.post(`/api/v1/users/${user.id}/grants/${operatorGrant}/revoke`)).statusCode).toBe(404);

    // The name locked for everyone after repeated failures (login-throttle.ts; the real path is in login-throttle.test.ts).
    await w.db
      .insertInto('login_name_lock')
      .values({
        name_key: 'tran.minh',
        window_started_at: new Date(),
        failures: 0,
        locked_until: new Date(Date.now() + 600_000),
      })
      .execute();
    const lockedView = json(await admin.get(`/api/v1/users/${user.id}`));
    expect(lockedView.lockedUntil).not.toBeNull();
    expect(lockedView.abilities.unlock).toBe(true);
    const unlocked = await admin.post(`/api/v1/users/${user.id}/unlock`);
    expect(unlocked.statusCode).toBe(200);
    expect(json(unlocked).lockedUntil).toBeNull();
    expect((await admin.post(`/api/v1/users/${user.id}/unlock`)).statusCode).toBe(409);

    // Locked out again (for everyone, and from one address): the reset clears both.
    await w.db
      .insertInto('login_name_lock')
      .values({
        name_key: 'tran.minh',
        window_started_at: new Date(),
        failures: 30,
        locked_until: new Date(Date.now() + 600_000),
      })
      .execute();
    await w.db
      .insertInto('login_throttle')
      .values({
        name_key: 'tran.minh',
        ip: '10.0.0.9',
        failures: 7,
        last_failure_at: new Date(),
        retry_at: new Date(Date.now() + 600_000),
      })
      .execute();
    const reset = await admin.post(`/api/v1/users/${user.id}/password`, {
      newPassword: 'chiều thu lá vàng rơi ngõ nhỏ',
    });
    expect(reset.statusCode).toBe(200);
    expect(json(reset)).toMatchObject({ mustChangePassword: true, lockedUntil: null });
    expect((await minh.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect(
      await w.db
        .selectFrom('login_name_lock')
        .selectAll()
        .where('name_key', '=', 'tran.minh')
        .where('locked_until', '>', new Date())
        .execute(),
    ).toEqual([]);
    expect(await w.db.selectFrom('login_throttle').selectAll().where('name_key', '=', 'tran.minh').execute()).toEqual(
      [],
    );
    await signIn(w.app, 'tran.minh', 'chiều thu lá vàng rơi ngõ nhỏ');

    const revision = json(reset).revision;
    const disabled = await admin.post(`/api/v1/users/${user.id}/status`, { status: 'disabled', revision });
    expect(disabled.statusCode).toBe(200);
    expect(json(disabled).status).toBe('disabled');
    expect(
      (
        await anonymous(w.app).post('/api/v1/auth/login', {
          username: 'tran.minh',
          password: 'chiều thu lá vàng rơi ngõ nhỏ',
        })
      ).statusCode,
    ).toBe(401);
    const enabled = await admin.post(`/api/v1/users/${user.id}/status`, { status: 'active', revision: revision + 1 });
    expect(enabled.statusCode).toBe(200);
    await signIn(w.app, 'tran.minh', 'chiều thu lá vàng rơi ngõ nhỏ');

    events = await accountEvents(w.db);
    expect(events.map((e) => e.action)).toEqual([
      'grant.created',
      'user.created',
      'user.updated',
      'grant.created',
      'grant.revoked',
      'user.unlocked',
      'user.password_reset',
      'user.disabled',
      'user.enabled',
    ]);
    expect(events.find((e) => e.action === 'grant.revoked')!.unit_id).toBe(w.tree.a2);
    expect(JSON.stringify(events)).not.toMatch(/argon2|password_hash|chiều thu/);
  });

  it('disabling a user ends their sessions: their next request is 401', async () => {
    const w = await world();
    const victim = await w.as(w.userA);
    expect((await victim.get('/api/v1/auth/me')).statusCode).toBe(200);
    const admin = await w.as(w.adminA);
    expect(
      (await admin.post(`/api/v1/users/${w.userA.id}/status`, { status: 'disabled', revision: 1 })).statusCode,
    ).toBe(200);
    expect((await victim.get('/api/v1/auth/me')).statusCode).toBe(401);
    const open = await w.db
      .selectFrom('user_session')
      .select('id')
      .where('user_id', '=', w.userA.id)
      .where('revoked_at', 'is', null)
      .execute();
    expect(open).toHaveLength(0);
  });

  it('lists the users in scope with total, diacritic-insensitive q and a unit filter; never those outside', async () => {
    const w = await world();
    const admin = await w.as(w.adminA);
    const names = (r: { items: Array<{ username: string }> }) => r.items.map((u) => u.username).sort();

    const all = json(await admin.get('/api/v1/users?pageSize=200'));
    expect(names(all)).toEqual(['admin.khoia', 'anh.nt', 'baocao.a1', 'cuong.lv', 'lanhdao.a', 'nghiepvu.a']);
    expect(all.total).toBe(6);
    const cuong = all.items.find((u: { username: string }) => u.username === 'cuong.lv');
    expect(cuong.grants).toEqual([expect.objectContaining({ unitId: w.tree.a2 })]);
    expect(cuong.otherGrants).toBe(1);
    expect(cuong.abilities.update).toBe(false);

    const paged = json(await admin.get('/api/v1/users?pageSize=2&page=2'));
    expect(paged).toMatchObject({ total: 6, page: 2, pageSize: 2 });
    expect(names(paged)).toEqual(['baocao.a1', 'cuong.lv']);

    expect(names(json(await admin.get(`/api/v1/users?q=${encodeURIComponent('NGUYEN THI ANH')}`)))).toEqual(['anh.nt']);
    expect(names(json(await admin.get(`/api/v1/users?q=${encodeURIComponent('thị ánh')}`)))).toEqual(['anh.nt']);
    expect(json(await admin.get(`/api/v1/users?q=${encodeURIComponent('Đặng Văn Bình')}`)).total).toBe(0);
    expect(json(await admin.get('/api/v1/users?q=binh')).total).toBe(0);
    expect(json(await admin.get('/api/v1/users?q=chua')).total).toBe(0);
    expect(names(json(await admin.get(`/api/v1/users?unitId=${w.tree.a1}`)))).toEqual(['anh.nt', 'baocao.a1']);
    expect(json(await admin.get(`/api/v1/users?unitId=${w.tree.blocB}`)).total).toBe(0);
    expect(json(await admin.get(`/api/v1/users?unitId=${w.tree.b1}`)).total).toBe(0);
    expect(json(await admin.get('/api/v1/users?unitId=999999')).total).toBe(0);

    const sys = await w.as(w.sys);
    expect(names(json(await sys.get(`/api/v1/users?q=${encodeURIComponent('dang van binh')}`)))).toEqual(['binh.dv']);
    expect(names(json(await sys.get('/api/v1/users?q=chua.cap')))).toEqual(['chua.cap.quyen']);
    expect(names(json(await sys.get(`/api/v1/users?unitId=${w.tree.blocB}`)))).toEqual(['binh.dv', 'cuong.lv']);
    expect(json(await sys.get('/api/v1/users')).total).toBe(9);

    const operator = await w.as(w.operatorA);
    expect(json(await operator.get('/api/v1/users?pageSize=200')).total).toBe(6);
    const viaOperator = json(await operator.get(`/api/v1/users/${w.userA.id}`));
    expect(viaOperator.abilities).toEqual({
      update: false,
      setStatus: false,
      resetPassword: false,
      unlock: false,
      grant: false,
    });
  });
});

type Call = (s: Session) => ReturnType<Session['get']>;

describe('user administration: permissions', () => {
  it('every endpoint: 401 unauthenticated, 403 viewer/reporter, operator reads but cannot write, a subtree admin gets 404 outside and 403 on shared users', async () => {
    const w = await world();
    const before = (await accountEvents(w.db)).length;
    const gB = await grantIdOf(w.db, w.userB.id);
    const gA = await grantIdOf(w.db, w.userA.id);
    const gAB = await grantIdOf(w.db, w.userAB.id);
    const reads = (id: number): Call[] => [(s) => s.get(`/api/v1/users/${id}`)];
    const writes = (id: number, grantId: number): Call[] => [
      (s) => s.patch(`/api/v1/users/${id}`, { fullName: 'Tên Mới', email: null, revision: 1 }),
      (s) => s.post(`/api/v1/users/${id}/status`, { status: 'disabled', revision: 1 }),
      (s) => s.post(`/api/v1/users/${id}/password`, { newPassword: 'matkhau-moi-99' }),
      (s) => s.post(`/api/v1/users/${id}/unlock`),
      (s) => s.post(`/api/v1/users/${id}/grants`, { role: 'viewer', unitId: w.tree.a1 }),
      (s) => s.post(`/api/v1/users/${id}/grants/${grantId}/revoke`),
    ];
    const create: Call = (s) => s.post('/api/v1/users', newUserBody(w.tree.a1));
    const list: Call = (s) => s.get('/api/v1/users');
    const expectAll = async (session: Session, calls: Call[], status: number) => {
      for (const [i, call] of calls.entries()) {
        const response = await call(session);
        expect(response.statusCode, `call ${i}: ${response.body.slice(0, 200)}`).toBe(status);
      }
    };
    const everything = [list, create, ...reads(w.userA.id), ...writes(w.userA.id, gA)];

    await expectAll(anonymous(w.app), everything, 401);
    await expectAll(await w.as(w.viewerA), everything, 403);
    await expectAll(await w.as(w.reporterA1), everything, 403);

    const operator = await w.as(w.operatorA);
    await expectAll(operator, [list, ...reads(w.userA.id)], 200);
    await expectAll(operator, reads(w.userB.id), 404);
    await expectAll(operator, [create, ...writes(w.userA.id, gA), ...writes(w.userB.id, gB)], 403);

    const admin = await w.as(w.adminA);
    await expectAll(admin, [...reads(w.userB.id), ...writes(w.userB.id, gB)], 404);
    await expectAll(admin, [...reads(w.orphan.id), ...writes(w.orphan.id, 1)], 404);
    await expectAll(admin, reads(w.userAB.id), 200);
    await expectAll(admin, writes(w.userAB.id, gAB), 403);

    expect((await accountEvents(w.db)).length).toBe(before);
    const untouched = await w.db
      .selectFrom('app_user')
      .select(['id', 'full_name', 'status', 'revision'])
      .where('id', 'in', [w.userA.id, w.userB.id, w.userAB.id])
      .execute();
    expect(untouched.every((u) => u.status === 'active' && u.revision === 1)).toBe(true);
  });

  it('a subtree admin cannot reset the password of a user who also holds a role outside the subtree', async () => {
    const w = await world();
    const admin = await w.as(w.adminA);
    const response = await admin.post(`/api/v1/users/${w.userAB.id}/password`, { newPassword: 'chiemquyen123' });
    expect(response.statusCode).toBe(403);
    expect(json(response).error.message).toMatch(/ngoài phạm vi/);
    await signIn(w.app, w.userAB.username, DEFAULT_PASSWORD);
  });

  it('grants only inside the subtree: outside is 404 naming the field, readable-but-not-administered is 403', async () => {
    const w = await world();
    const admin = await w.as(w.adminA);
    const outside = await admin.post(`/api/v1/users/${w.userA.id}/grants`, { role: 'viewer', unitId: w.tree.b1 });
    expect(outside.statusCode).toBe(404);
    expect(json(outside).error.fields).toEqual([expect.objectContaining({ field: 'unitId' })]);
    expect(
      (await admin.post(`/api/v1/users/${w.userA.id}/grants`, { role: 'admin', unitId: w.tree.root })).statusCode,
    ).toBe(404);
    const createOutside = await admin.post('/api/v1/users', newUserBody(w.tree.b1));
    expect(createOutside.statusCode).toBe(404);
    expect(json(createOutside).error.fields[0].field).toBe('grants.0.unitId');

    // Sees the whole province (viewer on root) but administers only bloc A.
    const wide = await buildUser(w.db, {
      grants: [
        { role: 'viewer', unitId: w.tree.root },
        { role: 'admin', unitId: w.tree.blocA },
      ],
    });
    const wideSession = await w.as(wide);
    const onRoot = await wideSession.post(`/api/v1/users/${w.userA.id}/grants`, { role: 'admin', unitId: w.tree.root });
    expect(onRoot.statusCode).toBe(403);
    const delegated = await wideSession.post(`/api/v1/users/${w.userA.id}/grants`, {
      role: 'admin',
      unitId: w.tree.a1,
    });
    expect(delegated.statusCode).toBe(201);
    // A first admin grant: the account must now choose a password that meets the administrators' bar.
    expect((await accountEvents(w.db)).map((e) => e.action)).toEqual([
      'grant.created',
      'user.password_change_required',
    ]);
  });

  it('nobody disables themselves, resets their own password here, or revokes their own last admin grant', async () => {
    const w = await world();
    const sys = await w.as(w.sys);
    expect((await sys.post(`/api/v1/users/${w.sys.id}/status`, { status: 'disabled', revision: 1 })).statusCode).toBe(
      403,
    );
    expect((await sys.post(`/api/v1/users/${w.sys.id}/password`, { newPassword: 'tudatlai123' })).statusCode).toBe(403);
    const own = await grantIdOf(w.db, w.sys.id);
    const last = await sys.post(`/api/v1/users/${w.sys.id}/grants/${own}/revoke`);
    expect(last.statusCode).toBe(403);
    expect(json(last).error.message).toMatch(/quản trị cuối cùng/);
    expect(json(await sys.get(`/api/v1/users/${w.sys.id}`)).abilities).toMatchObject({
      update: true,
      setStatus: false,
      resetPassword: false,
    });
    expect(
      (await sys.post(`/api/v1/users/${w.sys.id}/grants`, { role: 'admin', unitId: w.tree.blocB })).statusCode,
    ).toBe(201);
    expect((await sys.post(`/api/v1/users/${w.sys.id}/grants/${own}/revoke`)).statusCode).toBe(200);
  });

  it('a system admin manages users without grants; a stale revision is 409 and writes nothing', async () => {
    const w = await world();
    const sys = await w.as(w.sys);
    expect(json(await sys.get(`/api/v1/users/${w.orphan.id}`)).grants).toEqual([]);
    const first = await sys.patch(`/api/v1/users/${w.orphan.id}`, {
      fullName: 'Người Thứ Nhất',
      email: null,
      revision: 1,
    });
    expect(first.statusCode).toBe(200);
    const count = (await accountEvents(w.db)).length;
    const stale = await sys.patch(`/api/v1/users/${w.orphan.id}`, {
      fullName: 'Người Thứ Hai',
      email: null,
      revision: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(json(stale).error.code).toBe('CONFLICT');
    const staleStatus = await sys.post(`/api/v1/users/${w.orphan.id}/status`, { status: 'disabled', revision: 1 });
    expect(staleStatus.statusCode).toBe(409);
    const row = await w.db
      .selectFrom('app_user')
      .select(['full_name', 'status', 'revision'])
      .where('id', '=', w.orphan.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ full_name: 'Người Thứ Nhất', status: 'active', revision: 2 });
    expect((await accountEvents(w.db)).length).toBe(count);
  });
});

describe('user administration: bad input', () => {
  it('answers 400/404/409 naming the field, never 500, and writes nothing', async () => {
    const w = await world();
    const admin = await w.as(w.adminA);
    const fieldsOf = (r: Awaited<ReturnType<Session['get']>>) =>
      (json(r).error.fields ?? []).map((f: { field: string }) => f.field);
    const cases: Array<[Call, number, string]> = [
      [(s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { username: 'nguyen van a' })), 400, 'username'],
      [(s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { username: 'nguyễn' })), 400, 'username'],
      [(s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { password: 'ngan' })), 400, 'password'],
      [(s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { password: 'chicochu' })), 400, 'password'],
      [
        (s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { grants: [{ role: 'superuser', unitId: w.tree.a1 }] })),
        400,
        'grants.0.role',
      ],
      [
        (s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { grants: [{ role: 'viewer', unitId: 987654 }] })),
        404,
        'grants.0.unitId',
      ],
      [(s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { grants: [] })), 400, 'grants'],
      [(s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { email: 'khong-phai-email' })), 400, 'email'],
      [(s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { username: 'ANH.NT' })), 409, 'username'],
      [(s) => s.post(`/api/v1/users/${w.userA.id}/grants`, { role: 'viewer', unitId: 987654 }), 404, 'unitId'],
      [(s) => s.post(`/api/v1/users/${w.userA.id}/grants`, { role: 'boss', unitId: w.tree.a1 }), 400, 'role'],
      [(s) => s.post(`/api/v1/users/${w.userA.id}/grants`, { role: 'viewer', unitId: 'abc' }), 400, 'unitId'],
      [(s) => s.post(`/api/v1/users/${w.userA.id}/password`, { newPassword: '12345678' }), 400, 'newPassword'],
      [(s) => s.post(`/api/v1/users/${w.userA.id}/password`, { newPassword: 'anh.nt12345' }), 400, 'newPassword'],
      [(s) => s.patch(`/api/v1/users/${w.userA.id}`, { fullName: 'Tên' }), 400, 'revision'],
      [(s) => s.patch(`/api/v1/users/${w.userA.id}`, { fullName: '   ', revision: 1 }), 400, 'fullName'],
      [(s) => s.post(`/api/v1/users/${w.userA.id}/status`, { status: 'deleted', revision: 1 }), 400, 'status'],
      [(s) => s.get('/api/v1/users/abc'), 400, 'id'],
      [(s) => s.get('/api/v1/users/99999999999'), 400, 'id'],
      [(s) => s.get('/api/v1/users/424242'), 404, ''],
      [(s) => s.post(`/api/v1/users/${w.userA.id}/grants/xyz/revoke`), 400, 'grantId'],
      [(s) => s.get('/api/v1/users?pageSize=100000'), 400, 'pageSize'],
    ];
    for (const [call, status, field] of cases) {
      const response = await call(admin);
      expect(response.statusCode, response.body).toBe(status);
      if (field) expect(fieldsOf(response), response.body).toContain(field);
      expect(json(response).error.message).toMatch(/[\u00C0-\u1EF9]/);
    }
    const duplicate = await admin.post('/api/v1/users', newUserBody(w.tree.a1, { username: 'ANH.NT' }));
    expect(json(duplicate).error.message).toContain('"ANH.NT"');
    expect((await accountEvents(w.db)).length).toBe(0);
  });

  it('creates the account and its grants in one transaction: a refused second grant leaves no account and no audit event', async () => {
    const w = await world();
    const admin = await w.as(w.adminA);
    const response = await admin.post(
      '/api/v1/users',
      newUserBody(w.tree.a1, {
        grants: [
          { role: 'viewer', unitId: w.tree.a1 },
          { role: 'viewer', unitId: w.tree.b1 },
        ],
      }),
    );
    expect(response.statusCode).toBe(404);
    expect(json(response).error.fields[0].field).toBe('grants.1.unitId');
    expect(
      await w.db.selectFrom('app_user').select('id').where('username', '=', 'Tran.Minh').executeTakeFirst(),
    ).toBeUndefined();
    expect(await accountEvents(w.db)).toEqual([]);
  });
});
