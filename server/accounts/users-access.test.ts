/** Who may administer which users: every endpoint's 401/403/404, subtree limits, and the actions nobody may take on themselves. */
import { describe, expect, it } from 'vitest';
import { ZUser } from '../../common/schemas/accounts.ts';
import { anonymous, expectError, expectOk, signIn, type Session } from '../test/harness.ts';
import { buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { accountEvents, type Call, grantIdOf, newUserBody, world } from './users-test-world.ts';

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
    expect(expectError(response, 403, 'FORBIDDEN').message).toMatch(/ngoài phạm vi/);
    await signIn(w.app, w.userAB.username, DEFAULT_PASSWORD);
  });

  it('grants only inside the subtree: outside is 404 naming the field, readable-but-not-administered is 403', async () => {
    const w = await world();
    const admin = await w.as(w.adminA);
    const outside = await admin.post(`/api/v1/users/${w.userA.id}/grants`, { role: 'viewer', unitId: w.tree.b1 });
    expectError(outside, 404, 'NOT_FOUND', ['unitId']);
    expect(
      (await admin.post(`/api/v1/users/${w.userA.id}/grants`, { role: 'admin', unitId: w.tree.root })).statusCode,
    ).toBe(404);
    const createOutside = await admin.post('/api/v1/users', newUserBody(w.tree.b1));
    expectError(createOutside, 404, 'NOT_FOUND', ['grants.0.unitId']);

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
    expect(expectError(last, 403, 'FORBIDDEN').message).toMatch(/quản trị cuối cùng/);
    expect(expectOk(await sys.get(`/api/v1/users/${w.sys.id}`), ZUser).abilities).toMatchObject({
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
    expect(expectOk(await sys.get(`/api/v1/users/${w.orphan.id}`), ZUser).grants).toEqual([]);
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
    expectError(stale, 409, 'CONFLICT');
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
