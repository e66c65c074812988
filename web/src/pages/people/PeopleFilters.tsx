/** Search (with or without diacritics), unit (with its sub-units), status, party membership. */
import { Input, Select } from 'antd';
import type { PeopleListParams } from '../../api/people.ts';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useSettledText } from '../../hooks/use-settled-text.ts';
import { t } from '../../i18n/index.ts';

export type PeopleFilterValues = Pick<PeopleListParams, 'q' | 'unitId' | 'status' | 'partyMember'>;

interface Props {
  value: PeopleFilterValues;
  onChange: (value: PeopleFilterValues) => void;
}

export function PeopleFilters({ value, onChange }: Props) {
  // Only the settled text drives the query.
  const [q, setQ] = useSettledText(value.q ?? '', (settled) => {
    if ((value.q ?? '') !== settled) onChange({ ...value, q: settled || undefined });
  });
  const set = (patch: Partial<PeopleFilterValues>) => onChange({ ...value, ...patch });
  return (
    <div className="dh-toolbar">
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('people.filter.q')}
        style={{ width: 280 }}
        data-testid="people-q"
      />
      <UnitSelect
        value={value.unitId ?? null}
        onChange={(unitId) => set({ unitId: unitId ?? undefined })}
        placeholder={t('people.filter.unit')}
        style={{ width: 260 }}
        testId="people-unit"
      />
      <Select<'active' | 'left' | 'all'>
        value={value.status ?? 'all'}
        onChange={(status) => set({ status: status === 'all' ? undefined : status })}
        style={{ width: 200 }}
        options={[
          { value: 'active', label: t('people.status.active') },
          { value: 'left', label: t('people.status.left') },
          { value: 'all', label: t('people.filter.allStatuses') },
        ]}
        data-testid="people-status"
      />
      <Select<'true' | 'false' | 'all'>
        value={value.partyMember ?? 'all'}
        onChange={(v) => set({ partyMember: v === 'all' ? undefined : v })}
        style={{ width: 220 }}
        options={[
          { value: 'all', label: t('people.filter.allMembers') },
          { value: 'true', label: t('people.filter.partyMembers') },
          { value: 'false', label: t('people.filter.nonMembers') },
        ]}
      />
    </div>
  );
}
