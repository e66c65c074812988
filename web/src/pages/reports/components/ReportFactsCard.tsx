/**
 * The facts of a periodic report: the entry, its unit, the period, due and closing days, who submitted, accepted,
 * changed.
 */
import { Card, Descriptions } from 'antd';
import { Link } from 'react-router';
import type { TReport } from '../../../api/reporting.ts';
import { formatDateTimeVi, formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { kindLabel } from '../../registry/labels.ts';
import { periodKindLabel } from '../labels.ts';

export function ReportFactsCard({ report }: { report: TReport }) {
  const w = report.window;
  return (
    <Card size="small" title={t('reporting.section.facts')}>
      <Descriptions
        size="small"
        column={1}
        items={[
          {
            key: 'entry',
            label: t('reporting.fact.entry'),
            children: (
              <div>
                <Link to={`/mo-hinh/${report.entry.id}`} data-testid="report-entry">
                  {report.entry.name}
                </Link>
                <div className="dh-muted" style={{ fontSize: 12 }}>
                  {kindLabel(report.entry.kind)} · {report.entry.level.name} · {report.entry.field.name}
                </div>
              </div>
            ),
          },
          { key: 'unit', label: t('reporting.fact.ownerUnit'), children: report.entry.ownerUnit.name },
          {
            key: 'period',
            label: t('reporting.fact.period'),
            children: (
              <span data-testid="report-period">
                {report.period.name} ({periodKindLabel(report.period.kind)}, {formatDateVi(report.period.startsOn)} –{' '}
                {formatDateVi(report.period.endsOn)})
              </span>
            ),
          },
          {
            key: 'due',
            label: t('reporting.fact.due'),
            children: <span data-testid="report-due">{formatDateVi(report.period.dueOn)}</span>,
          },
          {
            key: 'closing',
            label: t('reporting.fact.closingDay'),
            children: (
              <span data-testid="report-closing-day">
                {w.closingDay ? formatDateVi(w.closingDay) : t('reporting.window.closedTag')}
                {w.open ? '' : ` · ${t('reporting.window.notOpen')}`}
              </span>
            ),
          },
          ...(report.submittedAt
            ? [
                {
                  key: 'submitted',
                  label: t('reporting.fact.submitted'),
                  children: `${formatDateTimeVi(report.submittedAt)}${report.submittedBy ? ` · ${report.submittedBy}` : ''}`,
                },
              ]
            : []),
          ...(report.acceptedAt
            ? [
                {
                  key: 'accepted',
                  label: t('reporting.fact.accepted'),
                  children: `${formatDateTimeVi(report.acceptedAt)}${report.acceptedBy ? ` · ${report.acceptedBy}` : ''}`,
                },
              ]
            : []),
          {
            key: 'updated',
            label: t('reporting.fact.updated'),
            children: `${formatDateTimeVi(report.updatedAt)}${report.updatedBy ? ` · ${report.updatedBy}` : ''}`,
          },
        ]}
      />
    </Card>
  );
}
