/** Một kế hoạch (/ke-hoach/:id): its source document, period, phases with review dates, targets; edit and close. */
import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, StopOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { plansApi } from '../../api/plans.ts';
import type { TPlan } from '../../api/types.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { formatDateVi, today } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { PlanPeriodsCard } from '../reports/components/PlanPeriodsCard.tsx';
import { PlanFormDrawer } from './PlanFormDrawer.tsx';
import { PLAN_STATUS_COLORS, measureLabel, phaseKindLabel, planStatusLabel, subjectLabel } from './labels.ts';
import { useInvalidatePlans, usePlan } from '../../api/plans.ts';

type Phase = TPlan['phases'][number];
type Target = TPlan['targets'][number];

export default function PlanPage() {
  const params = useParams();
  const id = Number(params.id) || null;
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidatePlans();
  const { data: plan, isPending, error, refetch } = usePlan(id);
  const [editing, setEditing] = useState(false);

  if (isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (error || !plan) return <FullPageError error={error} onRetry={() => void refetch()} />;

  const close = () =>
    modal.confirm({
      title: t('plans.closeConfirm', { title: plan.title }),
      content: t('plans.closeHelp'),
      okText: t('plans.close'),
      okButtonProps: { danger: true, 'data-testid': 'plan-close-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await plansApi.close(plan.id, plan.revision);
          void message.success(t('plans.done.closed', { title: plan.title }));
          await invalidate();
        } catch (e) {
          void message.error({ content: errorMessage(e), duration: 8 });
        }
      },
    });

  const now = today();
  return (
    <div data-testid="plan-page">
      <div style={{ marginBottom: 8 }}>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => void navigate('/ke-hoach')}
        >
          {t('plans.backToList')}
        </Button>
      </div>
      <div className="dh-page-head">
        <h1 data-testid="plan-title-view">{plan.title}</h1>
        <Space wrap>
          <Link to={`/mo-hinh?ke-hoach=${plan.id}`}>
            <Button icon={<UnorderedListOutlined />}>{t('plans.entries')}</Button>
          </Link>
          {plan.canWrite && plan.status === 'active' && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="plan-edit">
                {t('common.edit')}
              </Button>
              <Button danger icon={<StopOutlined />} onClick={() => void close()} data-testid="plan-close">
                {t('plans.close')}
              </Button>
            </>
          )}
        </Space>
      </div>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Descriptions
            size="small"
            column={isPhone ? 1 : 2}
            items={[
              {
                key: 'status',
                label: t('plans.field.status'),
                children: (
                  <Tag color={PLAN_STATUS_COLORS[plan.status]} data-testid="plan-status">
                    {planStatusLabel(plan.status)}
                  </Tag>
                ),
              },
              { key: 'owner', label: t('plans.field.owner'), children: plan.ownerUnitName },
              {
                key: 'document',
                label: t('plans.field.document'),
                children: plan.document ? (
                  plan.document.readable ? (
                    <Link to={`/van-ban?id=${plan.document.id}`}>
                      {t('org.history.documentRef', {
                        symbol: plan.document.symbol,
                        date: formatDateVi(plan.document.issuedOn),
                      })}
                    </Link>
                  ) : (
                    t('org.history.documentRef', {
                      symbol: plan.document.symbol,
                      date: formatDateVi(plan.document.issuedOn),
                    })
                  )
                ) : (
                  '—'
                ),
              },
              {
                key: 'period',
                label: t('plans.field.period'),
                children: `${formatDateVi(plan.startsOn)} – ${formatDateVi(plan.endsOn)}`,
              },
              ...(plan.note
                ? [
                    {
                      key: 'note',
                      label: t('change.note'),
                      span: 'filled' as const,
                      children: <span style={{ whiteSpace: 'pre-line' }}>{plan.note}</span>,
                    },
                  ]
                : []),
            ]}
          />
        </Card>
        <Card size="small" title={t('plans.section.phases')}>
          {plan.phases.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.phase.none')} />
          ) : (
            <Table<Phase>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={plan.phases}
              scroll={{ x: 'max-content' }}
              data-testid="plan-phases-table"
              columns={[
                {
                  key: 'name',
                  title: t('plans.phase.name'),
                  render: (_, p) => (
                    <span style={{ display: 'inline-block', minWidth: 160, maxWidth: 320, whiteSpace: 'normal' }}>
                      {p.name}
                    </span>
                  ),
                },
                {
                  key: 'kind',
                  title: t('plans.phase.kind'),
                  responsive: ['md'],
                  render: (_, p) => phaseKindLabel(p.kind),
                },
                {
                  key: 'period',
                  title: t('plans.field.period'),
                  render: (_, p) => `${formatDateVi(p.startsOn)} – ${formatDateVi(p.endsOn)}`,
                },
                {
                  key: 'review',
                  title: t('plans.phase.reviewOn'),
                  render: (_, p) =>
                    p.reviewOn ? (
                      <Space size={4}>
                        {formatDateVi(p.reviewOn)}
                        {p.reviewOn >= now && <Tag color="orange">{t('plans.phase.upcoming')}</Tag>}
                      </Space>
                    ) : (
                      '—'
                    ),
                },
              ]}
            />
          )}
        </Card>
        <PlanPeriodsCard planId={plan.id} canWrite={plan.canWrite && plan.status === 'active'} />
        <Card size="small" title={t('plans.section.targets')}>
          {plan.targets.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('plans.target.none')} />
          ) : (
            <Table<Target>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={plan.targets}
              scroll={{ x: 'max-content' }}
              data-testid="plan-targets-table"
              columns={[
                { key: 'subject', title: t('plans.target.subject'), render: (_, x) => subjectLabel(x.subject) },
                {
                  key: 'level',
                  title: t('plans.target.level'),
                  render: (_, x) => x.levelName ?? t('plans.target.anyLevel'),
                },
                {
                  key: 'field',
                  title: t('plans.target.field'),
                  responsive: ['md'],
                  render: (_, x) => x.fieldName ?? t('plans.target.anyField'),
                },
                {
                  key: 'value',
                  title: t('plans.target.value'),
                  align: 'right',
                  render: (_, x) => (
                    <Typography.Text strong>
                      {x.measure === 'percent'
                        ? `${x.value.toLocaleString('vi-VN')}%`
                        : x.value.toLocaleString('vi-VN')}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'measure',
                  title: t('plans.target.measure'),
                  responsive: ['lg'],
                  render: (_, x) => measureLabel(x.measure),
                },
                {
                  key: 'description',
                  title: t('plans.target.description'),
                  responsive: ['md'],
                  render: (_, x) => (
                    <span style={{ display: 'inline-block', maxWidth: 320, whiteSpace: 'normal' }}>
                      {x.description ?? '—'}
                    </span>
                  ),
                },
              ]}
            />
          )}
        </Card>
      </Space>
      <PlanFormDrawer
        plan={editing ? plan : null}
        onClose={() => setEditing(false)}
        onSaved={() => void invalidate()}
      />
    </div>
  );
}
