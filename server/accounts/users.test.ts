import { describe, expect, it } from 'vitest';
import { anonymous, json, signIn } from '../test/harness.ts';
import { accountEvents, newUserBody, world } from './users-test-world.ts';

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
