/**
 * The actor cache (accounts/actor-cache.ts) never serves what is no longer true: a revoked grant, a
 * signed-out session, a disabled user are refused on the very next request on the same node, and on
 * another node (a second app with its own cache on the same database) as soon as the notification
 * arrives — well within the cache's lifetime, so only the notification can explain it. Runs on PGlite
 * and, with TEST_DATABASE_URL, on PostgreSQL (a dedicated LISTEN connection per node).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ZMe, ZUser } from '../../common/schemas/accounts.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { App } from '../lib/http.ts';
import { buildTree, buildUser } from '../test/factories.ts';
import { expectError, expectOk, setupTest, signIn, type Session } from '../test/harness.ts';
import { openActorCache, type ActorCache } from './actor-cache.ts';

// Closed before the harness closes (and, on PostgreSQL, drops) the database: after-each hooks run last-in first.
const nodes: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (nodes.length) await nodes.pop()!();
});

/** One node: an app on `database` with a cache of its own, listening. Closed after the test. */
async function node(database: Database, ttlMs = 60_000): Promise<{ app: App; cache: ActorCache }> {
  const opened = await openActorCache(database, ttlMs);
  if (!opened) throw new Error('the test database cannot notify');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dh-test-'));
  const app = await buildApp({
    db: database.db,
    config: loadConfig({ DATA_DIR: dataDir }),
    actorCache: opened.cache,
  });
  nodes.push(async () => {
    await app.close();
    await opened.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { app, cache: opened.cache };
}

async function world() {
  const t = await setupTest();
  const tree = await buildTree(t.db);
  const admin = await buildUser(t.db, { grants: [{ role: 'admin', unitId: tree.root }] });
  const alice = await buildUser(t.db, { grants: [{ role: 'operator', unitId: tree.a1 }] });
  const bob = await buildUser(t.db, { grants: [{ role: 'viewer', unitId: tree.b1 }] });
  return { ...t, tree, admin, alice, bob };
}

const me = async (s: Session) => expectOk(await s.get('/api/v1/auth/me'), ZMe);

async function revokeAll(admin: Session, userId: number): Promise<void> {
  const user = expectOk(await admin.get(`/api/v1/users/${userId}`), ZUser);
  for (const g of user.grants) expectOk(await admin.post(`/api/v1/users/${userId}/grants/${g.id}/revoke`), ZUser);
}

/** Polls for up to `ms` (far below the cache's lifetime): only a notification can make it true in time. */
async function within(ms: number, check: () => Promise<boolean>): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return check();
}

describe('actor cache', () => {
  it('serves each session its own actor, from the cache', async () => {
    const w = await world();
    const { app, cache } = await node(w.database);
    const alice = await signIn(app, w.alice.username, w.alice.password);
    const bob = await signIn(app, w.bob.username, w.bob.password);
    for (let i = 0; i < 3; i++) {
      expect((await me(alice)).username).toBe(w.alice.username);
      expect((await me(bob)).username).toBe(w.bob.username);
    }
    expect((await me(alice)).grants.map((g) => g.unitId)).toEqual([w.tree.a1]);
    expect((await me(bob)).grants.map((g) => g.unitId)).toEqual([w.tree.b1]);
    // Sign-ins notify (last_login_at) and may drop an entry once more when the notification lands.
    expect(cache.stats.hits).toBeGreaterThanOrEqual(4);
  });

  it('refuses, on the very next request, a revoked grant, a signed-out session, a disabled user', async () => {
    const w = await world();
    const { app } = await node(w.database);
    const admin = await signIn(app, w.admin.username, w.admin.password);
    const alice = await signIn(app, w.alice.username, w.alice.password);
    const aliceAgain = await signIn(app, w.alice.username, w.alice.password);
    const bob = await signIn(app, w.bob.username, w.bob.password);
    await me(alice);
    await me(aliceAgain);
    expect((await me(alice)).grants).toHaveLength(1);

    await revokeAll(admin, w.alice.id);
    expect((await me(alice)).grants).toEqual([]);

    expect((await aliceAgain.post('/api/v1/auth/logout')).statusCode).toBeLessThan(300);
    expectError(await aliceAgain.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
    expect((await me(alice)).username).toBe(w.alice.username);

    await me(bob);
    const user = expectOk(await admin.get(`/api/v1/users/${w.bob.id}`), ZUser);
    expectOk(
      await admin.post(`/api/v1/users/${w.bob.id}/status`, { status: 'disabled', revision: user.revision }),
      ZUser,
    );
    expectError(await bob.get('/api/v1/auth/me'), 401, 'UNAUTHENTICATED');
  });

  it('another node drops its cached actor when the database announces a change', async () => {
    const w = await world();
    const a = await node(w.database);
    const b = await node(w.database);
    const adminOnB = await signIn(b.app, w.admin.username, w.admin.password);
    const aliceOnB = await signIn(b.app, w.alice.username, w.alice.password);
    // The same session (cookie) on node A: cached there.
    const aliceOnA = {
      ...aliceOnB,
      get: (url: string) => a.app.inject({ method: 'GET', url, headers: aliceOnB.headers }),
    };
    // Cached on A (once the sign-ins' own notifications have landed).
    const hits = a.cache.stats.hits;
    expect(await within(1_000, async () => (await me(aliceOnA)).grants.length === 1 && a.cache.stats.hits > hits)).toBe(
      true,
    );

    // A grant revoked through node B.
    await revokeAll(adminOnB, w.alice.id);
    expect(await within(1_000, async () => (await me(aliceOnA)).grants.length === 0)).toBe(true);

    // The tree changed by a statement no node's HTTP saw (a command-line tool, a restore).
    await w.db.insertInto('role_grant').values({ user_id: w.alice.id, role: 'viewer', unit_id: w.tree.a2 }).execute();
    expect(await within(1_000, async () => (await me(aliceOnA)).grants.length === 1)).toBe(true);
    await w.db
      .updateTable('org_unit_version')
      .set({ name: 'Đảng bộ Trường Cao đẳng (đổi tên)' })
      .where('unit_id', '=', w.tree.a2)
      .execute();
    expect(
      await within(1_000, async () => (await me(aliceOnA)).grants[0]?.unitName === 'Đảng bộ Trường Cao đẳng (đổi tên)'),
    ).toBe(true);

    // A session revoked directly in the database.
    await w.db.updateTable('user_session').set({ revoked_at: new Date() }).where('user_id', '=', w.alice.id).execute();
    expect(await within(1_000, async () => (await aliceOnA.get('/api/v1/auth/me')).statusCode === 401)).toBe(true);
  });
});
