/**
 * What a user is signed in with: API tokens die with the password they were
 * made under (own change, an administrator's reset) and with a disabled
 * account, and stay dead when it is enabled again; every token expires
 * (default and maximum lifetimes); sessions end at an absolute lifetime from
 * sign-in whatever their activity, and the cookie never outlives them.
 */
import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { App } from '../lib/http.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { ZCreatedToken, ZTokenList, ZUser } from '../../common/schemas/accounts.ts';
import { anonymous, expectError, expectOk, setupTest, signIn, type Session } from '../test/harness.ts';

const NEW_PASSWORD = 'mây trắng bay qua đồi chè';
const DAY = 86_400_000;

async function makeToken(session: Session, name = 'Đồng bộ số liệu', expiresInDays?: number) {
  const created = await session.post(
    '/api/v1/tokens',
    expiresInDays === undefined ? { name } : { name, expiresInDays },
  );
  return expectOk(created, ZCreatedToken, 201);
}

const viaToken = (app: App, token: string, url = '/api/v1/auth/me') =>
  app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

const actionsAbout = async (db: Kysely<DB>, userId: number) =>
  (
    await db.selectFrom('audit_event').select('action').where('entity_id', '=', String(userId)).orderBy('id').execute()
  ).map((e) => e.action);

