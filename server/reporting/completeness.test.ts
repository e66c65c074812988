/** Completeness of a period: counts and percentages per subtree and child unit, equal to the lists behind them; bulk acceptance; the timeline. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  COMPLETENESS_BUCKETS,
  ZAcceptManyPreview,
  ZAcceptManyResult,
  ZCompleteness,
  ZPeriodEntriesPage,
} from '../../common/schemas/reporting-completeness.ts';
import { loadActor } from '../accounts/load-actor.ts';
import { ZTimeline } from '../../common/schemas/registry-timeline.ts';
import { ZPeriod } from '../../common/schemas/reporting-periods.ts';
import { ZReport } from '../../common/schemas/reporting.ts';
import { expectError, expectOk, type Session, setupTest } from '../test/harness.ts';
import { computeCompleteness } from './completeness.ts';
import { P, R, reportingWorld, setToday, startReport, submitted } from './test-helpers.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

/** a1: accepted on time; a1b: draft; a2: nothing; b1: submitted late (in the grace window). */
async function world() {
  const t = await setupTest();
  const x = await reportingWorld(t);
  const { w } = x;
  const period = expectOk(await w.operatorRoot.s.get(`${P}/${x.period.id}`), ZPeriod);
  const patched = await w.operatorRoot.s.patch(`${P}/${x.period.id}`, {
    name: period.name,
    startsOn: period.startsOn,
    endsOn: period.endsOn,
    dueOn: period.dueOn,
    graceUntil: '2022-07-31',
    remindDaysBefore: 7,
    revision: period.revision,
  });
  expect(patched.statusCode, patched.body).toBe(200);
  setToday('2022-07-10');
  const a1 = await submitted(x, w.reporterA1.s, x.entries.a1.id);
  const a1b = await startReport(w.reporterA1.s, x.entries.a1b.id, x.period.id);
  setToday('2022-07-18');
  const b1 = await submitted(x, x.reporterB1.s, x.entries.b1.id);
  setToday('2022-07-20');
  const accepted = await w.operatorA.s.post(`${R}/${a1.id}/accept`, { revision: a1.revision });
  return { t, x, reports: { a1: expectOk(accepted, ZReport), a1b, b1 } };
}

/** Every count of a row equals the total of the entries list with the matching filter. */
async function expectIdentity(s: Session, periodId: number, unitId: number | null, row: Record<string, unknown>) {
  const base = `${P}/${periodId}/entries?pageSize=1${unitId === null ? '' : `&unitId=${unitId}`}`;
  const total = async (q: string) => expectOk(await s.get(`${base}${q}`), ZPeriodEntriesPage).total;
  expect(await total(''), `expected of ${unitId}`).toBe(row.expected);
  for (const bucket of COMPLETENESS_BUCKETS)
    expect(await total(`&bucket=${bucket}`), `${bucket} of ${unitId}`).toBe(row[bucket]);
  expect(await total('&late=true'), `late of ${unitId}`).toBe(row.late);
}

