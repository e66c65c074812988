/**
 * Dòng thời gian: everything that happened to the entry, newest first — each
 * dated step with what changed, why, the document it cites and its attachments.
 */
import { Alert, Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { FileTextOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { errorMessage } from '../../../api/client.ts';
import type { TTimelineItem } from '../../../api/types.ts';
import { formatDateTimeVi, formatDateVi } from '../../../lib/dates.ts';
import { formatSize } from '../../documents/FileUploadField.tsx';
import { t, type MessageKey } from '../../../i18n/index.ts';
import { useTimeline } from '../../../api/registry.ts';
import { EVENT_COLORS, eventLabel } from '../labels.ts';

type Item = Extract<TTimelineItem, { type: 'registry_event' }>;
type OtherItem = Exclude<TTimelineItem, { type: 'registry_event' }>;

const CHANGE_LABELS: Record<string, MessageKey> = {
  content: 'registry.field.content',
  goals: 'registry.field.goals',
  commitments: 'registry.field.commitments',
  planId: 'registry.field.plan',
  responsibleUnitId: 'registry.field.responsibleUnit',
  position: 'registry.field.position',
};

const str = (v: unknown) => (typeof v === 'string' ? v : null);

function Details({ item }: { item: Item }) {
  const data = item.data ?? {};
  const lines: React.ReactNode[] = [];
  if (item.kind === 'level_changed' && item.fromLevel && item.toLevel) {
    lines.push(t('registry.timeline.levelChange', { from: item.fromLevel.name, to: item.toLevel.name }));
  } else if ((item.kind === 'accepted' || item.kind === 'reinstated' || item.kind === 'imported') && item.toLevel) {
    lines.push(t('registry.timeline.onList', { level: item.toLevel.name }));
  }
  if (item.kind === 'renamed' && str(data.from) && str(data.to))
    lines.push(t('registry.timeline.renamed', { from: str(data.from), to: str(data.to) }));
  if (item.kind === 'content_adjusted' && data.changes && typeof data.changes === 'object') {
    const keys = Object.keys(data.changes).map((k) => (CHANGE_LABELS[k] ? t(CHANGE_LABELS[k]) : k));
    if (keys.length > 0) lines.push(t('registry.timeline.changed', { fields: keys.join(', ') }));
  }
  if (item.kind === 'transferred_out' && str(data.transferredTo))
    lines.push(t('registry.timeline.transferredTo', { to: str(data.transferredTo) }));
  if (item.kind === 'owner_changed') {
    const unitName = (v: unknown) =>
      v && typeof v === 'object' && 'name' in v && typeof v.name === 'string' ? v.name : null;
    const [from, to] = [unitName(data.fromUnit), unitName(data.toUnit)];
    if (from && to) lines.push(t('registry.timeline.ownerChange', { from, to }));
  }
  if ((item.kind === 'monitor_assigned' || item.kind === 'monitor_unassigned') && str(data.userName))
    lines.push(t('registry.timeline.monitor', { user: str(data.userName) }));
  if (item.kind === 'submitted' && data.resubmitted) lines.push(t('registry.timeline.resubmitted'));

  const related: Partial<Record<Item['kind'], MessageKey>> = {
    replaced: 'registry.timeline.replacedBy',
    replacement_for: 'registry.timeline.replacementFor',
    replication_recorded: 'registry.timeline.replicates',
  };
  const relatedKey = related[item.kind];

  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      {lines.map((line, i) => (
        <div key={i}>{line}</div>
      ))}
      {relatedKey && item.relatedEntry && (
        <div>
          <Typography.Text type="secondary">{t(relatedKey)} </Typography.Text>
          <Link to={`/mo-hinh/${item.relatedEntry.id}`}>{item.relatedEntry.name}</Link>
        </div>
      )}
      {item.reason &&
        (item.kind === 'returned' ? (
          <Typography.Text type="danger">
            {t('registry.timeline.returnReason', { reason: item.reason })}
          </Typography.Text>
        ) : (
          <Typography.Paragraph style={{ margin: 0 }}>
            <Typography.Text type="secondary">
              {item.kind.startsWith('monitor_') || item.kind === 'launched' || item.kind === 'commitment_signed'
                ? t('registry.timeline.note')
                : t('registry.timeline.reason')}{' '}
            </Typography.Text>
            {item.reason}
          </Typography.Paragraph>
        ))}
      {item.document && (
        <div style={{ fontSize: 13 }}>
          <FileTextOutlined /> {t('org.history.document')}{' '}
          <Link to={`/van-ban?id=${item.document.id}`} data-testid="timeline-document">
            {t('org.history.documentRef', { symbol: item.document.symbol, date: formatDateVi(item.document.issuedOn) })}
          </Link>
          {item.document.summary && <span className="dh-muted"> — {item.document.summary}</span>}
        </div>
      )}
      {item.files.length > 0 && (
        <div style={{ fontSize: 13 }} data-testid="timeline-files">
          {item.files.map((f) => (
            <div key={f.id}>
              <PaperClipOutlined />{' '}
              <a href={`/api/v1/files/${f.id}`} target="_blank" rel="noreferrer">
                {f.name}
              </a>{' '}
              <span className="dh-muted">({formatSize(f.sizeBytes)})</span>
            </div>
          ))}
        </div>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('org.history.recorded', {
          who: item.recordedBy ?? t('org.history.system'),
          at: formatDateTimeVi(item.recordedAt),
        })}
      </Typography.Text>
    </Space>
  );
}

/** Items from other areas (periodic reports, monitoring, inspections, evaluations): one summary line each. */
function OtherDetails({ item }: { item: OtherItem }) {
  let line: React.ReactNode = null;
  if (item.type === 'period_report') {
    line = t('registry.timeline.report', { period: item.periodName, met: item.metCount, judged: item.judgedCount });
  } else if (item.type === 'monitor_note') {
    line = item.content;
  } else if (item.type === 'inspection') {
    line = (
      <Link to={`/kiem-tra/${item.id}`}>
        {item.title} — {item.ownerUnit.name}
      </Link>
    );
  } else if (item.type === 'evaluation') {
    line = item.reason ? `${item.scopeName} — ${t('registry.timeline.reason')} ${item.reason}` : item.scopeName;
  } else if (item.type === 'honour') {
    line = (
      <span data-testid="timeline-honour">
        {t('honoursFlow.timeline.honour', {
          award: item.awardName,
          name: item.honouree,
          grantor: item.grantor,
          symbol: item.decision.symbol,
          date: formatDateVi(item.decision.issuedOn),
        })}
        {item.status === 'revoked' &&
          ` — ${t('honoursFlow.timeline.revoked', { date: formatDateVi(item.revokedOn ?? ''), reason: item.revokeReason ?? '' })}`}
      </span>
    );
  }
  const who = 'recordedBy' in item ? item.recordedBy : null;
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      {line && <div>{line}</div>}
      {item.type === 'monitor_note' && item.files.length > 0 && (
        <div style={{ fontSize: 13 }}>
          {item.files.map((f) => (
            <div key={f.id}>
              <PaperClipOutlined />{' '}
              <a href={`/api/v1/files/${f.id}`} target="_blank" rel="noreferrer">
                {f.name}
              </a>
            </div>
          ))}
        </div>
      )}
      {who && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {who}
        </Typography.Text>
      )}
    </Space>
  );
}

