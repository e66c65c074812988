/** The list of models and exemplars, in Vietnamese name order (sorted by the server), compact on phones. */
import { Table, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { Link } from 'react-router';
import type { TEntrySummary } from '../../../api/types.ts';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';
import { kindLabel } from '../labels.ts';
import { EntryStatusTag } from './EntryStatusTag.tsx';

interface Props {
  rows: TEntrySummary[];
  loading: boolean;
  pagination: TablePaginationConfig | false;
  testId?: string;
}

const wrap = (maxWidth: number) => ({ display: 'inline-block', maxWidth, whiteSpace: 'normal' as const });

export function RegistryTable({ rows, loading, pagination, testId = 'registry-table' }: Props) {
  const isPhone = useIsPhone();
  return (
    <Table<TEntrySummary>
      rowKey="id"
      size={isPhone ? 'small' : 'middle'}
      data-testid={testId}
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      onRow={(e) =>
        ({
          'data-testid': 'registry-row',
          'data-entry-id': e.id,
          'data-status': e.status,
        }) as React.HTMLAttributes<HTMLElement>
      }
      columns={[
        {
          key: 'name',
          title: t('registry.field.name'),
          render: (_, e) => (
            <div style={{ minWidth: 180, maxWidth: isPhone ? 300 : 360, whiteSpace: 'normal' }}>
              <Link to={`/mo-hinh/${e.id}`} data-testid="registry-row-link">
                <Typography.Text strong style={{ color: 'inherit' }}>
                  {e.name}
                </Typography.Text>
              </Link>
              <div className="dh-muted" style={{ fontSize: 12 }}>
                {kindLabel(e.kind)}
                {e.kind === 'exemplar' && e.position ? ` · ${e.position}` : ''}
              </div>
              {isPhone && (
                <div className="dh-muted" style={{ fontSize: 12 }}>
                  {e.ownerUnit.name} · {e.level.name}
                </div>
              )}
              {isPhone && (
                <div style={{ marginTop: 4 }}>
                  <EntryStatusTag status={e.status} />
                </div>
              )}
              {e.status === 'returned' && e.returnReason && (
                <Typography.Text
                  type="danger"
                  style={{ fontSize: 12, display: 'block' }}
                  data-testid="registry-row-return-reason"
                >
                  {t('registry.returnedBecause', { reason: e.returnReason })}
                </Typography.Text>
              )}
            </div>
          ),
        },
        {
          key: 'status',
          title: t('registry.field.status'),
          responsive: ['md'],
          render: (_, e) => <EntryStatusTag status={e.status} reason={e.returnReason} />,
        },
        {
          key: 'unit',
          title: t('registry.field.ownerUnit'),
          responsive: ['md'],
          render: (_, e) => <span style={wrap(220)}>{e.ownerUnit.name}</span>,
        },
        {
          key: 'field',
          title: t('registry.field.field'),
          responsive: ['lg'],
          render: (_, e) => <span style={wrap(200)}>{e.field.name}</span>,
        },
        {
          key: 'level',
          title: t('registry.field.level'),
          responsive: ['md'],
          render: (_, e) => <span style={wrap(110)}>{e.level.name}</span>,
        },
        {
          key: 'startedOn',
          title: t('registry.field.startedOnShort'),
          responsive: ['xxl'],
          render: (_, e) => (e.startedOn ? formatDateVi(e.startedOn) : '—'),
        },
      ]}
    />
  );
}
