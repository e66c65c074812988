/**
 * Kết thúc phiên họp, kiểm phiếu: count every agenda item under its rule
 * (countVotes), store the result, move the candidates to approved / rejected
 * (no quorum: rejected, the result says so), close the session, and tell the
 * proposing units.
 */
import type { Kysely } from 'kysely';
import { ROLE_ACTIONS, ROLES } from '../../../../common/roles.ts';
import type { DB } from '../../../db/schema.ts';
import { writeTransaction } from '../../../lib/audit.ts';
import type { RequestContext } from '../../../lib/context.ts';
import { invalidState } from '../../../lib/errors.ts';
import { notify } from '../../../notifications/notify.ts';
import { countVotes, VoteCountError, type Ballot, type VoteResult } from '../../vote-count.ts';
import { assertOpen, councilLabel, lockSession } from '../session-record.ts';

const PROPOSE_ROLES = ROLES.filter((r) => ROLE_ACTIONS[r].includes('honours.propose'));

/** The caller checked the actor may manage the session. */
export async function closeCouncil(
  db: Kysely<DB>,
  ctx: RequestContext,
  sessionId: number,
  revision: number,
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const session = await lockSession(trx, sessionId, { revision });
    assertOpen(session);
    const members = await trx
      .selectFrom('council_member')
      .select(['user_id', 'present'])
      .where('session_id', '=', sessionId)
      .execute();
    const council = {
      memberIds: members.map((m) => m.user_id),
      presentIds: members.filter((m) => m.present).map((m) => m.user_id),
    };
    const present = new Set(council.presentIds);
    const agenda = await trx
      .selectFrom('council_agenda as a')
      .innerJoin('honour_candidate as c', 'c.id', 'a.candidate_id')
      .innerJoin('honour_proposal as p', 'p.id', 'c.proposal_id')
      .leftJoin('award_form_rule as r', 'r.id', 'a.award_rule_id')
      .select([
        'a.candidate_id',
        'c.display_name',
        'c.status',
        'p.id as proposal_id',
        'p.proposer_unit_id',
        'r.ballot',
        'r.threshold_num',
        'r.threshold_den',
        'r.comparison',
        'r.basis',
        'r.quorum_num',
        'r.quorum_den',
      ])
      .where('a.session_id', '=', sessionId)
      .orderBy('a.sort_order')
      .execute();
    const casts = await trx
      .selectFrom('council_ballot_cast')
      .select(['candidate_id', 'user_id', 'written'])
      .where('session_id', '=', sessionId)
      .execute();
    const choices = await trx
      .selectFrom('council_ballot')
      .select(['candidate_id', 'user_id', 'choice'])
      .where('session_id', '=', sessionId)
      .orderBy('id')
      .execute();
    const recusals = await trx
      .selectFrom('council_recusal')
      .select(['candidate_id', 'user_id'])
      .where('session_id', '=', sessionId)
      .execute();

    const results: Array<{
      candidateId: number;
      name: string;
      proposalId: number;
      proposerUnitId: number;
      result: VoteResult;
    }> = [];
    for (const item of agenda) {
      if (
        item.threshold_num === null ||
        item.threshold_den === null ||
        item.comparison === null ||
        item.basis === null ||
        item.quorum_num === null ||
        item.quorum_den === null
      ) {
        throw invalidState(
          `Hồ sơ "${item.display_name}" chưa có quy định xét của hình thức khen thưởng; không kiểm phiếu được.`,
        );
      }
      const rule = {
        threshold: { num: item.threshold_num, den: item.threshold_den },
        comparison: item.comparison,
        basis: item.basis,
        quorum: { num: item.quorum_num, den: item.quorum_den },
      };
      const itemCasts = casts.filter((c) => c.candidate_id === item.candidate_id);
      const itemChoices = choices.filter((c) => c.candidate_id === item.candidate_id);
      let ballots: Ballot[];
      if (item.ballot === 'open') {
        const choiceOf = new Map(itemChoices.map((c) => [c.user_id, c.choice]));
        ballots = itemCasts.map((c) => ({
          memberId: c.user_id,
          choice: choiceOf.get(c.user_id) ?? 'abstain',
          written: c.written,
        }));
      } else {
        // Secret: pair who voted (and whether in writing) with the anonymous choices; the counts do not depend on the pairing.
        if (itemCasts.length !== itemChoices.length)
          throw invalidState(
            `Số phiếu của hồ sơ "${item.display_name}" không khớp với số thành viên đã bỏ phiếu; cần kiểm tra lại dữ liệu.`,
          );
        ballots = itemCasts.map((c, i) => ({
          memberId: c.user_id,
          choice: itemChoices[i]!.choice,
          written: c.written,
        }));
      }
      for (const r of recusals)
        if (r.candidate_id === item.candidate_id)
          ballots.push({ memberId: r.user_id, choice: null, written: !present.has(r.user_id) });
      let result: VoteResult;
      try {
        result = countVotes(rule, council, ballots);
      } catch (e) {
        if (e instanceof VoteCountError)
          throw invalidState(`Không kiểm phiếu được hồ sơ "${item.display_name}": ${e.message}`);
        throw e;
      }
      results.push({
        candidateId: item.candidate_id,
        name: item.display_name,
        proposalId: item.proposal_id,
        proposerUnitId: item.proposer_unit_id,
        result,
      });
    }

    const now = new Date();
    for (const r of results) {
      await trx
        .updateTable('council_agenda')
        .set({ result: JSON.stringify(r.result), passed: r.result.passed })
        .where('session_id', '=', sessionId)
        .where('candidate_id', '=', r.candidateId)
        .execute();
    }
    const approved = results.filter((r) => r.result.passed).map((r) => r.candidateId);
    const rejected = results.filter((r) => !r.result.passed).map((r) => r.candidateId);
    for (const [status, ids] of [
      ['approved', approved],
      ['rejected', rejected],
    ] as const) {
      if (ids.length === 0) continue;
      await trx
        .updateTable('honour_candidate')
        .set((eb) => ({ status, revision: eb('revision', '+', 1), updated_at: now }))
        .where('id', 'in', ids)
        .where('status', '=', 'passed')
        .execute();
    }
    await trx
      .updateTable('council_session')
      .set((eb) => ({
        status: 'closed',
        closed_at: now,
        closed_by: ctx.actor?.userId ?? null,
        revision: eb('revision', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', sessionId)
      .execute();

    // Tell the proposing units (those who may propose for them) how their candidates fared, one notice per proposal.
    const unitIds = [...new Set(results.map((r) => r.proposerUnitId))];
    const holders =
      unitIds.length === 0
        ? []
        : await trx
            .selectFrom('role_grant as g')
            .innerJoin('app_user as u', 'u.id', 'g.user_id')
            .select(['g.user_id', 'g.unit_id'])
            .distinct()
            .where('g.unit_id', 'in', unitIds)
            .where('g.role', 'in', PROPOSE_ROLES)
            .where('g.revoked_at', 'is', null)
            .where('u.status', '=', 'active')
            .execute();
    const byProposal = new Map<number, typeof results>();
    for (const r of results) byProposal.set(r.proposalId, [...(byProposal.get(r.proposalId) ?? []), r]);
    const notices = [];
    for (const [proposalId, items] of byProposal) {
      const unitId = items[0]!.proposerUnitId;
      const passed = items.filter((i) => i.result.passed).length;
      const lines = items.map(
        (i) =>
          `${i.name}: ${i.result.passed ? 'được thông qua' : i.result.quorumMet ? 'không được thông qua' : 'không thông qua (phiên họp không đủ số thành viên có mặt)'}`,
      );
      for (const h of holders) {
        if (h.unit_id !== unitId || h.user_id === ctx.actor?.userId) continue;
        notices.push({
          userId: h.user_id,
          kind: 'council.closed',
          title: `Kết quả Hội đồng Thi đua – Khen thưởng "${session.title}": ${passed}/${items.length} hồ sơ được thông qua`,
          body: lines.join('; '),
          link: `/khen-thuong/to-trinh/${proposalId}`,
          dedupeKey: `council.closed:${sessionId}:${proposalId}`,
        });
      }
    }
    await notify(trx, notices);

    await audit({
      action: 'council.closed',
      entityType: 'council_session',
      entityId: sessionId,
      unitId: session.unit_id,
      summary: `Kết thúc ${councilLabel(session)}, kiểm phiếu: ${approved.length} hồ sơ được thông qua, ${rejected.length} không được thông qua`,
      after: { results: results.map((r) => ({ candidateId: r.candidateId, ...r.result })) },
    });
  });
}
