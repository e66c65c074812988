/**
 * Hồ sơ một mô hình, điển hình (/mo-hinh/:id): status and key facts, what the
 * user may do, where it has spread (nhân rộng) and what it replicates, who
 * follows it, its time on the list, and the timeline of everything.
 */
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, List, Row, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { registryApi } from '../../api/registry.ts';
import type { TEntryDetail, TSpan } from '../../api/types.ts';
import { FullPageError } from '../../components/FullPageError.tsx';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { formatDateVi } from '../../lib/dates.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { EntryActions, type EntryAction } from './components/EntryActions.tsx';
import { EntryFacts } from './components/EntryFacts.tsx';
import { EntryModals, type OpenEntryAction } from './components/EntryModals.tsx';
import { EntryStatusTag } from './components/EntryStatusTag.tsx';
import { EntryTimeline } from './components/EntryTimeline.tsx';
import { MonitorNotes } from './components/MonitorNotes.tsx';
import { useEntry, useInvalidateRegistry } from '../../api/registry.ts';
import { kindLabel } from './labels.ts';

const BEGAN: Record<TSpan['began'], MessageKey> = {
  accepted: 'registry.span.began.accepted',
  reinstated: 'registry.span.began.reinstated',
  level_in: 'registry.span.began.level_in',
  imported: 'registry.span.began.imported',
  owner_in: 'registry.span.began.owner_in',
};
const ENDED: Record<NonNullable<TSpan['ended']>, MessageKey> = {
  removed: 'registry.span.ended.removed',
  transferred: 'registry.span.ended.transferred',
  replaced: 'registry.span.ended.replaced',
  level_out: 'registry.span.ended.level_out',
  owner_out: 'registry.span.ended.owner_out',
};

