/**
 * Says that the chosen unit has ended and that what is shown is as it stood on its last day (the server derives that
 * day: server/registry/unit-view.ts). Nothing for an active unit.
 */
import { Alert } from 'antd';
import { t } from '../i18n/index.ts';
import { formatDateVi } from '../lib/dates.ts';

export function EndedUnitBanner({ endedOn, asOf }: { endedOn: string | null | undefined; asOf: string | undefined }) {
  if (!endedOn || !asOf) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('endedUnit.banner', { endedOn: formatDateVi(endedOn), asOf: formatDateVi(asOf) })}
      style={{ marginBottom: 12 }}
      data-testid="ended-unit-banner"
    />
  );
}
