/** Kế hoạch, chương trình: the plans of the user's units and those above them. */
import { useState } from 'react';
import { Alert, Button, Input, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import type { PlanListParams } from '../../api/plans.ts';
import type { TPlanSummary } from '../../api/types.ts';
import { useCan } from '../../auth/me.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useSettledText } from '../../hooks/use-settled-text.ts';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { formatDateVi } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { PlanFormDrawer } from './PlanFormDrawer.tsx';
import { PLAN_STATUS_COLORS, planStatusLabel } from './labels.ts';
import { useInvalidatePlans, usePlans } from '../../api/plans.ts';
import { usePaging } from '../../hooks/use-paging.ts';

type Filters = Pick<PlanListParams, 'q' | 'status' | 'ownerUnitId'>;

export default function PlansPage() {
  const canWrite = useCan('plans.write');
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const invalidate = useInvalidatePlans();
  const [filters, setFilters] = useState<Filters>({});
  const { page, resetPage, pagination } = usePaging();
  // A new search shows its first page.
  const [search, setSearch] = useSettledText('', (q) => {
    setFilters((f) => ({ ...f, q: q || undefined }));
    resetPage();
  });
  const [creating, setCreating] = useState(false);
  const { data, isFetching, error } = usePlans({ ...filters, ...page });
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    resetPage();
  };

  return (
    <>
      <PageHeader
        title={t('plans.title')}
        subtitle={t('plans.subtitle')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="plan-create">
              {t('plans.create')}
            </Button>
          )
        }
      />
      <div className="dh-toolbar">
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('plans.filter.q')}
          style={{ width: 300 }}
          data-testid="plans-q"
        />
        <Select<'active' | 'closed' | 'all'>
          value={filters.status ?? 'all'}
          onChange={(status) => set({ status: status === 'all' ? undefined : status })}
          style={{ width: 200 }}
          options={[
            { value: 'all', label: t('plans.filter.allStatuses') },
            { value: 'active', label: planStatusLabel('active') },
            { value: 'closed', label: planStatusLabel('closed') },
          ]}
        />
        <UnitSelect
          value={filters.ownerUnitId ?? null}
          onChange={(id) => set({ ownerUnitId: id ?? undefined })}
          placeholder={t('plans.filter.owner')}
          style={{ width: 260 }}
        />
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<TPlanSummary>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        data-testid="plans-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        onRow={(p) => ({ 'data-testid': 'plan-row', 'data-plan-id': p.id }) as React.HTMLAttributes<HTMLElement>}
        pagination={pagination(data?.total ?? 0, (total) => t('plans.total', { total }))}
        columns={[
          {
            key: 'title',
            title: t('plans.field.title'),
            render: (_, p) => (
              <div style={{ minWidth: 200, maxWidth: isPhone ? 240 : 460, whiteSpace: 'normal' }}>
                <Link to={`/ke-hoach/${p.id}`} data-testid="plan-link">
                  <Typography.Text strong style={{ color: 'inherit' }}>
                    {p.title}
                  </Typography.Text>
                </Link>
                {isPhone && (
                  <div className="dh-muted" style={{ fontSize: 12 }}>
                    {p.ownerUnitName}
                  </div>
                )}
              </div>
            ),
          },
          {
            key: 'document',
            title: t('plans.field.document'),
            responsive: ['md'],
            render: (_, p) =>
              p.document
                ? t('org.history.documentRef', { symbol: p.document.symbol, date: formatDateVi(p.document.issuedOn) })
                : '—',
          },
          {
            key: 'owner',
            title: t('plans.field.owner'),
            responsive: ['md'],
            render: (_, p) => (
              <span style={{ display: 'inline-block', maxWidth: 240, whiteSpace: 'normal' }}>{p.ownerUnitName}</span>
            ),
          },
          {
            key: 'period',
            title: t('plans.field.period'),
            render: (_, p) => `${formatDateVi(p.startsOn)} – ${formatDateVi(p.endsOn)}`,
          },
          {
            key: 'status',
            title: t('plans.field.status'),
            responsive: ['sm'],
            render: (_, p) => <Tag color={PLAN_STATUS_COLORS[p.status]}>{planStatusLabel(p.status)}</Tag>,
          },
        ]}
      />
      <PlanFormDrawer
        plan={creating ? 'new' : null}
        onClose={() => setCreating(false)}
        onSaved={(plan) => {
          void invalidate();
          void navigate(`/ke-hoach/${plan.id}`);
        }}
      />
    </>
  );
}
