/** Pick a model or exemplar from the registry by name (replication source, replacement). */
import { useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { registryApi } from '../api/registry.ts';
import type { EntryKind, EntryStatus } from '../api/types.ts';
import { useDebounced } from '../hooks/use-debounced.ts';
import { t } from '../i18n/index.ts';

export interface EntryRef {
  id: number;
  name: string;
}

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  kind?: EntryKind;
  status?: EntryStatus;
  /** Never offer this entry (the entry itself). */
  excludeId?: number;
  known?: EntryRef | null;
  placeholder?: string;
  testId?: string;
}

export function EntrySelect({ value, onChange, kind, status, excludeId, known, placeholder, testId }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const [picked, setPicked] = useState<EntryRef | null>(known ?? null);
  const { data, isFetching, error } = useQuery({
    queryKey: ['registry', 'pick', { q, kind, status }],
    queryFn: ({ signal }) => registryApi.list({ q: q || undefined, kind, status, pageSize: 30 }, signal),
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const list = (data?.items ?? [])
      .filter((e) => e.id !== excludeId)
      .map((e) => ({ value: e.id, label: e.name, sub: `${e.ownerUnit.name} · ${e.level.name}` }));
    if (picked && !list.some((o) => o.value === picked.id))
      list.unshift({ value: picked.id, label: picked.name, sub: '' });
    return list;
  }, [data, picked, excludeId]);
  return (
    <Select<number>
      value={value ?? undefined}
      onChange={(id) => {
        const option = options.find((o) => o.value === id);
        setPicked(option ? { id: option.value, name: option.label } : null);
        setSearch('');
        onChange?.(id ?? null);
      }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      options={options}
      loading={isFetching}
      placeholder={placeholder ?? t('entrySelect.placeholder')}
      notFoundContent={
        error ? t('entrySelect.unavailable') : isFetching ? t('common.searching') : t('entrySelect.notFound')
      }
      style={{ width: '100%' }}
      popupMatchSelectWidth={false}
      data-testid={testId}
      optionRender={(option) => (
        <div style={{ whiteSpace: 'normal', maxWidth: 460 }}>
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
