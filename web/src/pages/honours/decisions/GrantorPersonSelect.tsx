/** A person of the grantor's subtree; people chosen or pasted keep their names when not among the search results. */
import { Typography } from 'antd';
import { peopleApi } from '../../../api/people.ts';
import { RemoteSelect } from '../../../components/remote-select/RemoteSelect.tsx';
import { t } from '../../../i18n/index.ts';
import type { KnownPerson } from './record-honours-form.ts';

const searchPeople = (unitId: number | null) => async (q: string | undefined, signal: AbortSignal) =>
  (await peopleApi.list({ q, unitId: unitId ?? undefined, status: 'active', pageSize: 30 }, signal)).items;

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
  return (
    <RemoteSelect<KnownPerson>
      queryKey={['people', 'pick', { unitId }]}
      search={searchPeople(unitId)}
      idOf={(p) => p.id}
      labelOf={(p) => p.fullName}
      known={Object.values(known)}
      value={value}
      onChange={(id, person) => {
        if (person) onPicked(person);
        onChange?.(id);
      }}
      disabled={unitId === null}
      texts={{
        placeholder: t('honoursFlow.record.personPlaceholder'),
        notFound: t('honoursFlow.record.personNotFound'),
        unavailable: t('personSelect.unavailable'),
      }}
      style={{ minWidth: 200 }}
      popupMatchSelectWidth={false}
      testId={testId}
      renderOption={(person) => (
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
