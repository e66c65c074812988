/**
 * Tờ trình of a round: those the user's units sent and those they received,
 * with counts; proposers open a new one, the round's unit proposes further up.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Segmented, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../../api/client.ts';
import { useProposals, type TProposalSummary, type TRound } from '../../../api/honours-proposals.ts';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { usePaging } from '../../../hooks/use-paging.ts';
import { formatDateTimeVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { PROPOSAL_STATUS_COLORS, proposalStatusLabel } from '../rounds/labels.ts';
import { ProposalFormModal } from './ProposalFormModal.tsx';

type Direction = 'all' | 'sent' | 'received';

export function ProposalsTab({ round }: { round: TRound }) {
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [direction, setDirection] = useState<Direction>('all');
  const [creating, setCreating] = useState<'internal' | 'external' | null>(null);
  const { page, resetPage, pagination } = usePaging();
  useEffect(() => resetPage(), [direction, resetPage]);
  const { data, isFetching, error } = useProposals({
    roundId: round.id,
    direction: direction === 'all' ? undefined : direction,
    ...page,
  });
  const open = round.status === 'open';

  return (
    <div data-testid="proposals-tab">
      <div className="dh-toolbar">
        <Segmented
          value={direction}
          onChange={(v) => setDirection(v as Direction)}
          options={[
            { value: 'all', label: t('honoursFlow.proposals.all') },
            { value: 'sent', label: t('honoursFlow.proposals.sent') },
            { value: 'received', label: t('honoursFlow.proposals.received') },
          ]}
          data-testid="proposals-direction"
        />
        <Space wrap>
          {round.abilities.propose && open && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating('internal')}
              data-testid="proposal-create"
            >
              {t('honoursFlow.proposals.create')}
            </Button>
          )}
          {round.abilities.review && (
            <Button
              icon={<SendOutlined />}
              onClick={() => setCreating('external')}
              data-testid="proposal-create-external"
            >
              {t('honoursFlow.proposals.createExternal')}
            </Button>
          )}
        </Space>
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<TProposalSummary>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        data-testid="proposals-table"
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        onRow={(p) =>
          ({
            'data-testid': 'proposal-row',
            'data-proposal-id': p.id,
            'data-status': p.status,
          }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={pagination(data?.total ?? 0, (total) => t('honoursFlow.proposals.total', { total }))}
        columns={[
          {
            key: 'title',
            title: t('honoursFlow.field.proposalTitle'),
            render: (_, p) => (
              <div style={{ minWidth: 200, maxWidth: isPhone ? 240 : 380, whiteSpace: 'normal' }}>
                <Link to={`/khen-thuong/to-trinh/${p.id}`} data-testid="proposal-link">
                  <Typography.Text strong style={{ color: 'inherit' }}>
                    {p.title}
                  </Typography.Text>
                </Link>
              </div>
            ),
          },
          {
            key: 'proposer',
            title: t('honoursFlow.field.proposerUnit'),
            render: (_, p) => (
              <span style={{ display: 'inline-block', maxWidth: 220, whiteSpace: 'normal' }}>
                {p.proposerUnit.name}
              </span>
            ),
          },
          {
            key: 'to',
            title: t('honoursFlow.field.sentTo'),
            responsive: ['md'],
            render: (_, p) => (
              <span style={{ display: 'inline-block', maxWidth: 220, whiteSpace: 'normal' }}>
                {p.externalBody ? <Tag color="purple">{p.externalBody}</Tag> : (p.reviewerUnit?.name ?? '—')}
              </span>
            ),
          },
          {
            key: 'status',
            title: t('honoursFlow.field.status'),
            render: (_, p) => (
              <div>
                <Tag color={PROPOSAL_STATUS_COLORS[p.status]}>{proposalStatusLabel(p.status)}</Tag>
                {p.submittedAt && (
                  <div className="dh-muted" style={{ fontSize: 12 }}>
                    {formatDateTimeVi(p.submittedAt)}
                  </div>
                )}
              </div>
            ),
          },
          {
            key: 'collectives',
            title: t('honoursFlow.field.collectives'),
            align: 'right',
            render: (_, p) => p.collectives,
          },
          {
            key: 'individuals',
            title: t('honoursFlow.field.individuals'),
            align: 'right',
            render: (_, p) => p.individuals,
          },
          {
            key: 'waiting',
            title: t('honoursFlow.field.waiting'),
            align: 'right',
            responsive: ['sm'],
            render: (_, p) =>
              p.waiting > 0 ? (
                <Typography.Text strong>{p.waiting}</Typography.Text>
              ) : (
                <span className="dh-muted">0</span>
              ),
          },
        ]}
      />
      {creating && (
        <ProposalFormModal
          mode={creating}
          round={round}
          onClose={() => setCreating(null)}
          onSaved={(p) => void navigate(`/khen-thuong/to-trinh/${p.id}`)}
        />
      )}
    </div>
  );
}
