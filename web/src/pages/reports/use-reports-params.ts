/**
 * The reporting page's choices in the address bar, so a drill-down can be
 * shared or bookmarked: ?ky=12&don-vi=17&nhom=submitted&tre=1&don-vi-con=23
 * (period, the subtree looked at, and the list's filter: bucket, late, child unit).
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { COMPLETENESS_BUCKETS } from '@common/schemas/reporting-completeness.ts';
import type { CompletenessBucket } from '../../api/reporting.ts';

export interface ReportsParams {
  periodId?: number;
  unitId?: number;
  bucket?: CompletenessBucket;
  late?: boolean;
  childUnitId?: number;
}

const positive = (value: string | null) => {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

export function useReportsParams() {
  const [params, setParams] = useSearchParams();

  const value = useMemo((): ReportsParams => {
    const bucket = params.get('nhom');
    return {
      periodId: positive(params.get('ky')),
      unitId: positive(params.get('don-vi')),
      bucket:
        bucket && (COMPLETENESS_BUCKETS as readonly string[]).includes(bucket)
          ? (bucket as CompletenessBucket)
          : undefined,
      late: params.get('tre') === '1' ? true : undefined,
      childUnitId: positive(params.get('don-vi-con')),
    };
  }, [params]);

  const set = useCallback(
    (next: ReportsParams) => {
      const out = new URLSearchParams();
      if (next.periodId) out.set('ky', String(next.periodId));
      if (next.unitId) out.set('don-vi', String(next.unitId));
      if (next.bucket) out.set('nhom', next.bucket);
      if (next.late) out.set('tre', '1');
      if (next.childUnitId) out.set('don-vi-con', String(next.childUnitId));
      setParams(out, { replace: true });
    },
    [setParams],
  );

  return { params: value, setParams: set };
}
