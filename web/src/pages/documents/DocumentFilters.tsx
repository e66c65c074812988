/** Filters of the register: text, type, issue-date range, managing unit, status. */
import { DatePicker, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import type { DocumentListParams } from '../../api/documents.ts';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useSettledText } from '../../hooks/use-settled-text.ts';
import { DATE_INPUT_FORMATS, toDayjs, toIso } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { DocumentTypeSelect } from './DocumentTypeSelect.tsx';

export type DocumentFilterValues = Pick<
  DocumentListParams,
  'q' | 'typeCode' | 'ownerUnitId' | 'from' | 'to' | 'status'
>;

interface Props {
  value: DocumentFilterValues;
  onChange: (value: DocumentFilterValues) => void;
}

export function DocumentFilters({ value, onChange }: Props) {
  // Only the settled text drives the query.
  const [q, setQ] = useSettledText(value.q ?? '', (settled) => {
    if ((value.q ?? '') !== settled) onChange({ ...value, q: settled || undefined });
  });
  const set = (patch: Partial<DocumentFilterValues>) => onChange({ ...value, ...patch });
  return (
    <div className="dh-toolbar">
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('documents.filter.q')}
        style={{ width: 240 }}
        data-testid="documents-q"
      />
      <DocumentTypeSelect value={value.typeCode} onChange={(typeCode) => set({ typeCode })} style={{ width: 200 }} />
      <DatePicker.RangePicker
        format={DATE_INPUT_FORMATS}
        value={[toDayjs(value.from), toDayjs(value.to)]}
        placeholder={[t('documents.filter.from'), t('documents.filter.to')]}
        allowEmpty={[true, true]}
        onChange={(range) => {
          const [from, to] = (range ?? [null, null]) as [Dayjs | null, Dayjs | null];
          set({ from: toIso(from) ?? undefined, to: toIso(to) ?? undefined });
        }}
        style={{ width: 260 }}
      />
      <UnitSelect
        value={value.ownerUnitId ?? null}
        onChange={(id) => set({ ownerUnitId: id ?? undefined })}
        placeholder={t('documents.filter.owner')}
        style={{ width: 260 }}
      />
      <Select<'active' | 'revoked' | 'all'>
        value={value.status ?? 'all'}
        onChange={(status) => set({ status: status === 'all' ? undefined : status })}
        style={{ width: 150 }}
        options={[
          { value: 'all', label: t('documents.filter.allStatuses') },
          { value: 'active', label: t('documents.status.active') },
          { value: 'revoked', label: t('documents.status.revoked') },
        ]}
      />
    </div>
  );
}
