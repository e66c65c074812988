/**
 * Pick organisation units by typing part of the name (diacritics optional):
 * searches the visible tree as of a date. Chosen units keep their labels even
 * when they are not in the current search results.
 */
import { useMemo, useState } from 'react';
import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { orgApi } from '../api/org.ts';
import type { TUnitSummary } from '../api/types.ts';
import { useDebounced } from '../hooks/use-debounced.ts';
import { t } from '../i18n/index.ts';

export interface UnitRef {
  id: number;
  name: string;
  parentName?: string | null;
}

/** Where the choices come from: the organisation tree (default) or another list of units, e.g. those a report can be made for. */
export interface UnitSource {
  key: string;
  search: (
    params: { q?: string; asOf?: string; pageSize?: number },
    signal?: AbortSignal,
  ) => Promise<{ items: UnitRef[] }>;
}

interface BaseProps {
  asOf?: string;
  source?: UnitSource;
  /** Units to show as labels for values chosen before this select was opened. */
  known?: UnitRef[];
  /** Hide units the user may not pick (e.g. the unit itself and its descendants). */
  exclude?: (unit: TUnitSummary) => boolean;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  testId?: string;
  style?: React.CSSProperties;
}

interface Option {
  value: number;
  label: string;
  unit: UnitRef;
}

type Props =
  | (BaseProps & {
      multiple?: false;
      value?: number | null;
      onChange?: (value: number | null, unit: UnitRef | null) => void;
    })
  | (BaseProps & { multiple: true; value?: number[]; onChange?: (value: number[]) => void });

export function UnitSelect(props: Props) {
  const { asOf, source, known = [], exclude, placeholder, disabled, allowClear = true, testId, style } = props;
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const [picked, setPicked] = useState<Record<number, UnitRef>>({});

  const { data, isFetching } = useQuery({
    queryKey: ['org', 'units', 'pick', source?.key ?? 'org', { q, asOf }],
    queryFn: ({ signal }): Promise<{ items: Array<UnitRef | TUnitSummary> }> =>
      source
        ? source.search({ q: q || undefined, asOf, pageSize: 30 }, signal)
        : orgApi.units({ q: q || undefined, asOf, pageSize: 30 }, signal),
    staleTime: 30_000,
  });

  const options = useMemo((): Option[] => {
    const found = (data?.items ?? []).filter((u) => !exclude || ('path' in u && !exclude(u)));
    const byId = new Map<number, UnitRef>();
    for (const u of [...known, ...Object.values(picked)]) byId.set(u.id, u);
    for (const u of found) byId.set(u.id, { id: u.id, name: u.name, parentName: u.parentName });
    const selected = new Set(props.multiple ? (props.value ?? []) : props.value ? [props.value] : []);
    const visible = new Set(found.map((u) => u.id));
    return [...byId.values()]
      .filter((u) => visible.has(u.id) || selected.has(u.id))
      .map((u) => ({ value: u.id, label: u.name, unit: u }));
  }, [data, exclude, known, picked, props.multiple, props.value]);

  const remember = (ids: number[]) => {
    const next = { ...picked };
    for (const id of ids) {
      const option = options.find((o) => o.value === id);
      if (option) next[id] = option.unit;
    }
    setPicked(next);
  };

  const common = {
    showSearch: { filterOption: false as const, onSearch: setSearch, searchValue: search },
    options,
    loading: isFetching,
    placeholder: placeholder ?? t('unitSelect.placeholder'),
    notFoundContent: isFetching ? t('common.searching') : q ? t('unitSelect.notFound') : t('unitSelect.typeToSearch'),
    disabled,
    allowClear,
    style: { width: '100%', ...style },
    'data-testid': testId,
    optionRender: (option: { data: Option }) => (
      <div>
        <div>{option.data.unit.name}</div>
        {option.data.unit.parentName && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('unitSelect.under', { parent: option.data.unit.parentName })}
          </Typography.Text>
        )}
      </div>
    ),
  };

  if (props.multiple) {
    return (
      <Select<number[], Option>
        {...common}
        mode="multiple"
        value={props.value}
        onChange={(value) => {
          remember(value);
          props.onChange?.(value);
        }}
      />
    );
  }
  return (
    <Select<number | null, Option>
      {...common}
      value={props.value ?? undefined}
      onChange={(value) => {
        const option = options.find((o) => o.value === value);
        if (option) remember([option.value]);
        setSearch('');
        props.onChange?.(value ?? null, option?.unit ?? null);
      }}
    />
  );
}
