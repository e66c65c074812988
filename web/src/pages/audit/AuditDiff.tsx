/** Before/after of one audit event as a key/value table; changed fields are highlighted. */
import { Descriptions, Table, Typography } from 'antd';
import type { TAuditEvent } from '../../api/types.ts';
import { t } from '../../i18n/index.ts';
import { diffRows, formatValue, isRecord, type DiffRow } from './format-value.ts';

export function AuditDiff({ event }: { event: TAuditEvent }) {
  const hasBefore = event.before !== null && event.before !== undefined;
  const hasAfter = event.after !== null && event.after !== undefined;
  const rows = diffRows(event.before, event.after);
  const meta = (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3 }}
      style={{ marginTop: 8 }}
      items={[
        {
          key: 'entity',
          label: t('audit.meta.entity'),
          children: `${event.entityType}${event.entityId ? ` #${event.entityId}` : ''}`,
        },
        { key: 'ip', label: t('audit.meta.ip'), children: event.ip ?? '—' },
        {
          key: 'request',
          label: t('audit.meta.request'),
          children: (
            <Typography.Text copyable={event.requestId ? { text: event.requestId } : false} style={{ fontSize: 12 }}>
              {event.requestId ?? '—'}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
  if (!hasBefore && !hasAfter) {
    return (
      <div data-testid="audit-diff">
        <Typography.Text type="secondary">{t('audit.diff.none')}</Typography.Text>
        {meta}
      </div>
    );
  }
  if (!isRecord(event.before) && !isRecord(event.after)) {
    return (
      <div data-testid="audit-diff">
        <div>
          {t('audit.diff.before')}: {formatValue(event.before)}
        </div>
        <div>
          {t('audit.diff.after')}: {formatValue(event.after)}
        </div>
        {meta}
      </div>
    );
  }
  const columns = [
    { key: 'label', title: t('audit.diff.field'), dataIndex: 'label', width: 220 },
    ...(hasBefore ? [{ key: 'before', title: t('audit.diff.before'), dataIndex: 'before' }] : []),
    ...(hasAfter
      ? [{ key: 'after', title: hasBefore ? t('audit.diff.after') : t('audit.diff.value'), dataIndex: 'after' }]
      : []),
  ];
  return (
    <div data-testid="audit-diff">
      <Table<DiffRow>
        size="small"
        rowKey="key"
        pagination={false}
        columns={columns}
        dataSource={rows}
        rowClassName={(r) => (r.changed ? 'dh-diff-changed' : '')}
      />
      {meta}
    </div>
  );
}
