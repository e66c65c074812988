/** The people list: names in Vietnamese order (server-sorted), compact on phones. */
import { Button, Dropdown, Table, Tag, Typography } from 'antd';
import { MoreOutlined } from '@ant-design/icons';
import type { TablePaginationConfig } from 'antd';
import type { TPerson } from '../../api/types.ts';
import { useIsPhone } from '../../hooks/use-is-phone.ts';
import { formatDateVi } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';

export type PersonAction = 'edit' | 'leave' | 'reinstate';

interface Props {
  rows: TPerson[];
  loading: boolean;
  pagination: TablePaginationConfig;
  canWrite: boolean;
  onAction: (action: PersonAction, person: TPerson) => void;
  /** Open the person's honours and disciplines. */
  onOpen?: (person: TPerson) => void;
}

export function PeopleTable({ rows, loading, pagination, canWrite, onAction, onOpen }: Props) {
  const isPhone = useIsPhone();
  return (
    <Table<TPerson>
      rowKey="id"
      size="middle"
      data-testid="people-table"
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      onRow={() => ({ 'data-testid': 'people-row' }) as React.HTMLAttributes<HTMLElement>}
      columns={[
        {
          key: 'name',
          title: t('people.field.fullName'),
          render: (_, p) => (
            <div style={{ minWidth: 160 }}>
              {onOpen ? (
                <Typography.Link strong onClick={() => onOpen(p)} data-testid="person-open">
                  {p.fullName}
                </Typography.Link>
              ) : (
                <Typography.Text strong>{p.fullName}</Typography.Text>
              )}
              {isPhone && (
                <div className="dh-muted" style={{ fontSize: 12, whiteSpace: 'normal', maxWidth: 240 }}>
                  {p.position ?? ''} · {p.unitName}
                </div>
              )}
            </div>
          ),
        },
        {
          key: 'gender',
          title: t('people.field.gender'),
          responsive: ['xl'],
          render: (_, p) => (p.gender ? t(`people.gender.${p.gender}`) : '—'),
        },
        {
          key: 'birthYear',
          title: t('people.field.birthYear'),
          responsive: ['xl'],
          render: (_, p) => p.birthYear ?? '—',
        },
        {
          key: 'position',
          title: t('people.field.position'),
          responsive: ['md'],
          render: (_, p) => (
            <span style={{ display: 'inline-block', maxWidth: 260, whiteSpace: 'normal' }}>{p.position ?? '—'}</span>
          ),
        },
        {
          key: 'unit',
          title: t('people.field.unit'),
          responsive: ['md'],
          render: (_, p) => (
            <span style={{ display: 'inline-block', maxWidth: 240, whiteSpace: 'normal' }}>{p.unitName}</span>
          ),
        },
        {
          key: 'party',
          title: t('people.field.partyMemberShort'),
          render: (_, p) => (p.partyMember ? <Tag color="red">{t('people.partyMember')}</Tag> : null),
        },
        {
          key: 'status',
          title: t('people.field.status'),
          responsive: ['sm'],
          render: (_, p) =>
            p.status === 'active' ? (
              <Tag color="green">{t('people.status.active')}</Tag>
            ) : (
              <Tag title={p.leftReason ?? undefined}>{t('people.status.leftOn', { date: formatDateVi(p.leftOn) })}</Tag>
            ),
        },
        ...(canWrite
          ? [
              {
                key: 'actions',
                title: '',
                align: 'right' as const,
                render: (_: unknown, p: TPerson) =>
                  p.canWrite ? (
                    <Dropdown
                      trigger={['click']}
                      menu={{
                        items:
                          p.status === 'active'
                            ? [
                                { key: 'edit', label: t('common.edit') },
                                { key: 'leave', label: t('people.leave'), danger: true },
                              ]
                            : [
                                { key: 'edit', label: t('common.edit') },
                                { key: 'reinstate', label: t('people.reinstate') },
                              ],
                        onClick: ({ key }) => onAction(key as PersonAction, p),
                      }}
                    >
                      <Button
                        type="text"
                        icon={<MoreOutlined />}
                        aria-label={t('common.actions')}
                        data-testid="person-actions"
                      />
                    </Dropdown>
                  ) : null,
              },
            ]
          : []),
      ]}
    />
  );
}
