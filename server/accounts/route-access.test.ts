/**
 * Who may reach a route at all, decided before its input is read:
 * - every operation of the OpenAPI document that is not public answers an
 *   anonymous caller 401 however malformed the request (never 400);
 * - the public ones are exactly the known few (documented with `security: []`);
 * - an account that must change its password gets 403 PASSWORD_CHANGE_REQUIRED
 *   everywhere but "who am I", "change password" and "sign out" — through a
 *   session and through an API token alike.
 */
import { describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../lib/http.ts';
import { CLIENT_HEADER } from '../../common/client-header.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { ZCreatedToken, ZMe } from '../../common/schemas/accounts.ts';
import { anonymous, expectError, expectOk, json, setupTest, signIn } from '../test/harness.ts';

interface Operation {
  method: string;
  path: string;
  isPublic: boolean;
}

/** Routes anyone may call. A new public route must be added here on purpose. */
const KNOWN_PUBLIC = new Set([
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'GET /api/v1/public/disclosures/{token}',
  'POST /api/v1/public/disclosures/{token}/comments',
  'GET /api/v1/system/info',
]);

const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/v1/auth/me',
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/logout',
]);

/** The OpenAPI document's paths: its own standard, no route schema of ours. */
interface OpenApiPaths {
  paths: Record<string, Record<string, { security?: unknown[] }>>;
}

/**
 * Whatever an operation answers to garbage, read loosely: the loops below collect every wrong answer rather than
 * stopping at the first, so they cannot use expectError.
 */
interface AnyAnswer {
  error?: { code?: string; message?: string };
}

async function operations(app: App): Promise<Operation[]> {
  const doc = json<OpenApiPaths>(await anonymous(app).get('/api/openapi.json'));
  const list: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      list.push({
        method: method.toUpperCase(),
        path,
        isPublic: Array.isArray(op.security) && op.security.length === 0,
      });
    }
  }
  return list;
}

/** A request no validator would accept: garbage path parameters and query, a body that is not even JSON. */
function garbage(app: App, op: Operation, headers: Record<string, string>): Promise<LightMyRequestResponse> {
  const url = `${op.path.replace(/\{[^}]+\}/g, 'kh%C3%B4ng-ph%E1%BA%A3i-s%E1%BB%91')}?page=abc&pageSize=-1&asOf=h%C3%B4m-qua&unitId=x`;
  const hasBody = op.method !== 'GET' && op.method !== 'HEAD' && op.method !== 'DELETE';
  return app.inject({
    method: op.method as 'GET',
    url,
    headers: { ...headers, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    ...(hasBody ? { payload: '{"khong phai json' } : {}),
  });
}

describe('route access before validation', () => {
  it('answers 401 to an anonymous caller with a malformed request on EVERY non-public operation; the public ones are the known few', async () => {
    const { app } = await setupTest();
    const ops = await operations(app);
    expect(ops.length).toBeGreaterThan(150);
    const publicOps = ops.filter((o) => o.isPublic).map((o) => `${o.method} ${o.path}`);
    for (const name of publicOps)
      expect(KNOWN_PUBLIC, `${name} is public: add it to KNOWN_PUBLIC on purpose`).toContain(name);
    expect(publicOps).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/login',
        'GET /api/v1/public/disclosures/{token}',
        'POST /api/v1/public/disclosures/{token}/comments',
      ]),
    );

    const wrong: string[] = [];
    for (const op of ops.filter((o) => !o.isPublic)) {
      const response = await garbage(app, op, { [CLIENT_HEADER]: 'test' });
      const body = response.json<AnyAnswer>();
      if (
        response.statusCode !== 401 ||
        body.error?.code !== 'UNAUTHENTICATED' ||
        body.error?.message !== 'Bạn cần đăng nhập để tiếp tục.'
      ) {
        wrong.push(`${op.method} ${op.path} → ${response.statusCode} ${response.body.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);

    // Public operations and the documentation answer without a session (their own 4xx for bad input, never 401).
    const login = await garbage(app, { method: 'POST', path: '/api/v1/auth/login', isPublic: true }, {});
    expect(login.statusCode).toBe(400);
    expect((await anonymous(app).get('/api/v1/public/disclosures/khong-co')).statusCode).toBe(404);
    expect((await anonymous(app).get('/api/openapi.json')).statusCode).toBe(200);
    expect((await anonymous(app).get('/api/docs')).statusCode).toBeLessThan(400);
    expect((await anonymous(app).get('/api/docs/json')).statusCode).toBe(200);
    expect((await anonymous(app).get('/api/health')).statusCode).not.toBe(401);
    // An unknown address is a 404 whoever asks; a bad token is a 401 even on a public route.
    expect((await anonymous(app).get('/api/v1/khong-co')).statusCode).toBe(404);
    const badToken = await app.inject({
      method: 'GET',
      url: '/api/v1/public/disclosures/khong-co',
      headers: { authorization: 'Bearer dh_sai' },
    });
    expect(badToken.statusCode).toBe(401);
  });

  it('an account that must change its password gets 403 PASSWORD_CHANGE_REQUIRED everywhere else, by session and by token, until it does', async () => {
    const { app, db } = await setupTest();
    const tree = await buildTree(db);
    const user = await buildUser(db, { grants: [{ role: 'admin', unitId: tree.root }] });
    const tokenSession = await signIn(app, user.username, DEFAULT_PASSWORD);
    const { token } = expectOk(await tokenSession.post('/api/v1/tokens', { name: 'Tích hợp' }), ZCreatedToken, 201);
    await db.updateTable('app_user').set({ must_change_password: true }).where('id', '=', user.id).execute();
    const session = await signIn(app, user.username, DEFAULT_PASSWORD);
    const byToken = { authorization: `Bearer ${token}` };

    const ops = (await operations(app)).filter(
      (o) => !o.isPublic && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${o.method} ${o.path}`),
    );
    const wrong: string[] = [];
    for (const op of ops) {
      for (const [how, headers] of [
        ['session', session.headers],
        ['token', byToken],
      ] as const) {
        const response = await garbage(app, op, headers);
        if (response.statusCode !== 403 || response.json<AnyAnswer>().error?.code !== 'PASSWORD_CHANGE_REQUIRED') {
          wrong.push(`${how} ${op.method} ${op.path} → ${response.statusCode} ${response.body.slice(0, 120)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    const refused = expectError(await session.get('/api/v1/org/units'), 403, 'PASSWORD_CHANGE_REQUIRED');
    expect(refused.message).toMatch(/^Bạn cần đổi mật khẩu trước khi tiếp tục/);

    // Who am I says so; the password can be changed; then everything is open again (the token was revoked by the change).
    const me = expectOk(await session.get('/api/v1/auth/me'), ZMe);
    expect(me.mustChangePassword).toBe(true);
    expect(
      expectOk(await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: byToken }), ZMe).mustChangePassword,
    ).toBe(true);
    const changed = await session.post('/api/v1/auth/password', {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: 'hoa sen nở giữa đầm lầy xanh',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await session.get('/api/v1/org/units')).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/org/units', headers: byToken })).statusCode).toBe(401);
    expect((await session.post('/api/v1/auth/logout')).statusCode).toBe(200);
  });
});
