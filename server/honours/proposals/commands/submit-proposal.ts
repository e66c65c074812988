/**
 * Gửi tờ trình: the first time within the round's dates; again when dossiers
 * were returned and have been fixed (returned → proposed). Every dossier sent
 * gets its evaluation results and flags as they stand today (a snapshot, kept
 * with the candidate). The reviewing unit's honours staff are notified.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { writeTransaction } from '../../../lib/audit.ts';
import type { RequestContext } from '../../../lib/context.ts';
import { invalidState } from '../../../lib/errors.ts';
import { notify } from '../../../notifications/notify.ts';
import type { ProposalRow } from '../../policy.ts';
import { evaluationsOf, flagsFor, flagsOf, usersHolding } from '../dossier.ts';
import {
  assertInWindow,
  assertResubmitAllowed,
  bumpProposal,
  lockProposal,
  proposalLink,
  roundState,
} from '../proposal-record.ts';

/** The caller loaded the proposal for 'edit'. */
export async function submitProposal(
  db: Kysely<DB>,
  ctx: RequestContext,
  proposal: ProposalRow,
  revision: number | null,
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockProposal(trx, proposal.id, revision);
    const round = await roundState(trx, before.round_id);
    const first = before.status === 'draft';
    const sending = await trx
      .selectFrom('honour_candidate')
      .select(['id', 'subject', 'person_id', 'unit_id', 'entry_id', 'status'])
      .where('proposal_id', '=', proposal.id)
      .where('status', 'in', first ? ['proposed', 'returned'] : ['returned'])
      .forUpdate()
      .execute();
    if (sending.length === 0) {
      throw invalidState(
        first
          ? `Tờ trình "${before.title}" chưa có người, tập thể nào được đề nghị.`
          : `Tờ trình "${before.title}" đã gửi và không có hồ sơ bị trả lại nào cần gửi lại.`,
      );
    }
    if (before.external_body === null) {
      if (first) assertInWindow(round);
      else assertResubmitAllowed(round);
    }
    const subjects = sending.map((c) => ({
      subject: c.subject,
      personId: c.person_id,
      unitId: c.unit_id,
      entryId: c.entry_id,
    }));
    const flags = await flagsOf(trx, subjects);
    const evaluations = await evaluationsOf(
      trx,
      sending.flatMap((c) => (c.entry_id !== null ? [c.entry_id] : [])),
    );
    const values = sending.map(
      (c, i) =>
        sql`(${c.id}::int, ${JSON.stringify(c.entry_id !== null ? (evaluations.get(c.entry_id) ?? []) : [])}::jsonb, ${JSON.stringify(flagsFor(flags, subjects[i]!))}::jsonb)`,
    );
    await sql`
      update honour_candidate c set evaluation = v.evaluation, flags = v.flags, status = 'proposed', return_reason = null,
        revision = c.revision + case when c.status = 'returned' then 1 else 0 end, updated_at = now()
      from (values ${sql.join(values)}) as v(id, evaluation, flags)
      where c.id = v.id`.execute(trx);
    const now = new Date();
    const after = await bumpProposal(trx, proposal.id, {
      status: 'submitted',
      submitted_at: now,
      submitted_by: ctx.actor?.userId ?? null,
    });
    const resent = sending.filter((c) => c.status === 'returned').length;
    if (before.reviewer_unit_id !== null) {
      const recipients = (await usersHolding(trx, 'honours.review', before.reviewer_unit_id)).filter(
        (u) => u !== ctx.actor?.userId,
      );
      await notify(
        trx,
        recipients.map((userId) => ({
          userId,
          kind: 'honours.proposal_submitted',
          title: `${proposal.proposer_name} ${first ? 'gửi' : 'gửi lại'} tờ trình đề nghị khen thưởng`,
          body: `"${before.title}" — ${sending.length} hồ sơ${first ? '' : ' đã sửa sau khi bị trả lại'}, đợt "${round.name}".`,
          link: proposalLink(proposal.id),
          dedupeKey: `honours.proposal_submitted:${proposal.id}:${after.revision}`,
        })),
      );
    }
    await audit({
      action: 'honour_proposal.submitted',
      entityType: 'honour_proposal',
      entityId: proposal.id,
      unitId: before.proposer_unit_id,
      summary: first
        ? `Gửi tờ trình "${before.title}" (${sending.length} hồ sơ) ${before.external_body ? `tới ${before.external_body}` : `tới "${proposal.reviewer_name}"`}`
        : `Gửi lại ${resent} hồ sơ đã sửa của tờ trình "${before.title}"`,
      before: { status: before.status },
      after: { status: 'submitted', candidateIds: sending.map((c) => c.id) },
    });
  });
}
