/**
 * The honours funnel on the dashboard: pick a commendation round (the latest
 * by default) and see, for a subtree, commended → proposed → passed review →
 * voted → decided → proposed outside → decided there, each number opening the
 * names (the round page's own funnel, reused).
 */
import { useState } from 'react';
import { Card, Empty, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { honoursFlowApi } from '../../api/honours-proposals.ts';
import { formatDateVi } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { FunnelTab } from '../honours/funnel/FunnelTab.tsx';

export function HonoursFunnelCard() {
  const [roundId, setRoundId] = useState<number | undefined>();
  const { data } = useQuery({
    queryKey: ['honours', 'dashboard-rounds'],
    queryFn: ({ signal }) => honoursFlowApi.rounds({ page: 1, pageSize: 100 }, signal),
  });
  const rounds = [...(data?.items ?? [])].sort((a, b) => (a.proposalsFrom < b.proposalsFrom ? 1 : -1));
  const round = rounds.find((r) => r.id === roundId) ?? rounds[0];
  return (
    <Card
      size="small"
      title={t('overview.honours.title')}
      style={{ marginTop: 12 }}
      data-testid="dashboard-honours"
      extra={
        rounds.length > 0 && (
          <Select<number>
            value={round?.id}
            onChange={setRoundId}
            style={{ width: 360, maxWidth: '60vw' }}
            options={rounds.map((r) => ({ value: r.id, label: `${r.name} (${formatDateVi(r.proposalsFrom)})` }))}
            data-testid="dashboard-honours-round"
          />
        )
      }
    >
      {round ? <FunnelTab key={round.id} round={round} /> : <Empty description={t('overview.honours.none')} />}
    </Card>
  );
}
