import { describe, expect, it } from 'vitest';
import { anonymous, json, setupTest, signIn } from '../test/harness.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';

describe('sign-in, sessions and tokens', () => {
  it('signs in, reports abilities scoped to the grant, and signs out', async () => {
    const { app, db } = await setupTest();
    const tree = await buildTree(db);
    const user = await buildUser(db, { grants: [{ role: 'viewer', unitId: tree.blocA }] });
    const session = await signIn(app, user.username, DEFAULT_PASSWORD);
    const me = json(await session.get('/api/v1/auth/me'));
    expect(me.username).toBe(user.username);
    expect(me.isSystemAdmin).toBe(false);
    expect(me.abilities['org.read']).toBe(true);
    expect(me.abilities['org.write']).toBe(false);
    expect(me.grants).toEqual([
      expect.objectContaining({ role: 'viewer', unitId: tree.blocA, unitName: 'Đảng ủy Khối A' }),
    ]);

    expect((await session.post('/api/v1/auth/logout')).statusCode).toBe(200);
    const after = await session.get('/api/v1/auth/me');
    expect(after.statusCode).toBe(401);
    expect(json(after).error.code).toBe('UNAUTHENTICATED');
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
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(json(wrong).error.message).toBe(json(unknown).error.message);
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
    expect(weak.statusCode).toBe(400);
    expect(json(weak).error.fields[0].field).toBe('newPassword');
    expect(json(weak).error.message).toMatch(/Mật khẩu/);
    // The examples (8+ characters with a letter and a digit) are refused now.
    for (const newPassword of ['password1', '12345678a', 'Baocao2025', 'Baocao2025!!']) {
      const refused = await session.post('/api/v1/auth/password', { currentPassword: DEFAULT_PASSWORD, newPassword });
      expect(refused.statusCode, newPassword).toBe(400);
      expect(json(refused).error.fields[0].field).toBe('newPassword');
    }
    const wrongCurrent = await session.post('/api/v1/auth/password', {
      currentPassword: 'khongdung1',
      newPassword: 'mây trắng bay qua đồi chè',
    });
    expect(json(wrongCurrent).error.fields[0].field).toBe('currentPassword');
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
    expect(created.statusCode).toBe(201);
    const { token, id } = json(created);
    expect(token).toMatch(/^dh_/);
    const viaToken = await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(viaToken.statusCode).toBe(200);
    expect(json(viaToken).username).toBe(user.username);
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
    expect(response.statusCode).toBe(400);
    const body = json(response);
    expect(body.error.code).toBe('VALIDATION');
    expect(body.error.fields.map((f: { field: string }) => f.field).sort()).toEqual(['password', 'username']);
    expect(body.error.message).toMatch(/Tên đăng nhập/);
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
    const { id } = json(await alice.post('/api/v1/tokens', { name: 'Tích hợp' }));
    expect(json(await bob.get('/api/v1/tokens')).items).toEqual([]);
    expect((await bob.post(`/api/v1/tokens/${id}/revoke`)).statusCode).toBe(404);
    expect(
      json(await alice.get('/api/v1/tokens')).items.map((t: { id: number; revokedAt: string | null }) => [
        t.id,
        t.revokedAt,
      ]),
    ).toEqual([[id, null]]);
    expect((await anonymous(app).get('/api/v1/tokens')).statusCode).toBe(401);
  });
});
