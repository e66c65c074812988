/**
 * Một phiên họp Hội đồng Thi đua – Khen thưởng (/khen-thuong/hoi-dong/:id):
 * the session's facts and members; for those who manage it the attendance,
 * closing with the count and the minutes (.docx); the agenda of candidates
 * with the rule in force; for a member, one ballot (agree / disagree / not
 * voting per candidate, or a declared conflict of interest) sent at once;
 * after closing, the result of every candidate.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Skeleton,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import {
  ArrowLeftOutlined,
  CheckCircleOutlined,
  CloseCircleOutlined,
  FileWordOutlined,
  LockOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import type { ButtonProps } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../../api/client.ts';
import {
  councilApi,
  useCouncilSession,
  useInvalidateHonours,
  type TCouncilAgendaItem,
  type TCouncilSession,
  type TVoteResult,
} from '../../../api/honours-council.ts';
import { useMe } from '../../../auth/me.ts';
import { FullPageError } from '../../../components/FullPageError.tsx';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { formatDateTimeVi, formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { CandidateFlags, CandidateName } from '../CandidatePickTable.tsx';
import {
  CHOICES,
  MY_VOTE_COLORS,
  SESSION_STATUS_COLORS,
  choiceLabel,
  councilRoleLabel,
  myVoteLabel,
  sessionStatusLabel,
  type Choice,
} from '../labels.ts';

type Session = TCouncilSession;

function AttendanceCard({ session }: { session: Session }) {
  const { message } = App.useApp();
  const invalidate = useInvalidateHonours();
  const canEdit = session.abilities.manage && session.status === 'open';
  // Compared by value: a refetch that changes only the ballot counts keeps unsaved ticks.
  const initialKey = session.members
    .filter((m) => m.present)
    .map((m) => m.user.id)
    .join(',');
  const initial = useMemo(() => (initialKey ? initialKey.split(',').map(Number) : []), [initialKey]);
  const [present, setPresent] = useState<number[]>(initial);
  const [busy, setBusy] = useState(false);
  useEffect(() => setPresent(initial), [initial]);
  const dirty = present.length !== initial.length || present.some((id) => !initial.includes(id));
  const save = async () => {
    setBusy(true);
    try {
      await councilApi.attendance(session.id, present, session.revision);
      void message.success(t('honoursFlow.council.attendance.saved'));
      await invalidate();
    } catch (error) {
      void message.error({ content: errorMessage(error), duration: 8 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      size="small"
      title={t('honoursFlow.council.section.members', { present: initial.length, total: session.members.length })}
      extra={
        canEdit ? (
          <Button
            size="small"
            type={dirty ? 'primary' : 'default'}
            loading={busy}
            disabled={!dirty}
            onClick={() => void save()}
            data-testid="attendance-save"
          >
            {t('honoursFlow.council.attendance.save')}
          </Button>
        ) : undefined
      }
    >
      <Table
        size="small"
        rowKey={(m) => m.user.id}
        pagination={false}
        dataSource={session.members}
        data-testid="council-member-list"
        scroll={{ x: 'max-content' }}
        columns={[
          {
            key: 'name',
            title: t('honoursFlow.council.member.name'),
            render: (_, m) => (
              <div>
                <div>{m.user.name}</div>
                <div className="dh-muted" style={{ fontSize: 12 }}>
                  {[councilRoleLabel(m.role), m.position].filter(Boolean).join(' · ')}
                </div>
              </div>
            ),
          },
          {
            key: 'present',
            title: t('honoursFlow.council.member.present'),
            align: 'center',
            render: (_, m) =>
              canEdit ? (
                <Checkbox
                  checked={present.includes(m.user.id)}
                  onChange={(e) =>
                    setPresent((p) => (e.target.checked ? [...p, m.user.id] : p.filter((id) => id !== m.user.id)))
                  }
                  data-testid={`present-${m.user.name}`}
                />
              ) : m.present ? (
                <CheckCircleOutlined
                  style={{ color: '#389e0d' }}
                  aria-label={t('honoursFlow.council.member.presentYes')}
                />
              ) : (
                <Typography.Text type="secondary">{t('honoursFlow.council.member.absent')}</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}

function RecuseModal({ session, item, onClose }: { session: Session; item: TCouncilAgendaItem; onClose: () => void }) {
  const { message } = App.useApp();
  const invalidate = useInvalidateHonours();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      await councilApi.recuse(session.id, item.candidate.id, reason.trim());
      void message.success(t('honoursFlow.council.recuse.done'));
      await invalidate();
      onClose();
    } catch (error) {
      void message.error({ content: errorMessage(error), duration: 8 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={t('honoursFlow.council.recuse.title', { name: item.candidate.displayName })}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('honoursFlow.council.recuse.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: reason.trim() === '', loading: busy, 'data-testid': 'recuse-submit' } as ButtonProps}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('honoursFlow.council.recuse.help')} />
      <Form layout="vertical">
        <Form.Item label={t('honoursFlow.council.recuse.reason')} required>
          <Input.TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            maxLength={1000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            data-testid="recuse-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ResultCell({ r }: { r: TVoteResult }) {
  const note = !r.quorumMet
    ? t('honoursFlow.council.result.noQuorum', { present: r.present, needed: r.quorumNeeded })
    : r.yesNeeded === null
      ? t('honoursFlow.council.result.noBase')
      : t('honoursFlow.council.result.needed', { needed: r.yesNeeded, base: r.base });
  return (
    <Tooltip title={note}>
      <Space orientation="vertical" size={0}>
        <Tag
          color={r.passed ? 'green' : 'red'}
          icon={r.passed ? <CheckCircleOutlined /> : <CloseCircleOutlined />}
          data-testid="result-tag"
        >
          {r.passed ? t('honoursFlow.council.result.passed') : t('honoursFlow.council.result.failed')}
        </Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {note}
        </Typography.Text>
      </Space>
    </Tooltip>
  );
}

function AgendaDetails({ item }: { item: TCouncilAgendaItem }) {
  const c = item.candidate;
  return (
    <div style={{ maxWidth: 900 }}>
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('honoursFlow.hc.field.achievement')}>
          <div style={{ whiteSpace: 'pre-wrap' }}>{c.achievement}</div>
        </Descriptions.Item>
        <Descriptions.Item label={t('honoursFlow.hc.field.rule')}>{item.ruleSummary}</Descriptions.Item>
        {c.evaluation.length > 0 && (
          <Descriptions.Item label={t('honoursFlow.hc.field.evaluation')}>
            <Space orientation="vertical" size={0}>
              {c.evaluation.map((e, i) => (
                <span key={i}>
                  {t(e.met ? 'honoursFlow.hc.evaluation.met' : 'honoursFlow.hc.evaluation.notMet', {
                    scope: e.scope,
                    date: formatDateVi(e.decidedOn),
                    level: e.level ?? '',
                  })}
                </span>
              ))}
            </Space>
          </Descriptions.Item>
        )}
        {c.flags.length > 0 && (
          <Descriptions.Item label={t('honoursFlow.hc.field.flags')}>
            <Space orientation="vertical" size={0}>
              {c.flags.map((f, i) => (
                <Typography.Text key={i} type="danger">
                  {f.text}
                </Typography.Text>
              ))}
            </Space>
          </Descriptions.Item>
        )}
        {item.recusals.length > 0 && (
          <Descriptions.Item label={t('honoursFlow.council.recusals')}>
            <Space orientation="vertical" size={0}>
              {item.recusals.map((r) => (
                <span key={r.user.id}>
                  {t('honoursFlow.council.recusalLine', { name: r.user.name, reason: r.reason })}
                </span>
              ))}
            </Space>
          </Descriptions.Item>
        )}
      </Descriptions>
    </div>
  );
}

export default function CouncilPage() {
  const params = useParams();
  const id = Number(params.id) || null;
  const navigate = useNavigate();
  const me = useMe();
  const isPhone = useIsPhone();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidateHonours();
  const { data: session, isPending, error, refetch } = useCouncilSession(id);
  const [choices, setChoices] = useState<Record<number, Choice>>({});
  const [written, setWritten] = useState<boolean | null>(null);
  const [recusing, setRecusing] = useState<TCouncilAgendaItem | null>(null);
  const [sending, setSending] = useState(false);
  const [downloading, setDownloading] = useState(false);

  if (isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (error || !session) return <FullPageError error={error} onRetry={() => void refetch()} />;

  const s = session;
  const open = s.status === 'open';
  const mine = s.members.find((m) => m.user.id === me.id) ?? null;
  const canVote = s.abilities.vote && open;
  const votable = (item: TCouncilAgendaItem) => canVote && item.myVote === null;
  const pending = s.agenda.filter(votable);
  const chosen = pending.filter((i) => choices[i.candidate.id]);
  const absent = mine !== null && !mine.present;
  const isWritten = written ?? absent;
  const quorum = s.agenda.find((a) => a.result)?.result ?? null;

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

  const closeSession = () =>
    modal.confirm({
      title: t('honoursFlow.council.close.title'),
      content: t('honoursFlow.council.close.body', {
        present: s.members.filter((m) => m.present).length,
        total: s.members.length,
      }),
      okText: t('honoursFlow.council.close.ok'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'close-session-confirm' } as ButtonProps,
      onOk: async () => {
        try {
          await councilApi.close(s.id, s.revision);
          void message.success(t('honoursFlow.council.close.done'));
          await invalidate();
        } catch (err) {
          void message.error({ content: errorMessage(err), duration: 8 });
        }
      },
    });

  const downloadMinutes = async () => {
    setDownloading(true);
    try {
      await councilApi.minutes(s.id);
    } catch (err) {
      void message.error({ content: errorMessage(err), duration: 8 });
    } finally {
      setDownloading(false);
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
    <div data-testid="council-page" data-session-id={s.id} data-status={s.status}>
      <div style={{ marginBottom: 8 }}>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => (window.history.length > 1 ? navigate(-1) : navigate(`/khen-thuong/dot/${s.round.id}`))}
        >
          {t('honoursFlow.council.back')}
        </Button>
      </div>
      <div className="dh-page-head">
        <h1 data-testid="council-title">{s.title}</h1>
        <Space wrap>
          {s.abilities.manage && open && (
            <Button type="primary" danger icon={<LockOutlined />} onClick={closeSession} data-testid="close-session">
              {t('honoursFlow.council.close.action')}
            </Button>
          )}
          {!open && (
            <Button
              icon={<FileWordOutlined />}
              loading={downloading}
              onClick={() => void downloadMinutes()}
              data-testid="minutes-download"
            >
              {t('honoursFlow.council.minutes')}
            </Button>
          )}
        </Space>
        <div style={{ flexBasis: '100%' }}>
          <Space wrap size={6}>
            <Tag color={SESSION_STATUS_COLORS[s.status]} data-testid="council-status">
              {sessionStatusLabel(s.status)}
            </Tag>
            <Tag>
              {t(s.ballot === 'secret' ? 'honoursFlow.council.ballot.secret' : 'honoursFlow.council.ballot.open')}
            </Tag>
            <Link to={`/khen-thuong/dot/${s.round.id}`}>{s.round.name}</Link>
          </Space>
        </div>
      </div>
      {quorum && !quorum.quorumMet && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('honoursFlow.council.result.noQuorumAlert', {
            present: quorum.present,
            members: quorum.members,
            needed: quorum.quorumNeeded,
          })}
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
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
                  <Checkbox
                    checked={isWritten}
                    onChange={(e) => setWritten(e.target.checked)}
                    data-testid="ballot-written"
                  >
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
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('honoursFlow.council.section.facts')}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('honoursFlow.council.field.unit')}>{s.unit.name}</Descriptions.Item>
                <Descriptions.Item label={t('honoursFlow.council.field.heldOn')}>
                  {formatDateVi(s.heldOn)}
                </Descriptions.Item>
                <Descriptions.Item label={t('honoursFlow.council.field.location')}>
                  {s.location ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('honoursFlow.council.field.ballot')}>
                  {t(s.ballot === 'secret' ? 'honoursFlow.council.ballot.secret' : 'honoursFlow.council.ballot.open')}
                </Descriptions.Item>
                <Descriptions.Item label={t('honoursFlow.council.field.candidateCount')}>
                  {s.candidateCount}
                </Descriptions.Item>
                {s.closedAt && (
                  <Descriptions.Item label={t('honoursFlow.council.field.closedAt')}>
                    {formatDateTimeVi(s.closedAt)}
                  </Descriptions.Item>
                )}
              </Descriptions>
              {s.ballot === 'secret' && open && (
                <Typography.Text type="secondary">{t('honoursFlow.council.ballot.secretHelp')}</Typography.Text>
              )}
            </Card>
            <AttendanceCard session={s} />
          </Space>
        </Col>
      </Row>
      {recusing && <RecuseModal session={s} item={recusing} onClose={() => setRecusing(null)} />}
    </div>
  );
}
