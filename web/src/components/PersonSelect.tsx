/** Pick a person from the people registry (cán bộ, đảng viên), optionally within a unit and its sub-units. */
import { useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { peopleApi } from '../api/people.ts';
import type { TPerson } from '../api/types.ts';
import { useDebounced } from '../hooks/use-debounced.ts';
import { t } from '../i18n/index.ts';

interface Props {
  value?: number | null;
  onChange?: (value: number | null, person: TPerson | null) => void;
  unitId?: number | null;
  placeholder?: string;
  disabled?: boolean;
  testId?: string;
}

export function PersonSelect({ value, onChange, unitId, placeholder, disabled, testId }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const [picked, setPicked] = useState<TPerson | null>(null);
  const { data, isFetching, error } = useQuery({
    queryKey: ['people', 'pick', { q, unitId }],
    queryFn: ({ signal }) =>
      peopleApi.list({ q: q || undefined, unitId: unitId ?? undefined, status: 'active', pageSize: 30 }, signal),
    staleTime: 30_000,
  });
  const options = useMemo(() => {
    const people = [...(data?.items ?? [])];
    if (picked && !people.some((p) => p.id === picked.id)) people.unshift(picked);
    return people.map((p) => ({ value: p.id, label: p.fullName, person: p }));
  }, [data, picked]);
  return (
    <Select<number>
      value={value ?? undefined}
      onChange={(id) => {
        const person = options.find((o) => o.value === id)?.person ?? null;
        setPicked(person);
        setSearch('');
        onChange?.(id ?? null, person);
      }}
      allowClear
      disabled={disabled}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      options={options}
      loading={isFetching}
      placeholder={placeholder ?? t('personSelect.placeholder')}
      notFoundContent={
        error ? t('personSelect.unavailable') : isFetching ? t('common.searching') : t('personSelect.notFound')
      }
      style={{ width: '100%' }}
      data-testid={testId}
      optionRender={(option) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div>{option.data.person.fullName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[option.data.person.position, option.data.person.unitName].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
      )}
    />
  );
}
