/**
 * Bảng điều khiển (/bang-dieu-khien) of the reporting loop for a plan, a
 * period and a subtree: completeness by child unit, criteria met by field
 * and level, the trend over the plan's periods. Every number — a card, a bar
 * segment, a point — opens the list behind it (/bao-cao-dinh-ky for reports,
 * /danh-gia for evaluations). Above it, the registry on a chosen day
 * (RegistryOverview: time slider, coverage, movement by year).
 */
import { useCallback, useEffect, useMemo } from 'react';
import { Alert, Card, Col, Empty, Row, Select, Spin, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';
import { evaluationApi } from '../../api/evaluation.ts';
import { reportingApi } from '../../api/reporting.ts';
import { overviewApi } from '../../api/overview.ts';
import { RegistryOverview, useOverview } from './RegistryOverview.tsx';
import { ReportingCards } from './ReportingCards.tsx';
import { BUCKETS, evaluationLink, reportsLink, type Bucket } from './reporting-links.ts';
import { HonoursFunnelCard } from './HonoursFunnelCard.tsx';
import { today } from '../../lib/dates.ts';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { PlanSelect } from '../../components/PlanSelect.tsx';
import { EndedUnitBanner } from '../../components/EndedUnitBanner.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { t } from '../../i18n/index.ts';

const BUCKET_COLORS: Record<Bucket, string> = {
  none: '#bfbfbf',
  draft: '#faad14',
  returned: '#ff7a45',
  submitted: '#40a9ff',
  accepted: '#52c41a',
};
const RESULT_SERIES = [
  { id: 'met', key: 'met', label: 'dashboard.met', color: '#52c41a' },
  { id: 'not_met', key: 'notMet', label: 'dashboard.notMet', color: '#f5222d' },
  { id: 'undecided', key: 'undecided', label: 'dashboard.undecided', color: '#bfbfbf' },
] as const;
const TREND_SERIES = [
  { id: 'expected', label: 'dashboard.trend.expected' },
  { id: 'submitted', label: 'dashboard.trend.submitted' },
  { id: 'accepted', label: 'dashboard.trend.accepted' },
  { id: 'evaluated', label: 'dashboard.trend.evaluated' },
  { id: 'met', label: 'dashboard.trend.met' },
] as const;

function useDashboardParams() {
  const [params, setParams] = useSearchParams();
  const num = (k: string) => {
    const v = Number(params.get(k));
    return Number.isInteger(v) && v > 0 ? v : undefined;
  };
  const asOfParam = params.get('asOf');
  const state = {
    planId: num('plan'),
    periodId: num('period'),
    unitId: num('unitId'),
    asOf: asOfParam && /^\d{4}-\d{2}-\d{2}$/.test(asOfParam) ? asOfParam : undefined,
  };
  const update = useCallback(
    (next: { planId?: number; periodId?: number; unitId?: number; asOf?: string }) => {
      const out = new URLSearchParams();
      if (next.planId) out.set('plan', String(next.planId));
      if (next.periodId) out.set('period', String(next.periodId));
      if (next.unitId) out.set('unitId', String(next.unitId));
      if (next.asOf) out.set('asOf', next.asOf);
      setParams(out, { replace: true });
    },
    [setParams],
  );
  return { ...state, update };
}

export default function DashboardPage() {
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { planId, periodId, unitId, asOf, update } = useDashboardParams();
  // A unit that has ended is seen as it stood on its last day — the overview, and the reporting loop (the server
  // counts it so; registry/unit-view.ts).
  const overview = useOverview({ unitId, asOf: asOf ?? today() });
  const ended = unitId !== undefined && overview.data?.unit?.id === unitId ? (overview.data.endedOn ?? null) : null;
  const { data, isFetching, error } = useQuery({
    queryKey: ['evaluation', 'dashboard', planId, periodId, unitId],
    queryFn: ({ signal }) => evaluationApi.dashboard({ planId, periodId, unitId }, signal),
    enabled: Boolean(planId || periodId),
  });
  // Nothing chosen yet: open on the six-month period running today (else any period running today).
  const running = useQuery({
    queryKey: ['reporting', 'periods', 'running'],
    queryFn: ({ signal }) => reportingApi.periods({ onDate: today(), pageSize: 50 }, signal),
    enabled: !planId && !periodId,
  });
  useEffect(() => {
    if (planId || periodId || !running.data) return;
    const items = [...running.data.items].sort((a, b) =>
      a.kind === b.kind ? (a.startsOn < b.startsOn ? 1 : -1) : a.kind === 'half_year' ? -1 : 1,
    );
    const first = items[0];
    if (first) update({ planId: first.plan.id, periodId: first.id, unitId, asOf });
  }, [planId, periodId, running.data, unitId, asOf, update]);
  const currentPlan = planId ?? data?.plan.id;
  const currentPeriod = data?.period?.id;

  const completenessOption = useMemo((): EChartOption | null => {
    const children = data?.completeness?.children ?? [];
    if (children.length === 0) return null;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: {
        type: 'category',
        data: children.map((c) => c.unit.name),
        axisLabel: { interval: 0, rotate: isPhone || children.length > 4 ? 30 : 0, width: 140, overflow: 'truncate' },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: BUCKETS.map((b) => ({
        id: b,
        name: t(`dashboard.bucket.${b}`),
        type: 'bar' as const,
        stack: 'total',
        itemStyle: { color: BUCKET_COLORS[b] },
        data: children.map((c) => c[b]),
      })),
    };
  }, [data, isPhone]);

  const metOption = useMemo((): EChartOption | null => {
    const rows = data?.metByFieldAndLevel ?? [];
    if (rows.length === 0) return null;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => `${r.field.name} · ${r.level.name}`),
        axisLabel: { interval: 0, rotate: isPhone || rows.length > 3 ? 30 : 0, width: 160, overflow: 'truncate' },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: RESULT_SERIES.map((s) => ({
        id: s.id,
        name: t(s.label),
        type: 'bar' as const,
        stack: 'result',
        itemStyle: { color: s.color },
        data: rows.map((r) => r[s.key]),
      })),
    };
  }, [data, isPhone]);

  const trendOption = useMemo((): EChartOption | null => {
    const rows = data?.trend ?? [];
    if (rows.length === 0) return null;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.period.name),
        axisLabel: { interval: 0, rotate: isPhone || rows.length > 4 ? 30 : 0, width: 140, overflow: 'truncate' },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: TREND_SERIES.map((s) => ({
        id: s.id,
        name: t(s.label),
        type: 'line' as const,
        smooth: false,
        symbolSize: 8,
        data: rows.map((r) => r[s.id]),
      })),
    };
  }, [data, isPhone]);

  return (
    <>
      <PageHeader title={t('dashboard.title')} subtitle={t('dashboard.subtitle')} />
      <div className="dh-toolbar" data-testid="dashboard-filters">
        <PlanSelect
          value={currentPlan ?? null}
          onChange={(p) => update({ planId: p ?? undefined, unitId, asOf })}
          placeholder={t('dashboard.filter.plan')}
          style={{ width: 300 }}
          testId="dashboard-plan"
        />
        <Select<number>
          value={currentPeriod}
          onChange={(p) => update({ planId: currentPlan, periodId: p, unitId, asOf })}
          disabled={!data}
          placeholder={t('dashboard.filter.period')}
          style={{ width: 260 }}
          options={(data?.periods ?? []).map((p) => ({ value: p.id, label: p.name }))}
          data-testid="dashboard-period"
        />
        <UnitSelect
          withEnded
          value={unitId ?? null}
          onChange={(u) => update({ planId: currentPlan, periodId, unitId: u ?? undefined, asOf })}
          placeholder={t('dashboard.filter.unit')}
          style={{ width: 260 }}
          testId="dashboard-unit"
        />
      </div>
      <EndedUnitBanner endedOn={ended} asOf={overview.data?.asOf} />
      <RegistryOverview
        unitId={unitId}
        asOf={asOf ?? today()}
        onAsOf={(d) => update({ planId, periodId, unitId, asOf: d })}
      />
      <HonoursFunnelCard />
      {!planId && !periodId && <Empty description={t('dashboard.pickPlan')} style={{ marginTop: 48 }} />}
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      {isFetching && !data && <Spin />}
      {data && !data.period && <Alert type="info" showIcon title={t('dashboard.noPeriods')} />}
      {data && data.period && (
        <>
          <ReportingCards d={data} />
          <Row gutter={[12, 12]}>
            <Col xs={24} xl={12}>
              <Card
                size="small"
                title={t('dashboard.chart.completeness', { period: data.period.name })}
                extra={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('dashboard.clickHint')}
                  </Typography.Text>
                }
              >
                {completenessOption ? (
                  <EChart
                    option={completenessOption}
                    fileName="tinh-hinh-bao-cao"
                    dataHref={overviewApi.dashboardXlsxUrl(
                      { planId: data.plan.id, periodId: data.period.id, unitId },
                      'completeness',
                    )}
                    testId="dashboard-chart-completeness"
                    onClick={(e) => {
                      const child = data.completeness?.children[e.dataIndex];
                      if (child && e.seriesId)
                        void navigate(
                          reportsLink(data.period!.id, { unitId: child.unit.id, bucket: e.seriesId as Bucket }),
                        );
                    }}
                  />
                ) : (
                  <Empty description={t('dashboard.noData')} />
                )}
              </Card>
            </Col>
            <Col xs={24} xl={12}>
              <Card
                size="small"
                title={t('dashboard.chart.met', { period: data.period.name })}
                extra={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('dashboard.clickHint')}
                  </Typography.Text>
                }
              >
                {metOption ? (
                  <EChart
                    option={metOption}
                    fileName="dat-tieu-chi"
                    dataHref={overviewApi.dashboardXlsxUrl(
                      { planId: data.plan.id, periodId: data.period.id, unitId },
                      'met',
                    )}
                    testId="dashboard-chart-met"
                    onClick={(e) => {
                      const row = data.metByFieldAndLevel[e.dataIndex];
                      if (row && e.seriesId)
                        void navigate(
                          evaluationLink(data.period!.id, {
                            unitId,
                            fieldId: row.field.id,
                            levelId: row.level.id,
                            result: e.seriesId,
                          }),
                        );
                    }}
                  />
                ) : (
                  <Empty description={t('dashboard.noData')} />
                )}
              </Card>
            </Col>
            <Col xs={24}>
              <Card
                size="small"
                title={t('dashboard.chart.trend', { plan: data.plan.title })}
                extra={
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('dashboard.trendHint')}
                  </Typography.Text>
                }
              >
                {trendOption ? (
                  <EChart
                    option={trendOption}
                    fileName="dien-bien-qua-cac-ky"
                    dataHref={overviewApi.dashboardXlsxUrl(
                      { planId: data.plan.id, periodId: data.period.id, unitId },
                      'trend',
                    )}
                    testId="dashboard-chart-trend"
                    onClick={(e) => {
                      const row = data.trend[e.dataIndex];
                      if (row) update({ planId: data.plan.id, periodId: row.period.id, unitId, asOf });
                    }}
                  />
                ) : (
                  <Empty description={t('dashboard.noData')} />
                )}
              </Card>
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
