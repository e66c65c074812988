/**
 * Bảng biến động (/bien-dong): for a period, per level — đầu kỳ, bổ sung,
 * chuyển đến (từ cấp khác), chuyển cấp đi, đưa ra khỏi danh sách, chuyển đi
 * nơi khác, được thay thế, cuối kỳ — with the check "cuối kỳ = đầu kỳ + … "
 * on every row. Every number opens the list of the entries behind it.
 */
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Card, Select, Space, Typography } from 'antd';
import type { LedgerParams } from '../../api/registry.ts';
import type { EntryKind, LedgerBucket } from '../../api/types.ts';
import { errorMessage } from '../../api/client.ts';
import { FieldSelect } from '../../components/FieldSelect.tsx';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { LevelSelect } from '../../components/LevelSelect.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { formatDateVi, today } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { useLedger } from '../../api/registry.ts';
import { kindLabel } from '../registry/labels.ts';
import { LedgerDrawer } from './LedgerDrawer.tsx';
import { LedgerTable } from './LedgerTable.tsx';

interface Filters {
  unitId?: number;
  levelId?: number;
  kind?: EntryKind;
  fieldId?: number;
  from: string | null;
  to: string | null;
}

export interface Drill {
  bucket: LedgerBucket;
  levelId?: number;
  levelName: string;
  count: number;
}

export default function LedgerPage() {
  // Opened from a dashboard: ?tu=YYYY-MM-DD&den=YYYY-MM-DD&don-vi=N set the first filters.
  const [search] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => {
    const date = (k: string) => (/^\d{4}-\d{2}-\d{2}$/.test(search.get(k) ?? '') ? search.get(k)! : undefined);
    const unit = Number(search.get('don-vi'));
    return {
      from: date('tu') ?? `${today().slice(0, 4)}-01-01`,
      to: date('den') ?? today(),
      ...(Number.isInteger(unit) && unit > 0 ? { unitId: unit } : {}),
    };
  });
  const [drill, setDrill] = useState<Drill | null>(null);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  const params = useMemo((): LedgerParams | null => {
    if (!filters.from || !filters.to || filters.from > filters.to) return null;
    return {
      unitId: filters.unitId,
      levelId: filters.levelId,
      kind: filters.kind,
      fieldId: filters.fieldId,
      from: filters.from,
      to: filters.to,
    };
  }, [filters]);
  const { data, isFetching, error } = useLedger(params);

  return (
    <>
      <PageHeader title={t('ledger.title')} subtitle={t('ledger.subtitle')} />
      <div className="dh-toolbar" data-testid="ledger-filters">
        <UnitSelect
          value={filters.unitId ?? null}
          onChange={(unitId) => set({ unitId: unitId ?? undefined })}
          placeholder={t('ledger.filter.unit')}
          style={{ width: 260 }}
          testId="ledger-unit"
        />
        <LevelSelect
          value={filters.levelId ?? null}
          onChange={(levelId) => set({ levelId: levelId ?? undefined })}
          allowClear
          placeholder={t('ledger.filter.level')}
          style={{ width: 200 }}
          testId="ledger-level"
        />
        <Select<EntryKind | 'all'>
          value={filters.kind ?? 'all'}
          onChange={(kind) => set({ kind: kind === 'all' ? undefined : kind, fieldId: undefined })}
          style={{ width: 200 }}
          options={[
            { value: 'all', label: t('registry.filter.allKinds') },
            { value: 'model', label: kindLabel('model') },
            { value: 'exemplar', label: kindLabel('exemplar') },
          ]}
          data-testid="ledger-kind"
        />
        <FieldSelect
          value={filters.fieldId ?? null}
          onChange={(fieldId) => set({ fieldId: fieldId ?? undefined })}
          kind={filters.kind}
          includeInactive
          allowClear
          placeholder={t('ledger.filter.field')}
          style={{ width: 240 }}
          testId="ledger-field"
        />
        <Space.Compact style={{ width: 320 }}>
          <IsoDatePicker
            value={filters.from}
            onChange={(from) => set({ from })}
            placeholder={t('ledger.filter.from')}
            allowClear={false}
            data-testid="ledger-from"
          />
          <IsoDatePicker
            value={filters.to}
            onChange={(to) => set({ to })}
            placeholder={t('ledger.filter.to')}
            allowClear={false}
            data-testid="ledger-to"
          />
        </Space.Compact>
      </div>
      {!params && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('ledger.badPeriod')} />}
      {error && <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errorMessage(error)} />}
      <Card
        size="small"
        title={
          <span data-testid="ledger-period">
            {data
              ? t('ledger.period', { from: formatDateVi(data.from), to: formatDateVi(data.to) })
              : t('ledger.title')}
          </span>
        }
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('ledger.clickHint')}
          </Typography.Text>
        }
      >
        <LedgerTable ledger={data ?? null} loading={isFetching} onDrill={setDrill} levelFilter={filters.levelId} />
      </Card>
      <LedgerDrawer drill={drill} params={params} onClose={() => setDrill(null)} />
    </>
  );
}
