/**
 * Bỏ phiếu: a member's ballot, one choice per candidate, once. Under a
 * secret ballot the choice is stored without the voter (council_ballot.user_id
 * null) and that the member voted is kept apart (council_ballot_cast); the
 * anonymous rows are re-dealt in random order on every ballot, so row order
 * does not follow the order of voting; the audit event names the candidates
 * but never a secret choice.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { writeTransaction } from '../../../lib/audit.ts';
import type { RequestContext } from '../../../lib/context.ts';
import { forbidden, invalid, invalidState } from '../../../lib/errors.ts';
import { assertOpen, candidateNames, councilLabel, lockSession } from '../session-record.ts';

export interface BallotInput {
  votes: Array<{ candidateId: number; choice: 'yes' | 'no' | 'abstain' }>;
  written: boolean;
}

/** The caller checked the session is visible; membership is checked here. */
export async function castBallots(
  db: Kysely<DB>,
  ctx: RequestContext,
  sessionId: number,
  userId: number,
  body: BallotInput,
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const session = await lockSession(trx, sessionId, { share: true });
    const member = await trx
      .selectFrom('council_member')
      .select(['present'])
      .where('session_id', '=', sessionId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!member) throw forbidden('Chỉ thành viên Hội đồng của phiên họp này mới được bỏ phiếu.');
    assertOpen(session);
    if (!member.present && !body.written) {
      throw invalid(
        'written',
        'Bạn chưa được điểm danh có mặt tại phiên họp: hãy gửi phiếu bằng văn bản (written = true), hoặc đề nghị thư ký điểm danh.',
      );
    }
    const ids = body.votes.map((v) => v.candidateId);
    const seen = new Set<number>();
    body.votes.forEach((v, i) => {
      if (seen.has(v.candidateId))
        throw invalid(`votes.${i}.candidateId`, `Hồ sơ có mã số ${v.candidateId} có hơn một lựa chọn trong phiếu.`);
      seen.add(v.candidateId);
    });
    const agenda = await trx
      .selectFrom('council_agenda as a')
      .leftJoin('award_form_rule as r', 'r.id', 'a.award_rule_id')
      .select(['a.candidate_id', 'r.ballot'])
      .where('a.session_id', '=', sessionId)
      .where('a.candidate_id', 'in', ids)
      .execute();
    const ballotOf = new Map(agenda.map((a) => [a.candidate_id, a.ballot ?? 'secret']));
    const names = await candidateNames(trx, ids);
    const nameOf = (id: number) => names.get(id) ?? `mã số ${id}`;
    body.votes.forEach((v, i) => {
      if (!ballotOf.has(v.candidateId))
        throw invalid(
          `votes.${i}.candidateId`,
          `Hồ sơ ${nameOf(v.candidateId)} không có trong chương trình của phiên họp này.`,
        );
    });
    const recused = await trx
      .selectFrom('council_recusal')
      .select('candidate_id')
      .where('session_id', '=', sessionId)
      .where('user_id', '=', userId)
      .where('candidate_id', 'in', ids)
      .execute();
    if (recused.length > 0)
      throw invalidState(
        `Bạn đã khai xung đột lợi ích, không bỏ phiếu được cho: ${recused.map((r) => nameOf(r.candidate_id)).join(', ')}.`,
      );
    const cast = await trx
      .selectFrom('council_ballot_cast')
      .select('candidate_id')
      .where('session_id', '=', sessionId)
      .where('user_id', '=', userId)
      .where('candidate_id', 'in', ids)
      .execute();
    if (cast.length > 0)
      throw invalidState(
        `Bạn đã bỏ phiếu cho: ${cast.map((r) => nameOf(r.candidate_id)).join(', ')}; mỗi thành viên chỉ bỏ một phiếu.`,
      );

    await trx
      .insertInto('council_ballot_cast')
      .values(
        body.votes.map((v) => ({
          session_id: sessionId,
          candidate_id: v.candidateId,
          user_id: userId,
          written: body.written,
        })),
      )
      .execute();
    await trx
      .insertInto('council_ballot')
      .values(
        body.votes.map((v) => ({
          session_id: sessionId,
          candidate_id: v.candidateId,
          user_id: ballotOf.get(v.candidateId) === 'open' ? userId : null,
          choice: v.choice,
        })),
      )
      .execute();
    const openVotes = body.votes.filter((v) => ballotOf.get(v.candidateId) === 'open');
    const secretCount = body.votes.length - openVotes.length;
    if (secretCount > 0) {
      // Re-deal the anonymous choices of these candidates in random order, so that the order of the
      // ballot rows (their ids) cannot be matched with the order in which members cast (council_ballot_cast.cast_at).
      const secretIds = body.votes.filter((v) => ballotOf.get(v.candidateId) !== 'open').map((v) => v.candidateId);
      await sql`
        with dealt as (
          delete from council_ballot where session_id = ${sessionId} and user_id is null and candidate_id in (${sql.join(secretIds)})
          returning candidate_id, choice
        )
        insert into council_ballot (session_id, candidate_id, user_id, choice)
        select ${sessionId}, candidate_id, null, choice from dealt order by random()`.execute(trx);
    }
    await audit({
      action: 'council.voted',
      entityType: 'council_session',
      entityId: sessionId,
      unitId: session.unit_id,
      summary: `Bỏ phiếu${body.written ? ' bằng văn bản' : ''} tại ${councilLabel(session)}: ${body.votes.length} hồ sơ${secretCount > 0 ? ` (${secretCount} bỏ phiếu kín)` : ''}`,
      after: {
        written: body.written,
        candidateIds: ids,
        /** Only open-ballot choices; a secret choice is never recorded with the voter. */
        openChoices: openVotes.map((v) => ({ candidateId: v.candidateId, choice: v.choice })),
      },
    });
  });
}
