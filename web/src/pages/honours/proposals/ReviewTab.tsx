/**
 * Thẩm định: the candidates sent to this round's unit and waiting for review
 * (GET /honours/review-queue?roundId=), with their flags and evaluation
 * results; select rows and pass them to the council or return them.
 */
import { useState } from 'react';
import { Alert, Button, Select, Space, Table, Typography } from 'antd';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { errorMessage } from '../../../api/client.ts';
import {
  useReviewQueue,
  type CandidateStatus,
  type HonourSubject,
  type TQueueCandidate,
  type TRound,
} from '../../../api/honours-proposals.ts';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { usePaging } from '../../../hooks/use-paging.ts';
import { t } from '../../../i18n/index.ts';
import { AchievementCell, CandidateName, CandidateStatusTag, EvaluationSummary, FlagTags } from './CandidateCells.tsx';
import { CANDIDATE_STATUSES, HONOUR_SUBJECTS, candidateStatusLabel, subjectLabel } from '../rounds/labels.ts';
import { useReviewActions } from './review.tsx';

export function ReviewTab({ round }: { round: TRound }) {
  const isPhone = useIsPhone();
  const [status, setStatus] = useState<CandidateStatus | undefined>('proposed');
  const [subject, setSubject] = useState<HonourSubject | undefined>(undefined);
  const [selected, setSelected] = useState<number[]>([]);
  const { page, resetPage, pagination } = usePaging(100);
  /** A new filter starts from the first page with nothing selected. */
  const refilter = () => {
    resetPage();
    setSelected([]);
  };
  const { data, isFetching, error } = useReviewQueue({ roundId: round.id, status, subject, ...page });
  const rows = data?.items ?? [];
  const chosen = rows.filter((c) => selected.includes(c.id) && c.status === 'proposed');
  const review = useReviewActions(() => setSelected([]));
  const canAct = round.abilities.review;

  return (
    <div data-testid="review-tab">
      <div className="dh-toolbar">
        <Select<CandidateStatus | 'all'>
          value={status ?? 'all'}
          onChange={(v) => {
            setStatus(v === 'all' ? undefined : v);
            refilter();
          }}
          style={{ width: 200 }}
          options={[
            { value: 'all' as const, label: t('honoursFlow.review.allStatuses') },
            ...CANDIDATE_STATUSES.map((s) => ({ value: s, label: candidateStatusLabel(s) })),
          ]}
          data-testid="review-status"
        />
        <Select<HonourSubject | 'all'>
          value={subject ?? 'all'}
          onChange={(v) => {
            setSubject(v === 'all' ? undefined : v);
            refilter();
          }}
          style={{ width: 160 }}
          options={[
            { value: 'all' as const, label: t('honoursFlow.review.allSubjects') },
            ...HONOUR_SUBJECTS.map((s) => ({ value: s, label: subjectLabel(s) })),
          ]}
          data-testid="review-subject"
        />
        {canAct && (
          <Space wrap>
            <Button
              type="primary"
              icon={<CheckOutlined />}
              disabled={chosen.length === 0}
              onClick={() => void review.pass(chosen)}
              data-testid="review-pass-selected"
            >
              {t('honoursFlow.review.passSelected', { count: chosen.length })}
            </Button>
            <Button
              danger
              icon={<RollbackOutlined />}
              disabled={chosen.length === 0}
              onClick={() => review.returnMany(chosen)}
              data-testid="review-return-selected"
            >
              {t('honoursFlow.review.returnSelected', { count: chosen.length })}
            </Button>
          </Space>
        )}
      </div>
      {error && <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <Table<TQueueCandidate>
        rowKey="id"
        size={isPhone ? 'small' : 'middle'}
        data-testid="review-table"
        loading={isFetching}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        rowSelection={
          canAct
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys as number[]),
                getCheckboxProps: (c) =>
                  ({ disabled: c.status !== 'proposed', 'data-testid': `review-select-${c.displayName}` }) as object,
              }
            : undefined
        }
        onRow={(c) =>
          ({
            'data-testid': `review-row-${c.displayName}`,
            'data-candidate-id': c.id,
            'data-status': c.status,
          }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={pagination(data?.total ?? 0, (total) => t('honoursFlow.review.total', { total }))}
        columns={[
          { key: 'name', title: t('honoursFlow.field.candidate'), render: (_, c) => <CandidateName candidate={c} /> },
          {
            key: 'proposer',
            title: t('honoursFlow.field.proposerUnit'),
            render: (_, c) => (
              <div style={{ maxWidth: 220, whiteSpace: 'normal' }}>
                {c.proposerUnit.name}
                <div style={{ fontSize: 12 }}>
                  <Link to={`/khen-thuong/to-trinh/${c.proposalId}`} data-testid="review-proposal-link">
                    {t('honoursFlow.review.openProposal')}
                  </Link>
                </div>
              </div>
            ),
          },
          {
            key: 'award',
            title: t('honoursFlow.field.awardForm'),
            render: (_, c) => (
              <span style={{ display: 'inline-block', maxWidth: 200, whiteSpace: 'normal' }}>{c.awardForm.name}</span>
            ),
          },
          {
            key: 'flags',
            title: t('honoursFlow.field.flags'),
            render: (_, c) =>
              c.flags.length ? <FlagTags flags={c.flags} /> : <Typography.Text type="secondary">—</Typography.Text>,
          },
          {
            key: 'evaluation',
            title: t('honoursFlow.field.evaluation'),
            responsive: ['md'],
            render: (_, c) => <EvaluationSummary evaluation={c.evaluation} />,
          },
          {
            key: 'achievement',
            title: t('honoursFlow.field.achievement'),
            responsive: ['lg'],
            render: (_, c) => <AchievementCell candidate={c} />,
          },
          {
            key: 'status',
            title: t('honoursFlow.field.status'),
            render: (_, c) => <CandidateStatusTag candidate={c} />,
          },
          ...(canAct
            ? [
                {
                  key: 'actions',
                  title: '',
                  render: (_: unknown, c: TQueueCandidate) =>
                    c.status === 'proposed' ? (
                      <Space size={4}>
                        <Button
                          size="small"
                          onClick={() => void review.pass([c])}
                          data-testid={`review-pass-${c.displayName}`}
                        >
                          {t('honoursFlow.review.pass')}
                        </Button>
                        <Button
                          size="small"
                          danger
                          onClick={() => review.returnMany([c])}
                          data-testid={`review-return-${c.displayName}`}
                        >
                          {t('honoursFlow.review.return')}
                        </Button>
                      </Space>
                    ) : null,
                },
              ]
            : []),
        ]}
      />
      {review.element}
    </div>
  );
}
