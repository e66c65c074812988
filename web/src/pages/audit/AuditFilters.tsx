/** Filters of the audit log: date range, action, actor, free text. */
import { useState } from 'react';
import { Button, DatePicker, Input, Select } from 'antd';
import { ClearOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import type { AuditListParams } from '../../api/audit.ts';
import { DATE_INPUT_FORMATS, toDayjs, toIso } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { UserPicker } from '../users/UserPicker.tsx';
import { useAuditActions } from '../../api/audit.ts';

export type AuditFilterValues = Pick<AuditListParams, 'from' | 'to' | 'action' | 'actorId' | 'q'>;

interface Props {
  value: AuditFilterValues;
  onChange: (value: AuditFilterValues) => void;
  canPickActor: boolean;
}

export function AuditFilters({ value, onChange, canPickActor }: Props) {
  const { data: actions, isPending } = useAuditActions();
  const [q, setQ] = useState(value.q ?? '');
  const set = (patch: Partial<AuditFilterValues>) => onChange({ ...value, ...patch });
  const empty = !value.from && !value.to && !value.action && !value.actorId && !value.q;
  return (
    <div className="dh-toolbar" data-testid="audit-filters">
      <DatePicker.RangePicker
        format={DATE_INPUT_FORMATS}
        value={[toDayjs(value.from), toDayjs(value.to)]}
        placeholder={[t('audit.filter.from'), t('audit.filter.to')]}
        onChange={(range) => {
          const [from, to] = (range ?? [null, null]) as [Dayjs | null, Dayjs | null];
          set({ from: toIso(from) ?? undefined, to: toIso(to) ?? undefined });
        }}
        allowEmpty={[true, true]}
        style={{ width: 260 }}
      />
      <Select
        allowClear
        value={value.action}
        onChange={(action) => set({ action: action ?? undefined })}
        loading={isPending}
        placeholder={t('audit.filter.action')}
        showSearch={{ optionFilterProp: 'label' }}
        options={(actions ?? []).map((a) => ({ value: a.action, label: a.label }))}
        style={{ width: 260 }}
        popupMatchSelectWidth={false}
        data-testid="audit-action"
      />
      {canPickActor && (
        <UserPicker
          value={value.actorId}
          onChange={(actorId) => set({ actorId: actorId ?? undefined })}
          placeholder={t('audit.filter.actor')}
          style={{ width: 220 }}
        />
      )}
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => {
          setQ(e.target.value);
          if (!e.target.value) set({ q: undefined });
        }}
        onSearch={(text) => set({ q: text.trim() || undefined })}
        placeholder={t('audit.filter.q')}
        style={{ width: 280 }}
        data-testid="audit-q"
      />
      {!empty && (
        <Button
          icon={<ClearOutlined />}
          onClick={() => {
            setQ('');
            onChange({});
          }}
        >
          {t('common.clearFilters')}
        </Button>
      )}
    </div>
  );
}
