/** Loại đơn vị and Cấp pickers from the catalogues (inactive entries hidden unless already chosen). */
import { Select } from 'antd';
import { t } from '../../../i18n/index.ts';
import { useLevels, useUnitTypes } from '../../../api/org.ts';

interface Props {
  value?: number;
  onChange?: (value: number) => void;
  testId?: string;
}

export function UnitTypeSelect({ value, onChange, testId }: Props) {
  const { data, isPending } = useUnitTypes();
  return (
    <Select
      value={value}
      onChange={onChange}
      loading={isPending}
      placeholder={t('org.form.typePlaceholder')}
      showSearch={{ optionFilterProp: 'label' }}
      options={(data ?? []).filter((x) => x.active || x.id === value).map((x) => ({ value: x.id, label: x.name }))}
      data-testid={testId}
    />
  );
}

export function LevelSelect({ value, onChange, testId }: Props) {
  const { data, isPending } = useLevels();
  return (
    <Select
      value={value}
      onChange={onChange}
      loading={isPending}
      placeholder={t('org.form.levelPlaceholder')}
      options={(data ?? []).filter((x) => x.active || x.id === value).map((x) => ({ value: x.id, label: x.name }))}
      data-testid={testId}
    />
  );
}