const OTHER_COLORS: Record<OtherItem['type'], string> = {
  period_report: 'blue',
  monitor_note: 'cyan',
  inspection: 'purple',
  evaluation: 'green',
  honour: 'gold',
};

export function EntryTimeline({ entryId }: { entryId: number }) {
  const { data, isPending, error } = useTimeline(entryId);
  if (isPending) return <Skeleton active />;
  if (error) return <Alert type="error" showIcon title={errorMessage(error)} />;
  if (data.items.length === 0) return <Empty description={t('registry.timeline.empty')} />;
  // Newest first; on the same day, the later record first.
  const recordedAt = (i: TTimelineItem) => (i.type === 'registry_event' ? i.recordedAt : '');
  const items = [...data.items].sort((a, b) =>
    a.date === b.date
      ? recordedAt(a) < recordedAt(b)
        ? 1
        : recordedAt(a) > recordedAt(b)
          ? -1
          : b.id - a.id
      : a.date < b.date
        ? 1
        : -1,
  );
  return (
    <Timeline
      data-testid="entry-timeline"
      items={items.map((item) => ({
        key: `${item.type}-${item.id}`,
        color: item.type === 'registry_event' ? (EVENT_COLORS[item.kind] ?? 'gray') : OTHER_COLORS[item.type],
        content:
          item.type === 'registry_event' ? (
            <div data-testid="timeline-item" data-kind={item.kind}>
              <Space size={6} wrap style={{ marginBottom: 2 }}>
                <Typography.Text strong>{formatDateVi(item.date)}</Typography.Text>
                <Tag color={EVENT_COLORS[item.kind] === 'gray' ? undefined : EVENT_COLORS[item.kind]}>
                  {eventLabel(item.kind) || item.label}
                </Tag>
              </Space>
              <Details item={item} />
            </div>
          ) : (
            <div data-testid="timeline-item" data-kind={item.type}>
              <Space size={6} wrap style={{ marginBottom: 2 }}>
                <Typography.Text strong>{formatDateVi(item.date)}</Typography.Text>
                <Tag color={OTHER_COLORS[item.type]}>{item.label}</Tag>
              </Space>
              <OtherDetails item={item} />
            </div>
          ),
      }))}
    />
  );
}
