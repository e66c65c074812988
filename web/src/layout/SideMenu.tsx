import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { useMe } from '../auth/me.ts';
import { t } from '../i18n/index.ts';
import { isMenuActive, visibleMenuItems } from './menu-items.tsx';

export function SideMenu({ onNavigate }: { onNavigate?: () => void }) {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const entries = visibleMenuItems(me);
  const selected = entries
    .filter((e) => isMenuActive(e, location.pathname))
    .sort((a, b) => b.path.length - a.path.length)[0]?.key;
  return (
    <Menu
      mode="inline"
      style={{ borderInlineEnd: 'none' }}
      selectedKeys={selected ? [selected] : []}
      items={entries.map((e) => ({
        key: e.key,
        icon: e.icon,
        label: <span data-testid={`menu-${e.key}`}>{t(e.label)}</span>,
        onClick: () => {
          void navigate(e.path);
          onNavigate?.();
        },
      }))}
    />
  );
}
