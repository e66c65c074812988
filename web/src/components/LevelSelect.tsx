/** Cấp: the levels of the organisation (cấp cơ sở, cấp trên cơ sở, cấp tỉnh…), highest first. */
import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { orgApi } from '../api/org.ts';
import { t } from '../i18n/index.ts';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  placeholder?: string;
  allowClear?: boolean;
  /** Leave out these levels (e.g. the current one when changing level). */
  exclude?: number[];
  testId?: string;
  style?: React.CSSProperties;
}

export function useLevelList() {
  return useQuery({ queryKey: ['org', 'levels'], queryFn: orgApi.levels, staleTime: 10 * 60_000 });
}

export function LevelSelect({ value, onChange, placeholder, allowClear, exclude, testId, style }: Props) {
  const { data, isPending } = useLevelList();
  const options = [...(data ?? [])]
    .filter((l) => (l.active || l.id === value) && !exclude?.includes(l.id))
    .sort((a, b) => a.rank - b.rank)
    .map((l) => ({ value: l.id, label: l.name }));
  return (
    <Select<number>
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      loading={isPending}
      allowClear={allowClear}
      placeholder={placeholder ?? t('org.form.levelPlaceholder')}
      options={options}
      style={{ width: '100%', ...style }}
      data-testid={testId}
    />
  );
}
