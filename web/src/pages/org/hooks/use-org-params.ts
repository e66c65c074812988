/** The org page's state in the address bar: ?don-vi=<id>&ngay=<YYYY-MM-DD> (shareable links). */
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { today } from '../../../lib/dates.ts';

export function useOrgParams() {
  const [params, setParams] = useSearchParams();
  const selectedId = Number(params.get('don-vi')) || null;
  const asOf = params.get('ngay') ?? today();
  const isToday = asOf === today();

  const update = useCallback(
    (changes: { selectedId?: number | null; asOf?: string | null }) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (changes.selectedId !== undefined) {
            if (changes.selectedId) next.set('don-vi', String(changes.selectedId));
            else next.delete('don-vi');
          }
          if (changes.asOf !== undefined) {
            if (changes.asOf && changes.asOf !== today()) next.set('ngay', changes.asOf);
            else next.delete('ngay');
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return { selectedId, asOf, isToday, update };
}
