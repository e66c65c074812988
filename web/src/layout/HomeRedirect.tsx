/** "/" opens the first area the user may read. */
import { Navigate } from 'react-router';
import { Result } from 'antd';
import { useMe } from '../auth/me.ts';
import { t } from '../i18n/index.ts';
import { HOME_PATH, visibleMenuItems } from './menu-items.tsx';

export function HomeRedirect() {
  const me = useMe();
  const first = visibleMenuItems(me).find((m) => m.path !== HOME_PATH);
  if (first) return <Navigate to={first.path} replace />;
  return <Result status="info" title={t('home.noAccessTitle')} subTitle={t('home.noAccess')} />;
}
