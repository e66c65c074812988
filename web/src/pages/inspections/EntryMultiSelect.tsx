/** Pick several models / exemplars (the entries an inspection covers), searched by name, optionally within a unit's subtree. */
import { searchEntries, type EntryRef } from '../../components/EntrySelect.tsx';
import { RemoteSelect } from '../../components/remote-select/RemoteSelect.tsx';
import { TitledOption } from '../../components/remote-select/TitledOption.tsx';
import { t } from '../../i18n/index.ts';

export type EntryOption = EntryRef;

interface Props {
  value?: number[];
  onChange?: (value: number[]) => void;
  /** Offer only entries of this unit's subtree. */
  unitId?: number | null;
  /** Labels for values chosen before (editing). */
  known?: EntryOption[];
  testId?: string;
}

export function EntryMultiSelect({ value = [], onChange, unitId, known, testId }: Props) {
  return (
    <RemoteSelect<EntryOption>
      multiple
      queryKey={['registry', 'pick-many', { unitId }]}
      search={searchEntries({ unitId: unitId ?? undefined })}
      idOf={(e) => e.id}
      labelOf={(e) => e.name}
      known={known}
      value={value}
      onChange={onChange}
      allowClear={false}
      texts={{
        placeholder: t('inspections.form.entriesPlaceholder'),
        notFound: t('entrySelect.notFound'),
        unavailable: t('entrySelect.unavailable'),
      }}
      testId={testId}
      renderOption={(entry) => <TitledOption title={entry.name} sub={entry.sub} />}
    />
  );
}
