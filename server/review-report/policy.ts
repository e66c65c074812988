/**
 * Who may see and change a review report, and when it may change or be
 * exported: read on its unit (or a successor's staff on an ended unit's),
 * write with the given ability; signed reports are records; exports wait
 * until the current warnings are acknowledged.
 */
import type { Kysely } from 'kysely';
import type { Action } from '../../common/roles.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { AppError, notFound } from '../lib/errors.ts';
import { loadUnitOrPredecessorFor } from '../org/unit-access.ts';
import { getReviewReport } from './queries.ts';
import { figuresOf, overridesOf, textsOf, type ReviewReportRow } from './report-record.ts';
import { currentWarnings, warningsAcknowledged } from './warnings.ts';

/** Load a report, checking `read` on its unit (404 outside) and `write` when given (403). */
export async function loadReviewReportFor(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  write: Action | null = null,
): Promise<ReviewReportRow> {
  const row = await getReviewReport(db, id);
  if (!row) throw notFound(`báo cáo có mã số ${id}`);
  try {
    await loadUnitOrPredecessorFor(db, actor, row.owner_unit_id, 'registry.read', write);
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw notFound(`báo cáo có mã số ${id}`);
    throw error;
  }
  return row;
}

/** A signed report (ký ban hành) is a record: no edit, refresh or acknowledgement changes it. */
export function assertNotFinal(row: ReviewReportRow): void {
  if (row.status === 'final') {
    throw new AppError(
      'INVALID_STATE',
      `Báo cáo đã ký ban hành${row.number ? ` (số ${row.number})` : ''} nên không sửa, tính lại số liệu hay xác nhận cảnh báo được nữa. Nếu cần điều chỉnh, hãy lập báo cáo mới.`,
    );
  }
}

/** Exports are refused while warnings are not acknowledged; a signed report exports as signed. */
export async function assertExportable(db: Kysely<DB>, row: ReviewReportRow): Promise<void> {
  if (row.status === 'final') return;
  const current = await currentWarnings(db, figuresOf(row), textsOf(row), overridesOf(row));
  if (!warningsAcknowledged(row, current)) {
    throw new AppError(
      'CONFLICT',
      `Báo cáo còn ${current.length} cảnh báo về tính nhất quán của số liệu chưa được xác nhận. Hãy xem và xác nhận các cảnh báo trước khi xuất văn bản.`,
    );
  }
}
