/**
 * Một tờ trình (/khen-thuong/to-trinh/:id): the letter, note and attachments,
 * the candidates with their flags and evaluation results, the system's
 * suggestions; the proposer adds, edits, withdraws and submits; the reviewer
 * passes each candidate to the council or returns it with a reason.
 */
import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage, isApiError } from '../../../api/client.ts';
import {
  honoursFlowApi,
  useInvalidateHonoursFlow,
  useProposal,
  type TCandidate,
  type TSuggestion,
} from '../../../api/honours-proposals.ts';
import { FullPageError } from '../../../components/FullPageError.tsx';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { formatDateTimeVi, formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { AchievementCell, CandidateName, CandidateStatusTag, EvaluationSummary, FlagTags } from './CandidateCells.tsx';
import { CandidateModal, type CandidatePrefill } from './CandidateModal.tsx';
import { PROPOSAL_STATUS_COLORS, proposalStatusLabel } from '../rounds/labels.ts';
import { ProposalFiles } from './ProposalFiles.tsx';
import { ProposalFormModal } from './ProposalFormModal.tsx';
import { useReviewActions } from './review.tsx';
import { Suggestions } from './SuggestionsCard.tsx';

type CandidateForm = { candidate: TCandidate } | { prefill: CandidatePrefill | null };

export default function ProposalPage() {
  const params = useParams();
  const id = Number(params.id) || null;
  const navigate = useNavigate();
  const isPhone = useIsPhone();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidateHonoursFlow();
  const { data: proposal, isPending, error, refetch } = useProposal(id);
  const [editing, setEditing] = useState(false);
  const [candidateForm, setCandidateForm] = useState<CandidateForm | null>(null);
  const review = useReviewActions();

  if (isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (error || !proposal) return <FullPageError error={error} onRetry={() => void refetch()} />;

  const p = proposal;
  const external = p.externalBody !== null;
  /** The proposer may change it: a draft, or a sent one with returned candidates (server rules). */
  const canEdit = p.abilities.edit;
  const canReview = p.abilities.review && p.status === 'submitted' && !external;
  const live = p.candidates.filter((c) => c.status !== 'withdrawn');

  const fail = async (e: unknown) => {
    void message.error({ content: errorMessage(e), duration: 8 });
    if (isApiError(e) && e.status === 409) await invalidate();
  };

  // The dialogs run their action themselves (onOk); the promise of their closing is not needed.
  const submit = () => {
    void modal.confirm({
      title: t('honoursFlow.proposal.submitConfirm', { to: p.externalBody ?? p.reviewerUnit?.name ?? '' }),
      content: t('honoursFlow.proposal.submitHelp', { collectives: p.collectives, individuals: p.individuals }),
      okText: t('honoursFlow.proposal.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'proposal-submit-confirm' },
      onOk: async () => {
        try {
          await honoursFlowApi.submitProposal(p.id, p.revision);
          void message.success(t('honoursFlow.proposal.submitted'));
          await invalidate();
        } catch (e) {
          await fail(e);
        }
      },
    });
  };

  const withdraw = (c: TCandidate) => {
    void modal.confirm({
      title: t('honoursFlow.candidate.withdrawConfirm', { name: c.displayName }),
      okText: t('honoursFlow.candidate.withdraw'),
      okButtonProps: { danger: true, 'data-testid': 'candidate-withdraw-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        try {
          await honoursFlowApi.withdrawCandidate(c.id, c.revision);
          void message.success(t('honoursFlow.candidate.withdrawn', { name: c.displayName }));
          await invalidate();
        } catch (e) {
          await fail(e);
        }
      },
    });
  };

  const editable = (c: TCandidate) =>
    canEdit && (c.status === 'returned' || (c.status === 'proposed' && p.status === 'draft'));
  const withdrawable = (c: TCandidate) =>
    canEdit && p.status === 'draft' && (c.status === 'proposed' || c.status === 'returned');

  const addFromSuggestion = (s: TSuggestion) =>
    setCandidateForm({
      prefill: { subject: s.subject, entry: s.entry, person: s.person, unit: s.unit },
    });

  return (
    <div data-testid="proposal-page" data-proposal-id={p.id} data-status={p.status}>
      <div style={{ marginBottom: 8 }}>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => void navigate(`/khen-thuong/dot/${p.round.id}`)}
        >
          {t('honoursFlow.proposal.backToRound', { name: p.round.name })}
        </Button>
      </div>
      <div className="dh-page-head">
        <h1 data-testid="proposal-title">{p.title}</h1>
        <Space wrap>
          {canEdit && (
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="proposal-edit">
              {t('common.edit')}
            </Button>
          )}
          {p.abilities.decideExternal && (
            <Link to={`/khen-thuong/dot/${p.round.id}?tab=quyet-dinh`} data-testid="proposal-record-decision">
              <Button>{t('honoursFlow.proposal.recordExternalDecision')}</Button>
            </Link>
          )}
          {p.abilities.submit && (
            <Button
              type="primary"
              icon={<SendOutlined />}
              onClick={submit}
              disabled={live.length === 0}
              data-testid="proposal-submit"
            >
              {p.status === 'draft' ? t('honoursFlow.proposal.submit') : t('honoursFlow.proposal.resubmit')}
            </Button>
          )}
        </Space>
        <div style={{ flexBasis: '100%' }}>
          <Space wrap size={6}>
            <Tag color={PROPOSAL_STATUS_COLORS[p.status]} data-testid="proposal-status">
              {proposalStatusLabel(p.status)}
            </Tag>
            <Typography.Text type="secondary">
              {t('honoursFlow.proposal.fromTo', {
                from: p.proposerUnit.name,
                to: p.externalBody ?? p.reviewerUnit?.name ?? '—',
              })}
            </Typography.Text>
          </Space>
        </div>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card
            size="small"
            title={t('honoursFlow.proposal.candidates', { collectives: p.collectives, individuals: p.individuals })}
            extra={
              canEdit &&
              p.status === 'draft' && (
                <Button
                  size="small"
                  type="primary"
                  icon={<PlusOutlined />}
                  onClick={() => setCandidateForm({ prefill: null })}
                  data-testid="candidate-add"
                >
                  {t('honoursFlow.candidate.add')}
                </Button>
              )
            }
          >
            {p.candidates.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('honoursFlow.proposal.noCandidates')} />
            ) : (
              <Table<TCandidate>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={p.candidates}
                scroll={{ x: 'max-content' }}
                data-testid="candidates-table"
                onRow={(c) =>
                  ({
                    'data-testid': `candidate-${c.displayName}`,
                    'data-candidate-id': c.id,
                    'data-status': c.status,
                  }) as React.HTMLAttributes<HTMLElement>
                }
                columns={[
                  { key: 'no', title: t('honoursFlow.field.no'), width: 48, render: (_, _c, i) => i + 1 },
                  {
                    key: 'name',
                    title: t('honoursFlow.field.candidate'),
                    render: (_, c) => <CandidateName candidate={c} />,
                  },
                  {
                    key: 'unit',
                    title: t('honoursFlow.field.unit'),
                    responsive: ['lg'],
                    render: (_, c) => (
                      <span style={{ display: 'inline-block', maxWidth: 200, whiteSpace: 'normal' }}>
                        {c.unit.name}
                      </span>
                    ),
                  },
                  {
                    key: 'award',
                    title: t('honoursFlow.field.awardForm'),
                    render: (_, c) => (
                      <span style={{ display: 'inline-block', maxWidth: 180, whiteSpace: 'normal' }}>
                        {c.awardForm.name}
                      </span>
                    ),
                  },
                  {
                    key: 'achievement',
                    title: t('honoursFlow.field.achievement'),
                    responsive: ['md'],
                    render: (_, c) => <AchievementCell candidate={c} />,
                  },
                  {
                    key: 'status',
                    title: t('honoursFlow.field.status'),
                    render: (_, c) => <CandidateStatusTag candidate={c} />,
                  },
                  {
                    key: 'flags',
                    title: t('honoursFlow.field.flags'),
                    render: (_, c) =>
                      c.flags.length ? <FlagTags flags={c.flags} /> : <span className="dh-muted">—</span>,
                  },
                  {
                    key: 'evaluation',
                    title: t('honoursFlow.field.evaluation'),
                    responsive: ['md'],
                    render: (_, c) => <EvaluationSummary evaluation={c.evaluation} />,
                  },
                  {
                    key: 'actions',
                    title: '',
                    render: (_, c) => (
                      <Space size={4} wrap style={{ maxWidth: isPhone ? 120 : undefined }}>
                        {editable(c) && (
                          <Button
                            size="small"
                            onClick={() => setCandidateForm({ candidate: c })}
                            data-testid={`candidate-edit-${c.displayName}`}
                          >
                            {t('common.edit')}
                          </Button>
                        )}
                        {withdrawable(c) && (
                          <Button
                            size="small"
                            danger
                            type="text"
                            onClick={() => withdraw(c)}
                            data-testid={`candidate-withdraw-${c.displayName}`}
                          >
                            {t('honoursFlow.candidate.withdraw')}
                          </Button>
                        )}
                        {canReview && c.status === 'proposed' && (
                          <>
                            <Button
                              size="small"
                              type="primary"
                              onClick={() => void review.pass([c])}
                              data-testid={`candidate-pass-${c.displayName}`}
                            >
                              {t('honoursFlow.review.pass')}
                            </Button>
                            <Button
                              size="small"
                              danger
                              onClick={() => review.returnMany([c])}
                              data-testid={`candidate-return-${c.displayName}`}
                            >
                              {t('honoursFlow.review.return')}
                            </Button>
                          </>
                        )}
                        {c.honourId !== null && <Tag color="gold">{t('honoursFlow.candidate.honoured')}</Tag>}
                      </Space>
                    ),
                  },
                ]}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('honoursFlow.proposal.facts')}>
              <Descriptions column={1} size="small" data-testid="proposal-facts">
                <Descriptions.Item label={t('honoursFlow.field.round')}>
                  <Link to={`/khen-thuong/dot/${p.round.id}`}>{p.round.name}</Link>
                </Descriptions.Item>
                <Descriptions.Item label={t('honoursFlow.field.proposerUnit')}>{p.proposerUnit.name}</Descriptions.Item>
                <Descriptions.Item label={t('honoursFlow.field.sentTo')}>
                  {p.externalBody ?? p.reviewerUnit?.name ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('honoursFlow.field.letter')}>
                  {p.letterDocument ? (
                    <div data-testid="proposal-letter-ref">
                      <Link to={`/van-ban?id=${p.letterDocument.id}`}>
                        {t('honoursFlow.proposal.letterRef', {
                          symbol: p.letterDocument.symbol,
                          date: formatDateVi(p.letterDocument.issuedOn),
                        })}
                      </Link>
                      <div className="dh-muted" style={{ fontSize: 12 }}>
                        {p.letterDocument.summary}
                      </div>
                    </div>
                  ) : (
                    '—'
                  )}
                </Descriptions.Item>
                <Descriptions.Item label={t('honoursFlow.field.submittedAt')}>
                  {p.submittedAt ? formatDateTimeVi(p.submittedAt) : '—'}
                </Descriptions.Item>
                {p.note && (
                  <Descriptions.Item label={t('honoursFlow.field.note')}>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{p.note}</span>
                  </Descriptions.Item>
                )}
              </Descriptions>
            </Card>
            <Card size="small" title={t('honoursFlow.proposal.files')}>
              <ProposalFiles proposal={p} />
            </Card>
            {canEdit && p.status === 'draft' && !external && <Suggestions proposal={p} onAdd={addFromSuggestion} />}
          </Space>
        </Col>
      </Row>
      {editing && <ProposalFormModal mode="edit" proposal={p} onClose={() => setEditing(false)} />}
      {candidateForm && (
        <CandidateModal
          proposal={p}
          candidate={'candidate' in candidateForm ? candidateForm.candidate : null}
          prefill={'prefill' in candidateForm ? candidateForm.prefill : null}
          onClose={() => setCandidateForm(null)}
        />
      )}
      {review.element}
    </div>
  );
}
