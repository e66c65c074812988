/** Pick a model or exemplar from the registry by name (replication source, replacement). */
import { registryApi } from '../api/registry.ts';
import type { EntryKind, EntryStatus } from '../api/types.ts';
import { t } from '../i18n/index.ts';
import { RemoteSelect } from './remote-select/RemoteSelect.tsx';
import { TitledOption } from './remote-select/TitledOption.tsx';

export interface EntryRef {
  id: number;
  name: string;
  /** Where it sits: owner unit · level. */
  sub?: string;
}

interface Props {
  value?: number | null;
  onChange?: (value: number | null) => void;
  kind?: EntryKind;
  status?: EntryStatus;
  /** Never offer this entry (the entry itself). */
  excludeId?: number;
  known?: EntryRef | null;
  placeholder?: string;
  testId?: string;
}

/** Registry entries matching a name, as picker items; `unitId` limits them to a unit's subtree. */
export const searchEntries =
  (filter: { kind?: EntryKind; status?: EntryStatus; unitId?: number }) =>
  async (q: string | undefined, signal: AbortSignal): Promise<EntryRef[]> =>
    (await registryApi.list({ q, ...filter, pageSize: 30 }, signal)).items.map((e) => ({
      id: e.id,
      name: e.name,
      sub: `${e.ownerUnit.name} · ${e.level.name}`,
    }));

export function EntrySelect({ value, onChange, kind, status, excludeId, known, placeholder, testId }: Props) {
  return (
    <RemoteSelect<EntryRef>
      queryKey={['registry', 'pick', { kind, status }]}
      search={searchEntries({ kind, status })}
      offer={(e) => e.id !== excludeId}
      idOf={(e) => e.id}
      labelOf={(e) => e.name}
      known={known ? [known] : undefined}
      value={value}
      onChange={(id) => onChange?.(id)}
      placeholder={placeholder}
      texts={{
        placeholder: t('entrySelect.placeholder'),
        notFound: t('entrySelect.notFound'),
        unavailable: t('entrySelect.unavailable'),
      }}
      popupMatchSelectWidth={false}
      testId={testId}
      renderOption={(entry) => <TitledOption title={entry.name} sub={entry.sub} maxWidth={460} />}
    />
  );
}
