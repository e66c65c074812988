/** The registry overview's links and steps: the list behind a number, the slider's months, a coverage drill-down. */
import dayjs from 'dayjs';
import { today } from '../../lib/dates.ts';

export type Kind = 'all' | 'model' | 'exemplar';

/** The registry list behind a number (its address-bar filters). */
export function registryLink(o: {
  asOf: string;
  unitId?: number;
  fieldId?: number;
  levelId?: number;
  kind?: 'model' | 'exemplar';
}): string {
  const q = new URLSearchParams({ 'tai-ngay': o.asOf });
  if (o.kind) q.set('loai', o.kind);
  if (o.fieldId) q.set('linh-vuc', String(o.fieldId));
  if (o.levelId) q.set('cap', String(o.levelId));
  if (o.unitId) q.set('don-vi', String(o.unitId));
  return `/mo-hinh?${q.toString()}`;
}

/** Month steps from January of the first year with data (at most 10 years back) to today. */
export function monthsBack(firstYear: number): string[] {
  const end = dayjs(today());
  const out: string[] = [];
  for (let m = dayjs(`${firstYear}-01-01`).endOf('month'); m.isBefore(end); m = m.add(1, 'month').endOf('month'))
    out.push(m.format('YYYY-MM-DD'));
  out.push(end.format('YYYY-MM-DD'));
  return out;
}

export interface CoverageDrill {
  childId: number | undefined;
  name: string;
  covered: boolean;
}
