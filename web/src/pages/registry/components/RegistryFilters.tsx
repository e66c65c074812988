/**
 * Bộ lọc danh sách: loại (mô hình / điển hình), cấp, lĩnh vực, trạng thái,
 * đơn vị (cùng các đơn vị trực thuộc), kế hoạch, người theo dõi, "có trong
 * danh sách tại ngày", and a search that ignores diacritics (the server folds them).
 */
import { useState } from 'react';
import { Badge, Button, Input, Select } from 'antd';
import { ClearOutlined, FilterOutlined } from '@ant-design/icons';
import type { EntryStatus } from '../../../api/types.ts';
import { useCan } from '../../../auth/me.ts';
import { FieldSelect } from '../../../components/FieldSelect.tsx';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { LevelSelect } from '../../../components/LevelSelect.tsx';
import { PlanSelect } from '../../../components/PlanSelect.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { useSettledText } from '../../../hooks/use-settled-text.ts';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { t } from '../../../i18n/index.ts';
import { UserPicker } from '../../users/UserPicker.tsx';
import type { RegistryFilterValues } from '../hooks/use-registry-params.ts';
import { STATUS_ORDER, kindLabel, statusLabel } from '../labels.ts';

interface Props {
  value: RegistryFilterValues;
  onChange: (value: RegistryFilterValues) => void;
}

export function RegistryFilters({ value, onChange }: Props) {
  const canListUsers = useCan('users.read');
  // Only the settled text drives the query.
  const [q, setQ, showQ] = useSettledText(value.q ?? '', (settled) => {
    if ((value.q ?? '') !== settled) onChange({ ...value, q: settled || undefined });
  });
  // Cleared from outside (the "Xóa bộ lọc" button or a link): the box empties too.
  const [filteredQ, setFilteredQ] = useState(value.q);
  if (filteredQ !== value.q) {
    setFilteredQ(value.q);
    if (!value.q && q.trim()) showQ('');
  }
  const set = (patch: Partial<RegistryFilterValues>) => onChange({ ...value, ...patch });
  const any = Object.values(value).some((v) => v !== undefined && v !== '');
  const isPhone = useIsPhone();
  const [expanded, setExpanded] = useState(false);
  // On a phone only the search shows; the other filters open on demand.
  const chosen = Object.entries(value).filter(([k, v]) => k !== 'q' && v !== undefined && v !== '').length;
  const showAll = !isPhone || expanded;

  return (
    <div className="dh-toolbar" data-testid="registry-filters">
      <Input.Search
        allowClear
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={t('registry.filter.q')}
        style={{ width: 300 }}
        data-testid="registry-q"
      />
      {isPhone && (
        <Button icon={<FilterOutlined />} onClick={() => setExpanded((e) => !e)} data-testid="registry-filters-toggle">
          {expanded ? t('registry.filter.hide') : t('registry.filter.show')} <Badge count={chosen} size="small" />
        </Button>
      )}
      {showAll && (
        <>
          <Select<'model' | 'exemplar' | 'all'>
            value={value.kind ?? 'all'}
            onChange={(kind) => set({ kind: kind === 'all' ? undefined : kind, fieldId: undefined })}
            style={{ width: 200 }}
            options={[
              { value: 'all', label: t('registry.filter.allKinds') },
              { value: 'model', label: kindLabel('model') },
              { value: 'exemplar', label: kindLabel('exemplar') },
            ]}
            data-testid="registry-kind"
          />
          <LevelSelect
            value={value.levelId ?? null}
            onChange={(levelId) => set({ levelId: levelId ?? undefined })}
            allowClear
            placeholder={t('registry.filter.level')}
            style={{ width: 200 }}
            testId="registry-level"
          />
          <FieldSelect
            value={value.fieldId ?? null}
            onChange={(fieldId) => set({ fieldId: fieldId ?? undefined })}
            kind={value.kind}
            includeInactive
            allowClear
            placeholder={t('registry.filter.field')}
            style={{ width: 240 }}
            testId="registry-field"
          />
          <Select<EntryStatus | 'all'>
            value={value.status ?? 'all'}
            onChange={(status) => set({ status: status === 'all' ? undefined : status })}
            style={{ width: 220 }}
            options={[
              { value: 'all' as const, label: t('registry.filter.allStatuses') },
              ...STATUS_ORDER.map((s) => ({ value: s, label: statusLabel(s) })),
            ]}
            data-testid="registry-status"
          />
          <UnitSelect
            withEnded
            value={value.unitId ?? null}
            onChange={(unitId) => set({ unitId: unitId ?? undefined })}
            placeholder={t('registry.filter.unit')}
            style={{ width: 260 }}
            testId="registry-unit"
          />
          <PlanSelect
            value={value.planId ?? null}
            onChange={(planId) => set({ planId: planId ?? undefined })}
            placeholder={t('registry.filter.plan')}
            style={{ width: 240 }}
            testId="registry-plan"
          />
          {canListUsers && (
            <UserPicker
              value={value.monitorId}
              onChange={(monitorId) => set({ monitorId })}
              placeholder={t('registry.filter.monitor')}
              style={{ width: 220 }}
              testId="registry-monitor"
            />
          )}
          <IsoDatePicker
            value={value.onDate ?? null}
            onChange={(onDate) => set({ onDate: onDate ?? undefined })}
            placeholder={t('registry.filter.onDate')}
            style={{ width: 240 }}
            data-testid="registry-on-date"
          />
        </>
      )}
      {any && (
        <Button icon={<ClearOutlined />} onClick={() => onChange({})} data-testid="registry-clear">
          {t('common.clearFilters')}
        </Button>
      )}
    </div>
  );
}
