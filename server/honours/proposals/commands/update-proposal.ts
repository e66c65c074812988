/** Sửa tờ trình: title, letter, note, attachments (the list replaced) — while a draft or while dossiers are returned. */
import type { Kysely } from 'kysely';
import type { ZUpdateProposalBody } from '../../../../common/schemas/honours-flow.ts';
import type { z } from '../../../../common/zod-setup.ts';
import type { DB } from '../../../db/schema.ts';
import { writeTransaction } from '../../../lib/audit.ts';
import type { RequestContext } from '../../../lib/context.ts';
import { invalid, invalidState } from '../../../lib/errors.ts';
import { assertDocumentUsable, assertFilesUsable } from '../../../registry/entry-record.ts';
import { bumpProposal, lockProposal } from '../proposal-record.ts';

type Input = z.infer<typeof ZUpdateProposalBody>;

/** The caller loaded the proposal for 'edit'. */
export async function updateProposal(db: Kysely<DB>, ctx: RequestContext, id: number, input: Input): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockProposal(trx, id, input.revision);
    if (before.status !== 'draft') {
      const returned = await trx
        .selectFrom('honour_candidate')
        .select('id')
        .where('proposal_id', '=', id)
        .where('status', '=', 'returned')
        .executeTakeFirst();
      if (!returned)
        throw invalidState(
          `Tờ trình "${before.title}" đã gửi; chỉ sửa được khi còn là bản nháp hoặc có hồ sơ bị trả lại.`,
        );
    }
    if (input.letterDocumentId !== undefined)
      await assertDocumentUsable(trx, ctx, input.letterDocumentId, 'letterDocumentId');
    const changes: Record<string, unknown> = {};
    if (input.title !== undefined) changes.title = input.title;
    if (input.letterDocumentId !== undefined) changes.letter_document_id = input.letterDocumentId;
    if (input.note !== undefined) changes.note = input.note ?? null;
    if (input.files !== undefined) {
      const ids = input.files.map((f) => f.fileId);
      if (new Set(ids).size !== ids.length) throw invalid('files', 'Một tệp được đính kèm hai lần.');
      await assertFilesUsable(trx, ctx, ids, 'files');
      await trx.deleteFrom('honour_proposal_file').where('proposal_id', '=', id).execute();
      if (input.files.length > 0) {
        await trx
          .insertInto('honour_proposal_file')
          .values(input.files.map((f) => ({ proposal_id: id, file_id: f.fileId, caption: f.caption ?? null })))
          .execute();
      }
    }
    const after = await bumpProposal(trx, id, changes);
    await audit({
      action: 'honour_proposal.updated',
      entityType: 'honour_proposal',
      entityId: id,
      unitId: before.proposer_unit_id,
      summary: `Sửa tờ trình "${after.title}"${input.files !== undefined ? ` (${input.files.length} tệp đính kèm)` : ''}`,
      before,
      after: { ...after, files: input.files },
    });
  });
}
