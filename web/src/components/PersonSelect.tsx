/** Pick a person from the people registry (cán bộ, đảng viên), optionally within a unit and its sub-units. */
import { Typography } from 'antd';
import { peopleApi } from '../api/people.ts';
import type { TPerson } from '../api/types.ts';
import { t } from '../i18n/index.ts';
import { RemoteSelect } from './remote-select/RemoteSelect.tsx';

interface Props {
  value?: number | null;
  onChange?: (value: number | null, person: TPerson | null) => void;
  unitId?: number | null;
  placeholder?: string;
  disabled?: boolean;
  testId?: string;
}

const searchPeople = (unitId: number | null | undefined) => async (q: string | undefined, signal: AbortSignal) =>
  (await peopleApi.list({ q, unitId: unitId ?? undefined, status: 'active', pageSize: 30 }, signal)).items;

export function PersonSelect({ value, onChange, unitId, placeholder, disabled, testId }: Props) {
  return (
    <RemoteSelect<TPerson>
      queryKey={['people', 'pick', { unitId }]}
      search={searchPeople(unitId)}
      idOf={(p) => p.id}
      labelOf={(p) => p.fullName}
      value={value}
      onChange={onChange}
      disabled={disabled}
      placeholder={placeholder}
      texts={{
        placeholder: t('personSelect.placeholder'),
        notFound: t('personSelect.notFound'),
        unavailable: t('personSelect.unavailable'),
      }}
      testId={testId}
      renderOption={(person) => (
        <div style={{ whiteSpace: 'normal' }}>
          <div>{person.fullName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[person.position, person.unitName].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
      )}
    />
  );
}
