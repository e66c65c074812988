/**
 * Who may see and decide evaluations: unauthenticated 401; outside the read
 * scope 404; readable but not approvable 403 (reporters, viewers); the level
 * rule (a province-level entry needs the province's operator).
 */
import { describe, expect, it } from 'vitest';
import { ZConfirmManyResult, ZDashboard, ZEvaluationDetail, ZEvaluationPage } from '../../common/schemas/evaluation.ts';
import { anonymous, expectOk, type Session, setupTest } from '../test/harness.ts';
import { acceptedModel, EV, evaluationWorld, PASS, report } from './test-helpers.ts';

type Call = (s: Session) => ReturnType<Session['get']>;

async function world() {
  const t = await setupTest();
  const x = await evaluationWorld(t);
  const { w } = x;
  const entry = await acceptedModel(x, w.tree.a1, w.reporterA1.s, w.operatorA.s, { name: 'Mô hình của a1' });
  const province = await acceptedModel(x, w.tree.a1, w.reporterA1.s, w.operatorRoot.s, {
    name: 'Mô hình cấp tỉnh',
    levelId: w.levels.tinh,
  });
  const P = x.periods.h1_2022;
  await report(t.db, x, entry.id, P, PASS);
  await report(t.db, x, province.id, P, PASS);
  return { t, x, w, entry, province, P };
}

function endpoints(x: Awaited<ReturnType<typeof world>>) {
  const { w, P, entry } = x;
  const confirm = {
    entryId: entry.id,
    periodId: P,
    decidedMet: true,
    criteria: [],
    reason: null,
    decidedOn: '2023-01-15',
    revision: null,
  };
  return {
    periodList: ((s) => s.get(`${EV}/periods/${P}`)) as Call,
    periodListOfA1: ((s) => s.get(`${EV}/periods/${P}?unitId=${w.tree.a1}`)) as Call,
    phaseList: ((s) => s.get(`${EV}/phases/${x.x.phase}`)) as Call,
    detail: ((s) => s.get(`${EV}/entries/${entry.id}?periodId=${P}`)) as Call,
    decide: ((s) => s.post(`${EV}/decisions`, confirm)) as Call,
    confirmMany: ((s) => s.post(`${EV}/periods/${P}/confirm-many`, { entryIds: [entry.id] })) as Call,
    toReview: ((s) => s.get(`${EV}/to-review`)) as Call,
    toReviewOfA1: ((s) => s.get(`${EV}/to-review?unitId=${w.tree.a1}`)) as Call,
    dashboard: ((s) => s.get(`${EV}/dashboard?periodId=${P}`)) as Call,
    dashboardOfA1: ((s) => s.get(`${EV}/dashboard?periodId=${P}&unitId=${w.tree.a1}`)) as Call,
  };
}
type Name = keyof ReturnType<typeof endpoints>;

async function expectStatuses(
  s: Session,
  calls: ReturnType<typeof endpoints>,
  expected: Partial<Record<Name, number>>,
) {
  const got: Partial<Record<Name, number>> = {};
  for (const name of Object.keys(expected) as Name[]) got[name] = (await calls[name](s)).statusCode;
  expect(got).toEqual(expected);
}

