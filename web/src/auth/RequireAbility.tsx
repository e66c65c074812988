/** A page the user may not open shows a polite 403 instead of a broken screen. */
import type { ReactNode } from 'react';
import { Result } from 'antd';
import type { Action } from '@common/roles.ts';
import { t } from '../i18n/index.ts';
import { useCan } from './me.ts';

export function RequireAbility({ action, children }: { action: Action; children: ReactNode }) {
  const allowed = useCan(action);
  if (!allowed) return <Result status="403" title={t('error.forbiddenTitle')} subTitle={t('error.forbiddenPage')} />;
  return <>{children}</>;
}