describe('API tokens and sessions end with the password and the account', () => {
  it('an own password change revokes every token and ends the other sessions, keeping the one that made the change', async () => {
    const { app, db } = await setupTest();
    const tree = await buildTree(db);
    const user = await buildUser(db, { grants: [{ role: 'operator', unitId: tree.blocA }] });
    const here = await signIn(app, user.username, DEFAULT_PASSWORD);
    const elsewhere = await signIn(app, user.username, DEFAULT_PASSWORD);
    const first = await makeToken(here, 'Tích hợp 1');
    const second = await makeToken(here, 'Tích hợp 2');
    expect((await viaToken(app, first.token)).statusCode).toBe(200);

    const changed = await here.post('/api/v1/auth/password', {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    for (const token of [first, second]) {
      const refused = await viaToken(app, token.token);
      expect(expectError(refused, 401, 'UNAUTHENTICATED').message).toMatch(/thu hồi/);
    }
    expect((await elsewhere.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await here.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect(expectOk(await here.get('/api/v1/tokens'), ZTokenList).items.every((t) => t.revokedAt !== null)).toBe(true);

    const events = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_id', '=', String(user.id))
      .where('action', 'in', ['auth.password_changed', 'token.revoked_all'])
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['auth.password_changed', 'token.revoked_all']);
    expect(events[0]!.after).toEqual({ otherSessionsEnded: 1, tokensRevoked: 2 });
    expect(events[1]!.summary).toMatch(/Thu hồi 2 mã truy cập API .* vì chủ tài khoản đổi mật khẩu/);
  });

  it("an administrator's reset and disabling revoke the tokens; enabling the account again revives none", async () => {
    const { app, db } = await setupTest();
    const tree = await buildTree(db);
    const admin = await signIn(
      app,
      (await buildUser(db, { grants: [{ role: 'admin', unitId: tree.blocA }] })).username,
      DEFAULT_PASSWORD,
    );
    const user = await buildUser(db, { grants: [{ role: 'viewer', unitId: tree.a1 }] });
    const own = await signIn(app, user.username, DEFAULT_PASSWORD);

    const beforeReset = await makeToken(own);
    const reset = await admin.post(`/api/v1/users/${user.id}/password`, { newPassword: NEW_PASSWORD });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await viaToken(app, beforeReset.token)).statusCode).toBe(401);
    expect(await actionsAbout(db, user.id)).toEqual(
      expect.arrayContaining(['user.password_reset', 'token.revoked_all']),
    );

    // The user changes the temporary password, makes a token; the account is disabled, then enabled.
    const back = await signIn(app, user.username, NEW_PASSWORD);
    expect(
      (
        await back.post('/api/v1/auth/password', {
          currentPassword: NEW_PASSWORD,
          newPassword: 'chiều thu lá vàng rơi ngõ nhỏ',
        })
      ).statusCode,
    ).toBe(200);
    const beforeDisable = await makeToken(back);
    expect((await viaToken(app, beforeDisable.token)).statusCode).toBe(200);
    const revision = expectOk(await admin.get(`/api/v1/users/${user.id}`), ZUser).revision;
    expect((await admin.post(`/api/v1/users/${user.id}/status`, { status: 'disabled', revision })).statusCode).toBe(
      200,
    );
    expect((await viaToken(app, beforeDisable.token)).statusCode).toBe(401);
    expect(
      (await admin.post(`/api/v1/users/${user.id}/status`, { status: 'active', revision: revision + 1 })).statusCode,
    ).toBe(200);
    const afterEnable = await viaToken(app, beforeDisable.token);
    expect(expectError(afterEnable, 401, 'UNAUTHENTICATED').message).toMatch(/thu hồi/);
    const row = await db
      .selectFrom('api_token')
      .select('revoked_at')
      .where('id', '=', beforeDisable.id)
      .executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
    const disabled = await db
      .selectFrom('audit_event')
      .select('after')
      .where('entity_id', '=', String(user.id))
      .where('action', '=', 'user.disabled')
      .executeTakeFirstOrThrow();
    expect(disabled.after).toMatchObject({ tokensRevoked: 1 });
  });

  it('every token expires: the default lifetime when none is asked for, a Vietnamese 400 past the maximum, 401 once expired', async () => {
    const { app, db } = await setupTest();
    const user = await buildUser(db);
    const session = await signIn(app, user.username, DEFAULT_PASSWORD);
    const list = expectOk(await session.get('/api/v1/tokens'), ZTokenList);
    expect(list).toMatchObject({
      items: [],
      defaultDays: app.config.tokenDefaultDays,
      maxDays: app.config.tokenMaxDays,
    });
    expect([list.defaultDays, list.maxDays]).toEqual([90, 365]);

    const byDefault = await makeToken(session);
    expect(Math.abs(new Date(byDefault.expiresAt).getTime() - (Date.now() + 90 * DAY))).toBeLessThan(60_000);
    const shortOne = await makeToken(session, 'Ngắn hạn', 7);
    expect(Math.abs(new Date(shortOne.expiresAt).getTime() - (Date.now() + 7 * DAY))).toBeLessThan(60_000);
    expect(
      Math.abs(new Date((await makeToken(session, 'Tối đa', 365)).expiresAt).getTime() - (Date.now() + 365 * DAY)),
    ).toBeLessThan(60_000);

    for (const expiresInDays of [366, 3650]) {
      const tooLong = await session.post('/api/v1/tokens', { name: 'Quá dài', expiresInDays });
      expect(expectError(tooLong, 400, 'VALIDATION', ['expiresInDays']).message).toMatch(/tối đa 365 ngày/);
    }
    const absurd = await session.post('/api/v1/tokens', { name: 'Vô lý', expiresInDays: 100000 });
    expect(expectError(absurd, 400, 'VALIDATION', ['expiresInDays']).message).toMatch(/Số ngày hiệu lực/);

    await db
      .updateTable('api_token')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', shortOne.id)
      .execute();
    const expired = await viaToken(app, shortOne.token);
    expect(expectError(expired, 401, 'UNAUTHENTICATED').message).toMatch(/hết hạn/);
    expect((await viaToken(app, byDefault.token)).statusCode).toBe(200);
  });

  it('a session ends at its absolute lifetime from sign-in, however active; sliding never passes it and neither does the cookie', async () => {
    const { app, db } = await setupTest();
    const user = await buildUser(db);
    const login = await anonymous(app).post('/api/v1/auth/login', {
      username: user.username,
      password: DEFAULT_PASSWORD,
    });
    const cookie = login.cookies.find((c) => c.name === 'dh_session')!;
    // SESSION_HOURS (12) is the shorter of the two limits at sign-in.
    expect(cookie.maxAge).toBe(app.config.sessionHours * 3600);
    const session = await signIn(app, user.username, DEFAULT_PASSWORD);
    const sessionRow = () =>
      db
        .selectFrom('user_session')
        .selectAll()
        .where('user_id', '=', user.id)
        .where('revoked_at', 'is', null)
        .orderBy('created_at', 'desc')
        .executeTakeFirstOrThrow();
    const id = (await sessionRow()).id;

    // Signed in 7 days minus an hour ago, active 10 minutes ago: the slide stops at the absolute end.
    const createdAt = new Date(Date.now() - app.config.sessionMaxDays * 86_400_000 + 3600_000);
    await db
      .updateTable('user_session')
      .set({ created_at: createdAt, last_seen_at: new Date(Date.now() - 600_000) })
      .where('id', '=', id)
      .execute();
    const slid = await session.get('/api/v1/auth/me');
    expect(slid.statusCode).toBe(200);
    const renewed = slid.cookies.find((c) => c.name === 'dh_session');
    expect(renewed?.maxAge).toBeGreaterThan(3500);
    expect(renewed!.maxAge).toBeLessThanOrEqual(3600);
    const absoluteEnd = createdAt.getTime() + app.config.sessionMaxDays * 86_400_000;
    expect(
      (
        await db.selectFrom('user_session').select('expires_at').where('id', '=', id).executeTakeFirstOrThrow()
      ).expires_at.getTime(),
    ).toBe(absoluteEnd);

    // Past the absolute lifetime, even with a sliding expiry still ahead (e.g. made under a longer setting): signed out.
    await db
      .updateTable('user_session')
      .set({
        created_at: new Date(Date.now() - app.config.sessionMaxDays * 86_400_000 - 1000),
        last_seen_at: new Date(),
        expires_at: new Date(Date.now() + 3600_000),
      })
      .where('id', '=', id)
      .execute();
    const ended = await session.get('/api/v1/auth/me');
    expectError(ended, 401, 'UNAUTHENTICATED');
  });

  it('a fresh sign-in slides normally: the cookie is renewed for SESSION_HOURS after five idle minutes', async () => {
    const { app, db } = await setupTest();
    const tree = await buildTree(db);
    const user = await buildUser(db, { grants: [{ role: 'viewer', unitId: tree.root }] });
    const session = await signIn(app, user.username, DEFAULT_PASSWORD);
    await db
      .updateTable('user_session')
      .set({ last_seen_at: new Date(Date.now() - 600_000) })
      .where('user_id', '=', user.id)
      .execute();
    const response = await session.get('/api/v1/org/units');
    expect(response.statusCode).toBe(200);
    const renewed = response.cookies.find((c) => c.name === 'dh_session');
    expect(renewed?.maxAge).toBe(app.config.sessionHours * 3600);
    expect(renewed?.httpOnly).toBe(true);
  });
});
