/** Pick several models / exemplars (the entries an inspection covers), searched by name, optionally within a unit's subtree. */
import { useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { registryApi } from '../../api/registry.ts';
import { useDebounced } from '../../hooks/use-debounced.ts';
import { t } from '../../i18n/index.ts';

export interface EntryOption {
  id: number;
  name: string;
  sub?: string;
}

interface Props {
  value?: number[];
  onChange?: (value: number[]) => void;
  /** Offer only entries of this unit's subtree. */
  unitId?: number | null;
  /** Labels for values chosen before (editing). */
  known?: EntryOption[];
  testId?: string;
}

export function EntryMultiSelect({ value = [], onChange, unitId, known = [], testId }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const [picked, setPicked] = useState<Record<number, EntryOption>>({});
  const { data, isFetching, error } = useQuery({
    queryKey: ['registry', 'pick-many', { q, unitId }],
    queryFn: ({ signal }) => registryApi.list({ q: q || undefined, unitId: unitId ?? undefined, pageSize: 30 }, signal),
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const byId = new Map<number, EntryOption>();
    for (const e of [...known, ...Object.values(picked)]) byId.set(e.id, e);
    for (const e of data?.items ?? [])
      byId.set(e.id, { id: e.id, name: e.name, sub: `${e.ownerUnit.name} · ${e.level.name}` });
    const found = new Set((data?.items ?? []).map((e) => e.id));
    return [...byId.values()]
      .filter((e) => found.has(e.id) || value.includes(e.id))
      .map((e) => ({ value: e.id, label: e.name, sub: e.sub ?? '' }));
  }, [data, known, picked, value]);
  return (
    <Select<number[]>
      mode="multiple"
      value={value}
      onChange={(ids) => {
        const next = { ...picked };
        for (const o of options) if (ids.includes(o.value)) next[o.value] = { id: o.value, name: o.label, sub: o.sub };
        setPicked(next);
        setSearch('');
        onChange?.(ids);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      options={options}
      loading={isFetching}
      placeholder={t('inspections.form.entriesPlaceholder')}
      notFoundContent={
        error ? t('entrySelect.unavailable') : isFetching ? t('common.searching') : t('entrySelect.notFound')
      }
      style={{ width: '100%' }}
      data-testid={testId}
      optionRender={(option) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div>{option.data.label}</div>
          {option.data.sub && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {option.data.sub}
            </Typography.Text>
          )}
        </div>
      )}
    />
  );
}
