/**
 * Báo cáo định kỳ (/bao-cao-dinh-ky): pick a period (the latest that has
 * started by default) and optionally a unit; see who has reported — counts and
 * percentages for the subtree and per child unit, each number opening the list
 * of entries behind it — start or open a report, and accept many at once.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Empty, Select, Space, Tag, Typography } from 'antd';
import { CheckOutlined, ClearOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { reportingApi, type TPeriod, type TPeriodEntryRow } from '../../api/reporting.ts';
import { useCan } from '../../auth/me.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { usePaging } from '../../hooks/use-paging.ts';
import { formatDateVi, today } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { AcceptManyModal } from './components/AcceptManyModal.tsx';
import { CompletenessPanel, type Drill } from './components/CompletenessPanel.tsx';
import { PeriodEntriesTable } from './components/PeriodEntriesTable.tsx';
import { bucketLabel, periodKindLabel } from './labels.ts';
import { useCompleteness, useInvalidateReporting, usePeriodEntries, usePeriods } from './use-reporting.ts';
import { useReportsParams } from './use-reports-params.ts';

/** The latest period that has started (by start date, then the shorter one); else the earliest one. */
export function defaultPeriod(periods: TPeriod[], on: string): TPeriod | null {
  const started = periods.filter((p) => p.startsOn <= on);
  if (started.length === 0) return [...periods].sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0] ?? null;
  return (
    [...started].sort((a, b) => b.startsOn.localeCompare(a.startsOn) || a.endsOn.localeCompare(b.endsOn))[0] ?? null
  );
}

