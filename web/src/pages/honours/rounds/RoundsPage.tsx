/**
 * Đợt khen thưởng (/khen-thuong): the rounds the user may see (of their units
 * and the units above), with filters; honours staff open new rounds here.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Input, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../api/client.ts';
import { useRounds, type TRound } from '../../../api/honours-proposals.ts';
import { useCan } from '../../../auth/me.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { UnitSelect } from '../../../components/UnitSelect.tsx';
import { useDebounced } from '../../../hooks/use-debounced.ts';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { usePaging } from '../../../hooks/use-paging.ts';
import { formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { ROUND_STATUS_COLORS, roundKindLabel, roundStatusLabel } from './labels.ts';
import { RoundFormModal } from './RoundFormModal.tsx';

export default function RoundsPage() {
  const canReview = useCan('honours.review');
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const [unitId, setUnitId] = useState<number | undefined>(undefined);
  const [status, setStatus] = useState<'open' | 'closed' | undefined>(undefined);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [creating, setCreating] = useState(false);
  const { page, resetPage, pagination } = usePaging();
  useEffect(() => resetPage(), [unitId, status, q, resetPage]);
  const { data, isFetching, error } = useRounds({ unitId, status, q: q || undefined, ...page });

  return (
    <>
      <PageHeader
        title={t('honoursFlow.rounds.title')}
        subtitle={t('honoursFlow.rounds.subtitle')}
        extra={
          canReview && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="round-create">
              {t('honoursFlow.rounds.create')}
            </Button>
          )
        }
      />
      <div className="dh-toolbar">
        <Input.Search
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          placeholder={t('honoursFlow.rounds.search')}
          style={{ width: 260 }}
          data-testid="rounds-search"
        />
        <UnitSelect
          value={unitId ?? null}
          onChange={(id) => setUnitId(id ?? undefined)}
          placeholder={t('honoursFlow.rounds.unitFilter')}
          style={{ width: 280 }}
          testId="rounds-unit"
        />
        <Select<'open' | 'closed' | 'all'>
          value={status ?? 'all'}
          onChange={(v) => setStatus(v === 'all' ? undefined : v)}
          style={{ width: 180 }}
          options={[
            { value: 'all', label: t('honoursFlow.rounds.allStatuses') },
            { value: 'open', label: roundStatusLabel('open') },
            { value: 'closed', label: roundStatusLabel('closed') },
          ]}
          data-testid="rounds-status"
        />
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<TRound>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        data-testid="rounds-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        onRow={(r) =>
          ({
            'data-testid': 'round-row',
            'data-round-id': r.id,
            style: { cursor: 'pointer' },
            onClick: (e: React.MouseEvent) => {
              if ((e.target as HTMLElement).closest('a')) return;
              void navigate(`/khen-thuong/dot/${r.id}`);
            },
          }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={pagination(data?.total ?? 0, (total) => t('honoursFlow.rounds.total', { total }))}
        columns={[
          {
            key: 'name',
            title: t('honoursFlow.field.roundName'),
            render: (_, r) => (
              <div style={{ minWidth: 200, maxWidth: isPhone ? 240 : 420, whiteSpace: 'normal' }}>
                <Link to={`/khen-thuong/dot/${r.id}`} data-testid="round-link">
                  <Typography.Text strong style={{ color: 'inherit' }}>
                    {r.name}
                  </Typography.Text>
                </Link>
                {r.phase && (
                  <div className="dh-muted" style={{ fontSize: 12 }}>
                    {r.plan ? `${r.plan.name} · ` : ''}
                    {r.phase.name}
                  </div>
                )}
              </div>
            ),
          },
          {
            key: 'unit',
            title: t('honoursFlow.field.ownerUnit'),
            responsive: ['md'],
            render: (_, r) => (
              <span style={{ display: 'inline-block', maxWidth: 240, whiteSpace: 'normal' }}>{r.ownerUnit.name}</span>
            ),
          },
          {
            key: 'kind',
            title: t('honoursFlow.field.kind'),
            responsive: ['lg'],
            render: (_, r) => roundKindLabel(r.kind),
          },
          {
            key: 'window',
            title: t('honoursFlow.field.proposalWindow'),
            render: (_, r) => `${formatDateVi(r.proposalsFrom)} – ${formatDateVi(r.proposalsUntil)}`,
          },
          {
            key: 'ceremony',
            title: t('honoursFlow.field.ceremonyOn'),
            responsive: ['lg'],
            render: (_, r) => (r.ceremonyOn ? formatDateVi(r.ceremonyOn) : '—'),
          },
          {
            key: 'status',
            title: t('honoursFlow.field.status'),
            render: (_, r) => <Tag color={ROUND_STATUS_COLORS[r.status]}>{roundStatusLabel(r.status)}</Tag>,
          },
          {
            key: 'proposals',
            title: t('honoursFlow.field.proposalCount'),
            align: 'right',
            responsive: ['sm'],
            render: (_, r) => r.proposalCount,
          },
          {
            key: 'candidates',
            title: t('honoursFlow.field.candidateCount'),
            align: 'right',
            responsive: ['sm'],
            render: (_, r) => r.candidateCount,
          },
        ]}
      />
      {creating && (
        <RoundFormModal
          round="new"
          onClose={() => setCreating(false)}
          onSaved={(r) => void navigate(`/khen-thuong/dot/${r.id}`)}
        />
      )}
    </>
  );
}
