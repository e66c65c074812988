/** Thu hồi / hủy văn bản — a document is withdrawn on a date, for a reason; it is never deleted. */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalid, invalidState } from '../../lib/errors.ts';
import type { DocumentView } from '../queries.ts';
import { lockDocument } from './update-document.ts';
import { snapshot } from './document-rules.ts';

/** `doc` was loaded and checked for documents.write by the caller. */
export async function revokeDocument(
  db: Kysely<DB>,
  ctx: RequestContext,
  doc: DocumentView,
  input: { revokedOn: string; reason: string; revision: number },
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockDocument(trx, doc, input.revision);
    if (before.status === 'revoked')
      throw invalidState(`Văn bản ${before.symbol} đã bị thu hồi từ ${formatDateVi(before.revoked_on)}.`);
    if (input.revokedOn < before.issued_on) {
      throw invalid(
        'revokedOn',
        `Ngày thu hồi (${formatDateVi(input.revokedOn)}) không thể trước ngày ban hành ${formatDateVi(before.issued_on)}.`,
      );
    }
    const after = await trx
      .updateTable('document')
      .set((eb) => ({
        status: 'revoked',
        revoked_on: input.revokedOn,
        revoke_reason: input.reason,
        revision: eb('revision', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', doc.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await audit({
      action: 'document.revoked',
      entityType: 'document',
      entityId: doc.id,
      unitId: after.owner_unit_id,
      summary: `Thu hồi văn bản ${after.symbol} từ ${formatDateVi(input.revokedOn)}: ${input.reason}`,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
}
