/**
 * Sign-in throttling (login-throttle.ts): per name and address with back-off, per name across addresses
 * with a lock that notifies the system administrators, the same answers for unknown and existing names,
 * and "Gỡ khóa".
 */
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { ZUser, ZUserPage } from '../../common/schemas/accounts.ts';
import { expectError, expectOk, setupTest, signIn } from '../test/harness.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import type { App } from '../lib/http.ts';
import { backoffSeconds, LOGIN_THROTTLE } from './login-throttle.ts';

const WRONG = 'khong-dung-2025';

/** A sign-in attempt from a given address (the socket's, as Fastify sees it without TRUST_PROXY). */
function attempt(app: App, ip: string, username: string, password: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: ip, payload: { username, password } });
}

/** Let the waiting address's back-off run out (as if the time had passed). */
async function endBackoff(db: Awaited<ReturnType<typeof setupTest>>['db'], ip: string) {
  await db
    .updateTable('login_throttle')
    .set({ retry_at: new Date(Date.now() - 1000) })
    .where('ip', '=', ip)
    .execute();
}

/** The answer with the numbers of a wait blanked (seconds, a time of day), for comparing two answers. */
const shape = (r: LightMyRequestResponse) => ({
  status: r.statusCode,
  body: r.body.replace(/\d+/g, '#'),
  retryAfter: r.headers['retry-after'] !== undefined,
});

