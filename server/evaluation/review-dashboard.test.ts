/**
 * The "to review" list (two consecutive failing periods of one kind) and the
 * dashboard, whose every number equals the total of the list it opens.
 */
import { describe, expect, it } from 'vitest';
import { ZDashboard, ZEvaluationPage, ZToReviewPage } from '../../common/schemas/evaluation.ts';
import { ZEntryDetail } from '../../common/schemas/registry.ts';
import { expectOk, setupTest, type Session } from '../test/harness.ts';
import { buildField } from '../registry/test-helpers.ts';
import { acceptedModel, EV, evaluationWorld, FAIL, PASS, report, type EvalWorld } from './test-helpers.ts';
import type { TestContext } from '../test/harness.ts';

async function decided(t: TestContext, entryId: number, periodId: number, met: boolean) {
  await t.db
    .insertInto('evaluation')
    .values({
      entry_id: entryId,
      period_id: periodId,
      proposed_met: met,
      decided_met: met,
      decided_on: '2024-01-10',
      reason: met ? null : 'Không đạt tiêu chí 2',
    })
    .execute();
}

describe('to review', () => {
  it('lists active entries failing their two latest consecutive periods of one kind, and only those', async () => {
    const t = await setupTest();
    const x = await evaluationWorld(t);
    const { w, periods: p } = x;
    const model = (name: string, unit = w.tree.a1) =>
      acceptedModel(x, unit, unit === w.tree.a1 ? w.reporterA1.s : w.reporterA2.s, w.operatorA.s, { name });
    const failFail = await model('Không đạt hai kỳ liên tiếp');
    const failPassFail = await model('Không đạt, đạt, không đạt');
    const removed = await model('Đã đưa ra khỏi danh sách');
    const gap = await model('Không đạt, bỏ trống, không đạt');
    const mixedKinds = await model('Không đạt kỳ 6 tháng và kỳ năm');
    const passFailFail = await model('Đạt rồi không đạt hai kỳ', w.tree.a2);
    const oldFailures = await model('Không đạt hai kỳ đầu, rồi đạt');

    await decided(t, failFail.id, p.h1_2022, false);
    await decided(t, failFail.id, p.h2_2022, false);
    await decided(t, failPassFail.id, p.h1_2022, false);
    await decided(t, failPassFail.id, p.h2_2022, true);
    await decided(t, failPassFail.id, p.h1_2023, false);
    await decided(t, removed.id, p.h1_2022, false);
    await decided(t, removed.id, p.h2_2022, false);
    await decided(t, gap.id, p.h1_2022, false);
    await decided(t, gap.id, p.h1_2023, false);
    await decided(t, mixedKinds.id, p.h2_2022, false);
    await decided(t, mixedKinds.id, p.y2022, false);
    await decided(t, passFailFail.id, p.h1_2022, true);
    await decided(t, passFailFail.id, p.h2_2022, false);
    await decided(t, passFailFail.id, p.h1_2023, false);
    await decided(t, oldFailures.id, p.h1_2022, false);
    await decided(t, oldFailures.id, p.h2_2022, false);
    await decided(t, oldFailures.id, p.h1_2023, true);
    const fresh = expectOk(await w.operatorA.s.get(`/api/v1/registry/entries/${removed.id}`), ZEntryDetail);
    const removal = await w.operatorA.s.post(`/api/v1/registry/entries/${removed.id}/events`, {
      kind: 'removed',
      reason: 'Không đạt tiêu chí',
      effectiveDate: '2024-02-01',
      revision: fresh.revision,
    });
    expect(removal.statusCode, removal.body).toBe(200);

    const page = expectOk(await w.operatorA.s.get(`${EV}/to-review`), ZToReviewPage);
    expect(page.total).toBe(2);
    const names = Object.fromEntries(page.items.map((r) => [r.entry.id, [r.previous.name, r.latest.name]]));
    expect(names).toEqual({
      [failFail.id]: ['6 tháng đầu năm 2022', '6 tháng cuối năm 2022'],
      [passFailFail.id]: ['6 tháng cuối năm 2022', '6 tháng đầu năm 2023'],
    });
    expect(page.items[0]?.latest.reason).toBe('Không đạt tiêu chí 2');
    // Scoped: a unit filter, and a reporter sees only its unit's.
    expect(
      expectOk(await w.operatorA.s.get(`${EV}/to-review?unitId=${w.tree.a2}`), ZToReviewPage).items.map(
        (r) => r.entry.id,
      ),
    ).toEqual([passFailFail.id]);
    expect(expectOk(await w.reporterA1.s.get(`${EV}/to-review`), ZToReviewPage).items.map((r) => r.entry.id)).toEqual([
      failFail.id,
    ]);
    expect(expectOk(await w.operatorB.s.get(`${EV}/to-review`), ZToReviewPage).total).toBe(0);
    expect(expectOk(await w.operatorA.s.get(`${EV}/to-review?pageSize=1&page=2`), ZToReviewPage).items).toHaveLength(1);
  });
});

