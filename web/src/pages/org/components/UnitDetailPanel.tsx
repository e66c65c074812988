/** Right column: the selected unit as of the chosen date — where it sits, what it is, what happened to it. */
import { Alert, Breadcrumb, Card, Empty, Skeleton, Space, Tabs, Typography } from 'antd';
import { errorMessage } from '../../../api/client.ts';
import type { TUnitDetail } from '../../../api/types.ts';
import { formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { useUnitDetail } from '../../../api/org.ts';
import { OrgStatsCard } from './OrgStatsCard.tsx';
import { UnitActions, type UnitAction } from './UnitActions.tsx';
import { UnitDescriptions } from './UnitDescriptions.tsx';
import { UnitHistoryTimeline } from './UnitHistoryTimeline.tsx';
import { UnitLineage } from './UnitLineage.tsx';
import { UnitStatusTag } from './UnitStatusTag.tsx';

interface Props {
  unitId: number | null;
  asOf: string;
  isToday: boolean;
  canWrite: boolean;
  onSelect: (id: number) => void;
  onAction: (action: UnitAction, unit: TUnitDetail) => void;
}

export function UnitDetailPanel({ unitId, asOf, isToday, canWrite, onSelect, onAction }: Props) {
  const { data: unit, isPending, error } = useUnitDetail(unitId, asOf);

  if (unitId === null) {
    return (
      <Card size="small">
        <Empty description={t('org.detail.none')} />
      </Card>
    );
  }
  if (isPending)
    return (
      <Card size="small">
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (error || !unit)
    return (
      <Card size="small">
        <Alert type="warning" showIcon title={errorMessage(error)} />
      </Card>
    );

  const mayChange = canWrite && unit.canWrite && !unit.endedOn;
  return (
    <Card size="small" data-testid="unit-detail" data-unit-id={unit.id}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {unit.ancestors.length > 0 && (
          <Breadcrumb
            data-testid="unit-breadcrumb"
            items={unit.ancestors.map((a) => ({
              key: a.id,
              title: <Typography.Link onClick={() => onSelect(a.id)}>{a.name}</Typography.Link>,
            }))}
          />
        )}
        <div>
          <Space wrap align="center" size={8}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="unit-name">
              {unit.name}
            </Typography.Title>
            <UnitStatusTag unit={unit} />
          </Space>
          {unit.asOf !== asOf && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('org.detail.shownAsOf', { date: formatDateVi(unit.asOf) })}
            </Typography.Text>
          )}
        </div>
        {mayChange && (
          <UnitActions
            isRoot={unit.parentId === null}
            disabledReason={isToday ? undefined : t('org.actions.pastHint')}
            onAction={(action) => onAction(action, unit)}
          />
        )}
        <UnitLineage unit={unit} onSelect={onSelect} />
        <UnitDescriptions unit={unit} onSelect={onSelect} />
        <Tabs
          size="small"
          items={[
            {
              key: 'history',
              label: t('org.detail.history'),
              children: <UnitHistoryTimeline unitId={unit.id} onSelect={onSelect} />,
            },
            {
              key: 'stats',
              label: t('org.detail.stats'),
              children: <OrgStatsCard rootId={unit.id} rootName={unit.name} asOf={asOf} />,
            },
          ]}
        />
      </Space>
    </Card>
  );
}
