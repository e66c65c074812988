/**
 * The report form's own logic: the page opens on the latest period that has
 * started. (The met indicator uses common/criterion-rules.ts, the server's rule.)
 */
import { describe, expect, test } from 'vitest';
import type { TPeriod } from '../../api/reporting.ts';
import { defaultPeriod } from './ReportsPage.tsx';

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
