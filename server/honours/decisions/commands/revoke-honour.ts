/** Thu hồi, hủy bỏ khen thưởng — the honour stays in the register, marked revoked with the date, reason and document. */
import { sql, type Kysely } from 'kysely';
import { formatDateVi } from '../../../../common/dates.ts';
import type { DB } from '../../../db/schema.ts';
import { writeTransaction } from '../../../lib/audit.ts';
import { requireActor, scopeOf, unitInScope, type RequestContext } from '../../../lib/context.ts';
import { invalid, invalidState, notFound, staleRevision } from '../../../lib/errors.ts';
import { assertNotFuture } from '../../../registry/entry-record.ts';

export interface RevokeInput {
  revokedOn: string;
  reason: string;
  documentId: number | null;
  revision: number;
}

/** The honour was loaded and checked for honours.review on its owner by the caller. */
export async function revokeHonour(db: Kysely<DB>, ctx: RequestContext, id: number, input: RevokeInput): Promise<void> {
  const actor = requireActor(ctx);
  assertNotFuture(input.revokedOn, 'revokedOn');
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await trx.selectFrom('honour').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
    if (!before) throw notFound(`khen thưởng có mã số ${id}`);
    if (before.revision !== input.revision) throw staleRevision(`Khen thưởng "${before.display_name}"`);
    if (before.status === 'revoked') {
      throw invalidState(`Khen thưởng "${before.display_name}" đã bị thu hồi ngày ${formatDateVi(before.revoked_on)}.`);
    }
    if (input.revokedOn < before.decided_on) {
      throw invalid(
        'revokedOn',
        `Ngày thu hồi (${formatDateVi(input.revokedOn)}) trước ngày quyết định khen thưởng (${formatDateVi(before.decided_on)}).`,
      );
    }
    if (input.documentId !== null) {
      const doc = await trx
        .selectFrom('document as d')
        .select('d.id')
        .where('d.id', '=', input.documentId)
        .where(unitInScope(scopeOf(actor, 'documents.read'), sql.ref('d.owner_unit_id')))
        .executeTakeFirst();
      if (!doc)
        throw invalid(
          'documentId',
          `Không tìm thấy văn bản có mã số ${input.documentId} trong các sổ văn bản bạn được xem.`,
        );
    }
    const after = await trx
      .updateTable('honour')
      .set({
        status: 'revoked',
        revoked_on: input.revokedOn,
        revoke_reason: input.reason,
        revoke_document_id: input.documentId,
        revision: sql`revision + 1`,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      action: 'honour.revoked',
      entityType: 'honour',
      entityId: id,
      unitId: before.owner_unit_id,
      summary: `Thu hồi khen thưởng của "${before.display_name}" (quyết định ngày ${formatDateVi(before.decided_on)}) từ ngày ${formatDateVi(input.revokedOn)}`,
      before: { status: before.status, revision: before.revision },
      after: {
        status: after.status,
        revokedOn: after.revoked_on,
        reason: after.revoke_reason,
        documentId: after.revoke_document_id,
        revision: after.revision,
      },
    });
  });
}