async function dashboardWorld() {
  const t = await setupTest();
  const x = await evaluationWorld(t);
  const { w, periods: p } = x;
  const second = await buildField(t.db, { name: 'Cải cách hành chính', appliesTo: 'model' });
  const make = async (unit: number, reporter: Session, o: Record<string, unknown>) =>
    acceptedModel(x, unit, reporter, w.operatorA.s, o);
  const entries = [
    await make(w.tree.a1, w.reporterA1.s, { name: 'M1' }),
    await make(w.tree.a1, w.reporterA1.s, { name: 'M2', levelId: w.levels.trenCoSo }),
    await make(w.tree.a1, w.reporterA1.s, { name: 'M3', fieldId: second.id }),
    await make(w.tree.a2, w.reporterA2.s, { name: 'M4' }),
    await make(w.tree.a2, w.reporterA2.s, { name: 'M5', fieldId: second.id, levelId: w.levels.trenCoSo }),
    await make(w.tree.a2, w.reporterA2.s, { name: 'M6', fieldId: second.id }),
  ];
  const ids = entries.map((e) => e.id);
  // H1 2022: reports of every status; decisions met / not met / none.
  await report(t.db, x, ids[0]!, p.h1_2022, PASS);
  await report(t.db, x, ids[1]!, p.h1_2022, FAIL);
  await report(t.db, x, ids[2]!, p.h1_2022, PASS, 'submitted');
  await report(t.db, x, ids[3]!, p.h1_2022, PASS);
  await report(t.db, x, ids[4]!, p.h1_2022, PASS, 'draft');
  await decided(t, ids[0]!, p.h1_2022, true);
  await decided(t, ids[1]!, p.h1_2022, false);
  await decided(t, ids[3]!, p.h1_2022, true);
  await decided(t, ids[5]!, p.h1_2022, false);
  // H2 2022: a few.
  await report(t.db, x, ids[0]!, p.h2_2022, PASS);
  await report(t.db, x, ids[3]!, p.h2_2022, FAIL, 'returned');
  await decided(t, ids[0]!, p.h2_2022, true);
  return { t, x, w, ids, second };
}

