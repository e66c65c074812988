/**
 * The list behind the numbers: every entry expected to report for the period,
 * with its report's state, late flag, criteria met and closing day; an action
 * to start the report or open it; operators may select waiting reports.
 */
import { Button, Space, Table, Tag, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import type { TPeriodEntryRow } from '../../../api/reporting.ts';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { formatDateTimeVi, formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { kindLabel } from '../../registry/labels.ts';
import { BUCKET_COLORS, bucketLabel } from '../labels.ts';

interface Props {
  rows: TPeriodEntryRow[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  canStart: boolean;
  starting: number | null;
  onStart: (row: TPeriodEntryRow) => void;
  /** Operators: the selected report ids (waiting for acceptance). */
  selectable: boolean;
  selected: number[];
  onSelect: (reportIds: number[]) => void;
}

/** A report can be picked for acceptance when it waits for it (sent, or changed after acceptance). */
export const acceptable = (row: TPeriodEntryRow) =>
  row.reportId !== null && (row.bucket === 'submitted' || row.changedAfterAcceptance);

export function BucketTag({ row }: { row: Pick<TPeriodEntryRow, 'bucket' | 'late' | 'changedAfterAcceptance'> }) {
  return (
    <Space size={4} wrap>
      <Tag
        color={BUCKET_COLORS[row.bucket]}
        data-testid="period-entry-bucket"
        data-bucket={row.bucket}
        style={{ marginInlineEnd: 0 }}
      >
        {bucketLabel(row.bucket)}
      </Tag>
      {row.late && (
        <Tag color="red" data-testid="period-entry-late" style={{ marginInlineEnd: 0 }}>
          {t('reporting.late')}
        </Tag>
      )}
      {row.changedAfterAcceptance && (
        <Tag color="orange" style={{ marginInlineEnd: 0 }}>
          {t('reporting.changedAfterAcceptance')}
        </Tag>
      )}
    </Space>
  );
}

export function PeriodEntriesTable({
  rows,
  loading,
  pagination,
  canStart,
  starting,
  onStart,
  selectable,
  selected,
  onSelect,
}: Props) {
  const isPhone = useIsPhone();
  return (
    <Table<TPeriodEntryRow>
      rowKey={(r) => r.entry.id}
      size={isPhone ? 'small' : 'middle'}
      data-testid="period-entries"
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      rowSelection={
        selectable
          ? {
              selectedRowKeys: rows
                .filter((r) => r.reportId !== null && selected.includes(r.reportId))
                .map((r) => r.entry.id),
              onChange: (_keys, picked) => {
                const onPage = new Set(rows.map((r) => r.reportId));
                const kept = selected.filter((id) => !onPage.has(id));
                onSelect([...kept, ...picked.map((r) => r.reportId!).filter((id) => id !== null)]);
              },
              getCheckboxProps: (r) => ({ disabled: !acceptable(r), 'data-testid': 'period-entry-select' }) as never,
            }
          : undefined
      }
      onRow={(r) =>
        ({
          'data-testid': 'period-entry',
          'data-entry-id': r.entry.id,
          'data-report-id': r.reportId ?? '',
          'data-bucket': r.bucket,
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          key: 'name',
          title: t('reporting.entries.name'),
          render: (_, r) => (
            <div style={{ minWidth: 180, maxWidth: isPhone ? 260 : 360, whiteSpace: 'normal' }}>
              {r.reportId ? (
                <Link to={`/bao-cao-dinh-ky/${r.reportId}`} data-testid="period-entry-link">
                  <Typography.Text strong style={{ color: 'inherit' }}>
                    {r.entry.name}
                  </Typography.Text>
                </Link>
              ) : (
                <Link to={`/mo-hinh/${r.entry.id}`}>
                  <Typography.Text strong style={{ color: 'inherit' }}>
                    {r.entry.name}
                  </Typography.Text>
                </Link>
              )}
              <div className="dh-muted" style={{ fontSize: 12 }}>
                {kindLabel(r.entry.kind)} · {r.entry.level.name}
              </div>
              {isPhone && (
                <>
                  <div className="dh-muted" style={{ fontSize: 12 }}>
                    {r.entry.ownerUnit.name}
                  </div>
                  <div style={{ marginTop: 4 }}>
                    <BucketTag row={r} />
                  </div>
                </>
              )}
            </div>
          ),
        },
        {
          key: 'status',
          title: t('reporting.entries.status'),
          responsive: ['md'],
          render: (_, r) => <BucketTag row={r} />,
        },
        {
          key: 'met',
          title: t('reporting.entries.met'),
          align: 'right',
          render: (_, r) =>
            r.reportId === null || r.judgedCount === 0 ? (
              '—'
            ) : (
              <span data-testid="period-entry-met">
                {t('reporting.metOf', { met: r.metCount, judged: r.judgedCount })}
              </span>
            ),
        },
        {
          key: 'unit',
          title: t('reporting.entries.ownerUnit'),
          responsive: ['md'],
          render: (_, r) => (
            <span style={{ display: 'inline-block', maxWidth: 220, whiteSpace: 'normal' }}>
              {r.entry.ownerUnit.name}
            </span>
          ),
        },
        {
          key: 'submittedAt',
          title: t('reporting.entries.submittedAt'),
          responsive: ['lg'],
          render: (_, r) => (r.submittedAt ? formatDateTimeVi(r.submittedAt) : '—'),
        },
        {
          key: 'closingDay',
          title: t('reporting.entries.closingDay'),
          responsive: ['lg'],
          render: (_, r) => (r.closingDay ? formatDateVi(r.closingDay) : <Tag>{t('reporting.window.closedTag')}</Tag>),
        },
        {
          key: 'action',
          title: t('common.actions'),
          render: (_, r) =>
            r.reportId ? (
              <Link to={`/bao-cao-dinh-ky/${r.reportId}`}>
                <Button size="small" data-testid="period-entry-open">
                  {t('reporting.entries.open')}
                </Button>
              </Link>
            ) : canStart ? (
              <Button
                size="small"
                type="primary"
                loading={starting === r.entry.id}
                onClick={() => onStart(r)}
                data-testid="period-entry-start"
              >
                {t('reporting.entries.start')}
              </Button>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}
