/**
 * Trang công khai lấy ý kiến (/cong-khai/:token), open to anyone without
 * signing in: the list of collectives and individuals proposed for honours
 * (name, position, unit, award, achievement), the comment window, and a form
 * to send a comment (optionally about one candidate). Works on a phone.
 * Calls the public API with quiet401, so no answer ever leads to sign-in.
 */
import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Collapse,
  Form,
  Input,
  Result,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useParams } from 'react-router';
import { ZPublicCommentBody } from '@common/schemas/honours-disclosure.ts';
import { ApiError, errorMessage } from '../../../api/client.ts';
import { publicDisclosureApi, usePublicDisclosure, type TPublicCandidate } from '../../../api/honours-council.ts';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { formatDateVi } from '../../../lib/dates.ts';
import { applyFieldErrors } from '../../../lib/api-errors.ts';
import { zodRule } from '../../../lib/zod-rule.ts';
import { t } from '../../../i18n/index.ts';
import { DISCLOSURE_STATE_COLORS, SUBJECT_COLORS, disclosureStateLabel, subjectLabel } from '../labels.ts';
import { DemoBanner } from '../../../layout/DemoBanner.tsx';

interface CommentValues {
  candidateId: number | null;
  authorName: string;
  contact: string;
  content: string;
}

function CandidateCard({ c, index }: { c: TPublicCandidate; index: number }) {
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="public-candidate">
      <div>
        <Typography.Text type="secondary">{index + 1}. </Typography.Text>
        <Tag color={SUBJECT_COLORS[c.subject]}>{subjectLabel(c.subject)}</Tag>
        <Typography.Text strong>{c.displayName}</Typography.Text>
      </div>
      {c.position && <div className="dh-muted">{c.position}</div>}
      <div>{c.unitName}</div>
      <div>
        <Typography.Text type="secondary">{t('honoursFlow.public.award')}: </Typography.Text>
        {c.awardName}
      </div>
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'a',
            label: t('honoursFlow.hc.field.achievement'),
            children: <div style={{ whiteSpace: 'pre-wrap' }}>{c.achievement}</div>,
          },
        ]}
      />
    </Card>
  );
}

function CommentForm({ token, candidates }: { token: string; candidates: TPublicCandidate[] }) {
  const [form] = Form.useForm<CommentValues>();
  const [website, setWebsite] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = async (v: CommentValues) => {
    setBusy(true);
    setFailure(null);
    try {
      await publicDisclosureApi.comment(token, {
        candidateId: v.candidateId ?? null,
        authorName: v.authorName?.trim() || null,
        contact: v.contact?.trim() || null,
        content: v.content,
        ...(website ? { website } : {}),
      });
      setSent(true);
      form.resetFields();
    } catch (error) {
      applyFieldErrors(form, error);
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  if (sent) {
    return (
      <Result
        status="success"
        title={t('honoursFlow.public.sent')}
        subTitle={t('honoursFlow.public.sentHelp')}
        extra={
          <Button onClick={() => setSent(false)} data-testid="public-comment-again">
            {t('honoursFlow.public.again')}
          </Button>
        }
        data-testid="public-comment-sent"
      />
    );
  }
  return (
    <Form<CommentValues>
      form={form}
      layout="vertical"
      onFinish={(v) => void submit(v)}
      initialValues={{ candidateId: null, authorName: '', contact: '', content: '' }}
      data-testid="public-comment-form"
    >
      {failure && (
        <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} data-testid="public-comment-error" />
      )}
      <Form.Item name="candidateId" label={t('honoursFlow.public.about')}>
        <Select<number>
          allowClear
          placeholder={t('honoursFlow.public.aboutAll')}
          showSearch={{ optionFilterProp: 'label' }}
          options={candidates.map((c) => ({ value: c.id, label: `${c.displayName} — ${c.unitName}` }))}
          data-testid="public-comment-candidate"
        />
      </Form.Item>
      <Form.Item name="authorName" label={t('honoursFlow.public.name')}>
        <Input maxLength={200} autoComplete="name" data-testid="public-comment-name" />
      </Form.Item>
      <Form.Item name="contact" label={t('honoursFlow.public.contact')} extra={t('honoursFlow.public.contactHelp')}>
        <Input maxLength={200} data-testid="public-comment-contact" />
      </Form.Item>
      <Form.Item
        name="content"
        label={t('honoursFlow.public.content')}
        rules={[zodRule(ZPublicCommentBody.shape.content)]}
        required
      >
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 12 }}
          maxLength={4000}
          showCount
          data-testid="public-comment-content"
        />
      </Form.Item>
      {/* Left empty by people (hidden from view and from the keyboard); robots fill it in. */}
      <div
        aria-hidden="true"
        style={{ position: 'absolute', left: -10000, top: 'auto', width: 1, height: 1, overflow: 'hidden' }}
      >
        <input
          type="text"
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={website}
          onChange={(e) => setWebsite(e.target.value)}
          data-testid="public-comment-website"
        />
      </div>
      <Button type="primary" htmlType="submit" loading={busy} block data-testid="public-comment-submit">
        {t('honoursFlow.public.submit')}
      </Button>
    </Form>
  );
}

