/** The user's name in the header, with the profile menu: password, API tokens, sign out. */
import { App, Avatar, Button, Dropdown, Space, Typography } from 'antd';
import { KeyOutlined, LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { authApi } from '../api/auth.ts';
import { ME_KEY, useMe } from '../auth/me.ts';
import { t } from '../i18n/index.ts';

export function UserMenu({ compact }: { compact: boolean }) {
  const me = useMe();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();

  const logout = async () => {
    try {
      await authApi.logout();
    } catch {
      // signed out locally either way
    }
    client.clear();
    client.setQueryData(ME_KEY, null);
    void message.success(t('auth.loggedOut'));
    void navigate('/dang-nhap', { replace: true });
  };

  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', label: <Typography.Text type="secondary">{me.username}</Typography.Text>, disabled: true },
          { type: 'divider' },
          {
            key: 'password',
            icon: <LockOutlined />,
            label: <span data-testid="menu-password">{t('menu.changePassword')}</span>,
            onClick: () => void navigate('/ho-so/mat-khau'),
          },
          {
            key: 'tokens',
            icon: <KeyOutlined />,
            label: <span data-testid="menu-tokens">{t('menu.tokens')}</span>,
            onClick: () => void navigate('/ho-so/ma-truy-cap'),
          },
          { type: 'divider' },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            danger: true,
            label: <span data-testid="menu-logout">{t('menu.logout')}</span>,
            onClick: () => void logout(),
          },
        ],
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ height: 44 }}>
        <Space>
          <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: '#a8071a' }} />
          {!compact && <span>{me.fullName}</span>}
        </Space>
      </Button>
    </Dropdown>
  );
}
