import { Tag, Tooltip } from 'antd';
import type { EntryStatus } from '../../../api/types.ts';
import { STATUS_COLORS, statusLabel } from '../labels.ts';

/** Trạng thái as a coloured tag; a returned registration shows its reason on hover. */
export function EntryStatusTag({ status, reason }: { status: EntryStatus; reason?: string | null }) {
  const tag = (
    <Tag color={STATUS_COLORS[status]} data-testid="entry-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {statusLabel(status)}
    </Tag>
  );
  return status === 'returned' && reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}
