/**
 * Kiểm tra, giám sát (/kiem-tra): the inspections the user may see (by the
 * inspecting unit, or covering an entry the user may read), with filters, and
 * the follow-ups to track to closure (open, overdue).
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import type {
  FollowupListParams,
  InspectionKind,
  InspectionListParams,
  InspectionStatus,
  TInspectionSummary,
} from '../../api/inspections.ts';
import { useCan } from '../../auth/me.ts';
import { IsoDatePicker } from '../../components/IsoDatePicker.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/UnitSelect.tsx';
import { useSettledText } from '../../hooks/use-settled-text.ts';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { usePaging } from '../../hooks/use-paging.ts';
import { formatDateVi } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { FollowupsTable } from './FollowupsTable.tsx';
import { InspectionDrawer } from './InspectionDrawer.tsx';
import { INSPECTION_KINDS, INSPECTION_STATUSES, KIND_COLORS, STATUS_COLORS, kindLabel, statusLabel } from './labels.ts';
import { useFollowups, useInspections, useInvalidateInspections } from '../../api/inspections.ts';

type Filters = Omit<InspectionListParams, 'page' | 'pageSize'>;

function InspectionList({ unitId }: { unitId?: number }) {
  const isPhone = useIsPhone();
  const [filters, setFilters] = useState<Filters>({});
  const { page, resetPage, pagination } = usePaging();
  // A new search shows its first page.
  const [search, setSearch] = useSettledText('', (q) => {
    setFilters((f) => ({ ...f, search: q || undefined }));
    resetPage();
  });
  useEffect(() => resetPage(), [unitId, resetPage]);
  const { data, isFetching, error } = useInspections({ ...filters, unitId, ...page });
  const set = (patch: Partial<Filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    resetPage();
  };
  return (
    <>
      <div className="dh-toolbar">
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('inspections.filter.search')}
          style={{ width: 260 }}
          data-testid="inspections-search"
        />
        <Select<InspectionStatus | 'all'>
          value={filters.status ?? 'all'}
          onChange={(v) => set({ status: v === 'all' ? undefined : v })}
          style={{ width: 180 }}
          options={[
            { value: 'all' as const, label: t('inspections.filter.allStatuses') },
            ...INSPECTION_STATUSES.map((s) => ({ value: s, label: statusLabel(s) })),
          ]}
          data-testid="inspections-status"
        />
        <Select<InspectionKind | 'all'>
          value={filters.kind ?? 'all'}
          onChange={(v) => set({ kind: v === 'all' ? undefined : v })}
          style={{ width: 160 }}
          options={[
            { value: 'all' as const, label: t('inspections.filter.allKinds') },
            ...INSPECTION_KINDS.map((k) => ({ value: k, label: kindLabel(k) })),
          ]}
        />
        <Space.Compact>
          <IsoDatePicker
            value={filters.from ?? null}
            onChange={(from) => set({ from: from ?? undefined })}
            placeholder={t('inspections.filter.from')}
            style={{ width: 140 }}
          />
          <IsoDatePicker
            value={filters.to ?? null}
            onChange={(to) => set({ to: to ?? undefined })}
            placeholder={t('inspections.filter.to')}
            style={{ width: 140 }}
          />
        </Space.Compact>
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<TInspectionSummary>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        data-testid="inspections-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        onRow={(i) =>
          ({
            'data-testid': 'inspection-row',
            'data-inspection-id': i.id,
            'data-status': i.status,
          }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={pagination(data?.total ?? 0, (total) => t('inspections.total', { total }))}
        columns={[
          {
            key: 'title',
            title: t('inspections.field.title'),
            render: (_, i) => (
              <div style={{ minWidth: 200, maxWidth: isPhone ? 240 : 420, whiteSpace: 'normal' }}>
                <Tag color={KIND_COLORS[i.kind]}>{kindLabel(i.kind)}</Tag>
                <Link to={`/kiem-tra/${i.id}`} data-testid="inspection-link">
                  <Typography.Text strong style={{ color: 'inherit' }}>
                    {i.title}
                  </Typography.Text>
                </Link>
                <div className="dh-muted" style={{ fontSize: 12 }}>
                  {i.ownerUnit.name}
                </div>
              </div>
            ),
          },
          {
            key: 'period',
            title: t('inspections.field.period'),
            render: (_, i) =>
              i.endsOn ? `${formatDateVi(i.startsOn)} – ${formatDateVi(i.endsOn)}` : formatDateVi(i.startsOn),
          },
          {
            key: 'subjects',
            title: t('inspections.field.subjectCount'),
            responsive: ['md'],
            align: 'right',
            render: (_, i) => i.subjectCount,
          },
          {
            key: 'status',
            title: t('inspections.field.status'),
            render: (_, i) => <Tag color={STATUS_COLORS[i.status]}>{statusLabel(i.status)}</Tag>,
          },
          {
            key: 'followups',
            title: t('inspections.field.openFollowups'),
            align: 'right',
            render: (_, i) =>
              i.openFollowups === 0 ? (
                <span className="dh-muted">0</span>
              ) : (
                <Typography.Text
                  type={i.overdueFollowups > 0 ? 'danger' : undefined}
                  strong={i.overdueFollowups > 0}
                  data-testid="inspection-open-followups"
                >
                  {i.overdueFollowups > 0
                    ? t('inspections.openWithOverdue', { open: i.openFollowups, overdue: i.overdueFollowups })
                    : i.openFollowups}
                </Typography.Text>
              ),
          },
        ]}
      />
    </>
  );
}

function FollowupList({ unitId }: { unitId?: number }) {
  const [filter, setFilter] = useState<'open' | 'overdue' | 'done' | 'all'>('open');
  const { page, resetPage, pagination } = usePaging();
  useEffect(() => resetPage(), [unitId, filter, resetPage]);
  const params: FollowupListParams = {
    unitId,
    ...page,
    ...(filter === 'open'
      ? { status: 'open' }
      : filter === 'overdue'
        ? { status: 'open', overdue: true }
        : filter === 'done'
          ? { status: 'done' }
          : {}),
  };
  const { data, isFetching, error } = useFollowups(params);
  return (
    <>
      <div className="dh-toolbar">
        <Segmented
          value={filter}
          onChange={(v) => setFilter(v as typeof filter)}
          options={[
            { value: 'open', label: t('inspections.followups.open') },
            { value: 'overdue', label: t('inspections.followups.overdue') },
            { value: 'done', label: t('inspections.followups.done') },
            { value: 'all', label: t('inspections.followups.all') },
          ]}
          data-testid="followups-filter"
        />
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <FollowupsTable
        items={data?.items ?? []}
        loading={isFetching}
        showInspection
        pagination={pagination(data?.total ?? 0, (total) => t('inspections.followups.total', { total }))}
      />
    </>
  );
}

export default function InspectionsPage() {
  const canWrite = useCan('inspections.write');
  const navigate = useNavigate();
  const invalidate = useInvalidateInspections();
  const [view, setView] = useState<'inspections' | 'followups'>('inspections');
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={t('inspections.title')}
        subtitle={t('inspections.subtitle')}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="inspection-create"
            >
              {t('inspections.create')}
            </Button>
          )
        }
      />
      <div className="dh-toolbar">
        <Segmented
          value={view}
          onChange={(v) => setView(v as typeof view)}
          options={[
            { value: 'inspections', label: t('inspections.view.inspections') },
            { value: 'followups', label: t('inspections.view.followups') },
          ]}
          data-testid="inspections-view"
        />
        <UnitSelect
          value={unitId ?? null}
          onChange={(id) => setUnitId(id ?? undefined)}
          placeholder={t('inspections.filter.unit')}
          style={{ width: 280 }}
          testId="inspections-unit"
        />
      </div>
      {view === 'inspections' ? <InspectionList unitId={unitId} /> : <FollowupList unitId={unitId} />}
      <InspectionDrawer
        inspection={creating ? 'new' : null}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          void invalidate();
          void navigate(`/kiem-tra/${saved.id}`);
        }}
      />
    </>
  );
}
