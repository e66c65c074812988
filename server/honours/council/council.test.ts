/**
 * Council sessions end to end on a real database: creating a session,
 * attendance, conflicts of interest, ballots (secret ballots never linked to
 * the voter). Counting and minutes: council-counting.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { ZCouncilSession, type TCouncilSession } from '../../../common/schemas/honours-council.ts';
import { expectError, expectOk } from '../../test/harness.ts';
import { C, councilBody, councilWorld, createCouncil } from './test-helpers.ts';

type Vote = { candidateId: number; choice: 'yes' | 'no' | 'abstain' };
type AgendaItem = TCouncilSession['agenda'][number];
/** The agenda item of a candidate (the test fails when it is not on the agenda). */
function item(session: Pick<TCouncilSession, 'agenda'>, candidateId: number): AgendaItem {
  const found = session.agenda.find((a) => a.candidate.id === candidateId);
  if (!found) throw new Error(`candidate ${candidateId} is not on the agenda`);
  return found;
}

describe('creating a council session', () => {
  it('creates a session with a chair, members and the passed candidates, each with its rule', async () => {
    const x = await councilWorld();
    // An open ballot when no agenda item is secret (Tuyên dương is voted openly).
    const openSession = await createCouncil(
      x.w.operatorA.s,
      councilBody(x, { candidateIds: [x.c.tuyenDuong], title: 'Phiên xét tuyên dương' }),
    );
    expect(openSession.ballot).toBe('open');
    expect(item(openSession, x.c.tuyenDuong).ruleSummary).toBe(
      'Không cần hội đồng xét; người có thẩm quyền quyết định.',
    );
    const busy = await x.w.operatorA.s.post(C, councilBody(x));
    expect(expectError(busy, 400, 'VALIDATION').message).toContain('phiên họp khác chưa kết thúc');

    const session = await createCouncil(
      x.w.operatorA.s,
      councilBody(x, { candidateIds: [x.c.giayKhen, x.c.bangKhen] }),
    );
    expect(session.status).toBe('open');
    expect(session.unit).toEqual({ id: x.w.tree.blocA, name: 'Đảng ủy Khối A' });
    expect(session.memberCount).toBe(5);
    expect(session.candidateCount).toBe(2);
    expect(session.ballot).toBe('secret');
    expect(session.members[0]).toMatchObject({
      user: { id: x.m.chair.id, name: 'Hoàng Văn Chính' },
      role: 'chair',
      position: 'Phó Bí thư Đảng ủy Khối',
      present: false,
    });
    expect(session.members[1]?.role).toBe('secretary');
    expect(item(session, x.c.bangKhen).ruleSummary).toContain(
      'Bỏ phiếu kín; từ 80% tổng số thành viên hội đồng trở lên đồng ý',
    );
    expect(item(session, x.c.giayKhen).proposerUnit.id).toBe(x.w.tree.a1);
    expect(session.abilities).toEqual({ manage: true, vote: false });
    const stored = await x.t.db
      .selectFrom('council_agenda')
      .select(['candidate_id', 'award_rule_id'])
      .where('session_id', '=', session.id)
      .execute();
    expect(stored.every((a) => a.award_rule_id !== null)).toBe(true);

    // A member with no grant at all sees the session and the dossiers on its agenda.
    const seenByChair = expectOk(await x.m.chair.s.get(`${C}/${session.id}`), ZCouncilSession);
    expect(seenByChair.isMember).toBe(true);
    expect(seenByChair.abilities).toEqual({ manage: true, vote: true });
    expect(item(seenByChair, x.c.giayKhen).candidate.displayName).toBe('Đỗ Tuấn Lương');
    const seenByMember = expectOk(await x.m.m4.s.get(`${C}/${session.id}`), ZCouncilSession);
    expect(seenByMember.abilities).toEqual({ manage: false, vote: true });
  });

  it('refuses bad members and candidates, naming them', async () => {
    const x = await councilWorld();
    const s = x.w.operatorA.s;
    const twoChairs = councilBody(x);
    twoChairs.members[1]!.role = 'chair';
    let res = await s.post(C, twoChairs);
    expect(expectError(res, 400, 'VALIDATION').message).toContain('chỉ có một Chủ tịch');
    const noChair = councilBody(x, { memberIds: [x.m.secretary.id, x.m.m4.id] });
    expect((await s.post(C, noChair)).statusCode).toBe(400);
    res = await s.post(C, councilBody(x, { memberIds: [x.m.chair.id, x.m.m4.id, x.m.m4.id] }));
    expect(expectError(res, 400, 'VALIDATION').message).toContain('hai lần');
    await x.t.db.updateTable('app_user').set({ status: 'disabled' }).where('id', '=', x.m.m5.id).execute();
    res = await s.post(C, councilBody(x));
    expect(expectError(res, 400, 'VALIDATION').message).toContain('Lý Thị Năm');
    await x.t.db.updateTable('app_user').set({ status: 'active' }).where('id', '=', x.m.m5.id).execute();

    // A candidate not passed to the council, and one of an outside proposal.
    await x.t.db.updateTable('honour_candidate').set({ status: 'proposed' }).where('id', '=', x.c.bangKhen).execute();
    res = await s.post(C, councilBody(x));
    expect(expectError(res, 400, 'VALIDATION').message).toContain('Trần Văn An');
    await x.t.db.updateTable('honour_candidate').set({ status: 'passed' }).where('id', '=', x.c.bangKhen).execute();
    res = await s.post(C, councilBody(x, { candidateIds: [x.c.giayKhen, 999999] }));
    expect(expectError(res, 400, 'VALIDATION').message).toContain('999999');

    // No rule in force on the day of the session.
    res = await s.post(C, councilBody(x, { heldOn: '2017-06-01' }));
    expect(expectError(res, 400, 'VALIDATION').message).toContain('Giấy khen');

    // Not twice on open sessions.
    const first = await createCouncil(s, councilBody(x, { candidateIds: [x.c.giayKhen] }));
    res = await s.post(C, councilBody(x, { candidateIds: [x.c.giayKhen, x.c.bangKhen] }));
    const twice = expectError(res, 400, 'VALIDATION');
    expect(twice.message).toContain('Đỗ Tuấn Lương');
    expect(twice.message).toContain(first.title);
    expect(await x.t.db.selectFrom('council_session').select('id').execute()).toHaveLength(1);
  });
});

