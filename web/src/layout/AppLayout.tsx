/** Signed-in layout: side menu on laptops (collapsible), a drawer on phones; header with the user menu. */
import { Suspense, useState } from 'react';
import { Button, Drawer, Layout } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { Outlet } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin.tsx';
import { useIsPhone } from '../hooks/use-is-phone.ts';
import { t } from '../i18n/index.ts';
import { Brand } from './Brand.tsx';
import { DemoBanner } from './DemoBanner.tsx';
import { SideMenu } from './SideMenu.tsx';
import { NotificationBell } from './NotificationBell.tsx';
import { UserMenu } from './UserMenu.tsx';

export function AppLayout() {
  const isPhone = useIsPhone();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);

  return (
    <Layout style={{ minHeight: '100vh' }} className={isPhone ? 'dh-phone' : undefined}>
      {!isPhone && (
        <Layout.Sider
          width={264}
          collapsedWidth={64}
          collapsed={collapsed}
          trigger={null}
          style={{
            borderInlineEnd: '1px solid #f0f0f0',
            position: 'sticky',
            top: 0,
            height: '100vh',
            overflow: 'auto',
          }}
          data-testid="side-menu"
        >
          <Brand compact={collapsed} />
          <SideMenu />
        </Layout.Sider>
      )}
      {isPhone && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={272}
          styles={{ body: { padding: 0 }, header: { display: 'none' } }}
          rootClassName="dh-menu-drawer"
        >
          <div data-testid="menu-drawer">
            <Brand />
            <SideMenu onNavigate={() => setDrawerOpen(false)} />
          </div>
        </Drawer>
      )}
      <Layout>
        <DemoBanner />
        <Layout.Header className="dh-header">
          {isPhone ? (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label={t('layout.openMenu')}
              data-testid="menu-toggle"
              onClick={() => setDrawerOpen(true)}
            />
          ) : (
            <Button
              type="text"
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              aria-label={collapsed ? t('layout.expandMenu') : t('layout.collapseMenu')}
              onClick={() => setCollapsed((c) => !c)}
            />
          )}
          {isPhone && (
            <span className="dh-brand-title" style={{ color: '#a8071a' }}>
              {t('app.name')}
            </span>
          )}
          <div className="dh-header-spacer" />
          <NotificationBell />
          <UserMenu compact={isPhone} />
        </Layout.Header>
        <Layout.Content className={isPhone ? 'dh-content-phone' : 'dh-content'}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
