import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayInVietnam } from '../../common/dates.ts';
import { loadActor } from '../accounts/load-actor.ts';
import { computeCompleteness } from '../reporting/completeness.ts';
import { ZTimeline } from '../../common/schemas/registry-timeline.ts';
import { ZReport } from '../../common/schemas/reporting.ts';
import { expectOk, setupTest, signIn } from '../test/harness.ts';
import { DEMO_ACCOUNTS } from './demo-data.ts';
import { DEMO_PLAN_OWNER, demoPlanTitle } from './demo-reporting.ts';
import { loadDemoData } from './demo.ts';

const password = (username: string) => DEMO_ACCOUNTS.find((a) => a.username === username)!.password;

describe('demo reporting cycle', { timeout: 240_000 }, () => {
  afterEach(() => vi.useRealTimers());

  it('has a current six-month period with one report in each state, a monitor note, an inspection and an evaluation', async () => {
    const { app, db } = await setupTest();
    const demo = await loadDemoData(db);
    const today = todayInVietnam();

    // The plan of this year, owned by the committee the units now belong to, with its periods.
    const plan = await db
      .selectFrom('plan')
      .select(['id', 'title', 'starts_on', 'ends_on', 'owner_unit_id'])
      .where('id', '=', demo.planId)
      .executeTakeFirstOrThrow();
    const year = Number(today.slice(0, 4));
    expect(plan).toMatchObject({ title: demoPlanTitle(year), starts_on: `${year}-01-01`, ends_on: `${year}-12-31` });
    const owner = await db
      .selectFrom('org_unit_version')
      .select('name')
      .where('unit_id', '=', plan.owner_unit_id)
      .where('valid_to', 'is', null)
      .executeTakeFirstOrThrow();
    expect(owner.name).toBe(DEMO_PLAN_OWNER);
    const periods = await db
      .selectFrom('report_period')
      .select(['id', 'kind', 'starts_on', 'ends_on', 'due_on'])
      .where('plan_id', '=', demo.planId)
      .orderBy('starts_on')
      .orderBy('kind')
      .execute();
    expect(periods.map((p) => [p.kind, p.starts_on, p.ends_on, p.due_on])).toEqual([
      ['half_year', `${year}-01-01`, `${year}-06-30`, `${year}-07-15`],
      ['year', `${year}-01-01`, `${year}-12-31`, `${year + 1}-01-15`],
      ['half_year', `${year}-07-01`, `${year}-12-31`, `${year + 1}-01-15`],
    ]);
    const current = periods.find((p) => p.id === demo.periodId)!;
    expect(current.kind).toBe('half_year');
    expect(current.starts_on <= today && today <= current.ends_on).toBe(true);

    // Completeness as the bloc's operator: 6 expected, one in each state, two not started.
    const btg = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'btg.duk')
      .executeTakeFirstOrThrow();
    const operator = (await loadActor(db, btg.id, 'session', null))!;
    const completeness = await computeCompleteness(db, operator, demo.periodId, plan.owner_unit_id);
    expect(completeness.total).toMatchObject({
      expected: 6,
      accepted: 1,
      submitted: 1,
      returned: 1,
      draft: 1,
      none: 2,
    });
    const statuses = await db
      .selectFrom('period_report')
      .select(['id', 'status', 'return_reason'])
      .where('period_id', '=', demo.periodId)
      .orderBy('id')
      .execute();
    expect(statuses.map((r) => [r.id, r.status])).toEqual([
      [demo.reports.nh, 'submitted'],
      [demo.reports.kt, 'accepted'],
      [demo.reports.hh, 'returned'],
      [demo.reports.dt, 'draft'],
    ]);

    // The school's reporter reads the school's report (every criterion filled, all met) — and not the others'.
    const reporter = await signIn(app, 'nguyenhue', password('nguyenhue'));
    const report = expectOk(await reporter.get(`/api/v1/reporting/reports/${demo.reports.nh}`), ZReport);
    expect(report.status).toBe('submitted');
    expect(report.results).toContain('Trường học hạnh phúc');
    expect(report.criteria.length).toBeGreaterThan(0);
    expect(
      report.criteria.every((c: { value: unknown; met: boolean | null }) => c.value !== null && c.met === true),
    ).toBe(true);
    expect((await reporter.get(`/api/v1/reporting/reports/${demo.reports.kt}`)).statusCode).toBe(404);

    // The returned report carries its reason and one note on a criterion.
    const bloc = await signIn(app, 'btg.duk', password('btg.duk'));
    const returned = expectOk(await bloc.get(`/api/v1/reporting/reports/${demo.reports.hh}`), ZReport);
    expect(returned.status).toBe('returned');
    expect(returned.returnReason).toContain('báo cáo tài chính');
    expect(JSON.stringify(returned)).toContain('101% kế hoạch');

    // The school's model: its timeline shows the report and the monitor's visit; the operator follows it.
    const timeline = expectOk(await bloc.get(`/api/v1/registry/entries/${demo.entries.nh}/timeline`), ZTimeline);
    const items = timeline.items as Array<{ type: string; id: number; kind?: string; content?: string }>;
    expect(items.some((i) => i.type === 'period_report' && i.id === demo.reports.nh)).toBe(true);
    expect(items.find((i) => i.type === 'monitor_note')).toMatchObject({ kind: 'visit' });
    expect(items.find((i) => i.type === 'monitor_note')!.content).toMatch(/^Đã đến trường kiểm tra việc triển khai/);
    expect(items.some((i) => i.type === 'registry_event' && i.kind === 'monitor_assigned')).toBe(true);

    // A planned inspection of Kiến Thuận and Hồng Nam by the committee.
    const inspection = await db
      .selectFrom('inspection')
      .select(['owner_unit_id', 'status', 'starts_on'])
      .where('id', '=', demo.inspectionId)
      .executeTakeFirstOrThrow();
    expect(inspection).toMatchObject({ owner_unit_id: plan.owner_unit_id, status: 'planned' });
    const subjects = await db
      .selectFrom('inspection_subject')
      .select('entry_id')
      .where('inspection_id', '=', demo.inspectionId)
      .orderBy('entry_id')
      .execute();
    expect(subjects.map((s) => s.entry_id)).toEqual([demo.entries.kt, demo.entries.hn].sort((a, b) => a - b));
    expect(
      await db.selectFrom('inspection_member').select('id').where('inspection_id', '=', demo.inspectionId).execute(),
    ).toHaveLength(2);

    // Kiến Thuận's accepted report evaluated as met, as the system proposed.
    const evaluation = await db
      .selectFrom('evaluation')
      .selectAll()
      .where('id', '=', demo.evaluationId)
      .executeTakeFirstOrThrow();
    expect(evaluation).toMatchObject({
      entry_id: demo.entries.kt,
      period_id: demo.periodId,
      proposed_met: true,
      decided_met: true,
      overridden: false,
    });

    // Every step went through the commands: audited.
    const actions = (await db.selectFrom('audit_event').select('action').execute()).map((a) => a.action);
    for (const action of [
      'plan.created',
      'period.created',
      'report.submitted',
      'report.accepted',
      'report.returned',
      'monitor.note',
      'inspection.created',
      'evaluation.decided',
    ]) {
      expect(actions, action).toContain(action);
    }
  });

  it('loads on any day: on 1 January the entries are accepted that day and the first half-year is current', async () => {
    const { db } = await setupTest();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-01-01T03:00:00Z')); // 10:00 in Vietnam
    const demo = await loadDemoData(db);
    const period = await db
      .selectFrom('report_period')
      .select(['starts_on', 'ends_on'])
      .where('id', '=', demo.periodId)
      .executeTakeFirstOrThrow();
    expect(period).toEqual({ starts_on: '2027-01-01', ends_on: '2027-06-30' });
    const spans = await db
      .selectFrom('registry_span')
      .select('valid_from')
      .where('entry_id', 'in', Object.values(demo.entries))
      .execute();
    expect(spans.map((s) => s.valid_from)).toEqual(Array(6).fill('2027-01-01'));
    const btg = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', 'btg.duk')
      .executeTakeFirstOrThrow();
    const operator = (await loadActor(db, btg.id, 'session', null))!;
    const plan = await db
      .selectFrom('plan')
      .select('owner_unit_id')
      .where('id', '=', demo.planId)
      .executeTakeFirstOrThrow();
    expect((await computeCompleteness(db, operator, demo.periodId, plan.owner_unit_id)).total).toMatchObject({
      expected: 6,
      accepted: 1,
      submitted: 1,
      returned: 1,
      draft: 1,
      none: 2,
    });
  });
});
