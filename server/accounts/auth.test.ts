import { describe, expect, it } from 'vitest';
import { ZCreatedToken, ZMe, ZTokenList } from '../../common/schemas/accounts.ts';
import { anonymous, expectError, expectOk, setupTest, signIn } from '../test/harness.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';

describe('sign-in, sessions and tokens', () => {
  it('signs in, reports abilities scoped to the grant, and signs out', async () => {
    const { app, db } = await setupTest();
    const tree = await buildTree(db);
    const user = await buildUser(db, { grants: [{ role: 'viewer', unitId: tree.blocA }] });
    const session = await signIn(app, user.username, DEFAULT_PASSWORD);
    const me = expectOk(await session.get('/api/v1/auth/me'), ZMe);
    expect(me.username).toBe(user.username);
    expect(me.isSystemAdmin).toBe(false);
    expect(me.abilities['org.read']).toBe(true);
    expect(me.abilities['org.write']).toBe(false);
    expect(me.grants).toEqual([
      expect.objectContaining({ role: 'viewer', unitId: tree.blocA, unitName: 'Đảng ủy Khối A' }),
    ]);

    expect((await session.post('/api/v1/auth/logout')).statusCode).toBe(200);
    const after = await session.get('/api/v1/auth/me');
    expectError(after, 401, 'UNAUTHENTICATED');
  });

  it('refuses a wrong password with one message for unknown users and wrong passwords', async () => {
    const { app, db } = await setupTest();
    const user = await buildUser(db);
    const wrong = await anonymous(app).post('/api/v1/auth/login', {
      username: user.username,
      password: 'sai-mat-khau1',
    });
    const unknown = await anonymous(app).post('/api/v1/auth/login', {
      username: 'khongcoai',
      password: 'sai-mat-khau1',
    });
    expect(expectError(wrong, 401, 'UNAUTHENTICATED').message).toBe(
      expectError(unknown, 401, 'UNAUTHENTICATED').message,
    );
  });

  it('rejects a cookie-authenticated write without the client header (CSRF guard)', async () => {
    const { app, db } = await setupTest();
    const user = await buildUser(db);
    const session = await signIn(app, user.username, DEFAULT_PASSWORD);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session.headers.cookie! },
    });
    expect(response.statusCode).toBe(403);
  });

  it('changes the password: the old one stops working, the policy is enforced with a Vietnamese message', async () => {
    const { app, db } = await setupTest();
    const user = await buildUser(db);
    const session = await signIn(app, user.username, DEFAULT_PASSWORD);
    const weak = await session.post('/api/v1/auth/password', {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: 'ngan',
    });
    expect(expectError(weak, 400, 'VALIDATION', ['newPassword']).message).toMatch(/Mật khẩu/);
    // The examples (8+ characters with a letter and a digit) are refused now.
    for (const newPassword of ['password1', '12345678a', 'Baocao2025', 'Baocao2025!!']) {
      const refused = await session.post('/api/v1/auth/password', { currentPassword: DEFAULT_PASSWORD, newPassword });
      expectError(refused, 400, 'VALIDATION', ['newPassword']);
    }
    const wrongCurrent = await session.post('/api/v1/auth/password', {
      currentPassword: 'khongdung1',
      newPassword: 'mây trắng bay qua đồi chè',
    });
    expectError(wrongCurrent, 400, 'VALIDATION', ['currentPassword']);
    expect(
      (
        await session.post('/api/v1/auth/password', {
          currentPassword: DEFAULT_PASSWORD,
          newPassword: 'mây trắng bay qua đồi chè',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await anonymous(app).post('/api/v1/auth/login', { username: user.username, password: DEFAULT_PASSWORD }))
        .statusCode,
    ).toBe(401);
    await signIn(app, user.username, 'mây trắng bay qua đồi chè');
  });

  it('issues an API token that authenticates as the user until revoked', async () => {
    const { app, db } = await setupTest();
    const tree = await buildTree(db);
    const user = await buildUser(db, { grants: [{ role: 'operator', unitId: tree.blocA }] });
    const session = await signIn(app, user.username, DEFAULT_PASSWORD);
    const created = await session.post('/api/v1/tokens', { name: 'Đồng bộ số liệu' });
    const { token, id } = expectOk(created, ZCreatedToken, 201);
    expect(token).toMatch(/^dh_/);
    const viaToken = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(expectOk(viaToken, ZMe).username).toBe(user.username);
    const stored = await db.selectFrom('api_token').select('token_hash').where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect((await session.post(`/api/v1/tokens/${id}/revoke`)).statusCode).toBe(200);
    const revoked = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.statusCode).toBe(401);
  });

  it('answers bad input with a 400 naming the field, never a 500', async () => {
    const { app } = await setupTest();
    const response = await anonymous(app).post('/api/v1/auth/login', { username: '' });
    expect(expectError(response, 400, 'VALIDATION', ['password', 'username']).message).toMatch(/Tên đăng nhập/);
    const notJson = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{bad',
    });
    expect(notJson.statusCode).toBe(400);
  });

  it("lists and revokes only one's own API tokens", async () => {
    const { app, db } = await setupTest();
    const alice = await signIn(app, (await buildUser(db)).username, DEFAULT_PASSWORD);
    const bob = await signIn(app, (await buildUser(db)).username, DEFAULT_PASSWORD);
    const { id } = expectOk(await alice.post('/api/v1/tokens', { name: 'Tích hợp' }), ZCreatedToken, 201);
    expect(expectOk(await bob.get('/api/v1/tokens'), ZTokenList).items).toEqual([]);
    expect((await bob.post(`/api/v1/tokens/${id}/revoke`)).statusCode).toBe(404);
    expect(expectOk(await alice.get('/api/v1/tokens'), ZTokenList).items.map((t) => [t.id, t.revokedAt])).toEqual([
      [id, null],
    ]);
    expect((await anonymous(app).get('/api/v1/tokens')).statusCode).toBe(401);
  });
});
