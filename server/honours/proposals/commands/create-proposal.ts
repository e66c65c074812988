/**
 * Lập tờ trình đề nghị khen thưởng. Inside the system a unit proposes to the
 * round's unit (the level above it), within the round's dates. The round's
 * own unit may instead forward to an outside body (e.g. "Ủy ban nhân dân tỉnh").
 */
import type { Kysely } from 'kysely';
import type { ZCreateProposalBody } from '../../../../common/schemas/honours-flow.ts';
import type { z } from '../../../../common/zod-setup.ts';
import type { DB } from '../../../db/schema.ts';
import { writeTransaction } from '../../../lib/audit.ts';
import type { Actor, RequestContext } from '../../../lib/context.ts';
import { forbidden, invalid } from '../../../lib/errors.ts';
import type { UnitRef } from '../../../org/unit-access.ts';
import { assertDocumentUsable } from '../../../registry/entry-record.ts';
import { canReview } from '../../policy.ts';
import { assertInWindow, assertRoundOpen, roundState } from '../proposal-record.ts';

type Input = z.infer<typeof ZCreateProposalBody>;

/** The caller loaded the round (visible) and the proposer unit with honours.propose. */
export async function createProposal(
  db: Kysely<DB>,
  ctx: RequestContext,
  actor: Actor,
  proposer: UnitRef,
  input: Input,
): Promise<number> {
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const round = await roundState(trx, input.roundId);
    const external = input.externalBody;
    if (external) {
      if (proposer.id !== round.owner_unit_id) {
        throw invalid(
          'proposerUnitId',
          `Chỉ đơn vị mở đợt khen thưởng ("${round.name}") mới đề nghị lên cơ quan bên ngoài.`,
        );
      }
      if (!canReview(actor, { id: round.owner_unit_id, path: round.owner_path })) {
        throw forbidden(`Chỉ cán bộ thi đua, khen thưởng của "${proposer.name}" mới đề nghị lên cơ quan bên ngoài.`);
      }
      assertRoundOpen(round);
    } else {
      if (!proposer.path.startsWith(`${round.owner_path}.`)) {
        throw invalid(
          'proposerUnitId',
          `"${proposer.name}" không phải đơn vị cấp dưới của đơn vị mở đợt khen thưởng "${round.name}", nên không đề nghị trong đợt này được.`,
        );
      }
      assertInWindow(round);
    }
    await assertDocumentUsable(trx, ctx, input.letterDocumentId, 'letterDocumentId');
    const { id } = await trx
      .insertInto('honour_proposal')
      .values({
        round_id: round.id,
        proposer_unit_id: proposer.id,
        reviewer_unit_id: external ? null : round.owner_unit_id,
        external_body: external,
        title: input.title,
        letter_document_id: input.letterDocumentId,
        note: input.note,
        created_by: ctx.actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'honour_proposal.created',
      entityType: 'honour_proposal',
      entityId: id,
      unitId: proposer.id,
      summary: `Lập tờ trình "${input.title}" của "${proposer.name}" ${external ? `gửi ${external}` : `trong đợt "${round.name}"`}`,
      after: input,
    });
    return id;
  });
}
