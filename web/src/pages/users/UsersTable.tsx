import { Button, Dropdown, Table, Tag, Typography } from 'antd';
import type { TablePaginationConfig } from 'antd';
import { MoreOutlined } from '@ant-design/icons';
import type { TUser } from '../../api/types.ts';
import { formatDateTimeVi } from '../../lib/dates.ts';
import { t } from '../../i18n/index.ts';
import { UserGrants } from './UserGrants.tsx';

export type UserAction = 'edit' | 'grant' | 'reset' | 'disable' | 'enable' | 'unlock';

interface Props {
  rows: TUser[];
  loading: boolean;
  pagination: TablePaginationConfig;
  onAction: (action: UserAction, user: TUser) => void;
  onRevoke: (user: TUser, grantId: number) => Promise<void>;
}

function isLocked(user: TUser): boolean {
  return Boolean(user.lockedUntil && new Date(user.lockedUntil) > new Date());
}

function actionsOf(user: TUser) {
  const a = user.abilities;
  return [
    a.update && { key: 'edit', label: t('common.edit') },
    a.grant && { key: 'grant', label: t('users.grant') },
    a.resetPassword && { key: 'reset', label: t('users.reset') },
    a.unlock && (isLocked(user) || user.failedLogins > 0) && { key: 'unlock', label: t('users.unlock') },
    a.setStatus && user.status === 'active' && { key: 'disable', label: t('users.disable'), danger: true },
    a.setStatus && user.status === 'disabled' && { key: 'enable', label: t('users.enable') },
  ].filter(Boolean) as { key: UserAction; label: string; danger?: boolean }[];
}

export function UsersTable({ rows, loading, pagination, onAction, onRevoke }: Props) {
  return (
    <Table<TUser>
      rowKey="id"
      size="middle"
      data-testid="users-table"
      loading={loading}
      dataSource={rows}
      pagination={pagination}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'name',
          title: t('users.field.fullName'),
          render: (_, u) => (
            <div style={{ minWidth: 160 }}>
              <Typography.Text strong>{u.fullName}</Typography.Text>
              <div className="dh-muted" style={{ fontSize: 12 }}>
                {u.username}
                {u.email ? ` · ${u.email}` : ''}
              </div>
            </div>
          ),
        },
        {
          key: 'grants',
          title: t('users.field.grants'),
          render: (_, u) => <UserGrants user={u} onRevoke={(id) => onRevoke(u, id)} />,
        },
        {
          key: 'status',
          title: t('users.field.status'),
          render: (_, u) => (
            <>
              {u.status === 'active' ? (
                <Tag color="green">{t('users.status.active')}</Tag>
              ) : (
                <Tag color="red">{t('users.status.disabled')}</Tag>
              )}
              {isLocked(u) && (
                <Tag color="orange">{t('users.lockedUntil', { at: formatDateTimeVi(u.lockedUntil) })}</Tag>
              )}
              {!isLocked(u) && u.failedLogins > 0 && (
                <Tag color="gold" data-testid={`user-failed-logins-${u.username}`}>
                  {t('users.failedLogins', { count: u.failedLogins })}
                </Tag>
              )}
              {u.mustChangePassword && <Tag>{t('users.mustChange')}</Tag>}
            </>
          ),
        },
        {
          key: 'lastLogin',
          title: t('users.field.lastLogin'),
          responsive: ['lg'],
          render: (_, u) => (u.lastLoginAt ? formatDateTimeVi(u.lastLoginAt) : t('users.neverSignedIn')),
        },
        {
          key: 'actions',
          title: '',
          align: 'right',
          render: (_, u) => {
            const items = actionsOf(u);
            if (items.length === 0) return null;
            return (
              <Dropdown trigger={['click']} menu={{ items, onClick: ({ key }) => onAction(key as UserAction, u) }}>
                <Button type="text" icon={<MoreOutlined />} aria-label={t('common.actions')} />
              </Dropdown>
            );
          },
        },
      ]}
    />
  );
}
