/** Pick an account by typing part of its name or username. */
import { useMemo, useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { usersApi } from '../../api/users.ts';
import { useDebounced } from '../../hooks/use-debounced.ts';
import { t } from '../../i18n/index.ts';

interface Props {
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  style?: React.CSSProperties;
  testId?: string;
}

export function UserPicker({ value, onChange, placeholder, style, testId }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const [picked, setPicked] = useState<{ value: number; label: string } | null>(null);
  const { data, isFetching } = useQuery({
    queryKey: ['users', 'pick', q],
    queryFn: ({ signal }) => usersApi.list({ q: q || undefined, pageSize: 20 }, signal),
  });
  const options = useMemo(() => {
    const list = (data?.items ?? []).map((u) => ({ value: u.id, label: `${u.fullName} (${u.username})` }));
    if (picked && !list.some((o) => o.value === picked.value)) list.unshift(picked);
    return list;
  }, [data, picked]);
  return (
    <Select
      allowClear
      value={value}
      onChange={(id: number | undefined) => {
        setPicked(options.find((o) => o.value === id) ?? null);
        setSearch('');
        onChange?.(id);
      }}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      options={options}
      loading={isFetching}
      placeholder={placeholder ?? t('users.pick')}
      notFoundContent={isFetching ? t('common.searching') : t('users.notFound')}
      style={style}
      popupMatchSelectWidth={false}
      data-testid={testId}
    />
  );
}
