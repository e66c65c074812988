/** Opens the form for the chosen action on the entry. */
import type { TEntryDetail, TMonitor } from '../../../api/types.ts';
import { AcceptModal } from '../forms/AcceptModal.tsx';
import { ActivityModal } from '../forms/ActivityModal.tsx';
import { EntryFormDrawer } from '../forms/EntryFormDrawer.tsx';
import { LifeEventModal } from '../forms/LifeEventModal.tsx';
import { AssignMonitorModal, UnassignMonitorModal } from '../forms/MonitorModals.tsx';
import { ChangeOwnerModal } from '../forms/ChangeOwnerModal.tsx';
import { ReturnModal } from '../forms/ReturnModal.tsx';
import type { EntryAction } from './EntryActions.tsx';

export type OpenEntryAction =
  { action: Exclude<EntryAction, 'submit'> } | { action: 'unassign'; monitor: TMonitor } | null;

interface Props {
  entry: TEntryDetail;
  open: OpenEntryAction;
  onClose: () => void;
  onDone: (entry: TEntryDetail) => void;
}

export function EntryModals({ entry, open, onClose, onDone }: Props) {
  if (!open) return null;
  const common = { entry, onClose, onDone };
  switch (open.action) {
    case 'edit':
      return <EntryFormDrawer open kind={entry.kind} entry={entry} onClose={onClose} onSaved={onDone} />;
    case 'accept':
      return <AcceptModal {...common} />;
    case 'return':
      return <ReturnModal {...common} />;
    case 'launched':
    case 'commitment_signed':
      return <ActivityModal {...common} kind={open.action} />;
    case 'assign':
      return <AssignMonitorModal {...common} />;
    case 'owner':
      return <ChangeOwnerModal {...common} />;
    case 'unassign':
      return <UnassignMonitorModal {...common} monitor={open.monitor} />;
    default:
      return <LifeEventModal {...common} kind={open.action} />;
  }
}
