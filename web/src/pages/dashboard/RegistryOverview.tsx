/**
 * The list on a given day (dashboard's first section): a time slider for
 * "as of", cards, models and exemplars by field and level, coverage of the
 * grassroots party organisations, movement by year. Every bar opens the list
 * behind it (the registry list on that day, the units without a model, the
 * movement ledger of that year); every chart downloads as PNG and its data as
 * .xlsx.
 */
import { useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, Row, Segmented, Select, Slider, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';
import { overviewApi, type TOverview } from '../../api/overview.ts';
import { EChart, type EChartOption } from '../../components/EChart.tsx';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { CoverageDrawer } from './CoverageDrawer.tsx';
import { monthsBack, registryLink, type CoverageDrill, type Kind } from './registry-overview-links.ts';
import { formatDateVi, today } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';

/** The overview on a day (shared with the page, which reads whether the chosen unit has ended). */
export function useOverview(params: { unitId?: number; asOf: string; kind?: 'model' | 'exemplar' }) {
  return useQuery({
    queryKey: ['registry', 'overview', params],
    queryFn: ({ signal }) => overviewApi.get(params, signal),
    placeholderData: (prev) => prev,
  });
}

export function RegistryOverview({
  unitId,
  asOf,
  onAsOf,
}: {
  unitId?: number;
  asOf: string;
  onAsOf: (d: string) => void;
}) {
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const [kind, setKind] = useState<Kind>('all');
  const [drill, setDrill] = useState<CoverageDrill | null>(null);
  const { data, error } = useOverview({ unitId, asOf, kind: kind === 'all' ? undefined : kind });
  const firstYear = data?.movement[0]?.year ?? Number(today().slice(0, 4)) - 4;
  const steps = useMemo(() => monthsBack(firstYear), [firstYear]);
  const stepIndex = Math.max(
    0,
    steps.findIndex((d) => d >= asOf),
  );
  const marks = useMemo(
    () =>
      Object.fromEntries(
        steps
          .map((d, i) => [i, d.slice(5, 7) === '01' || i === steps.length - 1 ? d.slice(0, 4) : ''] as const)
          .filter(([, v]) => v),
      ),
    [steps],
  );

  const activeOption = useMemo((): EChartOption | null => {
    if (!data || data.active.length === 0) return null;
    const rows = data.active;
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
      series: [
        {
          id: 'model',
          name: t('overview.series.models'),
          type: 'bar',
          stack: 'a',
          itemStyle: { color: '#1677ff' },
          data: rows.map((r) => r.models),
        },
        {
          id: 'exemplar',
          name: t('overview.series.exemplars'),
          type: 'bar',
          stack: 'a',
          itemStyle: { color: '#faad14' },
          data: rows.map((r) => r.exemplars),
        },
      ],
    };
  }, [data, isPhone]);

  const coverageOption = useMemo((): EChartOption | null => {
    if (!data || data.coverage.byChild.length === 0) return null;
    const rows = data.coverage.byChild;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.unit.name),
        axisLabel: { interval: 0, rotate: isPhone || rows.length > 4 ? 30 : 0, width: 140, overflow: 'truncate' },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          id: 'covered',
          name: t('overview.series.covered'),
          type: 'bar',
          stack: 'c',
          itemStyle: { color: '#52c41a' },
          data: rows.map((r) => r.covered),
        },
        {
          id: 'uncovered',
          name: t('overview.series.uncovered'),
          type: 'bar',
          stack: 'c',
          itemStyle: { color: '#f5222d' },
          data: rows.map((r) => r.units - r.covered),
        },
      ],
    };
  }, [data, isPhone]);

  const movementOption = useMemo((): EChartOption | null => {
    if (!data || data.movement.length === 0) return null;
    const rows = data.movement;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => String(r.year)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          id: 'added',
          name: t('overview.series.added'),
          type: 'bar',
          itemStyle: { color: '#52c41a' },
          data: rows.map((r) => r.added),
        },
        {
          id: 'removed',
          name: t('overview.series.removed'),
          type: 'bar',
          itemStyle: { color: '#f5222d' },
          data: rows.map((r) => r.removed),
        },
        {
          id: 'transferred',
          name: t('overview.series.transferred'),
          type: 'bar',
          itemStyle: { color: '#722ed1' },
          data: rows.map((r) => r.transferred),
        },
        { id: 'end', name: t('overview.series.end'), type: 'line', symbolSize: 8, data: rows.map((r) => r.end) },
      ],
    };
  }, [data]);

  const k = kind === 'all' ? undefined : kind;
  const kindOptions = [
    { value: 'all' as const, label: t('overview.kind.all') },
    { value: 'model' as const, label: t('overview.kind.model') },
    { value: 'exemplar' as const, label: t('overview.kind.exemplar') },
  ];
  return (
    <Card size="small" title={t('overview.title')} style={{ marginBottom: 12 }} data-testid="overview">
      <div className="dh-toolbar" style={{ alignItems: 'center' }}>
        <Typography.Text>{t('overview.asOf')}</Typography.Text>
        <div style={{ width: 160 }}>
          <IsoDatePicker
            value={asOf}
            onChange={(d) => d && onAsOf(d)}
            noFuture
            allowClear={false}
            data-testid="overview-asof"
          />
        </div>
        {isPhone ? (
          <Select<Kind>
            value={kind}
            onChange={setKind}
            options={kindOptions}
            style={{ width: '100%' }}
            data-testid="overview-kind"
          />
        ) : (
          <Segmented<Kind> value={kind} onChange={setKind} options={kindOptions} data-testid="overview-kind" />
        )}
      </div>
      <div style={{ padding: '0 12px' }} title={t('overview.asOfHint')}>
        <Slider
          min={0}
          max={steps.length - 1}
          value={stepIndex}
          marks={marks}
          tooltip={{ formatter: (i) => (i === undefined ? '' : formatDateVi(steps[i] ?? asOf)) }}
          onChangeComplete={(i) => onAsOf(steps[i] ?? today())}
          data-testid="overview-slider"
        />
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      {data && (
        <OverviewBody
          data={data}
          unitId={unitId}
          kind={k}
          activeOption={activeOption}
          coverageOption={coverageOption}
          movementOption={movementOption}
          navigate={navigate}
          onCoverage={setDrill}
        />
      )}
      <CoverageDrawer drill={drill} unitId={unitId} asOf={asOf} onClose={() => setDrill(null)} />
    </Card>
  );
}