describe('evaluation permissions', () => {
  it('401 on every endpoint without signing in; reporters see only their own unit and cannot decide', async () => {
    const x = await world();
    const calls = endpoints(x);
    const all = Object.fromEntries(Object.keys(calls).map((k) => [k, 401])) as Record<Name, number>;
    await expectStatuses(anonymous(x.t.app), calls, all);

    // The reporter of a2: nothing of a1.
    await expectStatuses(x.w.reporterA2.s, calls, {
      periodList: 200,
      periodListOfA1: 404,
      phaseList: 200,
      detail: 404,
      decide: 403,
      confirmMany: 403,
      toReview: 200,
      toReviewOfA1: 404,
      dashboard: 200,
      dashboardOfA1: 404,
    });
    expect(expectOk(await calls.periodList(x.w.reporterA2.s), ZEvaluationPage).total).toBe(0);
    expect(expectOk(await calls.phaseList(x.w.reporterA2.s), ZEvaluationPage).total).toBe(0);
    expect(expectOk(await calls.dashboard(x.w.reporterA2.s), ZDashboard).totals.expected).toBe(0);

    // The reporter of a1: reads its unit's evaluations, cannot decide.
    await expectStatuses(x.w.reporterA1.s, calls, {
      periodList: 200,
      periodListOfA1: 200,
      detail: 200,
      decide: 403,
      confirmMany: 403,
      dashboardOfA1: 200,
    });
    expect(expectOk(await calls.periodList(x.w.reporterA1.s), ZEvaluationPage).total).toBe(2);
    expect(expectOk(await calls.detail(x.w.reporterA1.s), ZEvaluationDetail).can.decide).toBe(false);
    expect(expectOk(await calls.periodList(x.w.reporterA1.s), ZEvaluationPage).items.every((r) => !r.canDecide)).toBe(
      true,
    );
  });

  it("another bloc's operator gets 404 and sees nothing; a viewer reads and cannot decide", async () => {
    const x = await world();
    const calls = endpoints(x);
    await expectStatuses(x.w.operatorB.s, calls, {
      periodList: 200,
      periodListOfA1: 404,
      detail: 404,
      decide: 404,
      confirmMany: 200,
      toReviewOfA1: 404,
      dashboardOfA1: 404,
    });
    expect(expectOk(await calls.periodList(x.w.operatorB.s), ZEvaluationPage).total).toBe(0);
    const many = expectOk(await calls.confirmMany(x.w.operatorB.s), ZConfirmManyResult);
    expect(many).toEqual({
      confirmed: 0,
      skipped: [{ entryId: x.entry.id, reason: 'not_found', label: 'Không tìm thấy' }],
    });

    await expectStatuses(x.w.viewerA.s, calls, {
      periodList: 200,
      periodListOfA1: 200,
      phaseList: 200,
      detail: 200,
      decide: 403,
      confirmMany: 403,
      toReview: 200,
      dashboard: 200,
    });
    expect(expectOk(await calls.detail(x.w.viewerA.s), ZEvaluationDetail).can.decide).toBe(false);
    expect(await x.t.db.selectFrom('evaluation').select('id').execute()).toEqual([]);
  });

  it('the level rule: the bloc operator cannot decide a province-level entry, the province can', async () => {
    const x = await world();
    const body = {
      entryId: x.province.id,
      periodId: x.P,
      decidedMet: true,
      criteria: [],
      reason: null,
      decidedOn: '2023-01-15',
      revision: null,
    };
    expect((await x.w.operatorA.s.post(`${EV}/decisions`, body)).statusCode).toBe(403);
    expect(
      expectOk(await x.w.operatorA.s.get(`${EV}/entries/${x.province.id}?periodId=${x.P}`), ZEvaluationDetail).can
        .decide,
    ).toBe(false);
    const rows = expectOk(await x.w.operatorA.s.get(`${EV}/periods/${x.P}`), ZEvaluationPage).items;
    expect(Object.fromEntries(rows.map((r) => [r.entry.id, r.canDecide]))).toEqual({
      [x.entry.id]: true,
      [x.province.id]: false,
    });
    const many = expectOk(
      await x.w.operatorA.s.post(`${EV}/periods/${x.P}/confirm-many`, { entryIds: [x.entry.id, x.province.id] }),
      ZConfirmManyResult,
    );
    expect(many.confirmed).toBe(1);
    expect(many.skipped.map((s) => s.reason)).toEqual(['not_allowed']);
    expect((await x.w.operatorRoot.s.post(`${EV}/decisions`, body)).statusCode).toBe(200);
  });
});
