/** Kế hoạch: search the plans the user may see (the unit's own and those of the units above it). */
import { useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { plansApi } from '../api/plans.ts';
import { useDebounced } from '../hooks/use-debounced.ts';
import { formatDateVi } from '../lib/dates.ts';
import { t } from '../i18n/index.ts';

export interface PlanRef {
  id: number;
  title: string;
}

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  known?: PlanRef | null;
  /** Only plans still in progress (registration); all when filtering lists. */
  activeOnly?: boolean;
  placeholder?: string;
  testId?: string;
  style?: React.CSSProperties;
}

export function PlanSelect({ value, onChange, known, activeOnly, placeholder, testId, style }: Props) {
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const [picked, setPicked] = useState<PlanRef | null>(known ?? null);
  const { data, isFetching, error } = useQuery({
    queryKey: ['plans', 'pick', q, activeOnly],
    queryFn: ({ signal }) =>
      plansApi.list({ q: q || undefined, status: activeOnly ? 'active' : undefined, pageSize: 30 }, signal),
    staleTime: 30_000,
  });
  // A value from elsewhere (a link ?ke-hoach=…) shows its title, not its number.
  const pinned = picked ?? known ?? null;
  const { data: single } = useQuery({
    queryKey: ['plans', 'one', value],
    queryFn: () => plansApi.get(value!),
    enabled: Boolean(value) && (!pinned || pinned.id !== value) && !(data?.items ?? []).some((p) => p.id === value),
    staleTime: 60_000,
  });
  const options = useMemo(() => {
    const list = (data?.items ?? []).map((p) => ({
      value: p.id,
      label: p.title,
      sub: `${p.document?.symbol ?? p.ownerUnitName} · ${formatDateVi(p.startsOn)} – ${formatDateVi(p.endsOn)}`,
    }));
    if (single && !list.some((o) => o.value === single.id))
      list.unshift({ value: single.id, label: single.title, sub: '' });
    const pin = picked ?? known;
    if (pin && !list.some((o) => o.value === pin.id)) list.unshift({ value: pin.id, label: pin.title, sub: '' });
    return list;
  }, [data, picked, known, single]);
  return (
    <Select<number>
      value={value ?? undefined}
      onChange={(id) => {
        const option = options.find((o) => o.value === id);
        setPicked(option ? { id: option.value, title: option.label } : null);
        setSearch('');
        onChange?.(id ?? null);
      }}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch, searchValue: search }}
      options={options}
      loading={isFetching}
      placeholder={placeholder ?? t('planSelect.placeholder')}
      notFoundContent={
        error ? t('planSelect.unavailable') : isFetching ? t('common.searching') : t('planSelect.notFound')
      }
      style={{ width: '100%', ...style }}
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