function OverviewBody(props: {
  data: TOverview;
  unitId?: number;
  kind?: 'model' | 'exemplar';
  activeOption: EChartOption | null;
  coverageOption: EChartOption | null;
  movementOption: EChartOption | null;
  navigate: ReturnType<typeof useNavigate>;
  onCoverage: (d: CoverageDrill) => void;
}) {
  const { data, unitId, kind, navigate } = props;
  const params = { unitId, asOf: data.asOf, kind };
  const on = formatDateVi(data.asOf);
  const uncovered = data.coverage.units - data.coverage.covered;
  const cards = [
    {
      key: 'models',
      label: t('overview.card.models'),
      node: (
        <Link to={registryLink({ asOf: data.asOf, unitId, kind: 'model' })} data-testid="overview-card-models">
          {data.activeTotal.models.toLocaleString('vi-VN')}
        </Link>
      ),
    },
    {
      key: 'exemplars',
      label: t('overview.card.exemplars'),
      node: (
        <Link to={registryLink({ asOf: data.asOf, unitId, kind: 'exemplar' })} data-testid="overview-card-exemplars">
          {data.activeTotal.exemplars.toLocaleString('vi-VN')}
        </Link>
      ),
    },
    {
      key: 'coverage',
      label: t('overview.card.coverage'),
      node: (
        <a
          onClick={() => props.onCoverage({ childId: undefined, name: data.unit?.name ?? '', covered: true })}
          data-testid="overview-card-covered"
        >
          {`${data.coverage.covered}/${data.coverage.units}`}
        </a>
      ),
    },
    {
      key: 'uncovered',
      label: t('overview.card.uncovered'),
      node: (
        <a
          onClick={() => props.onCoverage({ childId: undefined, name: data.unit?.name ?? '', covered: false })}
          data-testid="overview-card-uncovered"
        >
          {uncovered}
        </a>
      ),
    },
  ];
  return (
    <>
      <Row gutter={[12, 12]} style={{ margin: '8px 0 12px' }}>
        {cards.map((c) => (
          <Col key={c.key} xs={12} md={6}>
            <Card size="small">
              <Typography.Text type="secondary">{c.label}</Typography.Text>
              <div style={{ fontSize: 24, fontWeight: 600 }}>{c.node}</div>
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('overview.chart.active', { date: on })}>
            {props.activeOption ? (
              <EChart
                option={props.activeOption}
                fileName="theo-linh-vuc-va-cap"
                dataHref={overviewApi.xlsxUrl(params, 'active')}
                testId="overview-chart-active"
                onClick={(e) => {
                  const row = data.active[e.dataIndex];
                  if (row)
                    void navigate(
                      registryLink({
                        asOf: data.asOf,
                        unitId,
                        fieldId: row.field.id,
                        levelId: row.level.id,
                        kind: (e.seriesId as 'model' | 'exemplar' | undefined) ?? kind,
                      }),
                    );
                }}
              />
            ) : (
              <Empty description={t('overview.noData')} />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('overview.chart.coverage', { date: on })}>
            {props.coverageOption ? (
              <EChart
                option={props.coverageOption}
                fileName="do-phu"
                dataHref={overviewApi.xlsxUrl(params, 'coverage')}
                testId="overview-chart-coverage"
                onClick={(e) => {
                  const row = data.coverage.byChild[e.dataIndex];
                  if (row)
                    props.onCoverage({
                      childId: row.unit.id || undefined,
                      name: row.unit.name,
                      covered: e.seriesId === 'covered',
                    });
                }}
              />
            ) : (
              <Empty description={t('overview.noData')} />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('overview.chart.movement')}>
            {props.movementOption ? (
              <EChart
                option={props.movementOption}
                fileName="bien-dong-theo-nam"
                dataHref={overviewApi.xlsxUrl(params, 'movement')}
                testId="overview-chart-movement"
                onClick={(e) => {
                  const row = data.movement[e.dataIndex];
                  if (!row) return;
                  const q = new URLSearchParams({ tu: row.from, den: row.to });
                  if (unitId) q.set('don-vi', String(unitId));
                  void navigate(`/bien-dong?${q.toString()}`);
                }}
              />
            ) : (
              <Empty description={t('overview.noData')} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
