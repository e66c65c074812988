/** Pure date helpers for reporting periods: day arithmetic and the calendar halves and years of a plan. */
import type { PeriodKind } from '../../common/schemas/reporting-periods.ts';

/** 'YYYY-MM-DD' + n days. */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export interface CalendarPeriod {
  kind: PeriodKind;
  name: string;
  startsOn: string;
  endsOn: string;
}

/**
 * Every calendar half-year (01/01–30/06, 01/07–31/12) and/or year that
 * intersects [from, to], clipped to it, in date order (halves before the year
 * that ends with the second one).
 */
export function calendarPeriods(from: string, to: string, kinds: readonly PeriodKind[]): CalendarPeriod[] {
  const out: CalendarPeriod[] = [];
  const clip = (kind: PeriodKind, name: string, s: string, e: string) => {
    const startsOn = s < from ? from : s;
    const endsOn = e > to ? to : e;
    if (startsOn <= endsOn) out.push({ kind, name, startsOn, endsOn });
  };
  for (let y = Number(from.slice(0, 4)); y <= Number(to.slice(0, 4)); y++) {
    if (kinds.includes('half_year')) {
      clip('half_year', `6 tháng đầu năm ${y}`, `${y}-01-01`, `${y}-06-30`);
      clip('half_year', `6 tháng cuối năm ${y}`, `${y}-07-01`, `${y}-12-31`);
    }
    if (kinds.includes('year')) clip('year', `Năm ${y}`, `${y}-01-01`, `${y}-12-31`);
  }
  return out;
}
