/** Số đơn vị theo cấp và theo loại, in the subtree of the selected unit (or the whole visible tree), as of a date. */
import { Alert, Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { errorMessage } from '../../../api/client.ts';
import { formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { useOrgStats } from '../../../api/org.ts';

interface Props {
  rootId: number | null;
  rootName?: string;
  asOf: string;
}

function CountList({ title, rows }: { title: string; rows: { id: number; name: string; count: number }[] }) {
  const shown = rows.filter((r) => r.count > 0);
  return (
    <div>
      <Typography.Text type="secondary">{title}</Typography.Text>
      {shown.length === 0 && <div className="dh-muted">—</div>}
      {shown.map((r) => (
        <div
          key={r.id}
          style={{
            display: 'flex',
            justifyContent: 'space-between',
            gap: 8,
            padding: '3px 0',
            borderBottom: '1px dashed #f0f0f0',
          }}
        >
          <span>{r.name}</span>
          <Typography.Text strong>{r.count.toLocaleString('vi-VN')}</Typography.Text>
        </div>
      ))}
    </div>
  );
}

export function OrgStatsCard({ rootId, rootName, asOf }: Props) {
  const { data, isPending, error } = useOrgStats(rootId, asOf);
  return (
    <Card size="small" title={t('org.stats.title')} data-testid="org-stats">
      {isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : error ? (
        <Alert type="error" showIcon title={errorMessage(error)} />
      ) : (
        <Row gutter={[24, 12]}>
          <Col xs={24} md={6}>
            <Statistic title={t('org.stats.total')} value={data.total} groupSeparator="." />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {rootName
                ? t('org.stats.scopeUnit', { name: rootName, date: formatDateVi(data.asOf) })
                : t('org.stats.scopeAll', { date: formatDateVi(data.asOf) })}
            </Typography.Text>
          </Col>
          <Col xs={24} md={9}>
            <CountList title={t('org.stats.byLevel')} rows={data.byLevel} />
          </Col>
          <Col xs={24} md={9}>
            <CountList title={t('org.stats.byType')} rows={data.byType} />
          </Col>
        </Row>
      )}
    </Card>
  );
}