describe('completeness', () => {
  it('counts a subtree and its children, with late ones and percentages, equal to the lists behind them', async () => {
    const { t, x } = await world();
    const { w } = x;
    const op = w.operatorRoot.s;
    const root = expectOk(await op.get(`${P}/${x.period.id}/completeness?unitId=${w.tree.root}`), ZCompleteness);
    expect(root.unit).toEqual({ id: w.tree.root, name: 'Tỉnh ủy Thử nghiệm' });
    expect(root.total).toEqual({
      expected: 4,
      none: 1,
      draft: 1,
      returned: 0,
      submitted: 1,
      accepted: 1,
      late: 3,
      submittedPercent: 50,
      acceptedPercent: 25,
    });
    expect(root.children.map((c: { unit: { name: string } }) => c.unit.name)).toEqual([
      'Đảng ủy Khối A',
      'Đảng ủy Khối B',
    ]);
    expect(root.children[0]).toMatchObject({
      expected: 3,
      none: 1,
      draft: 1,
      accepted: 1,
      submitted: 0,
      late: 2,
      submittedPercent: 33.3,
      acceptedPercent: 33.3,
    });
    expect(root.children[1]).toMatchObject({
      expected: 1,
      submitted: 1,
      late: 1,
      submittedPercent: 100,
      acceptedPercent: 0,
    });
    await expectIdentity(op, x.period.id, w.tree.root, root.total);
    for (const child of root.children) await expectIdentity(op, x.period.id, child.unit.id, child);

    const blocA = expectOk(
      await w.operatorA.s.get(`${P}/${x.period.id}/completeness?unitId=${w.tree.blocA}`),
      ZCompleteness,
    );
    expect(blocA.children.map((c: { unit: { id: number }; expected: number }) => [c.unit.id, c.expected])).toEqual([
      [w.tree.a1, 2],
      [w.tree.a2, 1],
    ]);
    for (const child of blocA.children) await expectIdentity(w.operatorA.s, x.period.id, child.unit.id, child);

    // Without a unit: everything the actor reads, one row per top granted unit.
    const mine = expectOk(await w.operatorA.s.get(`${P}/${x.period.id}/completeness`), ZCompleteness);
    expect(mine.unit).toBeNull();
    expect(mine.total.expected).toBe(3);
    expect(mine.children.map((c: { unit: { id: number } }) => c.unit.id)).toEqual([w.tree.blocA]);
    await expectIdentity(w.operatorA.s, x.period.id, null, mine.total);
    const reporter = expectOk(await w.reporterA1.s.get(`${P}/${x.period.id}/completeness`), ZCompleteness);
    expect(reporter.total).toMatchObject({ expected: 2, accepted: 1, draft: 1, late: 1 });
    expect(reporter.children).toEqual([
      expect.objectContaining({ unit: { id: w.tree.a1, name: 'Đảng bộ Sở Tư pháp' }, expected: 2 }),
    ]);

    // A unit with nothing expected: null percentages.
    const b2 = expectOk(await op.get(`${P}/${x.period.id}/completeness?unitId=${w.tree.b2}`), ZCompleteness);
    expect(b2.total).toMatchObject({ expected: 0, submittedPercent: null, acceptedPercent: null });

    // The exported function, on another day: before the due date nothing is late yet.
    const actor = (await loadActor(t.db, w.operatorRoot.id, 'session', null))!;
    const early = await computeCompleteness(t.db, actor, x.period.id, w.tree.root, '2022-07-12');
    expect(early.total).toMatchObject({ expected: 4, late: 1 });
  });

  it('lists the entries behind the numbers, filtered and in unit then name order', async () => {
    const { x, reports } = await world();
    const { w } = x;
    const list = expectOk(await w.operatorRoot.s.get(`${P}/${x.period.id}/entries`), ZPeriodEntriesPage);
    expect(
      list.items.map((i: { entry: { name: string }; bucket: string; late: boolean }) => [
        i.entry.name,
        i.bucket,
        i.late,
      ]),
    ).toEqual([
      // Đảng bộ Công ty Thủy điện Thác Bà, Đảng bộ Sở Tư pháp, Đảng bộ Trường Cao đẳng nghề — Vietnamese order.
      ['Mô hình "An toàn thủy điện"', 'submitted', true],
      ['Mô hình "Công sở xanh"', 'draft', true],
      ['Mô hình "Một cửa thân thiện"', 'accepted', false],
      ['Mô hình "Lớp học hạnh phúc"', 'none', true],
    ]);
    const accepted = list.items[2];
    expect(accepted).toMatchObject({
      reportId: reports.a1.id,
      metCount: 5,
      judgedCount: 5,
      closingDay: '2022-07-31',
      submittedAt: expect.any(String),
    });
    const search = expectOk(
      await w.operatorRoot.s.get(`${P}/${x.period.id}/entries?search=${encodeURIComponent('cong so xanh')}`),
      ZPeriodEntriesPage,
    );
    expect(search.items.map((i: { entry: { id: number } }) => i.entry.id)).toEqual([x.entries.a1b.id]);
    expect(
      expectOk(
        await w.operatorRoot.s.get(`${P}/${x.period.id}/entries?search=C%C3%94NG%20S%E1%BB%9E`),
        ZPeriodEntriesPage,
      ).total,
    ).toBe(1);
    expect(
      expectOk(await w.operatorRoot.s.get(`${P}/${x.period.id}/entries?kind=exemplar`), ZPeriodEntriesPage).total,
    ).toBe(0);
    expect(
      expectOk(
        await w.operatorRoot.s.get(`${P}/${x.period.id}/entries?fieldId=${x.field.id}&levelId=${w.levels.coSo}`),
        ZPeriodEntriesPage,
      ).total,
    ).toBe(4);
    expect(
      expectOk(await w.operatorRoot.s.get(`${P}/${x.period.id}/entries?late=false`), ZPeriodEntriesPage).total,
    ).toBe(1);
    const page2 = expectOk(
      await w.operatorRoot.s.get(`${P}/${x.period.id}/entries?pageSize=3&page=2`),
      ZPeriodEntriesPage,
    );
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.items).toHaveLength(1);
  });

  it('shows reports that left the draft stage on the entry timeline', async () => {
    const { x, reports } = await world();
    const { w } = x;
    const timeline = expectOk(
      await w.operatorA.s.get(`/api/v1/registry/entries/${x.entries.a1.id}/timeline`),
      ZTimeline,
    );
    const items = timeline.items.filter((i: { type: string }) => i.type === 'period_report');
    expect(items).toEqual([
      {
        type: 'period_report',
        id: reports.a1.id,
        label: 'Báo cáo định kỳ 6 tháng đầu năm 2022: đã tiếp nhận',
        date: '2022-07-20',
        recordedBy: 'Cán bộ nghiệp vụ Khối A',
        periodName: '6 tháng đầu năm 2022',
        status: 'accepted',
        changedAfterAcceptance: false,
        metCount: 5,
        judgedCount: 5,
      },
    ]);
    const draftTimeline = expectOk(
      await w.operatorA.s.get(`/api/v1/registry/entries/${x.entries.a1b.id}/timeline`),
      ZTimeline,
    );
    expect(draftTimeline.items.filter((i: { type: string }) => i.type === 'period_report')).toEqual([]);
  });
});

