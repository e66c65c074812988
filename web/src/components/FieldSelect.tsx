/**
 * Lĩnh vực, loại mô hình from the catalogue: only the fields usable for the
 * kind (mô hình / điển hình) and, when a unit is given, by that unit (global
 * fields and those of the unit and the organisations above it).
 */
import { Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { catalogueApi } from '../api/catalogue.ts';
import type { EntryKind } from '../api/types.ts';
import { t } from '../i18n/index.ts';

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  kind?: EntryKind;
  forUnitId?: number | null;
  /** Include fields no longer in use (filters over old records). */
  includeInactive?: boolean;
  known?: { id: number; name: string } | null;
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
  style?: React.CSSProperties;
}

/** An option of the list: the field and the unit that owns it (none: a national field). */
interface FieldOption {
  value: number;
  label: string;
  owner: string | null;
}

export function FieldSelect({
  value,
  onChange,
  kind,
  forUnitId,
  includeInactive,
  known,
  placeholder,
  allowClear,
  testId,
  style,
}: Props) {
  const params = {
    appliesTo: kind,
    forUnitId: forUnitId ?? undefined,
    active: includeInactive ? undefined : ('true' as const),
  };
  const { data, isPending, error } = useQuery({
    queryKey: ['catalogue', 'fields', 'pick', params],
    queryFn: ({ signal }) => catalogueApi.fields(params, signal),
    staleTime: 60_000,
  });
  const items = data ?? [];
  const options: FieldOption[] = items.map((f) => ({ value: f.id, label: f.name, owner: f.ownerUnitName }));
  if (known && value === known.id && !items.some((f) => f.id === known.id))
    options.unshift({ value: known.id, label: known.name, owner: null });
  return (
    <Select<number, FieldOption>
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      loading={isPending}
      allowClear={allowClear}
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={placeholder ?? t('fieldSelect.placeholder')}
      notFoundContent={error ? t('fieldSelect.unavailable') : t('fieldSelect.notFound')}
      options={options}
      style={{ width: '100%', ...style }}
      popupMatchSelectWidth={false}
      data-testid={testId}
      optionRender={(option) => (
        <div style={{ whiteSpace: 'normal', maxWidth: 420 }}>
          <div>{option.data.label}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {option.data.owner ? t('fieldSelect.ownedBy', { unit: option.data.owner }) : t('fieldSelect.global')}
          </Typography.Text>
        </div>
      )}
    />
  );
}
