/**
 * Việc phải làm sau kiểm tra: follow-ups are added (also after the
 * conclusion) and tracked to closure — done or cancelled, dated, with a note.
 */
import { sql, type Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import { FOLLOWUP_STATUS_LABELS } from '../../../common/schemas/inspections.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { scopeOf, unitInScope, type RequestContext } from '../../lib/context.ts';
import { invalid, invalidState, notFound, staleRevision } from '../../lib/errors.ts';
import { assertNotFuture } from '../../registry/entry-record.ts';
import { inspectionLabel, lockInspection } from '../inspection-record.ts';

export interface AddFollowupInput {
  action: string;
  entryId: number | null;
  responsibleUnitId: number | null;
  dueOn: string | null;
}

/** The inspection was loaded and checked for inspections.write by the caller. Returns the follow-up id. */
export async function addFollowup(
  db: Kysely<DB>,
  ctx: RequestContext,
  inspectionId: number,
  input: AddFollowupInput,
): Promise<number> {
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const inspection = await lockInspection(trx, inspectionId, null);
    if (input.entryId !== null) {
      const subject = await trx
        .selectFrom('inspection_subject')
        .select('entry_id')
        .where('inspection_id', '=', inspectionId)
        .where('entry_id', '=', input.entryId)
        .executeTakeFirst();
      if (!subject)
        throw invalid(
          'entryId',
          `Mô hình, điển hình có mã số ${input.entryId} không thuộc ${inspectionLabel(inspection)}.`,
        );
    }
    if (input.responsibleUnitId !== null) {
      let query = trx.selectFrom('org_unit as u').select('u.id').where('u.id', '=', input.responsibleUnitId);
      if (!ctx.system && ctx.actor) query = query.where(unitInScope(scopeOf(ctx.actor, 'org.read'), sql.ref('u.id')));
      if (!(await query.executeTakeFirst()))
        throw invalid('responsibleUnitId', `Không tìm thấy đơn vị có mã số ${input.responsibleUnitId}.`);
    }
    const { id } = await trx
      .insertInto('inspection_followup')
      .values({
        inspection_id: inspectionId,
        entry_id: input.entryId,
        action: input.action,
        responsible_unit_id: input.responsibleUnitId,
        due_on: input.dueOn,
        created_by: ctx.actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'inspection.followup',
      entityType: 'inspection',
      entityId: inspectionId,
      unitId: inspection.owner_unit_id,
      summary: `Việc phải làm sau ${inspectionLabel(inspection)}: ${input.action}${input.dueOn ? ` (hạn ${formatDateVi(input.dueOn)})` : ''}`,
      after: { followupId: id, ...input },
    });
    return id;
  });
}

export interface CloseFollowupInput {
  status: 'done' | 'cancelled';
  closedOn: string;
  closingNote: string | null;
  revision: number;
}

/** The follow-up's inspection was loaded and checked for inspections.write by the caller. */
export async function closeFollowup(
  db: Kysely<DB>,
  ctx: RequestContext,
  followupId: number,
  input: CloseFollowupInput,
): Promise<void> {
  assertNotFuture(input.closedOn, 'closedOn');
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const row = await trx
      .selectFrom('inspection_followup')
      .selectAll()
      .where('id', '=', followupId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound(`việc phải làm sau kiểm tra có mã số ${followupId}`);
    if (row.revision !== input.revision) throw staleRevision(`Việc phải làm "${row.action}"`);
    if (row.status !== 'open') {
      throw invalidState(
        `Việc phải làm "${row.action}" đã đóng (${FOLLOWUP_STATUS_LABELS[row.status].toLowerCase()}${row.closed_on ? ` ngày ${formatDateVi(row.closed_on)}` : ''}).`,
      );
    }
    const inspection = await trx
      .selectFrom('inspection')
      .select(['id', 'kind', 'title', 'owner_unit_id', 'starts_on'])
      .where('id', '=', row.inspection_id)
      .executeTakeFirstOrThrow();
    if (input.closedOn < inspection.starts_on) {
      throw invalid(
        'closedOn',
        `Ngày đóng (${formatDateVi(input.closedOn)}) trước ngày bắt đầu đợt (${formatDateVi(inspection.starts_on)}).`,
      );
    }
    await trx
      .updateTable('inspection_followup')
      .set((eb) => ({
        status: input.status,
        closed_on: input.closedOn,
        closing_note: input.closingNote,
        revision: eb('revision', '+', 1),
      }))
      .where('id', '=', followupId)
      .execute();
    await audit({
      action: 'inspection.followup_closed',
      entityType: 'inspection',
      entityId: inspection.id,
      unitId: inspection.owner_unit_id,
      summary: `${FOLLOWUP_STATUS_LABELS[input.status]}: "${row.action}" (${inspectionLabel(inspection)}) ngày ${formatDateVi(input.closedOn)}`,
      before: { followupId, status: row.status, revision: row.revision },
      after: { followupId, status: input.status, closedOn: input.closedOn, closingNote: input.closingNote },
    });
  });
}
