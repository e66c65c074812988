/**
 * Tab "Công khai" of a round: the lists published for comments (state,
 * window, counts, unread comments); "Công khai lấy ý kiến" for the candidates
 * passed to or approved by the council; a drawer with the public link to
 * share and the comments received (mark as read).
 */
import { useMemo, useState } from 'react';
import dayjs from 'dayjs';
import { Alert, App, Badge, Button, Col, Empty, Form, Input, List, Row, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, ExportOutlined, NotificationOutlined } from '@ant-design/icons';
import type { TRound } from '../../../../../common/schemas/honours-flow.ts';
import { ZCreateDisclosureBody } from '../../../../../common/schemas/honours-flow.ts';
import { errorMessage } from '../../../api/client.ts';
import {
  disclosureApi,
  useDisclosure,
  useDisclosures,
  useInvalidateHonours,
  useReviewQueue,
  type TComment,
  type TDisclosureSummary,
} from '../../../api/honours-council.ts';
import { ActionDrawer } from '../../../components/ActionDrawer.tsx';
import { FormModal } from '../../../components/FormModal.tsx';
import { IsoDatePicker } from '../../../components/IsoDatePicker.tsx';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { usePaging } from '../../../hooks/use-paging.ts';
import { formatDateTimeVi, formatDateVi, today } from '../../../lib/dates.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { t } from '../../../i18n/index.ts';
import { CandidatePickTable } from '../CandidatePickTable.tsx';
import { DISCLOSURE_STATE_COLORS, SUBJECT_COLORS, disclosureStateLabel, subjectLabel } from '../labels.ts';

interface CreateValues {
  title: string;
  startsOn: string;
  endsOn: string;
  note: string | null;
  candidateIds: number[];
}

function CreateDisclosureModal({
  round,
  onClose,
  onCreated,
}: {
  round: TRound;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const { message } = App.useApp();
  const invalidate = useInvalidateHonours();
  const passed = useReviewQueue({ roundId: round.id, status: 'passed', pageSize: 500 });
  const approved = useReviewQueue({ roundId: round.id, status: 'approved', pageSize: 500 });
  const candidates = useMemo(
    () => [...(approved.data?.items ?? []), ...(passed.data?.items ?? [])],
    [passed.data, approved.data],
  );
  const error = passed.error ?? approved.error;
  return (
    <FormModal<CreateValues>
      open
      title={t('honoursFlow.disclosure.create')}
      okText={t('honoursFlow.disclosure.createOk')}
      testId="disclosure-create"
      width={960}
      onClose={onClose}
      initialValues={{
        title: t('honoursFlow.disclosure.defaultTitle', { round: round.name }),
        startsOn: today(),
        endsOn: dayjs(today()).add(9, 'day').format('YYYY-MM-DD'),
        note: null,
        candidateIds: [],
      }}
      onSubmit={(v) =>
        disclosureApi.create({
          roundId: round.id,
          title: v.title,
          startsOn: v.startsOn,
          endsOn: v.endsOn,
          note: v.note || null,
          candidateIds: v.candidateIds,
        })
      }
      onDone={(result) => {
        void message.success(t('honoursFlow.disclosure.created'));
        void invalidate();
        const id = (result as { id?: number } | undefined)?.id;
        if (id) onCreated(id);
      }}
    >
      <Form.Item
        name="title"
        label={t('honoursFlow.disclosure.field.title')}
        rules={[zodRule(ZCreateDisclosureBody.shape.title)]}
        required
      >
        <Input maxLength={300} data-testid="disclosure-title" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={12} md={6}>
          <Form.Item
            name="startsOn"
            label={t('honoursFlow.disclosure.field.startsOn')}
            rules={[{ required: true, message: t('honoursFlow.hc.form.dateRequired') }]}
          >
            <IsoDatePicker data-testid="disclosure-starts" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="endsOn"
            label={t('honoursFlow.disclosure.field.endsOn')}
            dependencies={['startsOn']}
            rules={[
              { required: true, message: t('honoursFlow.hc.form.dateRequired') },
              ({ getFieldValue }) => ({
                validator: async (_r, v: string | null) => {
                  const from = getFieldValue('startsOn') as string | null;
                  if (v && from && v < from) throw new Error(t('honoursFlow.disclosure.form.endsBeforeStart'));
                },
              }),
            ]}
          >
            <IsoDatePicker data-testid="disclosure-ends" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="note" label={t('honoursFlow.disclosure.field.note')}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} data-testid="disclosure-note" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="candidateIds"
        label={t('honoursFlow.disclosure.field.candidates')}
        required
        rules={[
          {
            validator: async (_r, v: number[] | undefined) => {
              if (!v || v.length === 0) throw new Error(t('honoursFlow.disclosure.form.candidatesRequired'));
            },
          },
        ]}
      >
        <CandidatePickTable
          candidates={candidates}
          loading={passed.isFetching || approved.isFetching}
          showStatus
          testId="disclosure-candidates"
        />
      </Form.Item>
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
    </FormModal>
  );
}

/** The public link: absolute, to share by any channel. */
export function publicUrl(publicPath: string): string {
  return `${window.location.origin}${publicPath.startsWith('/') ? '' : '/'}${publicPath}`;
}

