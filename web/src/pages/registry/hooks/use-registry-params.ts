/**
 * The list's filters in the address bar, so a filtered list can be shared or
 * bookmarked: ?loai=model&cap=5&linh-vuc=3&trang-thai=active&don-vi=17&ke-hoach=2&theo-doi=4&tai-ngay=2023-03-31&q=…
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { EntryListParams } from '../../../api/registry.ts';
import { ENTRY_KINDS, ENTRY_STATUSES } from '@common/schemas/registry.ts';

export type RegistryFilterValues = Omit<EntryListParams, 'page' | 'pageSize' | 'asOf'>;

const NUMBERS = {
  levelId: 'cap',
  fieldId: 'linh-vuc',
  unitId: 'don-vi',
  planId: 'ke-hoach',
  monitorId: 'theo-doi',
} as const;

export function useRegistryParams() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo((): RegistryFilterValues => {
    const out: RegistryFilterValues = {};
    const kind = params.get('loai');
    if (kind && (ENTRY_KINDS as readonly string[]).includes(kind)) out.kind = kind as RegistryFilterValues['kind'];
    const status = params.get('trang-thai');
    if (status && (ENTRY_STATUSES as readonly string[]).includes(status))
      out.status = status as RegistryFilterValues['status'];
    for (const [key, name] of Object.entries(NUMBERS) as Array<[keyof typeof NUMBERS, string]>) {
      const value = Number(params.get(name));
      if (Number.isInteger(value) && value > 0) out[key] = value;
    }
    const onDate = params.get('tai-ngay');
    if (onDate && /^\d{4}-\d{2}-\d{2}$/.test(onDate)) out.onDate = onDate;
    const q = params.get('q')?.trim();
    if (q) out.q = q;
    return out;
  }, [params]);

  const setFilters = useCallback(
    (next: RegistryFilterValues) => {
      const out = new URLSearchParams();
      if (next.kind) out.set('loai', next.kind);
      if (next.status) out.set('trang-thai', next.status);
      for (const [key, name] of Object.entries(NUMBERS) as Array<[keyof typeof NUMBERS, string]>) {
        if (next[key]) out.set(name, String(next[key]));
      }
      if (next.onDate) out.set('tai-ngay', next.onDate);
      if (next.q) out.set('q', next.q);
      setParams(out, { replace: true });
    },
    [setParams],
  );

  return { filters, setFilters };
}
