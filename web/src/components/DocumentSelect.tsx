/** Văn bản quyết định: search the document registry by number/symbol or summary and pick one. */
import { useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { documentsApi } from '../api/documents.ts';
import type { TDocumentRef } from '../api/documents.ts';
import { useDebounced } from '../hooks/use-debounced.ts';
import { formatDateVi } from '../lib/dates.ts';
import { t } from '../i18n/index.ts';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  /** Label for a value chosen earlier (editing). */
  known?: TDocumentRef | null;
  testId?: string;
}

export function DocumentSelect({ value, onChange, known, testId }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const [picked, setPicked] = useState<TDocumentRef | null>(known ?? null);
  const { data, isFetching, error } = useQuery({
    queryKey: ['documents', 'pick', q],
    queryFn: ({ signal }) => documentsApi.list({ q: q || undefined, status: 'active', pageSize: 20 }, signal),
    staleTime: 30_000,
  });

  const options = useMemo(() => {
    const items: TDocumentRef[] = [...(data?.items ?? [])];
    if (picked && !items.some((d) => d.id === picked.id)) items.unshift(picked);
    return items.map((d) => ({ value: d.id, label: `${d.symbol} (${formatDateVi(d.issuedOn)})`, doc: d }));
  }, [data, picked]);

  return (
    <Select<number>
      value={value ?? undefined}
      onChange={(id) => {
        setPicked(options.find((o) => o.value === id)?.doc ?? null);
        setSearch('');
        onChange?.(id ?? null);
      }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      options={options}
      loading={isFetching}
      placeholder={t('documentSelect.placeholder')}
      notFoundContent={
        error ? t('documentSelect.unavailable') : isFetching ? t('common.searching') : t('documentSelect.notFound')
      }
      style={{ width: '100%' }}
      data-testid={testId}
      optionRender={(option) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div>
            <strong>{option.data.doc.symbol}</strong>{' '}
            <Typography.Text type="secondary">
              {t('documentSelect.issuedOn', { date: formatDateVi(option.data.doc.issuedOn) })}
            </Typography.Text>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
            {option.data.doc.summary}
          </Typography.Text>
        </div>
      )}
    />
  );
}
