/**
 * Completeness of a period for a subtree: the totals (expected, not started,
 * drafting, returned, waiting, accepted, late, percentages) and one row per
 * child unit. Every number is a link that filters the list below it.
 */
import { Card, Col, Row, Table, Typography } from 'antd';
import type { CompletenessBucket, TCompleteness, TCompletenessCounts } from '../../../api/reporting.ts';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { t } from '../../../i18n/index.ts';
import { bucketLabel, formatPercent } from '../labels.ts';

/** What a number filters: a bucket, the late ones, or everything; optionally within a child unit. */
export interface Drill {
  bucket?: CompletenessBucket;
  late?: boolean;
  childUnitId?: number;
}

type Cell = 'expected' | CompletenessBucket | 'late';
const CELLS: Cell[] = ['expected', 'none', 'draft', 'returned', 'submitted', 'accepted', 'late'];

const drillOf = (cell: Cell): Drill => (cell === 'expected' ? {} : cell === 'late' ? { late: true } : { bucket: cell });
const cellLabel = (cell: Cell) =>
  cell === 'expected'
    ? t('reporting.completeness.expected')
    : cell === 'late'
      ? t('reporting.completeness.late')
      : bucketLabel(cell);

function NumberLink({
  value,
  testId,
  active,
  onClick,
  strong,
}: {
  value: number;
  testId: string;
  active: boolean;
  onClick: () => void;
  strong?: boolean;
}) {
  return (
    <Typography.Link
      onClick={onClick}
      data-testid={testId}
      data-value={value}
      data-active={active ? 'true' : 'false'}
      className="dh-ledger-num"
      strong={strong || active}
      underline={active}
    >
      {value.toLocaleString('vi-VN')}
    </Typography.Link>
  );
}

interface Props {
  data: TCompleteness;
  drill: Drill;
  onDrill: (drill: Drill) => void;
  /** Look at a child unit's subtree (its own children then show). */
  onOpenUnit: (unitId: number) => void;
}

const same = (a: Drill, b: Drill) =>
  (a.bucket ?? null) === (b.bucket ?? null) &&
  Boolean(a.late) === Boolean(b.late) &&
  (a.childUnitId ?? null) === (b.childUnitId ?? null);

export function CompletenessPanel({ data, drill, onDrill, onOpenUnit }: Props) {
  const isPhone = useIsPhone();
  const total = data.total;
  type Child = TCompleteness['children'][number];
  return (
    <Card
      size="small"
      title={t('reporting.completeness.title', { period: data.period.name })}
      data-testid="completeness"
      style={{ marginBottom: 12 }}
    >
      <Row gutter={[12, 12]} data-testid="completeness-total">
        {CELLS.map((cell) => {
          const value = cell === 'expected' ? total.expected : total[cell];
          const target = drillOf(cell);
          return (
            <Col key={cell} xs={12} sm={8} md={6} xl={3}>
              <div className="dh-muted" style={{ fontSize: 12 }}>
                {cellLabel(cell)}
              </div>
              <div style={{ fontSize: 22 }}>
                <NumberLink
                  value={value}
                  testId={`completeness-total-${cell}`}
                  active={same(drill, target)}
                  onClick={() => onDrill(target)}
                  strong={cell === 'expected'}
                />
              </div>
            </Col>
          );
        })}
        <Col xs={12} sm={8} md={6} xl={3}>
          <div className="dh-muted" style={{ fontSize: 12 }}>
            {t('reporting.completeness.submittedPercent')}
          </div>
          <div
            style={{ fontSize: 22 }}
            data-testid="completeness-submitted-percent"
            data-value={total.submittedPercent ?? ''}
          >
            {formatPercent(total.submittedPercent)}
          </div>
          <div
            className="dh-muted"
            style={{ fontSize: 12 }}
            data-testid="completeness-accepted-percent"
            data-value={total.acceptedPercent ?? ''}
          >
            {t('reporting.completeness.acceptedPercent', { percent: formatPercent(total.acceptedPercent) })}
          </div>
        </Col>
      </Row>
      {data.children.length > 0 && (
        <Table<Child>
          style={{ marginTop: 12 }}
          rowKey={(c) => c.unit.id}
          size="small"
          pagination={false}
          dataSource={data.children}
          scroll={{ x: 'max-content' }}
          data-testid="completeness-children"
          onRow={(c) =>
            ({ 'data-testid': 'completeness-child', 'data-unit-id': c.unit.id }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              key: 'unit',
              title: t('reporting.completeness.unit'),
              render: (_, c) => (
                <Typography.Link
                  onClick={() => onOpenUnit(c.unit.id)}
                  style={{
                    display: 'inline-block',
                    minWidth: 160,
                    maxWidth: isPhone ? 200 : 320,
                    whiteSpace: 'normal',
                  }}
                  data-testid="completeness-child-unit"
                >
                  {c.unit.name}
                </Typography.Link>
              ),
            },
            ...CELLS.map((cell) => ({
              key: cell,
              title: cellLabel(cell),
              align: 'right' as const,
              render: (_: unknown, c: Child) => {
                const value = cell === 'expected' ? c.expected : (c as TCompletenessCounts)[cell];
                const target = { ...drillOf(cell), childUnitId: c.unit.id };
                return (
                  <NumberLink
                    value={value}
                    testId={`completeness-child-${cell}`}
                    active={same(drill, target)}
                    onClick={() => onDrill(target)}
                  />
                );
              },
            })),
            {
              key: 'submittedPercent',
              title: t('reporting.completeness.submittedPercentShort'),
              align: 'right',
              render: (_, c) => formatPercent(c.submittedPercent),
            },
            {
              key: 'acceptedPercent',
              title: t('reporting.completeness.acceptedPercentShort'),
              align: 'right',
              render: (_, c) => formatPercent(c.acceptedPercent),
            },
          ]}
        />
      )}
    </Card>
  );
}
