/** The roles an account holds, each on a unit; an administrator may revoke them here. */
import { Popconfirm, Space, Tag, Typography } from 'antd';
import { ROLE_LABELS } from '@common/roles.ts';
import type { TUser } from '../../api/types.ts';
import { t } from '../../i18n/index.ts';

interface Props {
  user: TUser;
  onRevoke: (grantId: number) => Promise<void>;
}

export function UserGrants({ user, onRevoke }: Props) {
  if (user.grants.length === 0 && user.otherGrants === 0)
    return <Typography.Text type="secondary">{t('users.noGrants')}</Typography.Text>;
  return (
    <Space orientation="vertical" size={4} style={{ minWidth: 260, maxWidth: 420 }}>
      {user.grants.map((grant) => (
        <div key={grant.id} style={{ display: 'flex', alignItems: 'flex-start', gap: 6 }} data-testid="user-grant">
          <Tag color={grant.role === 'admin' ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
            {ROLE_LABELS[grant.role]}
          </Tag>
          <span style={{ whiteSpace: 'normal', fontSize: 13 }}>{grant.unitName}</span>
          {user.abilities.grant && (
            <Popconfirm
              title={t('users.revokeConfirm', { role: ROLE_LABELS[grant.role], unit: grant.unitName })}
              okText={t('users.revokeGrant')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              // eslint-disable-next-line @typescript-eslint/no-misused-promises -- Popconfirm waits for the promise (loading OK button, closes when done) although its type says void
              onConfirm={() => onRevoke(grant.id)}
            >
              <Typography.Link type="danger" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {t('users.revokeGrant')}
              </Typography.Link>
            </Popconfirm>
          )}
        </div>
      ))}
      {user.otherGrants > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('users.otherGrants', { count: user.otherGrants })}
        </Typography.Text>
      )}
    </Space>
  );
}
