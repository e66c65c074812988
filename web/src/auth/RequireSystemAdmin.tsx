/** Pages only system administrators may open (the server checks too); others see the polite 403. */
import type { ReactNode } from 'react';
import { Result } from 'antd';
import { t } from '../i18n/index.ts';
import { useMe } from './me.ts';

export function RequireSystemAdmin({ children }: { children: ReactNode }) {
  const me = useMe();
  if (!me.isSystemAdmin)
    return <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('error.forbiddenPage')} />;
  return <>{children}</>;
}
