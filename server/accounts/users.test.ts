import { describe, expect, it } from 'vitest';
import { ZMe, ZUser, ZUserPage } from '../../common/schemas/accounts.ts';
import { anonymous, expectError, expectOk, signIn } from '../test/harness.ts';
import { accountEvents, newUserBody, world } from './users-test-world.ts';

describe('user administration: happy paths', () => {
  it('creates an account with its roles, edits it, grants and revokes, resets the password, unlocks, disables and enables — all audited', async () => {
    const w = await world();
    const admin = await w.as(w.adminA);

    const created = await admin.post('/api/v1/users', newUserBody(w.tree.a1));
    const user = expectOk(created, ZUser, 201);
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
    expect(expectOk(await minh.get('/api/v1/auth/me'), ZMe).mustChangePassword).toBe(true);

    const edited = await admin.patch(`/api/v1/users/${user.id}`, {
      fullName: 'Trần Văn Minh Đức',
      email: null,
      revision: 1,
    });
    expect(expectOk(edited, ZUser)).toMatchObject({ fullName: 'Trần Văn Minh Đức', email: null, revision: 2 });
    const updated = (await accountEvents(w.db)).at(-1)!;
    expect(updated).toMatchObject({ action: 'user.updated', entity_id: String(user.id), unit_id: w.tree.a1 });
    expect(updated.before).toMatchObject({ fullName: 'Trần Văn Minh', email: 'minh@example.vn' });
    expect(updated.after).toMatchObject({ fullName: 'Trần Văn Minh Đức', email: null });

    const granted = await admin.post(`/api/v1/users/${user.id}/grants`, { role: 'operator', unitId: w.tree.a2 });
    const withGrant = expectOk(granted, ZUser, 201);
    expect(withGrant.grants.map((g) => g.role)).toEqual(['viewer', 'operator']);
    const operatorGrant = withGrant.grants[1]!.id;
    const again = await admin.post(`/api/v1/users/${user.id}/grants`, { role: 'operator', unitId: w.tree.a2 });
    expectError(again, 409, 'DUPLICATE');

    const revoked = await admin.post(`/api/v1/users/${user.id}/grants/${operatorGrant}/revoke`);
    expect(expectOk(revoked, ZUser).grants).toHaveLength(1);
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
    const lockedView = expectOk(await admin.get(`/api/v1/users/${user.id}`), ZUser);
    expect(lockedView.lockedUntil).not.toBeNull();
    expect(lockedView.abilities.unlock).toBe(true);
    const unlocked = await admin.post(`/api/v1/users/${user.id}/unlock`);
    expect(expectOk(unlocked, ZUser).lockedUntil).toBeNull();
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
    const afterReset = expectOk(reset, ZUser);
    expect(afterReset).toMatchObject({ mustChangePassword: true, lockedUntil: null });
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

    const revision = afterReset.revision;
    const disabled = await admin.post(`/api/v1/users/${user.id}/status`, { status: 'disabled', revision });
    expect(expectOk(disabled, ZUser).status).toBe('disabled');
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

    const all = expectOk(await admin.get('/api/v1/users?pageSize=200'), ZUserPage);
    expect(names(all)).toEqual(['admin.khoia', 'anh.nt', 'baocao.a1', 'cuong.lv', 'lanhdao.a', 'nghiepvu.a']);
    expect(all.total).toBe(6);
    const cuong = all.items.find((u) => u.username === 'cuong.lv')!;
    expect(cuong.grants).toEqual([expect.objectContaining({ unitId: w.tree.a2 })]);
    expect(cuong.otherGrants).toBe(1);
    expect(cuong.abilities.update).toBe(false);

    const paged = expectOk(await admin.get('/api/v1/users?pageSize=2&page=2'), ZUserPage);
    expect(paged).toMatchObject({ total: 6, page: 2, pageSize: 2 });
    expect(names(paged)).toEqual(['baocao.a1', 'cuong.lv']);

    expect(
      names(expectOk(await admin.get(`/api/v1/users?q=${encodeURIComponent('NGUYEN THI ANH')}`), ZUserPage)),
    ).toEqual(['anh.nt']);
    expect(names(expectOk(await admin.get(`/api/v1/users?q=${encodeURIComponent('thị ánh')}`), ZUserPage))).toEqual([
      'anh.nt',
    ]);
    expect(expectOk(await admin.get(`/api/v1/users?q=${encodeURIComponent('Đặng Văn Bình')}`), ZUserPage).total).toBe(
      0,
    );
    expect(expectOk(await admin.get('/api/v1/users?q=binh'), ZUserPage).total).toBe(0);
    expect(expectOk(await admin.get('/api/v1/users?q=chua'), ZUserPage).total).toBe(0);
    expect(names(expectOk(await admin.get(`/api/v1/users?unitId=${w.tree.a1}`), ZUserPage))).toEqual([
      'anh.nt',
      'baocao.a1',
    ]);
    expect(expectOk(await admin.get(`/api/v1/users?unitId=${w.tree.blocB}`), ZUserPage).total).toBe(0);
    expect(expectOk(await admin.get(`/api/v1/users?unitId=${w.tree.b1}`), ZUserPage).total).toBe(0);
    expect(expectOk(await admin.get('/api/v1/users?unitId=999999'), ZUserPage).total).toBe(0);

    const sys = await w.as(w.sys);
    expect(names(expectOk(await sys.get(`/api/v1/users?q=${encodeURIComponent('dang van binh')}`), ZUserPage))).toEqual(
      ['binh.dv'],
    );
    expect(names(expectOk(await sys.get('/api/v1/users?q=chua.cap'), ZUserPage))).toEqual(['chua.cap.quyen']);
    expect(names(expectOk(await sys.get(`/api/v1/users?unitId=${w.tree.blocB}`), ZUserPage))).toEqual([
      'binh.dv',
      'cuong.lv',
    ]);
    expect(expectOk(await sys.get('/api/v1/users'), ZUserPage).total).toBe(9);

    const operator = await w.as(w.operatorA);
    expect(expectOk(await operator.get('/api/v1/users?pageSize=200'), ZUserPage).total).toBe(6);
    const viaOperator = expectOk(await operator.get(`/api/v1/users/${w.userA.id}`), ZUser);
    expect(viaOperator.abilities).toEqual({
      update: false,
      setStatus: false,
      resetPassword: false,
      unlock: false,
      grant: false,
    });
  });
});
