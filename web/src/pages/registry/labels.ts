/** How statuses, kinds and events of the registry look: Vietnamese labels (from the catalogue) and tag colours. */
import type { EntryKind, EntryStatus, EventKind, LedgerBucket } from '../../api/types.ts';
import { t, type MessageKey } from '../../i18n/index.ts';

export const STATUS_COLORS: Record<EntryStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  active: 'success',
  removed: 'volcano',
  transferred: 'purple',
  replaced: 'gold',
};

export const STATUS_ORDER: EntryStatus[] = [
  'draft',
  'submitted',
  'returned',
  'active',
  'removed',
  'transferred',
  'replaced',
];

export const statusLabel = (status: EntryStatus) => t(`registry.status.${status}` as MessageKey);
export const kindLabel = (kind: EntryKind) => t(`registry.kind.${kind}` as MessageKey);

export const EVENT_COLORS: Partial<Record<EventKind, string>> = {
  registered: 'gray',
  submitted: 'blue',
  returned: 'red',
  accepted: 'green',
  level_changed: 'purple',
  renamed: 'blue',
  content_adjusted: 'blue',
  removed: 'red',
  replaced: 'orange',
  replacement_for: 'green',
  transferred_out: 'purple',
  reinstated: 'green',
  replication_recorded: 'cyan',
  launched: 'gold',
  commitment_signed: 'gold',
  monitor_assigned: 'cyan',
  monitor_unassigned: 'gray',
  imported: 'green',
  owner_changed: 'purple',
};

export const eventLabel = (kind: EventKind) => t(`registry.event.${kind}` as MessageKey);

export const BUCKETS: LedgerBucket[] = [
  'start',
  'added',
  'movedIn',
  'movedOut',
  'removed',
  'transferred',
  'replaced',
  'end',
];
export const bucketLabel = (bucket: LedgerBucket) => t(`ledger.bucket.${bucket}` as MessageKey);

/** Statuses in which an entry is no longer on the list but may be reinstated. */
export const OFF_LIST: EntryStatus[] = ['removed', 'transferred', 'replaced'];
