import { Descriptions, Typography } from 'antd';
import type { TUnitDetail } from '../../../api/types.ts';
import { dayBefore, formatDateVi } from '../../../lib/dates.ts';
import { useIsPhone } from '../../../hooks/use-is-phone.ts';
import { t } from '../../../i18n/index.ts';

export function UnitDescriptions({ unit, onSelect }: { unit: TUnitDetail; onSelect: (id: number) => void }) {
  const isPhone = useIsPhone();
  const dash = <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Descriptions
      size="small"
      bordered
      column={isPhone ? 1 : 2}
      styles={{ label: { width: isPhone ? 120 : 150 } }}
      data-testid="unit-descriptions"
      items={[
        { key: 'type', label: t('org.field.type'), children: unit.typeName },
        { key: 'level', label: t('org.field.level'), children: unit.levelName },
        {
          key: 'parent',
          label: t('org.field.parent'),
          children: unit.parentId ? (
            <Typography.Link onClick={() => onSelect(unit.parentId!)}>{unit.parentName}</Typography.Link>
          ) : (
            dash
          ),
        },
        { key: 'children', label: t('org.field.childCount'), children: unit.childCount },
        { key: 'shortName', label: t('org.field.shortName'), children: unit.shortName ?? dash },
        { key: 'code', label: t('org.field.code'), children: unit.code ?? dash },
        { key: 'created', label: t('org.field.createdOn'), children: formatDateVi(unit.createdOn) },
        { key: 'ended', label: t('org.field.endedOn'), children: unit.endedOn ? formatDateVi(unit.endedOn) : dash },
        {
          key: 'version',
          label: t('org.field.versionValid'),
          span: isPhone ? 1 : 2,
          children: unit.validTo
            ? t('org.field.versionRange', {
                from: formatDateVi(unit.validFrom),
                to: formatDateVi(dayBefore(unit.validTo)),
              })
            : t('org.field.versionOpen', { from: formatDateVi(unit.validFrom) }),
        },
      ]}
    />
  );
}
