/**
 * One disclosure (niêm yết) in a drawer: its public link to share, its candidates, and the comments
 * received (mark as read).
 */
import { useState } from 'react';
import { Alert, App, Button, Empty, List, Space, Table, Tag, Typography } from 'antd';
import { CheckOutlined, ExportOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../api/client.ts';
import { disclosureApi, useDisclosure, useInvalidateHonours, type TComment } from '../../../api/honours-council.ts';
import { ActionDrawer } from '../../../components/ActionDrawer.tsx';
import { formatDateTimeVi, formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { DISCLOSURE_STATE_COLORS, SUBJECT_COLORS, disclosureStateLabel, subjectLabel } from '../labels.ts';

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

export function DisclosureDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
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
