/** The reporting dashboard's links: the reports or evaluations list behind a number. */

export const BUCKETS = ['none', 'draft', 'returned', 'submitted', 'accepted'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** A link to the reports list behind a completeness number (the reports page's address-bar parameters). */
export function reportsLink(periodId: number, o: { unitId?: number | null; bucket?: Bucket; late?: boolean }): string {
  const q = new URLSearchParams({ ky: String(periodId) });
  if (o.unitId) q.set('don-vi', String(o.unitId));
  if (o.bucket) q.set('nhom', o.bucket);
  if (o.late) q.set('tre', '1');
  return `/bao-cao-dinh-ky?${q.toString()}`;
}

/** A link to the evaluation list behind an evaluation number. */
export function evaluationLink(
  periodId: number,
  o: { unitId?: number | null; fieldId?: number; levelId?: number; result?: string },
): string {
  const q = new URLSearchParams({ period: String(periodId) });
  if (o.unitId) q.set('unitId', String(o.unitId));
  if (o.fieldId) q.set('fieldId', String(o.fieldId));
  if (o.levelId) q.set('levelId', String(o.levelId));
  if (o.result) q.set('result', o.result);
  return `/danh-gia?${q.toString()}`;
}
