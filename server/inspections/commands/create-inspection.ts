/** Lập đợt kiểm tra, giám sát — the team, dates and the entries covered. */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { TCreateInspection } from '../../../common/schemas/inspections.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { assertDocumentUsable } from '../../registry/entry-record.ts';
import {
  assertMembersUsable,
  assertSubjectsUsable,
  inspectionLabel,
  replaceMembers,
  searchTextFor,
} from '../inspection-record.ts';

/** The owner unit was checked for inspections.write by the caller. Returns the new id. */
export async function createInspection(db: Kysely<DB>, ctx: RequestContext, input: TCreateInspection): Promise<number> {
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    await assertDocumentUsable(trx, ctx, input.documentId);
    await assertMembersUsable(trx, input.members);
    const entryIds = await assertSubjectsUsable(trx, ctx, { id: input.ownerUnitId }, input.entryIds);
    const { id } = await trx
      .insertInto('inspection')
      .values({
        owner_unit_id: input.ownerUnitId,
        kind: input.kind,
        title: input.title,
        document_id: input.documentId,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        search_text: await searchTextFor(trx, input.title, input.documentId),
        created_by: ctx.actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceMembers(trx, id, input.members);
    if (entryIds.length > 0)
      await trx
        .insertInto('inspection_subject')
        .values(entryIds.map((entry_id) => ({ inspection_id: id, entry_id })))
        .execute();
    await audit({
      action: 'inspection.created',
      entityType: 'inspection',
      entityId: id,
      unitId: input.ownerUnitId,
      summary: `Lập ${inspectionLabel(input)} từ ${formatDateVi(input.startsOn)} (${entryIds.length} mô hình, điển hình)`,
      after: { ...input, entryIds },
    });
    return id;
  });
}
