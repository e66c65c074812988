/** A person of the grantor's subtree; people chosen or pasted keep their names when not among the search results. */
import { useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../../api/client.ts';
import { peopleApi } from '../../../api/people.ts';
import { useDebounced } from '../../../hooks/use-debounced.ts';
import { t } from '../../../i18n/index.ts';
import type { KnownPerson } from './record-honours-form.ts';

interface PersonOption {
  value: number;
  label: string;
  person: KnownPerson;
}

export function GrantorPersonSelect({
  value,
  onChange,
  unitId,
  known,
  onPicked,
  testId,
}: {
  value?: number | null;
  onChange?: (v: number | null) => void;
  unitId: number | null;
  known: Record<number, KnownPerson>;
  onPicked: (p: KnownPerson) => void;
  testId?: string;
}) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const { data, isFetching, error } = useQuery({
    queryKey: ['people', 'pick', { q, unitId }],
    queryFn: ({ signal }) =>
      peopleApi.list({ q: q || undefined, unitId: unitId ?? undefined, status: 'active', pageSize: 30 }, signal),
    enabled: unitId !== null,
    staleTime: 30_000,
  });
  const options = useMemo((): PersonOption[] => {
    const people: KnownPerson[] = [...(data?.items ?? [])];
    const mine = value ? known[value] : undefined;
    if (mine && !people.some((p) => p.id === mine.id)) people.unshift(mine);
    return people.map((p) => ({ value: p.id, label: p.fullName, person: p }));
  }, [data, known, value]);
  return (
    <Select<number, PersonOption>
      value={value ?? undefined}
      onChange={(id) => {
        const person = options.find((o) => o.value === id)?.person;
        if (person) onPicked(person);
        setSearch('');
        onChange?.(id ?? null);
      }}
      allowClear
      disabled={unitId === null}
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      options={options}
      loading={isFetching}
      placeholder={t('honoursFlow.record.personPlaceholder')}
      notFoundContent={
        error ? errorMessage(error) : isFetching ? t('common.searching') : t('honoursFlow.record.personNotFound')
      }
      style={{ width: '100%', minWidth: 200 }}
      popupMatchSelectWidth={false}
      data-testid={testId}
      optionRender={({ data: { person } }) => (
        <div style={{ whiteSpace: 'normal', maxWidth: 420 }}>
          <div>{person.fullName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[person.position, person.unitName].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
      )}
    />
  );
}
