/**
 * Kỳ báo cáo of a plan (on the plan's page): its six-month and annual periods
 * with dates, due date and grace; make them all at once, add or change one,
 * and open the unit exceptions of a period.
 */
import { useState } from 'react';
import { Alert, Button, Card, Empty, Space, Table, Tag } from 'antd';
import { EditOutlined, PlusOutlined, ThunderboltOutlined, UnlockOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { errorMessage } from '../../../api/client.ts';
import type { TPeriod } from '../../../api/reporting.ts';
import { formatDateVi, today } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { GeneratePeriodsModal, OverridesModal, PeriodFormModal } from '../forms/PeriodModals.tsx';
import { periodKindLabel } from '../labels.ts';
import { useInvalidateReporting, usePeriods } from '../use-reporting.ts';

export function PlanPeriodsCard({ planId, canWrite }: { planId: number; canWrite: boolean }) {
  const { data, isFetching, error } = usePeriods({ planId, pageSize: 500 });
  const invalidate = useInvalidateReporting();
  const [generating, setGenerating] = useState(false);
  const [editing, setEditing] = useState<TPeriod | 'new' | null>(null);
  const [exceptions, setExceptions] = useState<TPeriod | null>(null);
  const now = today();
  const periods = data?.items ?? [];

  return (
    <Card
      size="small"
      title={t('reporting.plan.section')}
      data-testid="plan-periods"
      extra={
        canWrite ? (
          <Space wrap>
            <Button
              size="small"
              icon={<ThunderboltOutlined />}
              onClick={() => setGenerating(true)}
              data-testid="plan-periods-generate"
            >
              {t('reporting.period.generate')}
            </Button>
            <Button
              size="small"
              icon={<PlusOutlined />}
              onClick={() => setEditing('new')}
              data-testid="plan-periods-add"
            >
              {t('reporting.period.add')}
            </Button>
          </Space>
        ) : undefined
      }
    >
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      {periods.length === 0 && !isFetching ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reporting.plan.none')} />
      ) : (
        <Table<TPeriod>
          rowKey="id"
          size="small"
          loading={isFetching}
          pagination={false}
          dataSource={periods}
          scroll={{ x: 'max-content' }}
          onRow={(p) =>
            ({
              'data-testid': 'plan-period',
              'data-period-id': p.id,
              'data-kind': p.kind,
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              key: 'name',
              title: t('reporting.period.name'),
              render: (_, p) => (
                <Space size={4} wrap>
                  <Link to={`/bao-cao-dinh-ky?ky=${p.id}`} data-testid="plan-period-link">
                    {p.name}
                  </Link>
                  {p.startsOn <= now && now <= p.endsOn && <Tag color="blue">{t('reporting.period.current')}</Tag>}
                </Space>
              ),
            },
            {
              key: 'kind',
              title: t('reporting.period.kind'),
              responsive: ['md'],
              render: (_, p) => periodKindLabel(p.kind),
            },
            {
              key: 'dates',
              title: t('reporting.period.dates'),
              render: (_, p) => `${formatDateVi(p.startsOn)} – ${formatDateVi(p.endsOn)}`,
            },
            { key: 'due', title: t('reporting.period.dueOn'), render: (_, p) => formatDateVi(p.dueOn) },
            {
              key: 'grace',
              title: t('reporting.period.graceUntil'),
              responsive: ['md'],
              render: (_, p) => (p.graceUntil ? formatDateVi(p.graceUntil) : '—'),
            },
            {
              key: 'actions',
              title: t('common.actions'),
              render: (_, p) => (
                <Space size={4}>
                  {p.can.edit && (
                    <Button
                      size="small"
                      icon={<EditOutlined />}
                      onClick={() => setEditing(p)}
                      data-testid="plan-period-edit"
                      aria-label={t('common.edit')}
                    />
                  )}
                  <Button
                    size="small"
                    icon={<UnlockOutlined />}
                    onClick={() => setExceptions(p)}
                    data-testid="plan-period-overrides"
                  >
                    {t('reporting.override.button')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
      <GeneratePeriodsModal
        planId={planId}
        open={generating}
        onClose={() => setGenerating(false)}
        onDone={() => void invalidate()}
      />
      <PeriodFormModal
        key={editing === 'new' ? 'new' : (editing?.id ?? 'none')}
        planId={planId}
        period={editing === 'new' ? null : editing}
        open={editing !== null}
        onClose={() => setEditing(null)}
        onDone={() => void invalidate()}
      />
      <OverridesModal period={exceptions} onClose={() => setExceptions(null)} onDone={() => void invalidate()} />
    </Card>
  );
}
