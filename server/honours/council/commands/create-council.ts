/**
 * Lập phiên họp Hội đồng Thi đua – Khen thưởng: the members (one chair), and
 * the agenda — candidates passed to the council in the round, each with the
 * rule of its award form in force on the day of the session.
 */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../../common/dates.ts';
import type { DB } from '../../../db/schema.ts';
import { writeTransaction } from '../../../lib/audit.ts';
import type { RequestContext } from '../../../lib/context.ts';
import { invalid, invalidState } from '../../../lib/errors.ts';
import { findAwardForms } from '../../award-forms.ts';
import type { RoundRow } from '../../policy.ts';

export type CouncilInput = {
  roundId: number;
  title: string;
  heldOn: string;
  location: string | null;
  members: Array<{ userId: number; role: 'chair' | 'secretary' | 'member'; position: string | null }>;
  candidateIds: number[];
};

/** The round was loaded with honours.review on its unit by the caller. Returns the new session's id. */
export async function createCouncil(
  db: Kysely<DB>,
  ctx: RequestContext,
  round: RoundRow,
  input: CouncilInput,
): Promise<number> {
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    if (round.status !== 'open')
      throw invalidState(`Đợt khen thưởng "${round.name}" đã kết thúc; không lập thêm phiên họp Hội đồng được.`);

    // Members: no one twice, exactly one chair, active accounts.
    const seen = new Set<number>();
    input.members.forEach((m, i) => {
      if (seen.has(m.userId)) throw invalid(`members.${i}.userId`, `Thành viên có mã số ${m.userId} bị chọn hai lần.`);
      seen.add(m.userId);
    });
    const chairs = input.members.filter((m) => m.role === 'chair').length;
    if (chairs !== 1)
      throw invalid(
        'members',
        chairs === 0 ? 'Hội đồng phải có một Chủ tịch Hội đồng.' : 'Hội đồng chỉ có một Chủ tịch Hội đồng.',
      );
    const users = await trx
      .selectFrom('app_user')
      .select(['id', 'full_name', 'status'])
      .where('id', 'in', [...seen])
      .execute();
    const userById = new Map(users.map((u) => [u.id, u]));
    input.members.forEach((m, i) => {
      const u = userById.get(m.userId);
      if (!u) throw invalid(`members.${i}.userId`, `Không tìm thấy người dùng có mã số ${m.userId}.`);
      if (u.status !== 'active')
        throw invalid(`members.${i}.userId`, `Tài khoản của "${u.full_name}" đã bị khóa; không đưa vào Hội đồng được.`);
    });

    // Agenda: passed candidates of internal proposals in this round, not on another open session.
    const ids = [...new Set(input.candidateIds)];
    const rows = await trx
      .selectFrom('honour_candidate as c')
      .innerJoin('honour_proposal as p', 'p.id', 'c.proposal_id')
      .select(['c.id', 'c.display_name', 'c.status', 'c.award_form_id', 'p.round_id', 'p.reviewer_unit_id'])
      .where('c.id', 'in', ids)
      .forUpdate()
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0)
      throw invalid('candidateIds', `Không tìm thấy hồ sơ đề nghị khen thưởng có mã số ${missing.join(', ')}.`);
    const name = (r: { id: number; display_name: string }) => `"${r.display_name}" (mã số ${r.id})`;
    const otherRound = rows.filter((r) => r.round_id !== round.id || r.reviewer_unit_id === null);
    if (otherRound.length > 0) {
      throw invalid(
        'candidateIds',
        `Không thuộc các tờ trình gửi đợt khen thưởng "${round.name}": ${otherRound.map(name).join(', ')}.`,
      );
    }
    const notPassed = rows.filter((r) => r.status !== 'passed');
    if (notPassed.length > 0)
      throw invalid(
        'candidateIds',
        `Chưa được thẩm định chuyển Hội đồng (hoặc đã xét xong): ${notPassed.map(name).join(', ')}.`,
      );
    const busy = await trx
      .selectFrom('council_agenda as a')
      .innerJoin('council_session as s', 's.id', 'a.session_id')
      .select(['a.candidate_id', 's.title'])
      .where('s.status', '=', 'open')
      .where('a.candidate_id', 'in', ids)
      .execute();
    if (busy.length > 0) {
      throw invalid(
        'candidateIds',
        `Đang có trong chương trình một phiên họp khác chưa kết thúc: ${busy.map((b) => `${name(byId.get(b.candidate_id)!)} — phiên "${b.title}"`).join(', ')}.`,
      );
    }

    // The rule of each award form in force on the day of the session.
    const formIds = [...new Set(rows.map((r) => r.award_form_id))];
    const forms = await findAwardForms(trx, { ids: formIds, onDate: input.heldOn, includeInactive: true });
    const ruleOf = new Map<number, { id: number; ballot: 'secret' | 'open' }>();
    for (const f of forms) if (f.rule) ruleOf.set(f.id, { id: f.rule.id, ballot: f.rule.ballot });
    const noRule = forms.filter((f) => !f.rule);
    if (noRule.length > 0) {
      throw invalid(
        'candidateIds',
        `Hình thức khen thưởng chưa có quy định xét áp dụng ngày ${formatDateVi(input.heldOn)}: ${noRule.map((f) => `"${f.name}"`).join(', ')}.`,
      );
    }

    const { id } = await trx
      .insertInto('council_session')
      .values({
        round_id: round.id,
        unit_id: round.owner_unit_id,
        title: input.title,
        held_on: input.heldOn,
        location: input.location,
        created_by: ctx.actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('council_member')
      .values(input.members.map((m) => ({ session_id: id, user_id: m.userId, role: m.role, position: m.position })))
      .execute();
    await trx
      .insertInto('council_agenda')
      .values(
        ids.map((candidate_id, i) => ({
          session_id: id,
          candidate_id,
          award_rule_id: ruleOf.get(byId.get(candidate_id)!.award_form_id)!.id,
          result: null,
          passed: null,
          sort_order: i,
        })),
      )
      .execute();
    const secret = ids.some((c) => ruleOf.get(byId.get(c)!.award_form_id)!.ballot === 'secret');
    await audit({
      action: 'council.created',
      entityType: 'council_session',
      entityId: id,
      unitId: round.owner_unit_id,
      summary: `Lập phiên họp Hội đồng Thi đua – Khen thưởng "${input.title}" ngày ${formatDateVi(input.heldOn)} (${input.members.length} thành viên, ${ids.length} hồ sơ${secret ? ', bỏ phiếu kín' : ''})`,
      after: {
        roundId: round.id,
        title: input.title,
        heldOn: input.heldOn,
        location: input.location,
        members: input.members,
        candidateIds: ids,
      },
    });
    return id;
  });
}
