/** Where an ended unit went (merged into, split into) and what a unit was formed from. */
import { Alert, Space, Typography } from 'antd';
import type { TUnitDetail } from '../../../api/types.ts';
import { formatDateVi } from '../../../lib/dates.ts';
import { t, type MessageKey } from '../../../i18n/index.ts';

interface Props {
  unit: TUnitDetail;
  onSelect: (id: number) => void;
}

const ENDED: Record<NonNullable<TUnitDetail['endReason']>, MessageKey> = {
  merged: 'org.lineage.mergedInto',
  split: 'org.lineage.splitInto',
  dissolved: 'org.lineage.dissolved',
};

function Links({ units, onSelect }: { units: { id: number; name: string }[]; onSelect: (id: number) => void }) {
  return (
    <Space separator="·" wrap size={4}>
      {units.map((u) => (
        <Typography.Link key={u.id} onClick={() => onSelect(u.id)} data-testid="unit-lineage-link">
          {u.name}
        </Typography.Link>
      ))}
    </Space>
  );
}

export function UnitLineage({ unit, onSelect }: Props) {
  const parts = [];
  if (unit.endedOn && unit.endReason) {
    parts.push(
      <Alert
        key="ended"
        type="warning"
        showIcon
        data-testid="unit-ended"
        title={t(ENDED[unit.endReason], { date: formatDateVi(unit.endedOn) })}
        description={unit.successors.length > 0 ? <Links units={unit.successors} onSelect={onSelect} /> : undefined}
      />,
    );
  }
  if (unit.predecessors.length > 0) {
    parts.push(
      <Alert
        key="formed"
        type="info"
        showIcon
        title={t('org.lineage.formedFrom', { date: formatDateVi(unit.predecessors[0]!.date) })}
        description={<Links units={unit.predecessors} onSelect={onSelect} />}
      />,
    );
  }
  if (parts.length === 0) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
      {parts}
    </Space>
  );
}
