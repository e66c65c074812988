/** The movement table: one row per level and the total, every number a link, and the balance check of each row. */
import { Button, Table, Tooltip, Typography } from 'antd';
import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import type { LedgerBucket, TLedger, TLedgerRow } from '../../api/types.ts';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { t } from '../../i18n/index.ts';
import { BUCKETS, bucketLabel } from '../registry/labels.ts';
import type { Drill } from './LedgerPage.tsx';

interface Row extends TLedgerRow {
  key: string;
  levelId?: number;
  levelName: string;
  total: boolean;
}

const MINUS: LedgerBucket[] = ['movedOut', 'removed', 'transferred', 'replaced'];

/** Cuối kỳ computed from the movements: đầu kỳ + bổ sung + chuyển đến − chuyển cấp đi − đưa ra − chuyển đi − được thay thế. */
export function expectedEnd(r: TLedgerRow): number {
  return r.start + r.added + r.movedIn - r.movedOut - r.removed - r.transferred - r.replaced;
}

/** "12 = 10 + 3 + 1 − 1 − 1 − 0 − 0" */
export function equation(r: TLedgerRow): string {
  const parts = [`${r.start}`, `+ ${r.added}`, `+ ${r.movedIn}`, ...MINUS.map((b) => `− ${r[b]}`)];
  return `${r.end} = ${parts.join(' ')}`;
}

interface Props {
  ledger: TLedger | null;
  loading: boolean;
  onDrill: (drill: Drill) => void;
  levelFilter?: number;
}

export function LedgerTable({ ledger, loading, onDrill, levelFilter }: Props) {
  const isPhone = useIsPhone();
  const rows: Row[] = ledger
    ? [
        ...[...ledger.levels]
          .sort((a, b) => a.level.rank - b.level.rank)
          .map((l) => ({
            ...l,
            key: `level-${l.level.id}`,
            levelId: l.level.id,
            levelName: l.level.name,
            total: false,
          })),
        { ...ledger.total, key: 'total', levelId: levelFilter, levelName: t('ledger.total'), total: true },
      ]
    : [];

  const number = (bucket: LedgerBucket) => ({
    key: bucket,
    title: <span style={{ whiteSpace: 'normal', display: 'inline-block' }}>{bucketLabel(bucket)}</span>,
    align: 'right' as const,
    width: isPhone ? 84 : 100,
    render: (_: unknown, r: Row) => {
      const value = r[bucket];
      const strong = bucket === 'start' || bucket === 'end' || r.total;
      return (
        <Button
          type="link"
          size="small"
          disabled={value === 0}
          className="dh-ledger-num"
          style={{ fontWeight: strong ? 600 : undefined, paddingInline: 4 }}
          onClick={() => onDrill({ bucket, levelId: r.levelId, levelName: r.levelName, count: value })}
          data-testid={`ledger-cell-${bucket}`}
          data-value={value}
        >
          {value.toLocaleString('vi-VN')}
        </Button>
      );
    },
  });

  return (
    <div>
      <Table<Row>
        size={isPhone ? 'small' : 'middle'}
        bordered
        loading={loading}
        dataSource={rows}
        pagination={false}
        scroll={{ x: isPhone ? 870 : 1030 }}
        tableLayout="fixed"
        data-testid="ledger-table"
        locale={{ emptyText: t('ledger.empty') }}
        onRow={(r) =>
          ({
            'data-testid': 'ledger-row',
            'data-level': r.total ? 'total' : String(r.levelId),
            style: r.total ? { background: '#fafafa' } : undefined,
          }) as React.HTMLAttributes<HTMLElement>
        }
        columns={[
          {
            key: 'level',
            title: t('ledger.level'),
            width: isPhone ? 110 : 150,
            fixed: isPhone ? undefined : 'left',
            render: (_, r) => (
              <Typography.Text
                strong={r.total}
                style={{ whiteSpace: 'normal', display: 'inline-block', minWidth: 110, maxWidth: 200 }}
              >
                {r.levelName}
              </Typography.Text>
            ),
          },
          ...BUCKETS.map(number),
          {
            key: 'check',
            title: t('ledger.check'),
            align: 'center',
            width: 80,
            render: (_, r) => {
              const ok = expectedEnd(r) === r.end;
              return (
                <Tooltip title={ok ? equation(r) : t('ledger.checkBad', { expected: expectedEnd(r), end: r.end })}>
                  <span
                    className={ok ? 'dh-ledger-check-ok' : 'dh-ledger-check-bad'}
                    data-testid="ledger-check"
                    data-ok={ok ? 'true' : 'false'}
                  >
                    {ok ? <CheckCircleFilled /> : <WarningFilled />}
                  </span>
                </Tooltip>
              );
            },
          },
        ]}
      />
      {ledger && (
        <div style={{ marginTop: 12 }} data-testid="ledger-equation">
          <Typography.Text type="secondary">{t('ledger.formula')}</Typography.Text>
          <div>
            <Typography.Text strong className="dh-ledger-num">
              {t('ledger.totalEquation', { equation: equation(ledger.total) })}
            </Typography.Text>{' '}
            {expectedEnd(ledger.total) === ledger.total.end ? (
              <Typography.Text type="success">
                <CheckCircleFilled /> {t('ledger.checkOk')}
              </Typography.Text>
            ) : (
              <Typography.Text type="danger">
                <WarningFilled /> {t('ledger.checkBad', { expected: expectedEnd(ledger.total), end: ledger.total.end })}
              </Typography.Text>
            )}
          </div>
        </div>
      )}
    </div>
  );
}
