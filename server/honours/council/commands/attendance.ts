/** Điểm danh: who is present at the meeting (the others may only vote in writing). */
import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { writeTransaction } from '../../../lib/audit.ts';
import type { RequestContext } from '../../../lib/context.ts';
import { invalid, invalidState } from '../../../lib/errors.ts';
import { assertOpen, councilLabel, lockSession } from '../session-record.ts';

/** The caller checked the actor may manage the session. */
export async function setAttendance(
  db: Kysely<DB>,
  ctx: RequestContext,
  sessionId: number,
  body: { presentUserIds: number[]; revision: number },
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const session = await lockSession(trx, sessionId, { revision: body.revision });
    assertOpen(session);
    const members = await trx
      .selectFrom('council_member as m')
      .innerJoin('app_user as u', 'u.id', 'm.user_id')
      .select(['m.user_id', 'u.full_name', 'm.present'])
      .where('m.session_id', '=', sessionId)
      .execute();
    const memberIds = new Set(members.map((m) => m.user_id));
    const present = new Set(body.presentUserIds);
    const strangers = [...present].filter((id) => !memberIds.has(id));
    if (strangers.length > 0)
      throw invalid(
        'presentUserIds',
        `Không phải thành viên Hội đồng của phiên họp này: mã số ${strangers.join(', ')}.`,
      );
    // A member who already voted in the room (not in writing) cannot be marked absent afterwards.
    const leaving = members.filter((m) => m.present && !present.has(m.user_id)).map((m) => m.user_id);
    if (leaving.length > 0) {
      const voted = await trx
        .selectFrom('council_ballot_cast as bc')
        .select('bc.user_id')
        .distinct()
        .where('bc.session_id', '=', sessionId)
        .where('bc.written', '=', false)
        .where('bc.user_id', 'in', leaving)
        .execute();
      if (voted.length > 0) {
        const names = voted.map((v) => `"${members.find((m) => m.user_id === v.user_id)?.full_name ?? v.user_id}"`);
        throw invalidState(`Không ghi vắng mặt được vì đã bỏ phiếu tại phiên họp: ${names.join(', ')}.`);
      }
    }
    await trx.updateTable('council_member').set({ present: false }).where('session_id', '=', sessionId).execute();
    if (present.size > 0) {
      await trx
        .updateTable('council_member')
        .set({ present: true })
        .where('session_id', '=', sessionId)
        .where('user_id', 'in', [...present])
        .execute();
    }
    await trx
      .updateTable('council_session')
      .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: new Date() }))
      .where('id', '=', sessionId)
      .execute();
    await audit({
      action: 'council.updated',
      entityType: 'council_session',
      entityId: sessionId,
      unitId: session.unit_id,
      summary: `Điểm danh ${councilLabel(session)}: có mặt ${present.size}/${members.length} thành viên`,
      before: { presentUserIds: members.filter((m) => m.present).map((m) => m.user_id) },
      after: { presentUserIds: [...present] },
    });
  });
}
