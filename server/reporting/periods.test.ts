/** Reporting periods: creating one, generating the six-monthly and annual ones of a plan, editing with a revision. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ZGeneratePeriodsResult, ZPeriod, ZPeriodPage } from '../../common/schemas/reporting-periods.ts';
import { expectError, expectOk, setupTest } from '../test/harness.ts';
import { calendarPeriods } from './period-dates.ts';
import { P, reportingWorld } from './test-helpers.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('calendar periods', () => {
  it('clips halves and years to the plan dates', () => {
    expect(calendarPeriods('2021-03-17', '2022-02-10', ['half_year', 'year'])).toEqual([
      { kind: 'half_year', name: '6 tháng đầu năm 2021', startsOn: '2021-03-17', endsOn: '2021-06-30' },
      { kind: 'half_year', name: '6 tháng cuối năm 2021', startsOn: '2021-07-01', endsOn: '2021-12-31' },
      { kind: 'year', name: 'Năm 2021', startsOn: '2021-03-17', endsOn: '2021-12-31' },
      { kind: 'half_year', name: '6 tháng đầu năm 2022', startsOn: '2022-01-01', endsOn: '2022-02-10' },
      { kind: 'year', name: 'Năm 2022', startsOn: '2022-01-01', endsOn: '2022-02-10' },
    ]);
    expect(calendarPeriods('2021-08-01', '2021-12-31', ['half_year']).map((p) => p.name)).toEqual([
      '6 tháng cuối năm 2021',
    ]);
  });
});

describe('reporting periods', () => {
  it('generates every missing half-year and year of the plan, once', async () => {
    const t = await setupTest();
    const x = await reportingWorld(t);
    const op = x.w.operatorRoot.s;
    const phase = await t.db
      .insertInto('plan_phase')
      .values({
        plan_id: x.w.plan,
        name: 'Sơ kết 02 năm',
        kind: 'midterm_review',
        starts_on: '2021-01-01',
        ends_on: '2022-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const response = await op.post(`${P}/generate`, { planId: x.w.plan, dueDays: 15, graceDays: 5 });
    const result = expectOk(response, ZGeneratePeriodsResult);
    // 2021–2025: ten halves and five years; the first half of 2022 existed already.
    expect(result.existing).toBe(1);
    expect(result.created).toHaveLength(14);
    const byName = new Map(result.created.map((p: { name: string }) => [p.name, p]));
    expect(byName.get('6 tháng cuối năm 2022')).toMatchObject({
      kind: 'half_year',
      startsOn: '2022-07-01',
      endsOn: '2022-12-31',
      dueOn: '2023-01-15',
      graceUntil: '2023-01-20',
      phase: { id: phase.id, name: 'Sơ kết 02 năm' },
      can: { edit: true },
    });
    expect(byName.get('Năm 2023')).toMatchObject({
      kind: 'year',
      startsOn: '2023-01-01',
      endsOn: '2023-12-31',
      dueOn: '2024-01-15',
      phase: null,
    });
    const again = expectOk(await op.post(`${P}/generate`, { planId: x.w.plan }), ZGeneratePeriodsResult);
    expect(again).toEqual({ created: [], existing: 15 });
    expect(expectOk(await op.get(`${P}?planId=${x.w.plan}&pageSize=100`), ZPeriodPage).total).toBe(15);
    expect(
      expectOk(await op.get(`${P}?onDate=2023-03-01`), ZPeriodPage).items.map((p: { name: string }) => p.name),
    ).toEqual(['6 tháng đầu năm 2023', 'Năm 2023']);
    const audits = await t.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'period.created')
      .where('entity_type', '=', 'plan')
      .orderBy('id')
      .execute();
    expect(audits).toHaveLength(2);
    expect(audits[0]!.summary).toMatch(/^Tạo 14 kỳ báo cáo/);
  });

  it('creates a period inside the plan and its phase, refusing duplicates and stale edits', async () => {
    const t = await setupTest();
    const x = await reportingWorld(t);
    const op = x.w.operatorRoot.s;
    const body = {
      planId: x.w.plan,
      kind: 'half_year',
      name: '6 tháng đầu năm 2022',
      startsOn: '2022-01-01',
      endsOn: '2022-06-30',
      dueOn: '2022-07-15',
    };
    const duplicate = await op.post(P, body);
    expect(expectError(duplicate, 409, 'DUPLICATE').message).toMatch(
      /đã có kỳ báo cáo loại "6 tháng" bắt đầu ngày 01\/01\/2022/,
    );
    const outside = await op.post(P, { ...body, kind: 'year', startsOn: '2020-07-01', name: 'Năm 2020' });
    expectError(outside, 400, 'VALIDATION', ['startsOn']);
    const after = await op.post(P, {
      ...body,
      kind: 'year',
      startsOn: '2025-01-01',
      endsOn: '2026-01-31',
      dueOn: '2026-02-15',
      name: 'Năm 2025',
    });
    expectError(after, 400, 'VALIDATION', ['endsOn']);
    const otherPlan = await t.db
      .insertInto('plan')
      .values({
        owner_unit_id: x.w.tree.root,
        title: 'Kế hoạch khác',
        starts_on: '2021-01-01',
        ends_on: '2025-12-31',
        search_text: 'ke hoach khac',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const foreignPhase = await t.db
      .insertInto('plan_phase')
      .values({
        plan_id: otherPlan.id,
        name: 'Giai đoạn 1',
        kind: 'period',
        starts_on: '2021-01-01',
        ends_on: '2022-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const wrongPhase = await op.post(P, {
      ...body,
      kind: 'year',
      name: 'Năm 2022',
      endsOn: '2022-12-31',
      dueOn: '2023-01-15',
      phaseId: foreignPhase.id,
    });
    expectError(wrongPhase, 400, 'VALIDATION', ['phaseId']);
    const badDates = await op.post(P, {
      ...body,
      kind: 'year',
      endsOn: '2021-12-31',
      dueOn: '2021-11-01',
      graceUntil: '2021-10-01',
    });
    expectError(badDates, 400, 'VALIDATION', ['dueOn', 'endsOn', 'graceUntil']);

    const period = expectOk(await op.get(`${P}/${x.period.id}`), ZPeriod);
    const edit = {
      name: '6 tháng đầu năm 2022 (sửa)',
      startsOn: '2022-01-01',
      endsOn: '2022-06-30',
      dueOn: '2022-07-20',
      graceUntil: '2022-07-31',
      remindDaysBefore: 10,
      revision: period.revision,
    };
    const edited = await op.patch(`${P}/${x.period.id}`, edit);
    expect(expectOk(edited, ZPeriod)).toMatchObject({
      name: '6 tháng đầu năm 2022 (sửa)',
      dueOn: '2022-07-20',
      graceUntil: '2022-07-31',
      remindDaysBefore: 10,
      revision: period.revision + 1,
    });
    const stale = await op.patch(`${P}/${x.period.id}`, edit);
    expect(expectError(stale, 409, 'CONFLICT').message).toMatch(/vừa được người khác thay đổi/);
    // The bloc follows the province's plan and sees its periods, but cannot change them.
    const seen = expectOk(await x.w.operatorA.s.get(`${P}/${x.period.id}`), ZPeriod);
    expect(seen.can.edit).toBe(false);
    expect((await x.w.operatorA.s.patch(`${P}/${x.period.id}`, { ...edit, revision: seen.revision })).statusCode).toBe(
      403,
    );
  });
});