describe('ballots', () => {
  it('a member votes once; a second ballot is refused; recusal bars the vote; absent members vote in writing', async () => {
    const x = await councilWorld();
    const session = await createCouncil(x.w.operatorA.s, councilBody(x));
    const att = await x.m.secretary.s.post(`${C}/${session.id}/attendance`, {
      presentUserIds: [x.m.chair.id, x.m.secretary.id, x.m.member.id, x.m.m4.id],
      revision: session.revision,
    });
    expect(expectOk(att, ZCouncilSession).members.filter((m) => m.present)).toHaveLength(4);

    let res = await x.m.chair.s.post(`${C}/${session.id}/ballots`, {
      votes: [{ candidateId: x.c.giayKhen, choice: 'yes' }],
    });
    expect(item(expectOk(res, ZCouncilSession), x.c.giayKhen).myVote).toBe('cast');
    expect(item(expectOk(res, ZCouncilSession), x.c.giayKhen).castCount).toBe(1);
    res = await x.m.chair.s.post(`${C}/${session.id}/ballots`, {
      votes: [{ candidateId: x.c.giayKhen, choice: 'no' }],
    });
    expect(expectError(res, 409, 'INVALID_STATE').message).toContain('đã bỏ phiếu');

    // Recusal, then the vote on that candidate is refused; recusal after voting is refused too.
    res = await x.m.m4.s.post(`${C}/${session.id}/recusals`, {
      candidateId: x.c.bangKhen,
      reason: 'Là người thân của người được đề nghị',
    });
    expect(item(expectOk(res, ZCouncilSession), x.c.bangKhen).recusals).toEqual([
      { user: { id: x.m.m4.id, name: 'Vũ Đức Minh' }, reason: 'Là người thân của người được đề nghị' },
    ]);
    expect(item(expectOk(res, ZCouncilSession), x.c.bangKhen).myVote).toBe('recused');
    res = await x.m.m4.s.post(`${C}/${session.id}/ballots`, { votes: [{ candidateId: x.c.bangKhen, choice: 'yes' }] });
    expect(expectError(res, 409, 'INVALID_STATE').message).toContain('xung đột lợi ích');
    res = await x.m.chair.s.post(`${C}/${session.id}/recusals`, { candidateId: x.c.giayKhen, reason: 'Muộn' });
    expect(res.statusCode).toBe(409);

    // A candidate not on the agenda, and the same candidate twice in one ballot.
    res = await x.m.m4.s.post(`${C}/${session.id}/ballots`, { votes: [{ candidateId: 999999, choice: 'yes' }] });
    expect(res.statusCode).toBe(400);
    res = await x.m.m4.s.post(`${C}/${session.id}/ballots`, {
      votes: [
        { candidateId: x.c.giayKhen, choice: 'yes' },
        { candidateId: x.c.giayKhen, choice: 'no' },
      ],
    });
    expect(res.statusCode).toBe(400);

    // The absent member must send the ballot in writing.
    res = await x.m.m5.s.post(`${C}/${session.id}/ballots`, { votes: [{ candidateId: x.c.giayKhen, choice: 'yes' }] });
    expect(expectError(res, 400, 'VALIDATION').message).toContain('bằng văn bản');
    res = await x.m.m5.s.post(`${C}/${session.id}/ballots`, {
      votes: [{ candidateId: x.c.giayKhen, choice: 'yes' }],
      written: true,
    });
    expect(res.statusCode).toBe(200);
    const cast = await x.t.db
      .selectFrom('council_ballot_cast')
      .select(['user_id', 'written'])
      .where('session_id', '=', session.id)
      .where('user_id', '=', x.m.m5.id)
      .executeTakeFirstOrThrow();
    expect(cast.written).toBe(true);

    // A member who voted in the room cannot be marked absent afterwards.
    const now = expectOk(await x.m.secretary.s.get(`${C}/${session.id}`), ZCouncilSession);
    res = await x.m.secretary.s.post(`${C}/${session.id}/attendance`, {
      presentUserIds: [x.m.secretary.id, x.m.member.id, x.m.m4.id],
      revision: now.revision,
    });
    expect(expectError(res, 409, 'INVALID_STATE').message).toContain('Hoàng Văn Chính');
    // Stale revision.
    res = await x.m.secretary.s.post(`${C}/${session.id}/attendance`, {
      presentUserIds: [],
      revision: session.revision,
    });
    expect(res.statusCode).toBe(409);
  });

  it('a secret ballot is stored without the voter and never shown; an open ballot keeps the voter', async () => {
    const x = await councilWorld();
    const session = await createCouncil(x.w.operatorA.s, councilBody(x));
    await x.m.secretary.s.post(`${C}/${session.id}/attendance`, {
      presentUserIds: [x.m.chair.id, x.m.secretary.id, x.m.member.id, x.m.m4.id, x.m.m5.id],
      revision: session.revision,
    });
    const votes: Vote[] = [
      { candidateId: x.c.giayKhen, choice: 'no' },
      { candidateId: x.c.bangKhen, choice: 'abstain' },
      { candidateId: x.c.tuyenDuong, choice: 'yes' },
    ];
    const res = await x.m.chair.s.post(`${C}/${session.id}/ballots`, { votes });
    const mine = expectOk(res, ZCouncilSession);
    expect(item(mine, x.c.giayKhen).myVote).toBe('cast');
    expect(item(mine, x.c.bangKhen).myVote).toBe('cast');
    expect(item(mine, x.c.tuyenDuong).myVote).toBe('yes');

    const rows = await x.t.db
      .selectFrom('council_ballot')
      .select(['candidate_id', 'user_id', 'choice'])
      .where('session_id', '=', session.id)
      .execute();
    expect(rows.find((r) => r.candidate_id === x.c.giayKhen)).toEqual({
      candidate_id: x.c.giayKhen,
      user_id: null,
      choice: 'no',
    });
    expect(rows.find((r) => r.candidate_id === x.c.bangKhen)?.user_id).toBeNull();
    expect(rows.find((r) => r.candidate_id === x.c.tuyenDuong)).toEqual({
      candidate_id: x.c.tuyenDuong,
      user_id: x.m.chair.id,
      choice: 'yes',
    });

    // Nobody else — not the manager, not another member — sees a choice; the counts stay hidden until the close.
    for (const s of [x.w.operatorA.s, x.m.secretary.s, x.w.viewerA.s]) {
      const other = expectOk(await s.get(`${C}/${session.id}`), ZCouncilSession);
      for (const a of other.agenda) {
        expect(a.myVote).toBeNull();
        expect(a.result).toBeNull();
      }
      expect(item(other, x.c.giayKhen).castCount).toBe(1);
      expect(JSON.stringify(other)).not.toMatch(/"(no|abstain)"/);
    }

    // The audit event names the candidates and keeps only the open ballot's choice.
    const events = await x.t.db
      .selectFrom('audit_event')
      .select(['summary', 'after', 'actor_user_id'])
      .where('action', '=', 'council.voted')
      .execute();
    expect(events).toHaveLength(1);
    const raw = events[0]!.after;
    const after = JSON.stringify(raw);
    expect(after).not.toContain('"no"');
    expect(after).not.toContain('abstain');
    expect((typeof raw === 'string' ? JSON.parse(raw) : raw).openChoices).toEqual([
      { candidateId: x.c.tuyenDuong, choice: 'yes' },
    ]);
  });
});
