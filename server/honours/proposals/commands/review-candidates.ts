/**
 * Thẩm định hồ sơ: the reviewing unit returns dossiers with a reason or
 * passes them to the council — many at once, all or nothing. Every dossier
 * must be in this proposal, waiting (proposed) and at the revision the
 * reviewer saw. The proposer unit's staff are told about returns.
 */
import { sql, type Kysely } from 'kysely';
import type { ZReviewBody } from '../../../../common/schemas/honours-flow.ts';
import type { z } from '../../../../common/zod-setup.ts';
import type { DB } from '../../../db/schema.ts';
import { writeTransaction } from '../../../lib/audit.ts';
import type { RequestContext } from '../../../lib/context.ts';
import { invalid, invalidState, staleRevision } from '../../../lib/errors.ts';
import { notify } from '../../../notifications/notify.ts';
import type { ProposalRow } from '../../policy.ts';
import { usersHolding } from '../dossier.ts';
import { bumpProposal, lockProposal, proposalLink } from '../proposal-record.ts';

type Item = { candidateId: number; decision: 'return' | 'pass'; reason: string | null; revision: number };

/** The caller loaded the proposal for 'review'. */
export async function reviewCandidates(
  db: Kysely<DB>,
  ctx: RequestContext,
  proposal: ProposalRow,
  body: z.infer<typeof ZReviewBody>,
): Promise<void> {
  const items: Item[] = body.items;
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const locked = await lockProposal(trx, proposal.id, null);
    if (locked.external_body !== null)
      throw invalidState(
        `Tờ trình "${locked.title}" gửi ${locked.external_body}; kết quả được ghi khi có quyết định khen thưởng.`,
      );
    if (locked.status !== 'submitted')
      throw invalidState(`Tờ trình "${locked.title}" chưa được gửi nên chưa xét được.`);
    const seen = new Set<number>();
    items.forEach((it, i) => {
      if (seen.has(it.candidateId))
        throw invalid(`items.${i}.candidateId`, `Hồ sơ có mã số ${it.candidateId} được chọn hai lần.`);
      seen.add(it.candidateId);
    });
    const rows = await trx
      .selectFrom('honour_candidate')
      .select(['id', 'display_name', 'status', 'revision'])
      .where('proposal_id', '=', proposal.id)
      .where('id', 'in', [...seen])
      .forUpdate()
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    items.forEach((it, i) => {
      const row = byId.get(it.candidateId);
      if (!row)
        throw invalid(
          `items.${i}.candidateId`,
          `Hồ sơ có mã số ${it.candidateId} không thuộc tờ trình "${locked.title}".`,
        );
      if (row.revision !== it.revision) throw staleRevision(`Hồ sơ của "${row.display_name}"`);
      if (row.status !== 'proposed')
        throw invalidState(`Hồ sơ của "${row.display_name}" không ở trạng thái chờ thẩm định.`);
    });
    const userId = ctx.actor?.userId ?? null;
    const values = items.map(
      (it) =>
        sql`(${it.candidateId}::int, ${it.decision === 'return' ? 'returned' : 'passed'}::text, ${it.decision === 'return' ? it.reason : null}::text)`,
    );
    await sql`
      update honour_candidate c set status = v.status, return_reason = v.reason, reviewed_by = ${userId}, reviewed_at = now(),
        revision = c.revision + 1, updated_at = now()
      from (values ${sql.join(values)}) as v(id, status, reason)
      where c.id = v.id`.execute(trx);
    const after = await bumpProposal(trx, proposal.id);
    for (const it of items) {
      const row = byId.get(it.candidateId)!;
      await audit({
        action: it.decision === 'return' ? 'honour_candidate.returned' : 'honour_candidate.passed',
        entityType: 'honour_candidate',
        entityId: it.candidateId,
        unitId: locked.reviewer_unit_id,
        summary:
          it.decision === 'return'
            ? `Trả lại hồ sơ của "${row.display_name}": ${it.reason}`
            : `Chuyển hồ sơ của "${row.display_name}" ra Hội đồng Thi đua – Khen thưởng`,
        before: { status: row.status },
        after: { status: it.decision === 'return' ? 'returned' : 'passed', reason: it.reason },
      });
    }
    const returned = items.filter((it) => it.decision === 'return');
    if (returned.length > 0) {
      const recipients = (await usersHolding(trx, 'honours.propose', locked.proposer_unit_id)).filter(
        (u) => u !== userId,
      );
      const names = returned.map((it) => byId.get(it.candidateId)!.display_name);
      await notify(
        trx,
        recipients.map((u) => ({
          userId: u,
          kind: 'honours.candidates_returned',
          title: `${returned.length} hồ sơ đề nghị khen thưởng bị trả lại`,
          body: `Tờ trình "${locked.title}": ${names.slice(0, 5).join(', ')}${names.length > 5 ? '…' : ''}. Hãy sửa theo lý do và gửi lại.`,
          link: proposalLink(proposal.id),
          dedupeKey: `honours.candidates_returned:${proposal.id}:${after.revision}`,
        })),
      );
    }
  });
}