describe('accepting many reports', () => {
  it('previews each report and accepts all or none', async () => {
    const { t, x, reports } = await world();
    const { w } = x;
    const a2 = await (async () => {
      setToday('2022-07-21');
      return submitted(x, w.reporterA2.s, x.entries.a2.id);
    })();
    const op = w.operatorA.s;
    const preview = expectOk(
      await op.post(`${R}/accept-many/preview`, { reportIds: [a2.id, reports.a1b.id, reports.a1.id, reports.b1.id] }),
      ZAcceptManyPreview,
    );
    expect(
      preview.items.map((i: { reportId: number; acceptable: boolean; problem: string | null }) => [
        i.reportId,
        i.acceptable,
        i.problem,
      ]),
    ).toEqual([
      [a2.id, true, null],
      [reports.a1b.id, false, 'Báo cáo chưa được gửi.'],
      [reports.a1.id, false, 'Báo cáo đã được tiếp nhận.'],
      [reports.b1.id, false, `Không tìm thấy báo cáo có mã số ${reports.b1.id}.`],
    ]);
    expect(preview.items[0]).toMatchObject({
      entryName: 'Mô hình "Lớp học hạnh phúc"',
      ownerUnitName: 'Đảng bộ Trường Cao đẳng nghề',
      status: 'submitted',
      metCount: 5,
      judgedCount: 5,
      missingValues: 0,
    });
    expect(preview.items[1]).toMatchObject({ missingValues: 5, judgedCount: 0 });

    // One bad report: nothing is accepted.
    const mixed = await op.post(`${R}/accept-many`, {
      items: [
        { reportId: a2.id, revision: a2.revision },
        { reportId: reports.a1b.id, revision: reports.a1b.revision },
      ],
    });
    expect(expectError(mixed, 409, 'INVALID_STATE', ['items.1']).fields).toEqual([
      { field: 'items.1', message: 'Báo cáo chưa được gửi.' },
    ]);
    const stale = await op.post(`${R}/accept-many`, { items: [{ reportId: a2.id, revision: a2.revision - 1 }] });
    expectError(stale, 409, 'CONFLICT');
    expect(
      (await t.db.selectFrom('period_report').select('status').where('id', '=', a2.id).executeTakeFirstOrThrow())
        .status,
    ).toBe('submitted');

    // A changed accepted report and a fresh one, together.
    const changed = await w.reporterA1.s.put(`${R}/${reports.a1.id}`, {
      values: [],
      results: 'Bổ sung',
      difficulties: null,
      proposals: null,
      files: [],
      revision: reports.a1.revision,
    });
    const changedReport = expectOk(changed, ZReport);
    expect(changedReport).toMatchObject({ status: 'submitted', changedAfterAcceptance: true });
    const before = Number(
      (
        await t.db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '=', 'report.accepted')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const done = await op.post(`${R}/accept-many`, {
      items: [
        { reportId: a2.id, revision: a2.revision },
        { reportId: reports.a1.id, revision: changedReport.revision },
      ],
    });
    expect(expectOk(done, ZAcceptManyResult)).toEqual({ accepted: 2 });
    const after = Number(
      (
        await t.db
          .selectFrom('audit_event')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '=', 'report.accepted')
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after - before).toBe(2);
    const a1 = expectOk(await op.get(`${R}/${reports.a1.id}`), ZReport);
    expect(a1).toMatchObject({ status: 'accepted', changedAfterAcceptance: false });
    expect(a1.events.map((e: { kind: string }) => e.kind).slice(-2)).toEqual(['changed', 'reaccepted']);
    expect(expectOk(await op.get(`${R}/${a2.id}`), ZReport).events.map((e: { kind: string }) => e.kind)).toEqual([
      'created',
      'submitted',
      'accepted',
    ]);
    const notified = await t.db
      .selectFrom('notification')
      .select(['user_id', 'link'])
      .where('kind', '=', 'report.accepted')
      .orderBy('id')
      .execute();
    expect(notified).toContainEqual({ user_id: w.reporterA2.id, link: `/bao-cao-dinh-ky/${a2.id}` });
  });
});