async function checkIdentity(s: Session, x: EvalWorld, unit: number | null) {
  const u = unit ? `&unitId=${unit}` : '';
  const total = async (periodId: number, q = '') =>
    expectOk(await s.get(`${EV}/periods/${periodId}?pageSize=1${u}${q}`), ZEvaluationPage).total;
  const d = expectOk(await s.get(`${EV}/dashboard?periodId=${x.periods.h1_2022}${u}`), ZDashboard);
  expect(d.period?.id).toBe(x.periods.h1_2022);
  for (const r of d.metByFieldAndLevel) {
    const f = `&fieldId=${r.field.id}&levelId=${r.level.id}`;
    expect([r.expected, r.evaluated, r.met, r.notMet, r.undecided]).toEqual([
      await total(x.periods.h1_2022, f),
      await total(x.periods.h1_2022, `${f}&result=decided`),
      await total(x.periods.h1_2022, `${f}&result=met`),
      await total(x.periods.h1_2022, `${f}&result=not_met`),
      await total(x.periods.h1_2022, `${f}&result=undecided`),
    ]);
  }
  expect([d.totals.expected, d.totals.met, d.totals.notMet, d.totals.undecided]).toEqual([
    await total(x.periods.h1_2022),
    await total(x.periods.h1_2022, '&result=met'),
    await total(x.periods.h1_2022, '&result=not_met'),
    await total(x.periods.h1_2022, '&result=undecided'),
  ]);
  for (const r of d.trend) {
    expect([r.expected, r.evaluated, r.met]).toEqual([
      await total(r.period.id),
      await total(r.period.id, '&result=decided'),
      await total(r.period.id, '&result=met'),
    ]);
  }
  // The trend's report counts agree with completeness for the selected period.
  const current = d.trend.find((r) => r.period.id === x.periods.h1_2022);
  const completeness = d.completeness?.total;
  if (!completeness) throw new Error("a period's dashboard has its completeness");
  expect(current?.expected).toBe(completeness.expected);
  expect(current?.submitted).toBe(completeness.submitted + completeness.accepted);
  expect(current?.accepted).toBe(completeness.accepted);
  return d;
}

describe('dashboard', () => {
  it('every number equals the total of the list behind it (whole scope and a subtree)', async () => {
    const { w, x, second } = await dashboardWorld();
    const d = await checkIdentity(w.operatorA.s, x, null);
    expect(d.totals).toEqual({ expected: 6, evaluated: 4, met: 2, notMet: 2, undecided: 2 });
    const key = (r: number[]) => r.join(':');
    expect(
      d.metByFieldAndLevel
        .map((r) => [r.field.id, r.level.id, r.met, r.notMet, r.undecided])
        .map(key)
        .sort(),
    ).toEqual(
      [
        [x.w.field.id, w.levels.trenCoSo, 0, 1, 0],
        [x.w.field.id, w.levels.coSo, 2, 0, 0],
        [second.id, w.levels.trenCoSo, 0, 0, 1],
        [second.id, w.levels.coSo, 0, 1, 1],
      ]
        .map(key)
        .sort(),
    );
    expect(d.trend.map((r) => [r.period.name, r.expected, r.submitted, r.accepted, r.evaluated, r.met])).toEqual([
      ['6 tháng đầu năm 2022', 6, 4, 3, 4, 2],
      ['6 tháng cuối năm 2022', 6, 1, 1, 1, 1],
      ['Năm 2022', 6, 0, 0, 0, 0],
      ['6 tháng đầu năm 2023', 6, 0, 0, 0, 0],
      ['6 tháng cuối năm 2023', 6, 0, 0, 0, 0],
    ]);
    const a2 = await checkIdentity(w.operatorA.s, x, w.tree.a2);
    expect(a2.totals).toEqual({ expected: 3, evaluated: 2, met: 1, notMet: 1, undecided: 1 });
    expect(a2.completeness?.total.expected).toBe(3);
    // A reporter's dashboard counts only its unit.
    const r = await checkIdentity(w.reporterA1.s, x, null);
    expect(r.totals.expected).toBe(3);
    // Plan only: the latest started period is chosen.
    const byPlan = expectOk(await w.operatorA.s.get(`${EV}/dashboard?planId=${w.plan}`), ZDashboard);
    expect(byPlan.period?.name).toBe('6 tháng cuối năm 2023');
    expect((await w.operatorA.s.get(`${EV}/dashboard`)).statusCode).toBe(400);
  });
});
