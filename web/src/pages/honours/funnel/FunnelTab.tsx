/**
 * Tab "Phễu khen thưởng" of a round: for the round's unit (or one unit below
 * it), how many collectives and individuals reached each stage — granted at
 * the base, proposed up, passed review, approved by the council, honoured,
 * and proposed to / honoured by outside bodies. Every bar and number opens
 * the list behind it.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Empty, Spin, Table, Tag, Typography } from 'antd';
import type { TRound } from '@common/schemas/honours-flow.ts';
import { ApiError, errorMessage } from '../../../api/client.ts';
import { useMeQuery } from '../../../auth/me.ts';
import {
  useFunnel,
  useFunnelList,
  type FunnelStage,
  type HonourSubject,
  type TFunnelRow,
} from '../../../api/honours-council.ts';
import { ActionDrawer } from '../../../components/ActionDrawer.tsx';
import { EChart, type EChartOption } from '../../../components/EChart.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { usePaging } from '../../../hooks/use-paging.ts';
import { t } from '../../../i18n/index.ts';
import { FUNNEL_STAGE_ORDER, SUBJECT_COLORS, stageLabel, subjectLabel } from '../labels.ts';

const SUBJECTS: HonourSubject[] = ['collective', 'individual'];
const SUBJECT_BAR_COLORS: Record<HonourSubject, string> = { collective: '#2f54eb', individual: '#13c2c2' };

interface FunnelPick {
  stage: FunnelStage;
  subject: HonourSubject;
}

function FunnelListDrawer({
  roundId,
  unitId,
  pick,
  onClose,
}: {
  roundId: number;
  unitId?: number;
  pick: FunnelPick | null;
  onClose: () => void;
}) {
  const isPhone = useIsPhone();
  const { page, resetPage, pagination } = usePaging(50);
  useEffect(() => resetPage(), [pick?.stage, pick?.subject, unitId, resetPage]);
  const { data, isFetching, error } = useFunnelList(
    pick ? { roundId, unitId, stage: pick.stage, subject: pick.subject, ...page } : null,
  );
  return (
    <ActionDrawer
      open={pick !== null}
      onClose={onClose}
      width={760}
      testId="funnel-drawer"
      title={
        pick
          ? t('honoursFlow.funnel.listTitle', { stage: stageLabel(pick.stage), subject: subjectLabel(pick.subject) })
          : ''
      }
      actions={null}
    >
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<TFunnelRow>
        size={isPhone ? 'small' : 'middle'}
        rowKey={(r) => `${r.candidateId ?? ''}-${r.honourId ?? ''}-${r.displayName}`}
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="funnel-list"
        pagination={pagination(data?.total ?? 0, (total) => t('common.totalRows', { total }))}
        columns={[
          {
            key: 'no',
            title: t('honoursFlow.hc.field.no'),
            width: 48,
            render: (_, _r, i) => (page.page - 1) * page.pageSize + i + 1,
          },
          {
            key: 'name',
            title: t('honoursFlow.hc.field.candidate'),
            render: (_, r) => (
              <div style={{ minWidth: 160, whiteSpace: 'normal' }} data-testid="funnel-list-name">
                <Typography.Text strong>{r.displayName}</Typography.Text>
                {r.position && (
                  <div className="dh-muted" style={{ fontSize: 12 }}>
                    {r.position}
                  </div>
                )}
              </div>
            ),
          },
          { key: 'unit', title: t('honoursFlow.hc.field.unit'), render: (_, r) => r.unit.name },
          { key: 'award', title: t('honoursFlow.hc.field.awardForm'), render: (_, r) => r.awardName },
        ]}
      />
    </ActionDrawer>
  );
}

export function FunnelTab(props: { round: TRound }) {
  const { round } = props;
  const isPhone = useIsPhone();
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [pick, setPick] = useState<FunnelPick | null>(null);
  const { data, isFetching, error } = useFunnel(round.id, unitId);
  // Someone who only proposes to the round (a grassroots unit) may not see the whole round's names:
  // the round's own funnel is 404 for them, so show their own unit's instead.
  const { data: me } = useMeQuery();
  // Adjusted while rendering (not in an effect): once unitId is set the condition no longer holds.
  const roundRefused = unitId === undefined && error instanceof ApiError && error.status === 404;
  const own = roundRefused ? me?.grants.find((g) => g.unitId !== round.ownerUnit.id) : undefined;
  if (own) setUnitId(own.unitId);
  const stages = useMemo(() => {
    const byStage = new Map((data?.stages ?? []).map((s) => [s.stage, s]));
    return FUNNEL_STAGE_ORDER.filter((s) => byStage.has(s)).map((s) => byStage.get(s)!);
  }, [data]);

  const option = useMemo((): EChartOption | null => {
    if (stages.length === 0) return null;
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
      xAxis: {
        type: 'category',
        data: stages.map((s) => stageLabel(s.stage)),
        axisLabel: { interval: 0, rotate: isPhone || stages.length > 5 ? 30 : 0, width: 130, overflow: 'truncate' },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: SUBJECTS.map((subject) => ({
        id: subject,
        name: subjectLabel(subject),
        type: 'bar' as const,
        itemStyle: { color: SUBJECT_BAR_COLORS[subject] },
        label: { show: true, position: 'top' as const },
        data: stages.map((s) => (subject === 'collective' ? s.collectives : s.individuals)),
      })),
    };
  }, [stages, isPhone]);

  const numberCell = (stage: FunnelStage, subject: HonourSubject, value: number) => (
    <Button
      type="link"
      size="small"
      style={{ paddingInline: 0 }}
      onClick={() => setPick({ stage, subject })}
      data-testid={`funnel-${stage}-${subject}`}
    >
      {value.toLocaleString('vi-VN')}
    </Button>
  );

  return (
    <div data-testid="funnel-tab">
      <div className="dh-toolbar">
        <UnitSelect
          value={unitId ?? null}
          known={(me?.grants ?? []).map((g) => ({ id: g.unitId, name: g.unitName }))}
          onChange={(id) => setUnitId(id ?? undefined)}
          placeholder={t('honoursFlow.funnel.unit', { unit: round.ownerUnit.name })}
          style={{ width: 320 }}
          testId="funnel-unit"
        />
        {data && (
          <Typography.Text type="secondary">{t('honoursFlow.funnel.for', { unit: data.unit.name })}</Typography.Text>
        )}
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      {isFetching && !data && <Spin />}
      {data && (
        <>
          <Card
            size="small"
            title={t('honoursFlow.funnel.chart')}
            extra={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('honoursFlow.funnel.clickHint')}
              </Typography.Text>
            }
            style={{ marginBottom: 12 }}
          >
            {option ? (
              <EChart
                option={option}
                fileName="pheu-khen-thuong"
                testId="funnel-chart"
                onClick={(e) => {
                  const stage = stages[e.dataIndex];
                  if (stage && (e.seriesId === 'collective' || e.seriesId === 'individual'))
                    setPick({ stage: stage.stage, subject: e.seriesId });
                }}
              />
            ) : (
              <Empty description={t('honoursFlow.funnel.empty')} />
            )}
          </Card>
          <Table
            size="small"
            rowKey="stage"
            pagination={false}
            dataSource={stages}
            data-testid="funnel-table"
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'stage', title: t('honoursFlow.funnel.stage'), render: (_, s) => stageLabel(s.stage) },
              ...SUBJECTS.map((subject) => ({
                key: subject,
                title: <Tag color={SUBJECT_COLORS[subject]}>{subjectLabel(subject)}</Tag>,
                align: 'right' as const,
                render: (_: unknown, s: (typeof stages)[number]) =>
                  numberCell(s.stage, subject, subject === 'collective' ? s.collectives : s.individuals),
              })),
            ]}
          />
        </>
      )}
      <FunnelListDrawer roundId={round.id} unitId={unitId} pick={pick} onClose={() => setPick(null)} />
    </div>
  );
}