describe('sign-in throttling', () => {
  it('backs off one address for one name: the attacker waits, the real user at another address signs in', async () => {
    const { app, db } = await setupTest();
    const tree = await buildTree(db);
    const admin = await buildUser(db, { username: 'admin', grants: [{ role: 'admin', unitId: tree.root }] });
    const attacker = '203.0.113.66';

    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++) {
      const r = await attempt(app, attacker, 'admin', WRONG);
      expect(expectError(r, 401, 'UNAUTHENTICATED')).toEqual({
        code: 'UNAUTHENTICATED',
        message: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      });
    }
    // Now the attacker's address waits, even with the right password.
    const waiting = await attempt(app, attacker, 'ADMIN ', DEFAULT_PASSWORD);
    expect(expectError(waiting, 429, 'RATE_LIMITED').message).toMatch(
      /^Đăng nhập sai nhiều lần từ địa chỉ này\. Hãy chờ 1[45] giây rồi thử lại\.$/,
    );
    expect(Number(waiting.headers['retry-after'])).toBeGreaterThanOrEqual(14);

    // The real administrator, elsewhere, is not affected.
    const real = await attempt(app, '198.51.100.7', 'admin', DEFAULT_PASSWORD);
    expect(real.statusCode, real.body).toBe(200);

    // Each further failure doubles the wait: 15 s, 30 s, 60 s …
    await endBackoff(db, attacker);
    expect((await attempt(app, attacker, 'admin', WRONG)).statusCode).toBe(401);
    const row = await db.selectFrom('login_throttle').selectAll().where('ip', '=', attacker).executeTakeFirstOrThrow();
    expect(row.failures).toBe(LOGIN_THROTTLE.freeFailures + 1);
    expect((row.retry_at!.getTime() - Date.now()) / 1000).toBeGreaterThan(25);
    expect((row.retry_at!.getTime() - Date.now()) / 1000).toBeLessThanOrEqual(30);
    const longer = await attempt(app, attacker, 'admin', DEFAULT_PASSWORD);
    expect(longer.statusCode).toBe(429);
    expect(Number(longer.headers['retry-after'])).toBeGreaterThan(25);

    // The waiting tries were refused before any password check: nothing was counted or audited for them.
    const failed = await db
      .selectFrom('audit_event')
      .select(['ip', 'entity_id'])
      .where('action', '=', 'auth.login_failed')
      .execute();
    expect(failed).toHaveLength(LOGIN_THROTTLE.freeFailures + 1);
    expect(failed.every((e) => e.ip === attacker && e.entity_id === String(admin.id))).toBe(true);
    // Below the ceiling nothing is locked for everyone.
    expect(
      await db.selectFrom('login_name_lock').select('locked_until').where('name_key', '=', 'admin').executeTakeFirst(),
    ).toEqual({ locked_until: null });
    // A success clears that address's counter for the name.
    await endBackoff(db, attacker);
    expect((await attempt(app, attacker, 'admin', DEFAULT_PASSWORD)).statusCode).toBe(200);
    expect(await db.selectFrom('login_throttle').select('ip').where('ip', '=', attacker).execute()).toEqual([]);
  }, 180_000);

  it('gives unknown and existing names the same answers, with a password check of similar cost', async () => {
    const { app, db } = await setupTest();
    await buildUser(db, { username: 'thuky' });
    const times = { existing: [] as number[], unknown: [] as number[] };
    const answers = { existing: [] as ReturnType<typeof shape>[], unknown: [] as ReturnType<typeof shape>[] };
    // Each name from its own addresses (so the per-address limit on wrong passwords stays out of the way), in
    // alternating order so the machine's load falls on both alike; one try more than the free ones: the
    // waits are answered alike too. Two rounds, for more samples of the timing.
    for (const round of [1, 2]) {
      const pair = [
        ['existing', 'thuky', `192.0.2.${round}0`],
        ['unknown', 'khongcoai', `192.0.2.${round}5`],
      ] as const;
      for (let i = 0; i <= LOGIN_THROTTLE.freeFailures; i++) {
        for (const [kind, name, ip] of (i + round) % 2 === 0 ? pair : [...pair].reverse()) {
          const started = performance.now();
          const r = await attempt(app, ip, name, WRONG);
          if (i < LOGIN_THROTTLE.freeFailures) times[kind].push(performance.now() - started);
          answers[kind].push(shape(r));
        }
      }
    }
    expect(answers.unknown).toEqual(answers.existing);
    expect(answers.existing.at(-1)!.status).toBe(429);
    // The bodies of the wrong-password answers are byte-identical.
    const [a, b] = [
      await attempt(app, '192.0.2.99', 'thuky', WRONG),
      await attempt(app, '192.0.2.99', 'khongcoai', WRONG),
    ];
    expect(a.body).toBe(b.body);
    expect(a.statusCode).toBe(b.statusCode);
    // Timing: the same work (a password check of the same cost, the same writes). The medians are compared
    // loosely — the machine running the tests is shared — to catch a path that skips the check (≈ 10×).
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const [known, unknown] = [median(times.existing), median(times.unknown)];
    console.info(
      `sign-in timing, median of ${times.existing.length} wrong passwords, ms: existing name ${known.toFixed(1)}, unknown name ${unknown.toFixed(1)}`,
    );
    expect(Math.max(known, unknown) / Math.min(known, unknown)).toBeLessThan(3);
  }, 180_000);

  it('locks a name for everyone past the ceiling, tells each system administrator once, and Gỡ khóa clears it', async () => {
    const { app, db } = await setupTest();
    const tree = await buildTree(db);
    const sysAdmins = [
      await buildUser(db, { username: 'quantri1', grants: [{ role: 'admin', unitId: tree.root }] }),
      await buildUser(db, { username: 'quantri2', grants: [{ role: 'admin', unitId: tree.root }] }),
    ];
    const blocAdmin = await buildUser(db, {
      username: 'quantri.khoi',
      grants: [{ role: 'admin', unitId: tree.blocA }],
    });
    const target = await buildUser(db, { username: 'canbo.a', grants: [{ role: 'viewer', unitId: tree.a1 }] });

    // Distributed guessing: one failure from each of NAME_CEILING addresses.
    for (let i = 1; i < LOGIN_THROTTLE.nameCeiling; i++)
      expect((await attempt(app, `10.1.0.${i}`, 'canbo.a', WRONG)).statusCode).toBe(401);
    expect(
      await db.selectFrom('notification').select('id').where('kind', '=', 'security.lockout').execute(),
    ).toHaveLength(0);
    expect((await attempt(app, '10.1.0.250', 'canbo.a', WRONG)).statusCode).toBe(401);

    // Locked for everyone, the right password included, from an address never seen.
    const locked = await attempt(app, '10.9.9.9', 'canbo.a', DEFAULT_PASSWORD);
    expect(expectError(locked, 429, 'RATE_LIMITED').message).toMatch(
      /^Tên đăng nhập này đang tạm khóa vì có quá nhiều lần đăng nhập sai\. Hãy thử lại sau \d\d\/\d\d\/\d{4} \d\d:\d\d/,
    );
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan((LOGIN_THROTTLE.nameLockMinutes - 1) * 60);

    // Each system administrator is told once (not the bloc's administrator), and the lockout is audited.
    const notices = await db
      .selectFrom('notification')
      .select(['user_id', 'title', 'body', 'link'])
      .where('kind', '=', 'security.lockout')
      .execute();
    expect(notices.map((n) => n.user_id).sort()).toEqual(sysAdmins.map((u) => u.id).sort());
    expect(notices.map((n) => n.user_id)).not.toContain(blocAdmin.id);
    expect(notices[0]!.title).toBe('Tài khoản canbo.a bị khóa tạm do đăng nhập sai nhiều lần');
    expect(notices[0]!.body).toContain(
      `${LOGIN_THROTTLE.nameCeiling} lần đăng nhập sai trong ${LOGIN_THROTTLE.nameWindowMinutes} phút từ ${LOGIN_THROTTLE.nameCeiling} địa chỉ`,
    );
    const lockEvents = await db
      .selectFrom('audit_event')
      .select(['entity_id', 'summary'])
      .where('action', '=', 'auth.locked')
      .execute();
    expect(lockEvents).toEqual([
      {
        entity_id: String(target.id),
        summary: expect.stringContaining(`bị khóa tạm ${LOGIN_THROTTLE.nameLockMinutes} phút`),
      },
    ]);

    // An unknown name past the ceiling gets the very same answer; no administrator is told about a name with no account.
    for (let i = 1; i <= LOGIN_THROTTLE.nameCeiling; i++) await attempt(app, `10.2.0.${i}`, 'khong.ai', WRONG);
    const lockedUnknown = await attempt(app, '10.9.9.9', 'khong.ai', DEFAULT_PASSWORD);
    expect(shape(lockedUnknown)).toEqual(shape(locked));
    expect(
      await db.selectFrom('notification').select('id').where('kind', '=', 'security.lockout').execute(),
    ).toHaveLength(2);
    expect(await db.selectFrom('audit_event').select('id').where('action', '=', 'auth.locked').execute()).toHaveLength(
      2,
    );

    // The users list shows the lock; a system administrator clears it.
    const admin = await signIn(app, 'quantri1', DEFAULT_PASSWORD);
    const view = expectOk(await admin.get(`/api/v1/users/${target.id}`), ZUser);
    expect(view.lockedUntil).not.toBeNull();
    expect(view.failedLogins).toBe(LOGIN_THROTTLE.nameCeiling);
    expect(view.abilities.unlock).toBe(true);
    const listed = expectOk(await admin.get('/api/v1/users?q=canbo.a'), ZUserPage).items[0]!;
    expect(listed).toMatchObject({ username: 'canbo.a', failedLogins: LOGIN_THROTTLE.nameCeiling });
    expect(listed.lockedUntil).not.toBeNull();
    const unlocked = await admin.post(`/api/v1/users/${target.id}/unlock`);
    expect(expectOk(unlocked, ZUser)).toMatchObject({ lockedUntil: null, failedLogins: 0 });
    expect((await attempt(app, '10.9.9.9', 'canbo.a', DEFAULT_PASSWORD)).statusCode).toBe(200);
    const unlockEvent = await db
      .selectFrom('audit_event')
      .select(['before', 'after'])
      .where('action', '=', 'user.unlocked')
      .executeTakeFirstOrThrow();
    expect(unlockEvent.before).toMatchObject({ failedLogins: LOGIN_THROTTLE.nameCeiling });
    expect((await admin.post(`/api/v1/users/${target.id}/unlock`)).statusCode).toBe(409);
  }, 180_000);

  it('shows an account with recent failures (not locked) in the users list, and Gỡ khóa ends its back-off', async () => {
    const { app, db } = await setupTest();
    const tree = await buildTree(db);
    await buildUser(db, { username: 'quantri', grants: [{ role: 'admin', unitId: tree.root }] });
    const target = await buildUser(db, { username: 'canbo.b', grants: [{ role: 'viewer', unitId: tree.a1 }] });
    for (let i = 0; i < LOGIN_THROTTLE.freeFailures; i++) await attempt(app, '10.3.0.1', 'canbo.b', WRONG);
    expect((await attempt(app, '10.3.0.1', 'canbo.b', DEFAULT_PASSWORD)).statusCode).toBe(429);
    const admin = await signIn(app, 'quantri', DEFAULT_PASSWORD);
    const view = expectOk(await admin.get(`/api/v1/users/${target.id}`), ZUser);
    expect(view).toMatchObject({
      lockedUntil: null,
      failedLogins: LOGIN_THROTTLE.freeFailures,
      abilities: { unlock: true },
    });
    expect((await admin.post(`/api/v1/users/${target.id}/unlock`)).statusCode).toBe(200);
    expect((await attempt(app, '10.3.0.1', 'canbo.b', DEFAULT_PASSWORD)).statusCode).toBe(200);
  });

  it('doubles the wait after the free failures, up to an hour', () => {
    const free = LOGIN_THROTTLE.freeFailures;
    expect([free - 1, free, free + 1, free + 2, free + 3].map(backoffSeconds)).toEqual([0, 15, 30, 60, 120]);
    expect(backoffSeconds(free + 30)).toBe(LOGIN_THROTTLE.maxWaitSeconds);
  });
});
