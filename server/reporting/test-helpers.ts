/** A small world for periodic reports: the registry world, a field whose criteria use every measure, a half-year period, accepted entries. */
import { vi } from 'vitest';
import { buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { ZPeriod } from '../../common/schemas/reporting-periods.ts';
import { ZReport } from '../../common/schemas/reporting.ts';
import { expectOk, type Session, signIn, type TestContext } from '../test/harness.ts';
import { buildField, modelEntry, registerAccepted, registryWorld } from '../registry/test-helpers.ts';

export const P = '/api/v1/reporting/periods';
export const R = '/api/v1/reporting/reports';

/** Move Vietnam's "today" (and the clock) to noon of `day`. */
export function setToday(day: string): void {
  vi.setSystemTime(new Date(`${day}T05:00:00Z`));
}

/**
 * Sessions opened under a fake clock would expire when the clock moves days ahead: keep them open —
 * past the sliding end and the absolute lifetime from sign-in (SESSION_MAX_DAYS counts from created_at).
 */
export async function keepSessions(t: TestContext): Promise<void> {
  const far = new Date('2100-01-01T00:00:00Z');
  await t.db.updateTable('user_session').set({ expires_at: far, last_seen_at: far, created_at: far }).execute();
}

/** Criteria of every measure; ids by key. */
export async function richCriteria(t: TestContext, setId: number) {
  await t.db.deleteFrom('criterion').where('criteria_set_id', '=', setId).execute();
  const rows = await t.db
    .insertInto('criterion')
    .values([
      {
        criteria_set_id: setId,
        code: '1',
        title: 'Có kế hoạch thực hiện',
        measure: 'boolean',
        rule: 'yes',
        sort_order: 1,
      },
      {
        criteria_set_id: setId,
        code: '2',
        title: 'Số đảng viên tham gia',
        measure: 'number',
        rule: 'gte',
        target: 10,
        sort_order: 2,
      },
      {
        criteria_set_id: setId,
        code: '3',
        title: 'Tỷ lệ hoàn thành kế hoạch',
        measure: 'percent',
        rule: 'gte',
        target: 80,
        sort_order: 3,
      },
      {
        criteria_set_id: setId,
        code: '4',
        title: 'Điểm chấm văn hóa công sở',
        measure: 'score',
        rule: 'gte',
        target: 7,
        scale_max: 10,
        sort_order: 4,
      },
      { criteria_set_id: setId, code: '5', title: 'Nhận xét chung', measure: 'text', rule: 'none', sort_order: 5 },
      {
        criteria_set_id: setId,
        code: '6',
        title: 'Số vụ vi phạm',
        measure: 'number',
        rule: 'lte',
        target: 0,
        sort_order: 6,
      },
    ])
    .returning('id')
    .execute();
  const [yes, count, pct, score, text, violations] = rows.map((r) => r.id) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { yes, count, pct, score, text, violations };
}

export type Crit = Awaited<ReturnType<typeof richCriteria>>;

/** Values meeting every judged criterion. */
export const fullValues = (c: Crit) => [
  { criterionId: c.yes, value: true, comment: 'Đã ban hành kế hoạch số 12-KH' },
  { criterionId: c.count, value: 25 },
  { criterionId: c.pct, value: 92.5 },
  { criterionId: c.score, value: 8 },
  { criterionId: c.text, value: 'Thực hiện tốt' },
  { criterionId: c.violations, value: 0 },
];

export const saveBody = (values: unknown[], revision: number, extra: Record<string, unknown> = {}) => ({
  values,
  results: 'Đạt kết quả tốt',
  difficulties: null,
  proposals: null,
  files: [],
  revision,
  ...extra,
});

/**
 * Today = 2022-07-01 (call after vi.useFakeTimers). The world: a rich field,
 * the half-year period 01/01–30/06/2022 due 15/07/2022 of the root plan, and
 * accepted models of a1 (two), a2 (one) and b1 (one).
 */
export async function reportingWorld(t: TestContext) {
  setToday('2022-07-01');
  const w = await registryWorld(t);
  const field = await buildField(t.db, { name: 'Cải cách hành chính', appliesTo: 'model' });
  const crit = await richCriteria(t, field.criteriaSetId!);
  const entry = (unit: number, name: string) => modelEntry(w, unit, { name, fieldId: field.id });
  const a1 = await registerAccepted(w, w.reporterA1.s, w.operatorA.s, entry(w.tree.a1, 'Mô hình "Một cửa thân thiện"'));
  const a1b = await registerAccepted(w, w.reporterA1.s, w.operatorA.s, entry(w.tree.a1, 'Mô hình "Công sở xanh"'));
  const a2 = await registerAccepted(w, w.reporterA2.s, w.operatorA.s, entry(w.tree.a2, 'Mô hình "Lớp học hạnh phúc"'));
  const userB1 = await buildUser(t.db, {
    grants: [{ role: 'reporter', unitId: w.tree.b1 }],
    fullName: 'Cán bộ báo cáo B1',
  });
  const reporterB1 = { id: userB1.id, s: await signIn(t.app, userB1.username, DEFAULT_PASSWORD) };
  const b1 = await registerAccepted(w, reporterB1.s, w.operatorB.s, entry(w.tree.b1, 'Mô hình "An toàn thủy điện"'));
  const created = await w.operatorRoot.s.post(P, {
    planId: w.plan,
    kind: 'half_year',
    name: '6 tháng đầu năm 2022',
    startsOn: '2022-01-01',
    endsOn: '2022-06-30',
    dueOn: '2022-07-15',
  });
  const period = expectOk(created, ZPeriod, 201);
  await keepSessions(t);
  return { w, field, crit, entries: { a1, a1b, a2, b1 }, reporterB1, period };
}
export type RWorld = Awaited<ReturnType<typeof reportingWorld>>;

/** Start a report as `s` (expects 201) and return it. */
export async function startReport(s: Session, entryId: number, periodId: number) {
  return expectOk(await s.post(R, { entryId, periodId }), ZReport, 201);
}

/** Start, fill every value and submit; returns the submitted report. */
export async function submitted(x: RWorld, s: Session, entryId: number) {
  const started = await startReport(s, entryId, x.period.id);
  const saved = await s.put(`${R}/${started.id}`, saveBody(fullValues(x.crit), started.revision));
  const sent = await s.post(`${R}/${started.id}/submit`, { revision: expectOk(saved, ZReport).revision });
  return expectOk(sent, ZReport);
}
