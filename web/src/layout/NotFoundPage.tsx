import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { t } from '../i18n/index.ts';

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title={t('error.notFoundTitle')}
      subTitle={t('error.notFoundPage')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.home')}</Button>
        </Link>
      }
    />
  );
}
