/**
 * Một đợt khen thưởng (/khen-thuong/dot/:id): its facts, and tabs for the
 * proposals, the review, the council, the decisions, the disclosure and the
 * funnel. The open tab is kept in the address (?tab=) so links can open it.
 */
import { useState } from 'react';
import { App, Button, Card, Descriptions, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { errorMessage, isApiError } from '../../../api/client.ts';
import { honoursFlowApi, useInvalidateHonoursFlow, useRound, type TRound } from '../../../api/honours-proposals.ts';
import { FullPageError } from '../../../components/FullPageError.tsx';
import { formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { CouncilTab } from '../council/CouncilTab.tsx';
import { DecisionsTab } from '../decisions/DecisionsTab.tsx';
import { DisclosureTab } from '../disclosure/DisclosureTab.tsx';
import { FunnelTab } from '../funnel/FunnelTab.tsx';
import { ROUND_STATUS_COLORS, roundKindLabel, roundStatusLabel } from './labels.ts';
import { ProposalsTab } from '../proposals/ProposalsTab.tsx';
import { ReviewTab } from '../proposals/ReviewTab.tsx';
import { RoundFormModal } from './RoundFormModal.tsx';

const TAB_KEYS = ['to-trinh', 'tham-dinh', 'hoi-dong', 'quyet-dinh', 'cong-khai', 'ket-qua'] as const;
type TabKey = (typeof TAB_KEYS)[number];

function RoundFacts({ round }: { round: TRound }) {
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="round-facts">
        <Descriptions.Item label={t('honoursFlow.field.ownerUnit')}>{round.ownerUnit.name}</Descriptions.Item>
        <Descriptions.Item label={t('honoursFlow.field.kind')}>
          {roundKindLabel(round.kind)}
          {round.phase ? ` — ${round.plan ? `${round.plan.name}, ` : ''}${round.phase.name}` : ''}
        </Descriptions.Item>
        <Descriptions.Item
          label={t('honoursFlow.field.proposalWindow')}
        >{`${formatDateVi(round.proposalsFrom)} – ${formatDateVi(round.proposalsUntil)}`}</Descriptions.Item>
        <Descriptions.Item label={t('honoursFlow.field.reviewUntil')}>
          {round.reviewUntil ? formatDateVi(round.reviewUntil) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('honoursFlow.field.ceremonyOn')}>
          {round.ceremonyOn ? formatDateVi(round.ceremonyOn) : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('honoursFlow.field.counts')}>
          {t('honoursFlow.round.counts', { proposals: round.proposalCount, candidates: round.candidateCount })}
        </Descriptions.Item>
        {round.note && (
          <Descriptions.Item label={t('honoursFlow.field.note')} span={3}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{round.note}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}

export default function RoundPage() {
  const params = useParams();
  const id = Number(params.id) || null;
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidateHonoursFlow();
  const [search, setSearch] = useSearchParams();
  const { data: round, isPending, error, refetch } = useRound(id);
  const [editing, setEditing] = useState(false);

  if (isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (error || !round) return <FullPageError error={error} onRetry={() => void refetch()} />;

  const requested = search.get('tab') as TabKey | null;
  const tab: TabKey = requested && TAB_KEYS.includes(requested) ? requested : 'to-trinh';
  const setTab = (key: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('tab', key);
        return next;
      },
      { replace: true },
    );

  const toggleStatus = () => {
    const closing = round.status === 'open';
    modal.confirm({
      title: closing
        ? t('honoursFlow.round.closeConfirm', { name: round.name })
        : t('honoursFlow.round.reopenConfirm', { name: round.name }),
      content: closing ? t('honoursFlow.round.closeHelp') : undefined,
      okText: closing ? t('honoursFlow.round.close') : t('honoursFlow.round.reopen'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'round-status-confirm' },
      onOk: async () => {
        try {
          await honoursFlowApi.updateRound(round.id, { status: closing ? 'closed' : 'open', revision: round.revision });
          void message.success(closing ? t('honoursFlow.round.closed') : t('honoursFlow.round.reopened'));
        } catch (e) {
          void message.error({ content: errorMessage(e), duration: 8 });
          if (!(isApiError(e) && e.status === 409)) return;
        }
        await invalidate();
      },
    });
  };

  return (
    <div data-testid="round-page" data-round-id={round.id} data-status={round.status}>
      <div style={{ marginBottom: 8 }}>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => void navigate('/khen-thuong')}
        >
          {t('honoursFlow.round.backToList')}
        </Button>
      </div>
      <div className="dh-page-head">
        <h1 data-testid="round-title">{round.name}</h1>
        {round.abilities.edit && (
          <Space wrap>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="round-edit">
              {t('common.edit')}
            </Button>
            <Button
              icon={round.status === 'open' ? <LockOutlined /> : <UnlockOutlined />}
              onClick={toggleStatus}
              data-testid="round-toggle-status"
            >
              {round.status === 'open' ? t('honoursFlow.round.close') : t('honoursFlow.round.reopen')}
            </Button>
          </Space>
        )}
        <div style={{ flexBasis: '100%' }}>
          <Space wrap size={6}>
            <Tag color={ROUND_STATUS_COLORS[round.status]} data-testid="round-status">
              {roundStatusLabel(round.status)}
            </Tag>
            <Typography.Text type="secondary">{round.ownerUnit.name}</Typography.Text>
          </Space>
        </div>
      </div>
      <RoundFacts round={round} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        data-testid="round-tabs"
        items={[
          {
            key: 'to-trinh',
            label: <span data-testid="round-tab-proposals">{t('honoursFlow.tab.proposals')}</span>,
            children: <ProposalsTab round={round} />,
          },
          ...(round.abilities.review
            ? [
                {
                  key: 'tham-dinh',
                  label: <span data-testid="round-tab-review">{t('honoursFlow.tab.review')}</span>,
                  children: <ReviewTab round={round} />,
                },
              ]
            : []),
          {
            key: 'hoi-dong',
            label: <span data-testid="round-tab-council">{t('honoursFlow.tab.council')}</span>,
            children: <CouncilTab round={round} />,
          },
          {
            key: 'quyet-dinh',
            label: <span data-testid="round-tab-decisions">{t('honoursFlow.tab.decisions')}</span>,
            children: <DecisionsTab round={round} />,
          },
          {
            key: 'cong-khai',
            label: <span data-testid="round-tab-disclosure">{t('honoursFlow.tab.disclosure')}</span>,
            children: <DisclosureTab round={round} />,
          },
          {
            key: 'ket-qua',
            label: <span data-testid="round-tab-funnel">{t('honoursFlow.tab.funnel')}</span>,
            children: <FunnelTab round={round} />,
          },
        ]}
      />
      {editing && <RoundFormModal round={round} onClose={() => setEditing(false)} />}
    </div>
  );
}
