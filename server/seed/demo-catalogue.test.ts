import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZPlan, ZPlanSummary } from '../../common/schemas/plans.ts';
import { ZPage } from '../../common/schemas/shared.ts';
import { expectOk, setupTest, signIn } from '../test/harness.ts';
import { isCriterionMet } from '../../common/criterion-rules.ts';
import { ZField, ZFieldDetail, criterionIssues } from '../../common/schemas/catalogue.ts';
import { currentCriteriaSetId, getCriteriaSet } from '../catalogue/queries.ts';
import { DEMO_ACCOUNTS } from './demo-data.ts';
import { DEMO_FIELDS } from './demo-catalogue.ts';
import { loadDemoData } from './demo.ts';

/** The list routes' response schemas (GET /catalogue/fields declares its list inline). */
const ZFieldList = z.object({ items: z.array(ZField) });
const ZPlanPage = ZPage(ZPlanSummary);

describe('demo catalogue and plan 24-KH/TU', { timeout: 240_000 }, () => {
  it('every demo criteria set is valid as the API would check it', () => {
    for (const f of DEMO_FIELDS) {
      const criteria = f.criteria.map((c) => ({ parentCode: null, target: null, scaleMax: null, ...c }));
      expect(criterionIssues(criteria), f.code).toEqual([]);
      expect(criteria.length, f.code).toBeGreaterThanOrEqual(3);
      expect(criteria.length, f.code).toBeLessThanOrEqual(6);
    }
  });

  it('loads the province’s and the bloc’s fields and the plan, which the bloc follows through the reorganisation', async () => {
    const { app, db } = await setupTest();
    await loadDemoData(db);
    const admin = await signIn(app, 'admin', DEMO_ACCOUNTS[0]!.password);
    const fields = expectOk(await admin.get('/api/v1/catalogue/fields'), ZFieldList).items;
    expect(fields.map((f) => f.code)).toEqual(DEMO_FIELDS.map((f) => f.code));
    expect(fields.filter((f) => f.ownerUnitName === 'Tỉnh ủy Yên Bái')).toHaveLength(7);
    expect(fields.filter((f) => f.ownerUnitName === 'Đảng ủy Khối cơ quan và doanh nghiệp tỉnh')).toHaveLength(7);
    expect(fields.find((f) => f.code === 'CNDHTT')!.appliesTo).toBe('exemplar');
    expect(fields.every((f) => f.currentCriteriaSet?.version === 1)).toBe(true);

    const sxkd = fields.find((f) => f.code === 'SXKD')!;
    const set = (await getCriteriaSet(db, sxkd.currentCriteriaSet!.id))!;
    expect(await currentCriteriaSetId(db, sxkd.id, '2021-05-01')).toBe(set.id);
    expect(set.criteria.map((c) => [c.code, c.measure, c.rule, c.target])).toEqual([
      ['TC1', 'percent', 'gte', 100],
      ['TC2', 'boolean', 'yes', null],
      ['TC3', 'boolean', 'yes', null],
      ['TC4', 'boolean', 'yes', null],
      ['TC5', 'boolean', 'yes', null],
    ]);
    expect(isCriterionMet(set.criteria[0]!, 112)).toBe(true);
    const fiveS = expectOk(
      await admin.get(`/api/v1/catalogue/fields/${fields.find((f) => f.code === '5S')!.id}`),
      ZFieldDetail,
    ).criteriaSets[0]!.criteria;
    expect(
      fiveS
        .filter((c: { parentCode: string | null }) => c.parentCode === '5S')
        .map((c: { title: string }) => c.title.split(':')[0]),
    ).toEqual(['Sàng lọc', 'Sắp xếp', 'Sạch sẽ', 'Săn sóc', 'Sẵn sàng']);

    const plans = expectOk(await admin.get('/api/v1/plans?q=24-kh/tu'), ZPlanPage);
    expect(plans.total).toBe(1);
    const plan = expectOk(await admin.get(`/api/v1/plans/${plans.items[0]!.id}`), ZPlan);
    expect(plan).toMatchObject({
      ownerUnitName: 'Tỉnh ủy Yên Bái',
      startsOn: '2021-03-17',
      endsOn: '2025-12-31',
      document: { symbol: '24-KH/TU', issuedOn: '2021-03-17' },
    });
    expect(plan.phases.map((p) => [p.kind, p.reviewOn])).toEqual([
      ['year_review', '2022-06-15'],
      ['midterm_review', '2023-06-15'],
      ['final_review', '2025-12-15'],
    ]);
    expect(plan.targets.map((t) => [t.subject, t.value, t.measure, t.levelName])).toEqual([
      ['model', 20, 'count', 'Cấp tỉnh'],
      ['exemplar', 10, 'count', 'Cấp tỉnh'],
      ['unit_plan_coverage', 100, 'percent', 'Cấp cơ sở'],
    ]);

    // After the 2025 reorganisation the bloc's operator (now on its successors) still follows the plan and both catalogues, read-only for the province's.
    const operator = await signIn(app, 'btg.duk', DEMO_ACCOUNTS[1]!.password);
    const seen = expectOk(await operator.get('/api/v1/plans'), ZPlanPage);
    // 24-KH/TU, read-only, and this year's plan of Đảng bộ Ủy ban nhân dân tỉnh (demo-reporting.ts), the operator's own.
    expect(seen.items).toHaveLength(2);
    expect(seen.items.find((p) => p.id === plan.id)!.canWrite).toBe(false);
    expect(seen.items.find((p) => p.id !== plan.id)!.canWrite).toBe(true);
    expect(expectOk(await operator.get('/api/v1/catalogue/fields'), ZFieldList).items).toHaveLength(DEMO_FIELDS.length);
    const reporter = await signIn(app, 'nguyenhue', DEMO_ACCOUNTS[2]!.password);
    expect(expectOk(await reporter.get('/api/v1/plans'), ZPlanPage).total).toBe(2);
    expect(expectOk(await reporter.get('/api/v1/catalogue/fields?appliesTo=model'), ZFieldList).items).toHaveLength(
      DEMO_FIELDS.length - 1,
    );
  });
});
