/**
 * The permanent "trial version" banner, on every page while the database holds the demo (its accounts' passwords
 * are public): in the page flow at the top, so it never covers content, and announced politely (role="status").
 */
import { Alert } from 'antd';
import { useSystemInfo } from '../api/system.ts';
import { t } from '../i18n/index.ts';

export function DemoBanner() {
  const { data } = useSystemInfo();
  if (!data?.demo) return null;
  return (
    <Alert
      banner
      type="warning"
      showIcon
      role="status"
      className="dh-demo-banner"
      title={t('system.demoBanner')}
      data-testid="demo-banner"
    />
  );
}
