/** Khai xung đột lợi ích: a member steps aside on one candidate, openly, before voting on it. */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { writeTransaction } from '../../../lib/audit.ts';
import type { RequestContext } from '../../../lib/context.ts';
import { invalid, invalidState } from '../../../lib/errors.ts';
import { assertOpen, candidateNames, councilLabel, lockSession } from '../session-record.ts';

/** The caller checked the actor is a member of the session. */
export async function recuse(
  db: Kysely<DB>,
  ctx: RequestContext,
  sessionId: number,
  userId: number,
  body: { candidateId: number; reason: string },
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const session = await lockSession(trx, sessionId, { share: true });
    assertOpen(session);
    const onAgenda = await trx
      .selectFrom('council_agenda')
      .select('candidate_id')
      .where('session_id', '=', sessionId)
      .where('candidate_id', '=', body.candidateId)
      .executeTakeFirst();
    if (!onAgenda)
      throw invalid('candidateId', `Hồ sơ có mã số ${body.candidateId} không có trong chương trình của phiên họp này.`);
    const name = (await candidateNames(trx, [body.candidateId])).get(body.candidateId) ?? `mã số ${body.candidateId}`;
    const cast = await trx
      .selectFrom('council_ballot_cast')
      .select('user_id')
      .where('session_id', '=', sessionId)
      .where('candidate_id', '=', body.candidateId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (cast) throw invalidState(`Bạn đã bỏ phiếu cho ${name}; không khai xung đột lợi ích sau khi bỏ phiếu được.`);
    const already = await trx
      .selectFrom('council_recusal')
      .select('user_id')
      .where('session_id', '=', sessionId)
      .where('candidate_id', '=', body.candidateId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (already) throw invalidState(`Bạn đã khai xung đột lợi ích với ${name}.`);
    await trx
      .insertInto('council_recusal')
      .values({ session_id: sessionId, candidate_id: body.candidateId, user_id: userId, reason: body.reason })
      .execute();
    await audit({
      action: 'council.recused',
      entityType: 'council_session',
      entityId: sessionId,
      unitId: session.unit_id,
      summary: `Khai xung đột lợi ích, không bỏ phiếu cho ${name} tại ${councilLabel(session)}: ${body.reason}`,
      after: { candidateId: body.candidateId, userId, reason: body.reason },
    });
  });
}
