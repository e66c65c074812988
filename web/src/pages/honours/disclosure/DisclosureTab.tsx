/**
 * Tab "Công khai" of a round: the lists published for comments (state,
 * window, counts, unread comments); "Công khai lấy ý kiến" for the candidates
 * passed to or approved by the council; a drawer with the public link to
 * share and the comments received (mark as read).
 */
import { useState } from 'react';
import { Alert, Badge, Button, Space, Table, Tag, Typography } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import type { TRound } from '@common/schemas/honours-flow.ts';
import { errorMessage } from '../../../api/client.ts';
import { useDisclosures, type TDisclosureSummary } from '../../../api/honours-council.ts';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { usePaging } from '../../../hooks/use-paging.ts';
import { formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { DISCLOSURE_STATE_COLORS, disclosureStateLabel } from '../labels.ts';
import { DisclosureDrawer } from './DisclosureDrawer.tsx';
import { CreateDisclosureModal } from './CreateDisclosureModal.tsx';

export function DisclosureTab(props: { round: TRound }) {
  const { round } = props;
  const isPhone = useIsPhone();
  const { page, pagination } = usePaging(20);
  const { data, isFetching, error } = useDisclosures({ roundId: round.id, ...page });
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  return (
    <div data-testid="disclosure-tab">
      <div className="dh-toolbar">
        {round.abilities.review && (
          <Button
            type="primary"
            icon={<NotificationOutlined />}
            onClick={() => setCreating(true)}
            data-testid="disclosure-create-open"
          >
            {t('honoursFlow.disclosure.create')}
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<TDisclosureSummary>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="disclosures"
        locale={{ emptyText: t('honoursFlow.disclosure.none') }}
        pagination={pagination(data?.total ?? 0, (total) => t('common.totalRows', { total }))}
        onRow={(d) =>
          ({
            onClick: () => setOpenId(d.id),
            style: { cursor: 'pointer' },
            'data-testid': 'disclosure-row',
            'data-disclosure-id': d.id,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: 'title',
            title: t('honoursFlow.disclosure.field.title'),
            render: (_, d) => <Typography.Text strong>{d.title}</Typography.Text>,
          },
          {
            key: 'state',
            title: t('honoursFlow.hc.field.status'),
            render: (_, d) => <Tag color={DISCLOSURE_STATE_COLORS[d.state]}>{disclosureStateLabel(d.state)}</Tag>,
          },
          {
            key: 'window',
            title: t('honoursFlow.disclosure.field.window'),
            render: (_, d) =>
              t('honoursFlow.disclosure.window', { from: formatDateVi(d.startsOn), to: formatDateVi(d.endsOn) }),
          },
          {
            key: 'candidates',
            title: t('honoursFlow.disclosure.field.candidateCount'),
            align: 'right',
            render: (_, d) => d.candidateCount,
          },
          {
            key: 'comments',
            title: t('honoursFlow.disclosure.field.comments'),
            align: 'right',
            render: (_, d) => (
              <Space size={6}>
                <span>{d.commentCount}</span>
                {d.unreadComments > 0 && (
                  <Badge
                    count={d.unreadComments}
                    title={t('honoursFlow.disclosure.unread', { count: d.unreadComments })}
                    data-testid="disclosure-unread"
                  />
                )}
              </Space>
            ),
          },
        ]}
      />
      {creating && <CreateDisclosureModal round={round} onClose={() => setCreating(false)} onCreated={setOpenId} />}
      <DisclosureDrawer id={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
