import { Tag } from 'antd';
import type { TUnitDetail } from '../../../api/types.ts';
import { formatDateVi } from '../../../lib/dates.ts';
import { t } from '../../../i18n/index.ts';

export function UnitStatusTag({ unit }: { unit: TUnitDetail }) {
  if (unit.endedOn) {
    return <Tag color="default">{t('org.status.ended', { date: formatDateVi(unit.endedOn) })}</Tag>;
  }
  return <Tag color="green">{t('org.status.active')}</Tag>;
}
