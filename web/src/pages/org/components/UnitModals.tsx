/** Opens the form for the chosen action on the selected unit. */
import type { TUnitDetail } from '../../../api/types.ts';
import { ChangeUnitModal } from '../forms/ChangeUnitModal.tsx';
import { CreateUnitModal } from '../forms/CreateUnitModal.tsx';
import { DissolveUnitModal } from '../forms/DissolveUnitModal.tsx';
import { MergeUnitsModal } from '../forms/MergeUnitsModal.tsx';
import { MoveUnitModal } from '../forms/MoveUnitModal.tsx';
import { SplitUnitModal } from '../forms/SplitUnitModal.tsx';
import type { UnitAction } from './UnitActions.tsx';

export type OpenAction = { action: UnitAction; unit: TUnitDetail } | { action: 'root'; unit: null } | null;

interface Props {
  open: OpenAction;
  onClose: () => void;
  /** After a change: refresh, then show this unit (and reveal it in the tree). */
  onChanged: (showUnitId: number | null) => void;
}

export function UnitModals({ open, onClose, onChanged }: Props) {
  if (!open) return null;
  if (open.action === 'root')
    return <CreateUnitModal open parent={null} onClose={onClose} onDone={(u) => onChanged(u.id)} />;
  const { unit } = open;
  switch (open.action) {
    case 'create':
      return <CreateUnitModal open parent={unit} onClose={onClose} onDone={(u) => onChanged(u.id)} />;
    case 'change':
      return <ChangeUnitModal open unit={unit} onClose={onClose} onDone={(u) => onChanged(u.id)} />;
    case 'move':
      return <MoveUnitModal open unit={unit} onClose={onClose} onDone={(u) => onChanged(u.id)} />;
    case 'merge':
      return <MergeUnitsModal open unit={unit} onClose={onClose} onDone={(u) => onChanged(u.id)} />;
    case 'split':
      return <SplitUnitModal open unit={unit} onClose={onClose} onDone={(ids) => onChanged(ids[0] ?? unit.id)} />;
    case 'dissolve':
      return <DissolveUnitModal open unit={unit} onClose={onClose} onDone={() => onChanged(unit.id)} />;
  }
}
