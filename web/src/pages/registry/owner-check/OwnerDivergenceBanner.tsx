/** On the registry page: how many exemplars diverge from their person's unit, with a link to the check (hidden at 0). */
import { Alert } from 'antd';
import { Link } from 'react-router';
import { useOwnerDivergences } from '../../../api/registry.ts';
import { t } from '../../../i18n/index.ts';

export function OwnerDivergenceBanner() {
  // One row is enough: only the total is shown.
  const { data } = useOwnerDivergences(1, 1);
  if (!data || data.total === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="owner-check-banner"
      title={t('ownerCheck.banner', { count: data.total.toLocaleString('vi-VN') })}
      action={
        <Link to="/mo-hinh/doi-chieu-don-vi" data-testid="owner-check-link">
          {t('ownerCheck.open')}
        </Link>
      }
    />
  );
}