export default function ReportsPage() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  const canStart = useCan('registry.write');
  const canApprove = useCan('registry.approve');
  const invalidate = useInvalidateReporting();
  const { params, setParams } = useReportsParams();
  const { page, resetPage, pagination } = usePaging();
  const [selected, setSelected] = useState<number[]>([]);
  const [accepting, setAccepting] = useState<number[] | null>(null);
  const [starting, setStarting] = useState<number | null>(null);

  const periods = usePeriods({ pageSize: 500 });
  const items = useMemo(() => periods.data?.items ?? [], [periods.data]);
  const fallback = useMemo(() => defaultPeriod(items, today()), [items]);
  const periodId = params.periodId ?? fallback?.id ?? null;
  const period = items.find((p) => p.id === periodId) ?? null;

  // Keep the chosen period in the address bar once known.
  useEffect(() => {
    if (!params.periodId && fallback) setParams({ ...params, periodId: fallback.id });
  }, [fallback, params, setParams]);

  const drill: Drill = { bucket: params.bucket, late: params.late, childUnitId: params.childUnitId };
  const completeness = useCompleteness(periodId, params.unitId);
  const listUnit = params.childUnitId ?? params.unitId;
  const entries = usePeriodEntries(periodId, { unitId: listUnit, bucket: params.bucket, late: params.late, ...page });

  const change = (patch: Partial<typeof params>) => {
    setParams({ ...params, ...patch });
    resetPage();
    setSelected([]);
  };
  const setDrill = (next: Drill) => change({ bucket: next.bucket, late: next.late, childUnitId: next.childUnitId });

  const start = async (row: TPeriodEntryRow) => {
    if (!periodId) return;
    setStarting(row.entry.id);
    try {
      const report = await reportingApi.start(row.entry.id, periodId);
      void invalidate();
      void navigate(`/bao-cao-dinh-ky/${report.id}`);
    } catch (e) {
      void message.error({ content: errorMessage(e), duration: 8 });
    } finally {
      setStarting(null);
    }
  };

  const childName = params.childUnitId
    ? completeness.data?.children.find((c) => c.unit.id === params.childUnitId)?.unit.name
    : undefined;
  const drilled = Boolean(params.bucket || params.late || params.childUnitId);

  return (
    <>
      <PageHeader title={t('reporting.title')} subtitle={t('reporting.subtitle')} />
      <div className="dh-toolbar" data-testid="reports-filters">
        <Select<number>
          value={periodId ?? undefined}
          onChange={(id) => change({ periodId: id, bucket: undefined, late: undefined, childUnitId: undefined })}
          loading={periods.isFetching}
          placeholder={t('reporting.filter.period')}
          style={{ width: 380 }}
          showSearch={{ optionFilterProp: 'search' }}
          data-testid="reports-period"
          notFoundContent={t('reporting.period.none')}
          options={items.map((p) => ({ value: p.id, label: p.name, search: `${p.name} ${p.plan.title}`, period: p }))}
          optionRender={(option) => {
            const p = (option.data as { period: TPeriod }).period;
            return (
              <div data-testid="reports-period-option">
                <div>{p.name}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
                  {periodKindLabel(p.kind)} · {formatDateVi(p.startsOn)} – {formatDateVi(p.endsOn)} · {p.plan.title}
                </Typography.Text>
              </div>
            );
          }}
        />
        <UnitSelect
          value={params.unitId ?? null}
          onChange={(unitId) => change({ unitId: unitId ?? undefined, childUnitId: undefined })}
          known={completeness.data?.unit ? [completeness.data.unit] : []}
          placeholder={t('reporting.filter.unit')}
          style={{ width: 300 }}
          testId="reports-unit"
        />
      </div>
      {periods.error && (
        <Alert type="error" showIcon title={errorMessage(periods.error)} style={{ marginBottom: 12 }} />
      )}
      {!periods.isPending && items.length === 0 && !periods.error && (
        <Empty description={t('reporting.period.noneHelp')} data-testid="reports-no-periods" />
      )}
      {period && (
        <Typography.Paragraph type="secondary" data-testid="reports-period-facts">
          {t('reporting.period.facts', {
            plan: period.plan.title,
            from: formatDateVi(period.startsOn),
            to: formatDateVi(period.endsOn),
            due: formatDateVi(period.dueOn),
          })}
          {period.graceUntil ? ` ${t('reporting.period.grace', { date: formatDateVi(period.graceUntil) })}` : ''}
        </Typography.Paragraph>
      )}
      {completeness.error && (
        <Alert type="error" showIcon title={errorMessage(completeness.error)} style={{ marginBottom: 12 }} />
      )}
      {completeness.data && periodId && (
        <CompletenessPanel
          data={completeness.data}
          drill={drill}
          onDrill={setDrill}
          onOpenUnit={(unitId) => change({ unitId, childUnitId: undefined })}
        />
      )}
      {periodId && (
        <>
          <div className="dh-toolbar" style={{ alignItems: 'center' }}>
            <Space wrap size={6} data-testid="reports-drill">
              <Typography.Text strong>{t('reporting.entries.title')}</Typography.Text>
              {params.bucket && <Tag>{bucketLabel(params.bucket)}</Tag>}
              {params.late && <Tag color="red">{t('reporting.completeness.late')}</Tag>}
              {params.childUnitId && <Tag>{childName ?? t('reporting.entries.childUnit')}</Tag>}
            </Space>
            {drilled && (
              <Button
                size="small"
                icon={<ClearOutlined />}
                onClick={() => setDrill({})}
                data-testid="reports-drill-clear"
              >
                {t('reporting.entries.showAll')}
              </Button>
            )}
            {canApprove && (
              <Button
                size="small"
                type="primary"
                icon={<CheckOutlined />}
                disabled={selected.length === 0}
                onClick={() => setAccepting(selected)}
                data-testid="reports-accept-many"
              >
                {t('reporting.acceptMany.button', { count: selected.length })}
              </Button>
            )}
          </div>
          {entries.error && (
            <Alert type="error" showIcon title={errorMessage(entries.error)} style={{ marginBottom: 12 }} />
          )}
          <PeriodEntriesTable
            rows={entries.data?.items ?? []}
            loading={entries.isFetching}
            pagination={pagination(entries.data?.total ?? 0, (total) => t('reporting.entries.total', { total }))}
            canStart={canStart}
            starting={starting}
            onStart={(row) => void start(row)}
            selectable={canApprove}
            selected={selected}
            onSelect={setSelected}
          />
        </>
      )}
      <AcceptManyModal
        reportIds={accepting}
        onClose={() => setAccepting(null)}
        onDone={() => {
          setSelected([]);
          void invalidate();
        }}
      />
    </>
  );
}