function CommentItem({ comment }: { comment: TComment }) {
  const { message } = App.useApp();
  const invalidate = useInvalidateHonours();
  const [busy, setBusy] = useState(false);
  const markRead = async () => {
    setBusy(true);
    try {
      await disclosureApi.markRead(comment.id);
      await invalidate();
    } catch (error) {
      void message.error({ content: errorMessage(error), duration: 8 });
    } finally {
      setBusy(false);
    }
  };
  return (
    <List.Item
      data-testid="disclosure-comment"
      data-read={comment.read}
      style={comment.read ? undefined : { background: '#fffbe6', paddingInline: 8 }}
      actions={
        comment.read
          ? [
              <Typography.Text key="read" type="secondary">
                {t('honoursFlow.disclosure.comment.read')}
              </Typography.Text>,
            ]
          : [
              <Button
                key="mark"
                size="small"
                icon={<CheckOutlined />}
                loading={busy}
                onClick={() => void markRead()}
                data-testid="comment-mark-read"
              >
                {t('honoursFlow.disclosure.comment.markRead')}
              </Button>,
            ]
      }
    >
      <List.Item.Meta
        title={
          <Space wrap size={4}>
            <span>{comment.authorName ?? t('honoursFlow.disclosure.comment.anonymous')}</span>
            {comment.contact && <Typography.Text type="secondary">({comment.contact})</Typography.Text>}
            {comment.candidateName && (
              <Tag>{t('honoursFlow.disclosure.comment.about', { name: comment.candidateName })}</Tag>
            )}
          </Space>
        }
        description={formatDateTimeVi(comment.createdAt)}
      />
      <div style={{ whiteSpace: 'pre-wrap' }}>{comment.content}</div>
    </List.Item>
  );
}

function DisclosureDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { data: d, error } = useDisclosure(id);
  const url = d ? publicUrl(d.publicPath) : '';
  return (
    <ActionDrawer
      open={id !== null}
      onClose={onClose}
      width={760}
      testId="disclosure-drawer"
      title={d?.title ?? t('honoursFlow.disclosure.title')}
      actions={
        d ? (
          <Button
            icon={<ExportOutlined />}
            href={url}
            target="_blank"
            rel="noopener"
            data-testid="disclosure-open-public"
          >
            {t('honoursFlow.disclosure.openPublic')}
          </Button>
        ) : null
      }
    >
      {error && <Alert type="error" showIcon title={errorMessage(error)} />}
      {d && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Space wrap>
            <Tag color={DISCLOSURE_STATE_COLORS[d.state]}>{disclosureStateLabel(d.state)}</Tag>
            <Typography.Text>
              {t('honoursFlow.disclosure.window', { from: formatDateVi(d.startsOn), to: formatDateVi(d.endsOn) })}
            </Typography.Text>
          </Space>
          <div>
            <Typography.Text strong>{t('honoursFlow.disclosure.link')}</Typography.Text>
            <Typography.Paragraph
              copyable={{ text: url, tooltips: [t('common.copy'), t('common.copied')] }}
              className="dh-secret"
              data-testid="disclosure-public-url"
              style={{ marginBottom: 0 }}
            >
              {url}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('honoursFlow.disclosure.linkHelp')}</Typography.Text>
          </div>
          {d.note && <div style={{ whiteSpace: 'pre-wrap' }}>{d.note}</div>}
          <div>
            <Typography.Title level={5}>
              {t('honoursFlow.disclosure.section.comments', { count: d.comments.length, unread: d.unreadComments })}
            </Typography.Title>
            {d.comments.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('honoursFlow.disclosure.comment.none')} />
            ) : (
              <List
                size="small"
                dataSource={d.comments}
                renderItem={(c) => <CommentItem comment={c} />}
                data-testid="disclosure-comments"
              />
            )}
          </div>
          <div>
            <Typography.Title level={5}>
              {t('honoursFlow.disclosure.section.candidates', { count: d.candidates.length })}
            </Typography.Title>
            <Table
              size="small"
              rowKey="id"
              pagination={d.candidates.length > 50 ? { pageSize: 50, size: 'small' } : false}
              dataSource={d.candidates}
              scroll={{ x: 'max-content' }}
              columns={[
                {
                  key: 'name',
                  title: t('honoursFlow.hc.field.candidate'),
                  render: (_, c) => (
                    <div style={{ minWidth: 160, whiteSpace: 'normal' }}>
                      <Tag color={SUBJECT_COLORS[c.subject]}>{subjectLabel(c.subject)}</Tag>
                      {c.displayName}
                      {c.position && (
                        <div className="dh-muted" style={{ fontSize: 12 }}>
                          {c.position}
                        </div>
                      )}
                    </div>
                  ),
                },
                { key: 'unit', title: t('honoursFlow.hc.field.unit'), render: (_, c) => c.unitName },
                { key: 'award', title: t('honoursFlow.hc.field.awardForm'), render: (_, c) => c.awardName },
              ]}
            />
          </div>
        </Space>
      )}
    </ActionDrawer>
  );
}

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