function Monitors({ entry, onUnassign }: { entry: TEntryDetail; onUnassign: (monitorId: number) => void }) {
  const current = entry.monitors.filter((m) => !m.unassignedOn);
  const past = entry.monitors.filter((m) => m.unassignedOn);
  if (entry.monitors.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.monitor.none')} />;
  return (
    <List
      size="small"
      data-testid="entry-monitors"
      dataSource={[...current, ...past]}
      renderItem={(m) => (
        <List.Item
          data-testid="entry-monitor"
          data-active={m.unassignedOn ? 'false' : 'true'}
          actions={
            !m.unassignedOn && entry.can.assign
              ? [
                  <Button
                    key="unassign"
                    type="link"
                    size="small"
                    danger
                    onClick={() => onUnassign(m.id)}
                    data-testid="entry-monitor-unassign"
                  >
                    {t('registry.action.unassign')}
                  </Button>,
                ]
              : undefined
          }
        >
          <div>
            <Typography.Text strong={!m.unassignedOn} delete={Boolean(m.unassignedOn)}>
              {m.userName}
            </Typography.Text>
            <div className="dh-muted" style={{ fontSize: 12 }}>
              {m.unassignedOn
                ? t('registry.monitor.range', { from: formatDateVi(m.assignedOn), to: formatDateVi(m.unassignedOn) })
                : t('registry.monitor.since', { from: formatDateVi(m.assignedOn) })}
              {m.note ? ` · ${m.note}` : ''}
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}

function Replication({ entry }: { entry: TEntryDetail }) {
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8} data-testid="entry-replication">
      <div>
        <Typography.Text type="secondary">{t('registry.replication.replicates')} </Typography.Text>
        {entry.replicates ? (
          <Link to={`/mo-hinh/${entry.replicates.id}`}>{entry.replicates.name}</Link>
        ) : (
          <span className="dh-muted">{t('registry.replication.original')}</span>
        )}
      </div>
      <Typography.Text type="secondary">
        {entry.replications.length > 0
          ? t('registry.replication.spreadTo', { count: entry.replications.length })
          : t('registry.replication.none')}
      </Typography.Text>
      {entry.replications.length > 0 && (
        <List
          size="small"
          dataSource={entry.replications}
          renderItem={(r) => (
            <List.Item>
              <div>
                <Link to={`/mo-hinh/${r.id}`}>{r.name}</Link>
                <div className="dh-muted" style={{ fontSize: 12 }}>
                  {r.ownerUnit.name} · {r.level.name}
                </div>
              </div>
              <EntryStatusTag status={r.status} />
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

function Spans({ entry }: { entry: TEntryDetail }) {
  if (entry.spans.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registry.span.none')} />;
  return (
    <Table<TSpan>
      size="small"
      rowKey={(s) => `${s.level.id}-${s.validFrom}`}
      pagination={false}
      dataSource={entry.spans}
      data-testid="entry-spans"
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'level',
          title: t('registry.field.level'),
          render: (_, s) => (
            <span style={{ display: 'inline-block', maxWidth: 140, whiteSpace: 'normal' }}>{s.level.name}</span>
          ),
        },
        {
          key: 'period',
          title: t('registry.span.period'),
          render: (_, s) => (
            <div style={{ fontSize: 13 }}>
              <div>
                {formatDateVi(s.validFrom)} <span className="dh-muted">({t(BEGAN[s.began])})</span>
              </div>
              <div>
                {s.validTo ? (
                  <>
                    {formatDateVi(s.validTo)} {s.ended && <span className="dh-muted">({t(ENDED[s.ended])})</span>}
                  </>
                ) : (
                  <Tag color="green">{t('registry.span.open')}</Tag>
                )}
              </div>
            </div>
          ),
        },
      ]}
    />
  );
}

export default function EntryPage() {
  const params = useParams();
  const id = Number(params.id) || null;
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidateRegistry();
  const { data: entry, isPending, error, refetch } = useEntry(id);
  const [open, setOpen] = useState<OpenEntryAction>(null);

  if (isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (error || !entry) return <FullPageError error={error} onRetry={() => void refetch()} />;

  const submit = () =>
    modal.confirm({
      title: t('registry.submit.confirm', { name: entry.name }),
      content: t('registry.submit.help'),
      okText: t('registry.action.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'entry-submit-confirm' },
      onOk: async () => {
        try {
          await registryApi.submit(entry.id, entry.revision);
          void message.success(t('registry.done.submitted', { name: entry.name }));
          await invalidate();
        } catch (e) {
          void message.error({ content: errorMessage(e), duration: 8 });
        }
      },
    });

  const onAction = (action: EntryAction) => {
    if (action === 'submit') submit();
    else setOpen({ action });
  };

  return (
    <div data-testid="entry-page" data-entry-id={entry.id} data-status={entry.status}>
      <div style={{ marginBottom: 8 }}>
        <Button
          type="link"
          icon={<ArrowLeftOutlined />}
          style={{ paddingInline: 0 }}
          onClick={() => void (window.history.length > 1 ? navigate(-1) : navigate('/mo-hinh'))}
        >
          {t('registry.backToList')}
        </Button>
      </div>
      <div className="dh-page-head">
        <h1 data-testid="entry-name">{entry.name}</h1>
        <EntryActions entry={entry} onAction={onAction} />
        <div style={{ flexBasis: '100%' }}>
          <Space wrap size={6}>
            <EntryStatusTag status={entry.status} />
            <Tag color={entry.kind === 'model' ? 'geekblue' : 'cyan'}>{kindLabel(entry.kind)}</Tag>
            <Tag>{entry.level.name}</Tag>
            <Typography.Text type="secondary">{entry.ownerUnit.name}</Typography.Text>
          </Space>
        </div>
      </div>
      {entry.status === 'returned' && entry.returnReason && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('registry.returnedTitle')}
          description={<span data-testid="entry-return-reason">{entry.returnReason}</span>}
          action={
            entry.can.edit ? (
              <Button size="small" danger onClick={() => setOpen({ action: 'edit' })}>
                {t('registry.returnedFix')}
              </Button>
            ) : undefined
          }
        />
      )}
      {entry.status === 'submitted' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('registry.submittedBanner')} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={t('registry.section.facts')}>
              <EntryFacts entry={entry} />
            </Card>
            <Card size="small" title={t('registry.section.timeline')}>
              <EntryTimeline entryId={entry.id} />
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={9}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card
              size="small"
              title={t('registry.section.monitors')}
              extra={
                entry.can.assign && entry.status !== 'draft' ? (
                  <Button size="small" onClick={() => setOpen({ action: 'assign' })} data-testid="entry-monitor-add">
                    {t('registry.action.assign')}
                  </Button>
                ) : undefined
              }
            >
              <Monitors
                entry={entry}
                onUnassign={(monitorId) => {
                  const monitor = entry.monitors.find((m) => m.id === monitorId);
                  if (monitor) setOpen({ action: 'unassign', monitor });
                }}
              />
            </Card>
            <Card size="small" title={t('monitoring.section')}>
              <MonitorNotes entryId={entry.id} />
            </Card>
            <Card size="small" title={t('registry.section.replication')}>
              <Replication entry={entry} />
            </Card>
            <Card
              size="small"
              title={t('registry.section.spans')}
              styles={isPhone ? { body: { padding: 8 } } : undefined}
            >
              <Spans entry={entry} />
            </Card>
          </Space>
        </Col>
      </Row>
      <EntryModals
        entry={entry}
        open={open}
        onClose={() => setOpen(null)}
        onDone={() => {
          void invalidate();
        }}
      />
    </div>
  );
}
