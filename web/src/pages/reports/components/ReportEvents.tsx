/** Lịch sử báo cáo: who started, sent, returned (with the reason), accepted, changed it, and when. */
import { Empty, Timeline, Typography } from 'antd';
import type { TReportEvent } from '../../../api/reporting.ts';
import { formatDateTimeVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { EVENT_COLORS, eventLabel } from '../labels.ts';

export function ReportEvents({ events }: { events: TReportEvent[] }) {
  if (events.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reporting.events.none')} />;
  const newestFirst = [...events].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  return (
    <Timeline
      data-testid="report-events"
      items={newestFirst.map((e) => ({
        key: e.id,
        color: EVENT_COLORS[e.kind],
        content: (
          <div data-testid="report-event" data-kind={e.kind}>
            <Typography.Text strong>{eventLabel(e.kind)}</Typography.Text>
            <div className="dh-muted" style={{ fontSize: 12 }}>
              {formatDateTimeVi(e.at)}
              {e.by ? ` · ${e.by}` : ''}
            </div>
            {e.reason && <div style={{ whiteSpace: 'pre-line' }}>{e.reason}</div>}
          </div>
        ),
      }))}
    />
  );
}
