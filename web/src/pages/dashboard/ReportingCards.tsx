/** The reporting dashboard's cards: completeness and evaluation totals, each opening the list behind it. */
import type { ReactNode } from 'react';
import { Card, Col, Row, Typography } from 'antd';
import { Link } from 'react-router';
import type { TDashboard } from '../../api/evaluation.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { evaluationLink, reportsLink } from './reporting-links.ts';

function StatCard({
  label,
  value,
  to,
  suffix,
  testId,
}: {
  label: string;
  value: ReactNode;
  to: string;
  suffix?: ReactNode;
  testId: string;
}) {
  return (
    <Card size="small">
      <Typography.Text type="secondary">{label}</Typography.Text>
      <div style={{ fontSize: 24, fontWeight: 600 }}>
        <Link to={to} data-testid={testId}>
          {value}
        </Link>
        {suffix && <span style={{ fontSize: 13, fontWeight: 400, marginLeft: 6 }}>{suffix}</span>}
      </div>
    </Card>
  );
}

export function ReportingCards({ d }: { d: TDashboard }) {
  if (!d.period) return null;
  const p = d.period.id;
  const unitId = d.unit?.id;
  const c = d.completeness?.total;
  const cards: Array<{ key: string; label: MessageKey; value: number; to: string; suffix?: string }> = [];
  if (c) {
    cards.push(
      { key: 'expected', label: 'dashboard.card.expected', value: c.expected, to: reportsLink(p, { unitId }) },
      { key: 'none', label: 'dashboard.card.none', value: c.none, to: reportsLink(p, { unitId, bucket: 'none' }) },
      {
        key: 'submitted',
        label: 'dashboard.card.submitted',
        value: c.submitted,
        to: reportsLink(p, { unitId, bucket: 'submitted' }),
      },
      {
        key: 'accepted',
        label: 'dashboard.card.accepted',
        value: c.accepted,
        to: reportsLink(p, { unitId, bucket: 'accepted' }),
        suffix: c.acceptedPercent !== null ? `${c.acceptedPercent}%` : undefined,
      },
      { key: 'late', label: 'dashboard.card.late', value: c.late, to: reportsLink(p, { unitId, late: true }) },
    );
  }
  cards.push(
    {
      key: 'evaluated',
      label: 'dashboard.card.evaluated',
      value: d.totals.evaluated,
      to: evaluationLink(p, { unitId, result: 'decided' }),
    },
    { key: 'met', label: 'dashboard.card.met', value: d.totals.met, to: evaluationLink(p, { unitId, result: 'met' }) },
    {
      key: 'notMet',
      label: 'dashboard.card.notMet',
      value: d.totals.notMet,
      to: evaluationLink(p, { unitId, result: 'not_met' }),
    },
    {
      key: 'undecided',
      label: 'dashboard.card.undecided',
      value: d.totals.undecided,
      to: evaluationLink(p, { unitId, result: 'undecided' }),
    },
  );
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
      {cards.map((card) => (
        <Col key={card.key} xs={12} sm={8} md={6} lg={4} xl={3}>
          <StatCard
            label={t(card.label)}
            value={card.value.toLocaleString('vi-VN')}
            suffix={card.suffix}
            to={card.to}
            testId={`dashboard-card-${card.key}`}
          />
        </Col>
      ))}
    </Row>
  );
}
