/**
 * Tab "Quyết định" of a round: "Ban hành quyết định" of the round's unit for
 * the candidates its council approved; "Ghi nhận quyết định của cấp trên" for
 * candidates of a proposal sent to an outside body; then the honours granted
 * in the round with their certificates (one, or all of a decision).
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { AuditOutlined, FileDoneOutlined } from '@ant-design/icons';
import type { TRound } from '@common/schemas/honours-flow.ts';
import { errorMessage } from '../../../api/client.ts';
import { useHonours, useSentProposals, type THonour } from '../../../api/honours-council.ts';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { usePaging } from '../../../hooks/use-paging.ts';
import { formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { CandidateName } from '../CandidatePickTable.tsx';
import { CertificateButtons, HonourDrawer } from './HonourDrawer.tsx';
import { HONOUR_STATUS_COLORS, honourStatusLabel } from '../labels.ts';
import { IssueDecisionModal, ExternalDecisionModal } from './DecisionModals.tsx';

export function DecisionsTab(props: { round: TRound }) {
  const { round } = props;
  const isPhone = useIsPhone();
  const { page, pagination } = usePaging(50);
  const { data, isFetching, error } = useHonours({ roundId: round.id, ...page });
  // The decisions of the round, from all its honours (not only the page shown).
  const all = useHonours({ roundId: round.id, page: 1, pageSize: 500 });
  const mayRecord = round.abilities.review || round.abilities.propose;
  const sent = useSentProposals(round.id, mayRecord);
  const hasExternal = (sent.data?.items ?? []).some((p) => p.externalBody);
  const [mode, setMode] = useState<'issue' | 'external' | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);
  const decisions = useMemo(() => {
    const byId = new Map<number, THonour['decision'] & { count: number; grantor: string }>();
    for (const h of all.data?.items ?? []) {
      const d = byId.get(h.decision.id);
      if (d) d.count += 1;
      else byId.set(h.decision.id, { ...h.decision, count: 1, grantor: h.grantor });
    }
    return [...byId.values()];
  }, [all.data]);
  return (
    <div data-testid="decisions-tab">
      <div className="dh-toolbar">
        {round.abilities.review && (
          <Button
            type="primary"
            icon={<FileDoneOutlined />}
            onClick={() => setMode('issue')}
            data-testid="decision-issue-open"
          >
            {t('honoursFlow.decision.issue')}
          </Button>
        )}
        {mayRecord && hasExternal && (
          <Button icon={<AuditOutlined />} onClick={() => setMode('external')} data-testid="decision-external-open">
            {t('honoursFlow.decision.external')}
          </Button>
        )}
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      {decisions.length > 0 && (
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={decisions}
          style={{ marginBottom: 16 }}
          scroll={{ x: 'max-content' }}
          data-testid="round-decisions"
          title={() => <Typography.Text strong>{t('honoursFlow.decision.listTitle')}</Typography.Text>}
          columns={[
            {
              key: 'symbol',
              title: t('honoursFlow.decision.symbol'),
              render: (_, d) => t('honoursFlow.honour.docRef', { symbol: d.symbol, date: formatDateVi(d.issuedOn) }),
            },
            {
              key: 'summary',
              title: t('honoursFlow.decision.summary'),
              render: (_, d) => <div style={{ minWidth: 200, maxWidth: 420, whiteSpace: 'normal' }}>{d.summary}</div>,
            },
            { key: 'grantor', title: t('honoursFlow.honour.grantor'), responsive: ['md'], render: (_, d) => d.grantor },
            { key: 'count', title: t('honoursFlow.decision.count'), align: 'right', render: (_, d) => d.count },
            {
              key: 'all',
              title: t('honoursFlow.decision.allCertificates'),
              render: (_, d) => <CertificateButtons decisionDocumentId={d.id} testId={`certificates-${d.symbol}`} />,
            },
          ]}
        />
      )}
      <Table<THonour>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        loading={isFetching}
        dataSource={data?.items ?? []}
        scroll={{ x: 'max-content' }}
        data-testid="round-honours"
        locale={{ emptyText: t('honoursFlow.honour.none') }}
        pagination={pagination(data?.total ?? 0, (total) => t('common.totalRows', { total }))}
        onRow={(h) =>
          ({
            onClick: () => setOpenId(h.id),
            style: { cursor: 'pointer' },
            'data-testid': 'honour-row',
            'data-honour-id': h.id,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          { key: 'name', title: t('honoursFlow.hc.field.candidate'), render: (_, h) => <CandidateName c={h} /> },
          { key: 'unit', title: t('honoursFlow.hc.field.unit'), render: (_, h) => h.unit.name },
          { key: 'award', title: t('honoursFlow.hc.field.awardForm'), render: (_, h) => h.awardForm.name },
          {
            key: 'decision',
            title: t('honoursFlow.honour.decision'),
            render: (_, h) =>
              t('honoursFlow.honour.docRef', { symbol: h.decision.symbol, date: formatDateVi(h.decision.issuedOn) }),
          },
          {
            key: 'status',
            title: t('honoursFlow.hc.field.status'),
            render: (_, h) => <Tag color={HONOUR_STATUS_COLORS[h.status]}>{honourStatusLabel(h.status)}</Tag>,
          },
          {
            key: 'certificate',
            title: t('honoursFlow.honour.certificate'),
            render: (_, h) => (
              <Space>
                <CertificateButtons honourId={h.id} testId={`certificate-${h.displayName}`} />
              </Space>
            ),
          },
        ]}
      />
      {mode === 'issue' && <IssueDecisionModal round={round} onClose={() => setMode(null)} />}
      {mode === 'external' && <ExternalDecisionModal round={round} onClose={() => setMode(null)} />}
      <HonourDrawer honourId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
