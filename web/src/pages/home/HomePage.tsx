/**
 * Việc của tôi ("/"): what needs the signed-in user — the models and exemplars
 * they were assigned to follow, registrations returned to their unit (with the
 * reason), drafts not yet sent, and, for approvers, registrations waiting for a decision.
 */
import type { ReactNode } from 'react';
import { Alert, Badge, Card, Col, Empty, List, Row, Skeleton, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import type { EntryStatus, TEntryPage, TEntrySummary } from '../../api/types.ts';
import { useCan, useMe } from '../../auth/me.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { t } from '../../i18n/index.ts';
import { EntryStatusTag } from '../registry/components/EntryStatusTag.tsx';
import { useEntries, useMyAssignments } from '../../api/registry.ts';

const SHOWN = 8;

function EntryList({ data, showReason, testId }: { data: TEntryPage; showReason?: boolean; testId: string }) {
  return (
    <List<TEntrySummary>
      size="small"
      dataSource={data.items.slice(0, SHOWN)}
      data-testid={testId}
      renderItem={(e) => (
        <List.Item data-testid={`${testId}-item`} data-entry-id={e.id}>
          <div style={{ width: '100%' }}>
            <Space style={{ width: '100%', justifyContent: 'space-between' }} align="start">
              <Link to={`/mo-hinh/${e.id}`}>
                <Typography.Text strong style={{ color: 'inherit' }}>
                  {e.name}
                </Typography.Text>
              </Link>
              <EntryStatusTag status={e.status} />
            </Space>
            <div className="dh-muted" style={{ fontSize: 12 }}>
              {e.ownerUnit.name} · {e.level.name} · {e.field.name}
            </div>
            {showReason && e.returnReason && (
              <Typography.Text type="danger" style={{ fontSize: 13, display: 'block' }}>
                {t('registry.returnedBecause', { reason: e.returnReason })}
              </Typography.Text>
            )}
          </div>
        </List.Item>
      )}
    />
  );
}

function Section({
  title,
  hint,
  query,
  more,
  emptyText,
  showReason,
  testId,
}: {
  title: ReactNode;
  hint: string;
  query: { data?: TEntryPage; isPending: boolean; error: unknown };
  more: string;
  emptyText: string;
  showReason?: boolean;
  testId: string;
}) {
  const { data, isPending, error } = query;
  return (
    <Card
      size="small"
      className="dh-home-card"
      title={
        <Space>
          {title}
          <Badge count={data?.total ?? 0} showZero color={data?.total ? '#a8071a' : '#bfbfbf'} overflowCount={999} />
        </Space>
      }
      extra={data && data.total > 0 ? <Link to={more}>{t('home.seeAll')}</Link> : undefined}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {hint}
      </Typography.Paragraph>
      {isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : error ? (
        <Alert type="error" showIcon title={errorMessage(error)} />
      ) : !data || data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
      ) : (
        <EntryList data={data} showReason={showReason} testId={testId} />
      )}
    </Card>
  );
}

const listLink = (status: EntryStatus) => `/mo-hinh?trang-thai=${status}`;

export default function HomePage() {
  const me = useMe();
  const canWrite = useCan('registry.write');
  const canApprove = useCan('registry.approve');
  const mine = useMyAssignments();
  const returned = useEntries({ status: 'returned', pageSize: SHOWN });
  const drafts = useEntries({ status: 'draft', pageSize: SHOWN });
  const waiting = useEntries({ status: 'submitted', pageSize: SHOWN });

  return (
    <>
      <PageHeader title={t('home.title')} subtitle={t('home.greeting', { name: me.fullName })} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Section
            title={t('home.assignments')}
            hint={t('home.assignmentsHint')}
            query={mine}
            more={`/mo-hinh?theo-doi=${me.id}`}
            emptyText={t('home.assignmentsEmpty')}
            testId="home-assignments"
          />
        </Col>
        {canWrite && (
          <Col xs={24} xl={12}>
            <Section
              title={t('home.returned')}
              hint={t('home.returnedHint')}
              query={returned}
              more={listLink('returned')}
              emptyText={t('home.returnedEmpty')}
              showReason
              testId="home-returned"
            />
          </Col>
        )}
        {canApprove && (
          <Col xs={24} xl={12}>
            <Section
              title={t('home.waiting')}
              hint={t('home.waitingHint')}
              query={waiting}
              more={listLink('submitted')}
              emptyText={t('home.waitingEmpty')}
              testId="home-waiting"
            />
          </Col>
        )}
        {canWrite && (
          <Col xs={24} xl={12}>
            <Section
              title={t('home.drafts')}
              hint={t('home.draftsHint')}
              query={drafts}
              more={listLink('draft')}
              emptyText={t('home.draftsEmpty')}
              testId="home-drafts"
            />
          </Col>
        )}
      </Row>
    </>
  );
}
