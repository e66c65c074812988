/**
 * The report form's own logic: the met indicator judges exactly as the server
 * does (every measure and rule, edge and missing values), and the page opens
 * on the latest period that has started.
 */
import { describe, expect, test } from 'vitest';
import { isCriterionMet } from '../../../../server/catalogue/criterion-rules.ts';
import type { TPeriod, TReportCriterion } from '../../api/reporting.ts';
import { judge, type CriterionValue } from './components/CriterionField.tsx';
import { defaultPeriod } from './ReportsPage.tsx';

type Rule = Pick<TReportCriterion, 'measure' | 'rule' | 'target' | 'scaleMax'>;

const CRITERIA: Rule[] = [
  { measure: 'boolean', rule: 'yes', target: null, scaleMax: null },
  { measure: 'boolean', rule: 'none', target: null, scaleMax: null },
  { measure: 'number', rule: 'gte', target: 1, scaleMax: null },
  { measure: 'number', rule: 'lte', target: 0, scaleMax: null },
  { measure: 'percent', rule: 'gte', target: 95, scaleMax: null },
  { measure: 'score', rule: 'gte', target: 7, scaleMax: 10 },
  { measure: 'score', rule: 'lte', target: 3, scaleMax: 10 },
  { measure: 'text', rule: 'none', target: null, scaleMax: null },
  { measure: 'number', rule: 'gte', target: null, scaleMax: null },
];
const VALUES: CriterionValue[] = [null, '', true, false, 0, 1, -1, 0.5, 3, 7, 94.9, 95, 112, 10, 10.5, 'có', '5'];

describe('the met indicator judges as the server does', () => {
  for (const c of CRITERIA) {
    test(`${c.measure} ${c.rule} ${c.target ?? ''}`, () => {
      for (const v of VALUES) expect(judge(c, v), `value ${JSON.stringify(v)}`).toBe(isCriterionMet(c, v));
    });
  }

  test('edge values', () => {
    expect(judge(CRITERIA[4]!, 95)).toBe(true);
    expect(judge(CRITERIA[4]!, 94.9)).toBe(false);
    expect(judge(CRITERIA[5]!, 10.5)).toBeNull();
    expect(judge(CRITERIA[3]!, 0)).toBe(true);
  });
});

const period = (id: number, startsOn: string, endsOn: string): TPeriod => ({
  id,
  plan: { id: 1, title: 'Kế hoạch' },
  phase: null,
  kind: endsOn.slice(5) === '12-31' && startsOn.slice(5) === '01-01' ? 'year' : 'half_year',
  name: `Kỳ ${id}`,
  startsOn,
  endsOn,
  dueOn: endsOn,
  graceUntil: null,
  remindDaysBefore: 7,
  revision: 1,
  can: { edit: false },
});

describe('default period', () => {
  const h1 = period(1, '2026-01-01', '2026-06-30');
  const h2 = period(2, '2026-07-01', '2026-12-31');
  const year = period(3, '2026-01-01', '2026-12-31');
  const next = period(4, '2027-01-01', '2027-06-30');

  test('the latest that has started; of two starting together, the shorter', () => {
    expect(defaultPeriod([year, h1, h2, next], '2026-11-28')?.id).toBe(2);
    expect(defaultPeriod([year, h1, h2, next], '2026-03-01')?.id).toBe(1);
  });

  test('none started yet: the earliest; no periods: none', () => {
    expect(defaultPeriod([next, h2], '2025-12-01')?.id).toBe(2);
    expect(defaultPeriod([], '2026-01-01')).toBeNull();
  });
});
