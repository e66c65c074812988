/** Lịch sử: every event of the unit (newest first) with the state it produced, its decision document and note. */
import { Alert, Empty, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { errorMessage } from '../../../api/client.ts';
import type { TOrgEvent, TUnitVersion } from '../../../api/types.ts';
import { formatDateTimeVi, formatDateVi } from '../../../lib/dates.ts';
import { t, type MessageKey } from '../../../i18n/index.ts';
import { useUnitHistory } from '../../../api/org.ts';

const COLORS: Record<TOrgEvent['kind'], string> = {
  create: 'green',
  rename: 'blue',
  update: 'blue',
  move: 'purple',
  merge: 'orange',
  split: 'orange',
  dissolve: 'red',
};

/** How a related unit took part, by event kind and its role in the event. */
const ROLE_KEYS: Record<string, MessageKey> = {
  'merge.source': 'org.history.role.mergeSource',
  'merge.target': 'org.history.role.mergeTarget',
  'split.source': 'org.history.role.splitSource',
  'split.target': 'org.history.role.splitTarget',
  'move.old_parent': 'org.history.role.oldParent',
  'move.new_parent': 'org.history.role.newParent',
};

const roleKey = (event: TOrgEvent, role: string) => ROLE_KEYS[`${event.kind}.${role}`];

interface Item {
  key: string;
  date: string;
  order: number;
  event?: TOrgEvent;
  version?: TUnitVersion;
}

interface Props {
  unitId: number;
  onSelect: (id: number) => void;
}

function VersionLine({ version }: { version: TUnitVersion }) {
  return (
    <div>
      <Typography.Text strong>{version.name}</Typography.Text>
      {version.shortName && <Typography.Text type="secondary"> ({version.shortName})</Typography.Text>}
      <div className="dh-muted" style={{ fontSize: 12 }}>
        {version.typeName} · {version.levelName}
        {version.parentName ? ` · ${t('unitSelect.under', { parent: version.parentName })}` : ''}
      </div>
    </div>
  );
}

function EventBody({
  event,
  version,
  unitId,
  onSelect,
}: {
  event: TOrgEvent;
  version?: TUnitVersion;
  unitId: number;
  onSelect: (id: number) => void;
}) {
  const related = event.units.filter((u) => u.id !== unitId && roleKey(event, u.role));
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      {version && <VersionLine version={version} />}
      {related.length > 0 && (
        <div style={{ fontSize: 13 }}>
          {related.map((u) => (
            <div key={`${u.role}-${u.id}`}>
              <Typography.Text type="secondary">{t(roleKey(event, u.role)!)}: </Typography.Text>
              <Typography.Link onClick={() => onSelect(u.id)}>{u.name}</Typography.Link>
            </div>
          ))}
        </div>
      )}
      {event.document && (
        <div style={{ fontSize: 13 }}>
          <FileTextOutlined /> {t('org.history.document')}{' '}
          <Link to={`/van-ban?id=${event.document.id}`}>
            {t('org.history.documentRef', {
              symbol: event.document.symbol,
              date: formatDateVi(event.document.issuedOn),
            })}
          </Link>
        </div>
      )}
      {event.note && <Typography.Paragraph style={{ margin: 0, fontSize: 13 }}>{event.note}</Typography.Paragraph>}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('org.history.recorded', {
          who: event.createdBy ?? t('org.history.system'),
          at: formatDateTimeVi(event.createdAt),
        })}
      </Typography.Text>
    </Space>
  );
}

export function UnitHistoryTimeline({ unitId, onSelect }: Props) {
  const { data, isPending, error } = useUnitHistory(unitId);
  if (isPending) return <Skeleton active />;
  if (error) return <Alert type="error" showIcon title={errorMessage(error)} />;
  if (data.events.length === 0 && data.versions.length === 0) return <Empty description={t('org.history.empty')} />;

  const versionByEvent = new Map(data.versions.map((v) => [v.eventId, v]));
  const eventIds = new Set(data.events.map((e) => e.id));
  // Versions produced by another unit's event (e.g. moved when its parent was merged) have no event of their own here.
  const items: Item[] = [
    ...data.events.map((event) => ({
      key: `e${event.id}`,
      date: event.effectiveDate,
      order: event.id,
      event,
      version: versionByEvent.get(event.id),
    })),
    ...data.versions
      .filter((v) => !eventIds.has(v.eventId))
      .map((version) => ({ key: `v${version.eventId}`, date: version.validFrom, order: version.eventId, version })),
  ].sort((a, b) => (a.date === b.date ? b.order - a.order : a.date < b.date ? 1 : -1));
  return (
    <Timeline
      data-testid="unit-history"
      items={items.map((item) => ({
        key: item.key,
        color: item.event ? COLORS[item.event.kind] : 'gray',
        content: item.event ? (
          <div data-testid="unit-history-event" data-kind={item.event.kind}>
            <Space size={6} wrap style={{ marginBottom: 2 }}>
              <Typography.Text strong>{formatDateVi(item.date)}</Typography.Text>
              <Tag color={COLORS[item.event.kind]}>{t(`org.event.${item.event.kind}`)}</Tag>
            </Space>
            <EventBody event={item.event} version={item.version} unitId={unitId} onSelect={onSelect} />
          </div>
        ) : (
          <div data-testid="unit-history-version">
            <Space size={6} wrap style={{ marginBottom: 2 }}>
              <Typography.Text strong>{formatDateVi(item.date)}</Typography.Text>
              <Tag>{t('org.history.byOtherEvent')}</Tag>
            </Space>
            {item.version && <VersionLine version={item.version} />}
          </div>
        ),
      }))}
    />
  );
}
