/**
 * Who may do what, for every reporting endpoint: unauthenticated 401; outside
 * the read scope 404; readable but not allowed 403; monitors read only the
 * reports of entries assigned to them; approval needs the entry's level.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ZEntryDetail } from '../../common/schemas/registry.ts';
import { ZAcceptManyPreview, ZCompleteness, ZPeriodEntriesPage } from '../../common/schemas/reporting-completeness.ts';
import { ZReport } from '../../common/schemas/reporting.ts';
import { anonymous, expectError, expectOk, type Session, setupTest } from '../test/harness.ts';
import { modelEntry, registerAccepted } from '../registry/test-helpers.ts';
import {
  fullValues,
  keepSessions,
  P,
  R,
  reportingWorld,
  saveBody,
  startReport,
  submitted,
  type RWorld,
} from './test-helpers.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

type Call = (s: Session) => ReturnType<Session['get']>;

async function world() {
  const t = await setupTest();
  const x = await reportingWorld(t);
  const { w } = x;
  const a1c = await registerAccepted(
    w,
    w.reporterA1.s,
    w.operatorA.s,
    modelEntry(w, w.tree.a1, { name: 'Mô hình "Dân vận khéo"', fieldId: x.field.id }),
  );
  const sub = await submitted(x, w.reporterA1.s, x.entries.a1.id);
  const draft = await startReport(w.reporterA1.s, a1c.id, x.period.id);
  const entry = expectOk(await w.operatorA.s.get(`/api/v1/registry/entries/${x.entries.a1.id}`), ZEntryDetail);
  const assigned = await w.operatorA.s.post(`/api/v1/registry/entries/${x.entries.a1.id}/monitors`, {
    userId: w.monitor.id,
    assignedOn: '2022-02-01',
    revision: entry.revision,
  });
  expect(assigned.statusCode, assigned.body).toBe(201);
  await keepSessions(t);
  return { t, x, sub, draft };
}

function endpoints(x: RWorld, sub: { id: number; revision: number }, draft: { id: number; revision: number }) {
  const { w } = x;
  const pid = x.period.id;
  return {
    periods: ((s) => s.get(P)) as Call,
    createPeriod: ((s) =>
      s.post(P, {
        planId: w.plan,
        kind: 'year',
        name: 'Năm 2022',
        startsOn: '2022-01-01',
        endsOn: '2022-12-31',
        dueOn: '2023-01-15',
      })) as Call,
    generate: ((s) => s.post(`${P}/generate`, { planId: w.plan, kinds: ['year'] })) as Call,
    period: ((s) => s.get(`${P}/${pid}`)) as Call,
    patchPeriod: ((s) =>
      s.patch(`${P}/${pid}`, {
        name: '6 tháng đầu năm 2022',
        startsOn: '2022-01-01',
        endsOn: '2022-06-30',
        dueOn: '2022-07-20',
        graceUntil: null,
        remindDaysBefore: 7,
        revision: x.period.revision,
      })) as Call,
    overrides: ((s) => s.get(`${P}/${pid}/overrides`)) as Call,
    override: ((s) =>
      s.post(`${P}/${pid}/overrides`, {
        unitId: w.tree.a1,
        state: 'open',
        openUntil: '2022-08-31',
        reason: 'Gia hạn',
      })) as Call,
    window: ((s) => s.get(`${P}/${pid}/window?unitId=${w.tree.a1}`)) as Call,
    entries: ((s) => s.get(`${P}/${pid}/entries`)) as Call,
    entriesA1: ((s) => s.get(`${P}/${pid}/entries?unitId=${w.tree.a1}`)) as Call,
    completeness: ((s) => s.get(`${P}/${pid}/completeness`)) as Call,
    completenessA1: ((s) => s.get(`${P}/${pid}/completeness?unitId=${w.tree.a1}`)) as Call,
    start: ((s) => s.post(R, { entryId: x.entries.a1b.id, periodId: pid })) as Call,
    report: ((s) => s.get(`${R}/${sub.id}`)) as Call,
    draft: ((s) => s.get(`${R}/${draft.id}`)) as Call,
    save: ((s) => s.put(`${R}/${draft.id}`, saveBody(fullValues(x.crit), draft.revision))) as Call,
    submit: ((s) => s.post(`${R}/${draft.id}/submit`, { revision: draft.revision })) as Call,
    return: ((s) => s.post(`${R}/${sub.id}/return`, { reason: 'Bổ sung', revision: sub.revision })) as Call,
    accept: ((s) => s.post(`${R}/${sub.id}/accept`, { revision: sub.revision })) as Call,
    preview: ((s) => s.post(`${R}/accept-many/preview`, { reportIds: [sub.id] })) as Call,
    acceptMany: ((s) => s.post(`${R}/accept-many`, { items: [{ reportId: sub.id, revision: sub.revision }] })) as Call,
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

describe('reporting permissions', () => {
  it('answers 401 on every endpoint without signing in', async () => {
    const { t, x, sub, draft } = await world();
    const calls = endpoints(x, sub, draft);
    await expectStatuses(anonymous(t.app), calls, Object.fromEntries(Object.keys(calls).map((k) => [k, 401])));
  });

  it("a reporter of a2 neither sees a1's reports nor reviews anything", async () => {
    const { x, sub, draft } = await world();
    const calls = endpoints(x, sub, draft);
    await expectStatuses(x.w.reporterA2.s, calls, {
      periods: 200,
      createPeriod: 403,
      generate: 403,
      period: 200,
      patchPeriod: 403,
      overrides: 200,
      override: 404,
      window: 404,
      entries: 200,
      entriesA1: 404,
      completeness: 200,
      completenessA1: 404,
      start: 404,
      report: 404,
      draft: 404,
      save: 404,
      submit: 404,
      return: 404,
      accept: 404,
      preview: 403,
      acceptMany: 403,
    });
    const entries = expectOk(await calls.entries(x.w.reporterA2.s), ZPeriodEntriesPage);
    expect(entries.items.map((i: { entry: { id: number } }) => i.entry.id)).toEqual([x.entries.a2.id]);
    expect(expectOk(await calls.completeness(x.w.reporterA2.s), ZCompleteness).total.expected).toBe(1);
  });

  it("an operator of bloc B gets 404 for bloc A's reports", async () => {
    const { x, sub, draft } = await world();
    const calls = endpoints(x, sub, draft);
    await expectStatuses(x.w.operatorB.s, calls, {
      periods: 200,
      createPeriod: 403,
      period: 200,
      patchPeriod: 403,
      override: 404,
      window: 404,
      entries: 200,
      entriesA1: 404,
      completenessA1: 404,
      start: 404,
      report: 404,
      draft: 404,
      save: 404,
      submit: 404,
      return: 404,
      accept: 404,
      preview: 200,
      acceptMany: 404,
    });
    expect(
      expectOk(await calls.entries(x.w.operatorB.s), ZPeriodEntriesPage).items.map(
        (i: { entry: { id: number } }) => i.entry.id,
      ),
    ).toEqual([x.entries.b1.id]);
    expect(expectOk(await calls.preview(x.w.operatorB.s), ZAcceptManyPreview).items[0]).toMatchObject({
      acceptable: false,
      problem: `Không tìm thấy báo cáo có mã số ${sub.id}.`,
      entryName: '',
    });
  });

  it('a viewer reads and changes nothing', async () => {
    const { x, sub, draft } = await world();
    const calls = endpoints(x, sub, draft);
    await expectStatuses(x.w.viewerA.s, calls, {
      periods: 200,
      createPeriod: 403,
      generate: 403,
      period: 200,
      patchPeriod: 403,
      overrides: 200,
      override: 403,
      window: 200,
      entries: 200,
      entriesA1: 200,
      completeness: 200,
      completenessA1: 200,
      start: 403,
      report: 200,
      draft: 200,
      save: 403,
      submit: 403,
      return: 403,
      accept: 403,
      preview: 403,
      acceptMany: 403,
    });
    expect(expectOk(await calls.report(x.w.viewerA.s), ZReport).can).toEqual({
      edit: false,
      submit: false,
      review: false,
    });
    expect(expectOk(await calls.entries(x.w.viewerA.s), ZPeriodEntriesPage).total).toBe(4);
  });

  it('a monitor reads only the reports of entries assigned to it', async () => {
    const { x, sub, draft } = await world();
    const calls = endpoints(x, sub, draft);
    await expectStatuses(x.w.monitor.s, calls, {
      periods: 200,
      createPeriod: 404,
      period: 404,
      start: 403,
      report: 200,
      draft: 404,
      save: 404,
      submit: 404,
      return: 403,
      accept: 403,
      preview: 403,
      acceptMany: 403,
    });
    expect(expectOk(await calls.report(x.w.monitor.s), ZReport).can).toEqual({
      edit: false,
      submit: false,
      review: false,
    });
    // The assigned report is read only.
    expect((await x.w.monitor.s.put(`${R}/${sub.id}`, saveBody(fullValues(x.crit), sub.revision))).statusCode).toBe(
      403,
    );
    expect((await x.w.monitor.s.post(`${R}/${sub.id}/submit`, { revision: sub.revision })).statusCode).toBe(403);
  });

  it("the reporter of a1 writes its unit's reports; operators review at their level", async () => {
    const { x, sub, draft } = await world();
    const calls = endpoints(x, sub, draft);
    await expectStatuses(x.w.reporterA1.s, calls, {
      createPeriod: 403,
      override: 403,
      window: 200,
      entriesA1: 200,
      completenessA1: 200,
      report: 200,
      return: 403,
      accept: 403,
      preview: 403,
      start: 201,
      save: 200,
    });
    await expectStatuses(x.w.operatorA.s, calls, { createPeriod: 403, override: 201, accept: 200 });
    await expectStatuses(x.w.operatorRoot.s, calls, { createPeriod: 201, patchPeriod: 200, generate: 200 });

    // A province-level entry: the bloc operator cannot accept its report, the province can.
    const { w } = x;
    const province = await registerAccepted(
      w,
      w.reporterA1.s,
      w.operatorRoot.s,
      modelEntry(w, w.tree.a1, { name: 'Mô hình cấp tỉnh', fieldId: x.field.id, levelId: w.levels.tinh }),
    );
    const report = await submitted(x, w.reporterA1.s, province.id);
    const refused = await w.operatorA.s.post(`${R}/${report.id}/accept`, { revision: report.revision });
    expect(expectError(refused, 403, 'FORBIDDEN').message).toMatch(/cán bộ nghiệp vụ cấp tỉnh/);
    expect(
      (await w.operatorA.s.post(`${R}/${report.id}/return`, { reason: 'x', revision: report.revision })).statusCode,
    ).toBe(403);
    const preview = expectOk(
      await w.operatorA.s.post(`${R}/accept-many/preview`, { reportIds: [report.id] }),
      ZAcceptManyPreview,
    );
    expect(preview.items[0]).toMatchObject({
      acceptable: false,
      problem: expect.stringMatching(/Không thuộc thẩm quyền/),
    });
    expect(
      (await w.operatorA.s.post(`${R}/accept-many`, { items: [{ reportId: report.id, revision: report.revision }] }))
        .statusCode,
    ).toBe(409);
    expect(expectOk(await w.operatorA.s.get(`${R}/${report.id}`), ZReport).can.review).toBe(false);
    const accepted = await w.operatorRoot.s.post(`${R}/${report.id}/accept`, { revision: report.revision });
    expect(accepted.statusCode, accepted.body).toBe(200);
  });
});
