/**
 * Per-address limits (rate-limits.ts): anonymous API requests, sign-ins, wrong passwords whatever the
 * name, refused API tokens, public comments — and none of them escaped by a forged X-Forwarded-For.
 */
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../common/dates.ts';
import { addDays } from '../reporting/period-dates.ts';
import { ZDisclosure } from '../../common/schemas/honours-disclosure.ts';
import { expectError, expectOk, json, setupTest, signIn } from '../test/harness.ts';
import { buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { honoursWorld, insertCandidate, insertProposal, insertRound } from '../honours/test-helpers.ts';
import { RATE_LIMITS } from './rate-limits.ts';

/** The API's one error shape, a Vietnamese message that says how long to wait, and the Retry-After header. */
function expectRateLimited(r: LightMyRequestResponse, message: RegExp) {
  const error = expectError(r, 429, 'RATE_LIMITED', []);
  // The whole body, unparsed: nothing but the error (expectError's schema would drop anything else).
  expect(Object.keys(json<object>(r))).toEqual(['error']);
  expect(error.message).toMatch(message);
  expect(error.message).toMatch(/Hãy (thử|gửi) lại sau \d+ (giây|phút)\.$/);
  expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
}

const forged = (i: number) => ({ 'x-forwarded-for': `198.51.100.${i}` });

describe('per-address limits', () => {
  it('stops 40 sign-ins with different names from one address, even with a new X-Forwarded-For each time', async () => {
    const { app, db } = await setupTest();
    const answers: number[] = [];
    for (let i = 1; i <= 40; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: forged(i),
        payload: { username: `ten${i}`, password: 'thu-mat-khau-1' },
      });
      answers.push(r.statusCode);
      // After the wrong passwords an address may make; past the requests it may make in a minute, that limit answers.
      if (i === RATE_LIMITS.SIGN_IN_FAILURES.max + 1)
        expectRateLimited(r, /^Đăng nhập sai quá nhiều lần từ địa chỉ này\./);
      if (i === 40) expectRateLimited(r, /^Quá nhiều lần đăng nhập từ địa chỉ này\./);
    }
    const ran = answers.filter((s) => s === 401).length;
    expect(ran).toBe(RATE_LIMITS.SIGN_IN_FAILURES.max);
    expect(answers.slice(ran).every((s) => s === 429)).toBe(true);
    // Only the tries that ran checked a password and were audited.
    expect(
      await db.selectFrom('audit_event').select('id').where('action', '=', 'auth.login_failed').execute(),
    ).toHaveLength(ran);
  }, 180_000);

  it('lets successful sign-ins through (an office behind one address) up to the request limit', async () => {
    const { app, db } = await setupTest();
    await buildUser(db, { username: 'vanthu' });
    const answers: number[] = [];
    for (let i = 0; i <= RATE_LIMITS.SIGN_IN.max; i++) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'vanthu', password: DEFAULT_PASSWORD },
      });
      answers.push(r.statusCode);
      if (i === RATE_LIMITS.SIGN_IN.max) expectRateLimited(r, /^Quá nhiều lần đăng nhập từ địa chỉ này\./);
    }
    expect(answers.filter((s) => s === 200)).toHaveLength(RATE_LIMITS.SIGN_IN.max);
  }, 180_000);

  it('limits anonymous requests to the public API per address, but not signed-in ones nor health probes', async () => {
    const { app, db } = await setupTest();
    const user = await buildUser(db);
    const url = '/api/v1/public/disclosures/khong-co-danh-sach-nay';
    for (let i = 0; i < RATE_LIMITS.ANONYMOUS.max; i++) {
      const r = await app.inject({ method: 'GET', url, headers: forged(i) });
      expect(r.statusCode).toBe(404);
    }
    expectRateLimited(
      await app.inject({ method: 'GET', url, headers: forged(999) }),
      /^Quá nhiều yêu cầu từ địa chỉ này khi chưa đăng nhập\./,
    );
    // Another address is not affected; a health probe is never refused.
    expect((await app.inject({ method: 'GET', url, remoteAddress: '192.0.2.1' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    // Signed in (from the same address): accountable, not limited here.
    const session = await signIn(app, user.username, DEFAULT_PASSWORD);
    for (let i = 0; i < 5; i++) expect((await session.get(url)).statusCode).toBe(404);
  });

  it('turns away an address that keeps presenting refused API tokens', async () => {
    const { app } = await setupTest();
    const max = RATE_LIMITS.BAD_TOKENS.max;
    for (let i = 0; i < max; i++) {
      const r = await app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: `Bearer dh_khongdung${i}`, ...forged(i) },
      });
      expect(r.statusCode).toBe(401);
    }
    expectRateLimited(
      await app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { authorization: 'Bearer dh_khongdung' } }),
      /^Quá nhiều yêu cầu với mã truy cập API không hợp lệ từ địa chỉ này\./,
    );
  });

  it('limits 30 anonymous comments with rotating X-Forwarded-For, and the notices they send', async () => {
    const t = await setupTest();
    const w = await honoursWorld(t);
    const round = await insertRound(t.db, { ownerUnitId: w.tree.blocA });
    const proposal = await insertProposal(t.db, {
      roundId: round,
      proposerUnitId: w.tree.a1,
      reviewerUnitId: w.tree.blocA,
    });
    const candidate = await insertCandidate(t.db, {
      proposalId: proposal,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a1,
      status: 'passed',
    });
    const today = todayInVietnam();
    const published = await w.operatorA.s.post('/api/v1/honours/disclosures', {
      roundId: round,
      title: 'Công khai danh sách đề nghị khen thưởng',
      startsOn: addDays(today, -1),
      endsOn: addDays(today, 7),
      note: null,
      candidateIds: [candidate],
    });
    const token = expectOk(published, ZDisclosure, 201).publicPath.replace('/cong-khai/', '');

    const answers: number[] = [];
    for (let i = 1; i <= 30; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: `/api/v1/public/disclosures/${token}/comments`,
        headers: forged(i),
        payload: { content: `Góp ý số ${i}` },
      });
      answers.push(r.statusCode);
      if (i === 30) expectRateLimited(r, /^Địa chỉ này đã gửi quá nhiều góp ý trong thời gian ngắn\./);
    }
    const accepted = answers.filter((s) => s === 201).length;
    expect(accepted).toBe(RATE_LIMITS.PUBLIC_COMMENTS.max);
    expect(await t.db.selectFrom('honour_comment').select('id').execute()).toHaveLength(accepted);
    // Every stored comment carries the real address, not the forged ones.
    const addresses = await t.db.selectFrom('honour_comment').select('ip').distinct().execute();
    expect(addresses).toEqual([{ ip: '127.0.0.1' }]);
    const reviewers = await t.db
      .selectFrom('notification')
      .select('user_id')
      .distinct()
      .where('kind', '=', 'disclosure.commented')
      .execute();
    const notices = await t.db
      .selectFrom('notification')
      .select('id')
      .where('kind', '=', 'disclosure.commented')
      .execute();
    expect(notices).toHaveLength(accepted * reviewers.length);
  }, 180_000);
});
