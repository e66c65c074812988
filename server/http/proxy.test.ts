/**
 * TRUST_PROXY: by default X-Forwarded-For is ignored (anyone could write it); with the proxy named, the
 * client address it reports is the one the audit log records and the limits count.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { parseTrustProxy } from '../config.ts';
import type { App } from '../lib/http.ts';
import { ZMe } from '../../common/schemas/accounts.ts';
import { expectOk, setupTest, type TestContext } from '../test/harness.ts';
import { buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { RATE_LIMITS } from './rate-limits.ts';

const extra: App[] = [];
afterEach(async () => {
  while (extra.length) await extra.pop()!.close();
});

async function appTrusting(t: TestContext, trustProxy: string): Promise<App> {
  const app = await buildApp({ db: t.db, config: { ...t.app.config, trustProxy: parseTrustProxy(trustProxy) } });
  extra.push(app);
  return app;
}

const signInFrom = (app: App, xff: string, password = DEFAULT_PASSWORD, username = 'thuky') =>
  app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-forwarded-for': xff },
    payload: { username, password },
  });

async function lastLoginIp(t: TestContext): Promise<{ audit: string | null; session: string | null }> {
  const audit = await t.db
    .selectFrom('audit_event')
    .select('ip')
    .where('action', '=', 'auth.login')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  const session = await t.db
    .selectFrom('user_session')
    .select('ip')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  return { audit: audit.ip, session: session.ip };
}

describe('proxies', () => {
  it('ignores a forged X-Forwarded-For by default: the audit log keeps the real address', async () => {
    const t = await setupTest();
    expect(t.app.config.trustProxy).toBe(false);
    await buildUser(t.db, { username: 'thuky' });
    expect((await signInFrom(t.app, '203.0.113.9')).statusCode).toBe(200);
    expect(await lastLoginIp(t)).toEqual({ audit: '127.0.0.1', session: '127.0.0.1' });
  });

  it('with TRUST_PROXY naming the proxy, uses the client address it reports — for the audit log and the limits', async () => {
    const t = await setupTest();
    await buildUser(t.db, { username: 'thuky' });
    const app = await appTrusting(t, '127.0.0.1');
    expect((await signInFrom(app, '203.0.113.9')).statusCode).toBe(200);
    expect(await lastLoginIp(t)).toEqual({ audit: '203.0.113.9', session: '203.0.113.9' });
    // The right-most address not of a trusted proxy is the client: what a client writes in front is not believed.
    expect((await signInFrom(app, '10.6.6.6, 203.0.113.10')).statusCode).toBe(200);
    expect((await lastLoginIp(t)).audit).toBe('203.0.113.10');

    // Each client behind the proxy has its own limits: one exhausting its wrong passwords does not stop another.
    for (let i = 0; i < RATE_LIMITS.SIGN_IN_FAILURES.max; i++)
      expect((await signInFrom(app, '203.0.113.50', 'sai-mat-khau-1', `ten${i}`)).statusCode).toBe(401);
    expect((await signInFrom(app, '203.0.113.50', 'sai-mat-khau-1', 'ten-moi')).statusCode).toBe(429);
    expect((await signInFrom(app, '203.0.113.51', 'sai-mat-khau-1', 'ten-moi')).statusCode).toBe(401);
  });

  it('does not believe X-Forwarded-For from an address that is not the named proxy', async () => {
    const t = await setupTest();
    await buildUser(t.db, { username: 'thuky' });
    const app = await appTrusting(t, '10.0.0.1');
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: '192.0.2.44',
      headers: { 'x-forwarded-for': '203.0.113.9' },
      payload: { username: 'thuky', password: DEFAULT_PASSWORD },
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(await lastLoginIp(t)).toEqual({ audit: '192.0.2.44', session: '192.0.2.44' });
    expect(expectOk(r, ZMe).username).toBe('thuky');
  });

  it('parses TRUST_PROXY: off by default, a hop count, or the proxies named', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy(' 10.0.0.1, 10.0.0.0/8 ')).toBe('10.0.0.1,10.0.0.0/8');
  });

  it('counts a hop count as that many proxies in front', async () => {
    const t = await setupTest();
    await buildUser(t.db, { username: 'thuky' });
    const app = await buildApp({ db: t.db, config: { ...t.app.config, trustProxy: 1 } });
    extra.push(app);
    expect((await signInFrom(app, '10.6.6.6, 203.0.113.77')).statusCode).toBe(200);
    expect((await lastLoginIp(t)).audit).toBe('203.0.113.77');
  });
});
