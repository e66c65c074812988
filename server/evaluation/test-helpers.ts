/**
 * Fixtures for evaluation tests: the registry world, a field whose criteria
 * cover a boolean, a number (≥ 10) and a text, periods of the plan inserted
 * directly, and reports with values judged as the report form judges them.
 */
import type { Kysely } from 'kysely';
import { isCriterionMet } from '../../common/criterion-rules.ts';
import type { DB, PeriodReportStatus } from '../db/schema.ts';
import { ZEvaluationDetail } from '../../common/schemas/evaluation.ts';
import { expectOk, type Session, type TestContext } from '../test/harness.ts';
import { modelEntry, registerAccepted, registryWorld, type World } from '../registry/test-helpers.ts';

export async function evaluationWorld(t: TestContext) {
  const w = await registryWorld(t);
  const setId = w.field.criteriaSetId!;
  const boolC = (
    await t.db.selectFrom('criterion').select('id').where('criteria_set_id', '=', setId).executeTakeFirstOrThrow()
  ).id;
  const numC = (
    await t.db
      .insertInto('criterion')
      .values({
        criteria_set_id: setId,
        code: '2',
        title: 'Tỷ lệ cán bộ tham gia',
        measure: 'number',
        rule: 'gte',
        target: 10,
        sort_order: 2,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const textC = (
    await t.db
      .insertInto('criterion')
      .values({
        criteria_set_id: setId,
        code: '3',
        title: 'Kết quả nổi bật',
        measure: 'text',
        rule: 'none',
        sort_order: 3,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const period = (kind: 'half_year' | 'year', name: string, startsOn: string, endsOn: string) =>
    t.db
      .insertInto('report_period')
      .values({ plan_id: w.plan, kind, name, starts_on: startsOn, ends_on: endsOn, due_on: endsOn })
      .returning('id')
      .executeTakeFirstOrThrow()
      .then((r) => r.id);
  const periods = {
    h1_2022: await period('half_year', '6 tháng đầu năm 2022', '2022-01-01', '2022-06-30'),
    h2_2022: await period('half_year', '6 tháng cuối năm 2022', '2022-07-01', '2022-12-31'),
    y2022: await period('year', 'Năm 2022', '2022-01-01', '2022-12-31'),
    h1_2023: await period('half_year', '6 tháng đầu năm 2023', '2023-01-01', '2023-06-30'),
    h2_2023: await period('half_year', '6 tháng cuối năm 2023', '2023-07-01', '2023-12-31'),
  };
  const phase = (
    await t.db
      .insertInto('plan_phase')
      .values({
        plan_id: w.plan,
        name: 'Sơ kết 2 năm 2022-2023',
        kind: 'midterm_review',
        starts_on: '2022-01-01',
        ends_on: '2023-12-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const criteria = await t.db
    .selectFrom('criterion')
    .select(['id', 'measure', 'rule', 'target', 'scale_max'])
    .where('criteria_set_id', '=', setId)
    .execute();
  return { w, setId, c: { bool: boolC, num: numC, text: textC }, criteria, periods, phase };
}
export type EvalWorld = Awaited<ReturnType<typeof evaluationWorld>>;

/** A model of `unit`, accepted on 2022-01-10 (a1/a2 by bloc A's operator, b1/b2 by bloc B's, or per `operator`). */
export async function acceptedModel(
  x: EvalWorld,
  unit: number,
  reporter: Session,
  operator: Session,
  overrides: Record<string, unknown> = {},
) {
  return registerAccepted(x.w, reporter, operator, modelEntry(x.w, unit, overrides), '2022-01-10');
}

/** A report of the entry for the period with values { bool, num, text } (met judged as when saved). */
export async function report(
  db: Kysely<DB>,
  x: EvalWorld,
  entryId: number,
  periodId: number,
  values: { bool?: unknown; num?: unknown; text?: unknown },
  status: PeriodReportStatus = 'accepted',
): Promise<number> {
  const r = await db
    .insertInto('period_report')
    .values({ entry_id: entryId, period_id: periodId, criteria_set_id: x.setId, status, results: 'Kết quả' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = (Object.keys(values) as Array<keyof typeof values>).map((k) => {
    const criterion = x.criteria.find((c) => c.id === x.c[k])!;
    const value = values[k];
    return {
      report_id: r.id,
      criterion_id: x.c[k],
      value: value === null || value === undefined ? null : JSON.stringify(value),
      met: isCriterionMet(criterion, value),
      comment: null,
    };
  });
  if (rows.length > 0) await db.insertInto('period_report_value').values(rows).execute();
  return r.id;
}

export const PASS = { bool: true, num: 12, text: 'Tốt' };
export const FAIL = { bool: true, num: 3, text: 'Chưa tốt' };

export const EV = '/api/v1/evaluation';

/** Confirm (or decide) an entry for a period through the API and expect 200. */
export async function decidePeriod(s: Session, entryId: number, periodId: number, body: Record<string, unknown> = {}) {
  const detail = expectOk(await s.get(`${EV}/entries/${entryId}?periodId=${periodId}`), ZEvaluationDetail);
  const response = await s.post(`${EV}/decisions`, {
    entryId,
    periodId,
    decidedMet: detail.proposal.met,
    criteria: [],
    reason: null,
    decidedOn: '2023-01-15',
    revision: detail.revision,
    ...body,
  });
  return expectOk(response, ZEvaluationDetail);
}

export type { World };