export default function PublicDisclosurePage() {
  const { token = '' } = useParams();
  const isPhone = useIsPhone();
  const { data: d, isPending, error, refetch } = usePublicDisclosure(token);

  let body: React.ReactNode;
  if (isPending)
    body = (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  else if (error || !d) {
    const missing = error instanceof ApiError && error.status === 404;
    body = (
      <Card>
        <Result
          status={missing ? '404' : 'warning'}
          title={missing ? t('honoursFlow.public.notFound') : t('error.loadFailed')}
          subTitle={missing ? t('honoursFlow.public.notFoundHelp') : errorMessage(error)}
          extra={
            missing ? undefined : (
              <Button type="primary" onClick={() => void refetch()}>
                {t('common.retry')}
              </Button>
            )
          }
        />
      </Card>
    );
  } else {
    body = (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Typography.Title level={isPhone ? 4 : 3} style={{ marginTop: 0 }} data-testid="public-title">
            {d.title}
          </Typography.Title>
          <Space wrap>
            <Typography.Text strong>{d.unitName}</Typography.Text>
            <Tag color={DISCLOSURE_STATE_COLORS[d.state]} data-testid="public-state">
              {disclosureStateLabel(d.state)}
            </Tag>
            <Typography.Text>
              {t('honoursFlow.disclosure.window', { from: formatDateVi(d.startsOn), to: formatDateVi(d.endsOn) })}
            </Typography.Text>
          </Space>
          {d.note && (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }}>
              {d.note}
            </Typography.Paragraph>
          )}
        </Card>
        <Card
          title={t('honoursFlow.public.listTitle', { count: d.candidates.length })}
          size={isPhone ? 'small' : 'default'}
        >
          {isPhone ? (
            d.candidates.map((c, i) => <CandidateCard key={c.id} c={c} index={i} />)
          ) : (
            <Table<TPublicCandidate>
              size="small"
              rowKey="id"
              dataSource={d.candidates}
              pagination={d.candidates.length > 100 ? { pageSize: 100 } : false}
              data-testid="public-candidates"
              expandable={{ expandedRowRender: (c) => <div style={{ whiteSpace: 'pre-wrap' }}>{c.achievement}</div> }}
              onRow={() => ({ 'data-testid': 'public-candidate' }) as React.HTMLAttributes<HTMLElement>}
              columns={[
                { key: 'no', title: t('honoursFlow.hc.field.no'), width: 48, render: (_, _c, i) => i + 1 },
                {
                  key: 'name',
                  title: t('honoursFlow.hc.field.candidate'),
                  render: (_, c) => (
                    <div>
                      <Tag color={SUBJECT_COLORS[c.subject]}>{subjectLabel(c.subject)}</Tag>
                      <Typography.Text strong>{c.displayName}</Typography.Text>
                      {c.position && <div className="dh-muted">{c.position}</div>}
                    </div>
                  ),
                },
                { key: 'unit', title: t('honoursFlow.hc.field.unit'), render: (_, c) => c.unitName },
                { key: 'award', title: t('honoursFlow.public.award'), render: (_, c) => c.awardName },
                {
                  key: 'achievement',
                  title: t('honoursFlow.hc.field.achievement'),
                  render: (_, c) => (
                    <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ maxWidth: 420, marginBottom: 0 }}>
                      {c.achievement}
                    </Typography.Paragraph>
                  ),
                },
              ]}
            />
          )}
        </Card>
        <Card title={t('honoursFlow.public.commentTitle')} size={isPhone ? 'small' : 'default'}>
          {d.state === 'open' ? (
            <CommentForm token={token} candidates={d.candidates} />
          ) : (
            <Alert
              type="info"
              showIcon
              data-testid="public-closed"
              title={
                d.state === 'upcoming'
                  ? t('honoursFlow.public.upcoming', { date: formatDateVi(d.startsOn) })
                  : t('honoursFlow.public.ended', { date: formatDateVi(d.endsOn) })
              }
            />
          )}
        </Card>
      </Space>
    );
  }

  return (
    <div style={{ minHeight: '100vh', background: '#f4f5f7' }} data-testid="public-disclosure-page">
      <DemoBanner />
      <div className="dh-brand" style={{ height: 'auto', padding: '10px 16px', whiteSpace: 'normal' }}>
        <div>
          <div className="dh-brand-title">{t('app.name')}</div>
          <div className="dh-brand-sub">{t('honoursFlow.public.banner')}</div>
        </div>
      </div>
      <div style={{ maxWidth: 1080, margin: '0 auto', padding: isPhone ? 8 : 16 }}>{body}</div>
    </div>
  );
}
