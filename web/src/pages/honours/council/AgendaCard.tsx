/**
 * The agenda of a council session: each candidate with the award rule in force;
 * while open, the count of ballots cast and, for a member, one ballot (agree /
 * disagree / not voting per candidate, or a declared conflict of interest) sent
 * at once; after closing, every candidate's result.
 */
import { useState } from 'react';
import { App, Button, Card, Checkbox, Empty, Radio, Space, Table, Tag, Typography } from 'antd';
import { SendOutlined, StopOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../api/client.ts';
import {
  councilApi,
  useInvalidateHonours,
  type TCouncilAgendaItem,
  type TCouncilSession,
} from '../../../api/honours-council.ts';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { t } from '../../../i18n/index.ts';
import { CandidateFlags, CandidateName } from '../CandidatePickTable.tsx';
import { CHOICES, MY_VOTE_COLORS, choiceLabel, myVoteLabel, type Choice } from '../labels.ts';
import { AgendaDetails, ResultCell } from './AgendaCells.tsx';
import { RecuseModal } from './RecuseModal.tsx';

export function AgendaCard({
  session: s,
  mine,
}: {
  session: TCouncilSession;
  mine: TCouncilSession['members'][number] | null;
}) {
  const isPhone = useIsPhone();
  const { message } = App.useApp();
  const invalidate = useInvalidateHonours();
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  const [written, setWritten] = useState<boolean | null>(null);
  const [recusing, setRecusing] = useState<TCouncilAgendaItem | null>(null);
  const [sending, setSending] = useState(false);

  const open = s.status === 'open';
  const canVote = s.abilities.vote && open;
  const votable = (item: TCouncilAgendaItem) => canVote && item.myVote === null;
  const pending = s.agenda.filter(votable);
  const chosen = pending.filter((i) => choices[i.candidate.id]);
  const absent = mine !== null && !mine.present;
  const isWritten = written ?? absent;

  const sendBallot = async () => {
    setSending(true);
    try {
      await councilApi.vote(s.id, {
        votes: chosen.map((i) => ({ candidateId: i.candidate.id, choice: choices[i.candidate.id]! })),
        written: isWritten,
      });
      void message.success(t('honoursFlow.council.ballot.sent', { count: chosen.length }));
      setChoices({});
      await invalidate();
    } catch (err) {
      void message.error({ content: errorMessage(err), duration: 8 });
    } finally {
      setSending(false);
    }
  };

  const voteColumn = {
    key: 'vote',
    title: t('honoursFlow.council.field.myVote'),
    render: (_: unknown, item: TCouncilAgendaItem) => {
      if (!votable(item)) {
        return item.myVote ? (
          <Tag color={MY_VOTE_COLORS[item.myVote]} data-testid={`my-vote-${item.candidate.displayName}`}>
            {myVoteLabel(item.myVote)}
          </Tag>
        ) : (
          <span className="dh-muted">—</span>
        );
      }
      const id = item.candidate.id;
      return (
        <Space orientation={isPhone ? 'vertical' : 'horizontal'} size={4} wrap>
          <Radio.Group
            value={choices[id] ?? null}
            onChange={(e) => setChoices((c) => ({ ...c, [id]: e.target.value as Choice }))}
          >
            {CHOICES.map((choice) => (
              <Radio key={choice} value={choice} data-testid={`vote-${item.candidate.displayName}-${choice}`}>
                {choiceLabel(choice)}
              </Radio>
            ))}
          </Radio.Group>
          <Button
            size="small"
            type="link"
            icon={<StopOutlined />}
            onClick={() => setRecusing(item)}
            data-testid={`recuse-${item.candidate.displayName}`}
          >
            {t('honoursFlow.council.recuse.open')}
          </Button>
        </Space>
      );
    },
  };

  const resultColumns = [
    {
      key: 'yes',
      title: t('honoursFlow.council.result.yes'),
      align: 'right' as const,
      render: (_: unknown, i: TCouncilAgendaItem) => i.result?.yes ?? '—',
    },
    {
      key: 'no',
      title: t('honoursFlow.council.result.no'),
      align: 'right' as const,
      render: (_: unknown, i: TCouncilAgendaItem) => i.result?.no ?? '—',
    },
    {
      key: 'abstain',
      title: t('honoursFlow.council.result.abstain'),
      align: 'right' as const,
      render: (_: unknown, i: TCouncilAgendaItem) => i.result?.abstain ?? '—',
    },
    {
      key: 'recused',
      title: t('honoursFlow.council.result.recused'),
      align: 'right' as const,
      render: (_: unknown, i: TCouncilAgendaItem) => i.result?.recused ?? '—',
    },
    {
      key: 'percent',
      title: t('honoursFlow.council.result.percent'),
      align: 'right' as const,
      render: (_: unknown, i: TCouncilAgendaItem) =>
        i.result?.yesPercent == null ? '—' : `${i.result.yesPercent.toLocaleString('vi-VN')}%`,
    },
    {
      key: 'result',
      title: t('honoursFlow.council.result.title'),
      render: (_: unknown, i: TCouncilAgendaItem) => (i.result ? <ResultCell r={i.result} /> : '—'),
    },
  ];

  return (
    <>
      <Card
        size="small"
        title={t('honoursFlow.council.section.agenda', { count: s.agenda.length })}
        extra={
          canVote && pending.length > 0 ? (
            <Typography.Text type="secondary">
              {t('honoursFlow.council.ballot.progress', { chosen: chosen.length, total: pending.length })}
            </Typography.Text>
          ) : undefined
        }
      >
        {s.agenda.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('honoursFlow.council.agendaEmpty')} />
        ) : (
          <Table<TCouncilAgendaItem>
            size="small"
            rowKey={(i) => i.candidate.id}
            pagination={false}
            dataSource={s.agenda}
            data-testid="council-agenda"
            scroll={{ x: 'max-content' }}
            onRow={(i) =>
              ({
                'data-testid': 'agenda-row',
                'data-candidate': i.candidate.displayName,
              }) as React.HTMLAttributes<HTMLElement>
            }
            expandable={{ expandedRowRender: (i) => <AgendaDetails item={i} /> }}
            columns={[
              { key: 'no', title: t('honoursFlow.hc.field.no'), width: 40, render: (_, _i, index) => index + 1 },
              {
                key: 'name',
                title: t('honoursFlow.hc.field.candidate'),
                render: (_, i) => (
                  <div>
                    <CandidateName c={i.candidate} />
                    <CandidateFlags flags={i.candidate.flags} />
                  </div>
                ),
              },
              {
                key: 'unit',
                title: t('honoursFlow.hc.field.unit'),
                render: (_, i) => (
                  <div style={{ minWidth: 140, whiteSpace: 'normal' }}>
                    <div>{i.candidate.unit.name}</div>
                    {i.proposerUnit.id !== i.candidate.unit.id && (
                      <div className="dh-muted" style={{ fontSize: 12 }}>
                        {t('honoursFlow.council.proposedBy', { unit: i.proposerUnit.name })}
                      </div>
                    )}
                  </div>
                ),
              },
              {
                key: 'award',
                title: t('honoursFlow.hc.field.awardForm'),
                render: (_, i) => (
                  <div style={{ minWidth: 140, maxWidth: 260, whiteSpace: 'normal' }}>
                    <div>{i.candidate.awardForm.name}</div>
                    <div className="dh-muted" style={{ fontSize: 12 }}>
                      {i.ruleSummary}
                    </div>
                  </div>
                ),
              },
              ...(open
                ? [
                    {
                      key: 'cast',
                      title: t('honoursFlow.council.field.cast'),
                      align: 'right' as const,
                      render: (_: unknown, i: TCouncilAgendaItem) => (
                        <span data-testid="cast-count">
                          {t('honoursFlow.council.castOf', { cast: i.castCount, total: s.members.length })}
                        </span>
                      ),
                    },
                  ]
                : resultColumns),
              ...(s.abilities.vote || mine ? [voteColumn] : []),
            ]}
          />
        )}
        {canVote && pending.length > 0 && (
          <div
            style={{
              marginTop: 12,
              display: 'flex',
              flexWrap: 'wrap',
              gap: 12,
              alignItems: 'center',
              justifyContent: 'flex-end',
            }}
          >
            {absent && (
              <Checkbox checked={isWritten} onChange={(e) => setWritten(e.target.checked)} data-testid="ballot-written">
                {t('honoursFlow.council.ballot.written')}
              </Checkbox>
            )}
            <Typography.Text type="secondary">{t('honoursFlow.council.ballot.final')}</Typography.Text>
            <Button
              type="primary"
              icon={<SendOutlined />}
              disabled={chosen.length === 0}
              loading={sending}
              onClick={() => void sendBallot()}
              data-testid="submit-ballot"
            >
              {t('honoursFlow.council.ballot.submit', { count: chosen.length })}
            </Button>
          </div>
        )}
      </Card>
      {recusing && <RecuseModal session={s} item={recusing} onClose={() => setRecusing(null)} />}
    </>
  );
}
