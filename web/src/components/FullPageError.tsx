import { Button, Result } from 'antd';
import { errorMessage } from '../api/client.ts';
import { t } from '../i18n/index.ts';

export function FullPageError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <Result
      status="warning"
      title={t('error.loadFailed')}
      subTitle={errorMessage(error)}
      extra={
        onRetry ? (
          <Button type="primary" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
