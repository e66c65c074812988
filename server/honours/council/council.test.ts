/**
 * Council sessions end to end on a real database: creating a session,
 * attendance, conflicts of interest, ballots (secret ballots never linked to
 * the voter), counting at the close under each award form's rule, and the
 * minutes read back from the .docx.
 */
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../docgen/read-docx.ts';
import { json } from '../../test/harness.ts';
import { C, councilBody, councilWorld, createCouncil, type CouncilWorld } from './test-helpers.ts';

type Vote = { candidateId: number; choice: 'yes' | 'no' | 'abstain' };
const item = (session: any, candidateId: number) => session.agenda.find((a: any) => a.candidate.id === candidateId);

async function statusOf(x: CouncilWorld, candidateId: number) {
  return (
    await x.t.db.selectFrom('honour_candidate').select('status').where('id', '=', candidateId).executeTakeFirstOrThrow()
  ).status;
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
    expect(busy.statusCode).toBe(400);
    expect(json(busy).error.message).toContain('phiên họp khác chưa kết thúc');

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
    expect(session.members[1].role).toBe('secretary');
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
    const seenByChair = json(await x.m.chair.s.get(`${C}/${session.id}`));
    expect(seenByChair.isMember).toBe(true);
    expect(seenByChair.abilities).toEqual({ manage: true, vote: true });
    expect(item(seenByChair, x.c.giayKhen).candidate.displayName).toBe('Đỗ Tuấn Lương');
    const seenByMember = json(await x.m.m4.s.get(`${C}/${session.id}`));
    expect(seenByMember.abilities).toEqual({ manage: false, vote: true });
  });

  it('refuses bad members and candidates, naming them', async () => {
    const x = await councilWorld();
    const s = x.w.operatorA.s;
    const twoChairs = councilBody(x);
    twoChairs.members[1]!.role = 'chair';
    let res = await s.post(C, twoChairs);
    expect(res.statusCode).toBe(400);
    expect(json(res).error.message).toContain('chỉ có một Chủ tịch');
    const noChair = councilBody(x, { memberIds: [x.m.secretary.id, x.m.m4.id] });
    expect((await s.post(C, noChair)).statusCode).toBe(400);
    res = await s.post(C, councilBody(x, { memberIds: [x.m.chair.id, x.m.m4.id, x.m.m4.id] }));
    expect(res.statusCode).toBe(400);
    expect(json(res).error.message).toContain('hai lần');
    await x.t.db.updateTable('app_user').set({ status: 'disabled' }).where('id', '=', x.m.m5.id).execute();
    res = await s.post(C, councilBody(x));
    expect(res.statusCode).toBe(400);
    expect(json(res).error.message).toContain('Lý Thị Năm');
    await x.t.db.updateTable('app_user').set({ status: 'active' }).where('id', '=', x.m.m5.id).execute();

    // A candidate not passed to the council, and one of an outside proposal.
    await x.t.db.updateTable('honour_candidate').set({ status: 'proposed' }).where('id', '=', x.c.bangKhen).execute();
    res = await s.post(C, councilBody(x));
    expect(res.statusCode).toBe(400);
    expect(json(res).error.message).toContain('Trần Văn An');
    await x.t.db.updateTable('honour_candidate').set({ status: 'passed' }).where('id', '=', x.c.bangKhen).execute();
    res = await s.post(C, councilBody(x, { candidateIds: [x.c.giayKhen, 999999] }));
    expect(res.statusCode).toBe(400);
    expect(json(res).error.message).toContain('999999');

    // No rule in force on the day of the session.
    res = await s.post(C, councilBody(x, { heldOn: '2017-06-01' }));
    expect(res.statusCode).toBe(400);
    expect(json(res).error.message).toContain('Giấy khen');

    // Not twice on open sessions.
    const first = await createCouncil(s, councilBody(x, { candidateIds: [x.c.giayKhen] }));
    res = await s.post(C, councilBody(x, { candidateIds: [x.c.giayKhen, x.c.bangKhen] }));
    expect(res.statusCode).toBe(400);
    expect(json(res).error.message).toContain('Đỗ Tuấn Lương');
    expect(json(res).error.message).toContain(first.title);
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
    expect(att.statusCode).toBe(200);
    expect(json(att).members.filter((m: any) => m.present)).toHaveLength(4);

    let res = await x.m.chair.s.post(`${C}/${session.id}/ballots`, {
      votes: [{ candidateId: x.c.giayKhen, choice: 'yes' }],
    });
    expect(res.statusCode).toBe(200);
    expect(item(json(res), x.c.giayKhen).myVote).toBe('cast');
    expect(item(json(res), x.c.giayKhen).castCount).toBe(1);
    res = await x.m.chair.s.post(`${C}/${session.id}/ballots`, {
      votes: [{ candidateId: x.c.giayKhen, choice: 'no' }],
    });
    expect(res.statusCode).toBe(409);
    expect(json(res).error.message).toContain('đã bỏ phiếu');

    // Recusal, then the vote on that candidate is refused; recusal after voting is refused too.
    res = await x.m.m4.s.post(`${C}/${session.id}/recusals`, {
      candidateId: x.c.bangKhen,
      reason: 'Là người thân của người được đề nghị',
    });
    expect(res.statusCode).toBe(200);
    expect(item(json(res), x.c.bangKhen).recusals).toEqual([
      { user: { id: x.m.m4.id, name: 'Vũ Đức Minh' }, reason: 'Là người thân của người được đề nghị' },
    ]);
    expect(item(json(res), x.c.bangKhen).myVote).toBe('recused');
    res = await x.m.m4.s.post(`${C}/${session.id}/ballots`, { votes: [{ candidateId: x.c.bangKhen, choice: 'yes' }] });
    expect(res.statusCode).toBe(409);
    expect(json(res).error.message).toContain('xung đột lợi ích');
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
    expect(res.statusCode).toBe(400);
    expect(json(res).error.message).toContain('bằng văn bản');
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
    const now = json(await x.m.secretary.s.get(`${C}/${session.id}`));
    res = await x.m.secretary.s.post(`${C}/${session.id}/attendance`, {
      presentUserIds: [x.m.secretary.id, x.m.member.id, x.m.m4.id],
      revision: now.revision,
    });
    expect(res.statusCode).toBe(409);
    expect(json(res).error.message).toContain('Hoàng Văn Chính');
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
    expect(res.statusCode).toBe(200);
    const mine = json(res);
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
      const other = json(await s.get(`${C}/${session.id}`));
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

describe('closing and counting', () => {
  async function votedSession() {
    const x = await councilWorld();
    const session = await createCouncil(x.w.operatorA.s, councilBody(x));
    const { chair, secretary, member, m4, m5 } = x.m;
    await secretary.s.post(`${C}/${session.id}/attendance`, {
      presentUserIds: [chair.id, secretary.id, member.id, m4.id],
      revision: session.revision,
    });
    const vote = async (who: { s: any }, votes: Vote[], written = false) => {
      const res = await who.s.post(`${C}/${session.id}/ballots`, { votes, written });
      expect(res.statusCode).toBe(200);
    };
    const { giayKhen: gk, bangKhen: bk, tuyenDuong: td } = x.c;
    // Bằng khen (≥ 4/5 of ALL members): exactly 4 yes of 5 — the boundary passes.
    // Giấy khen (> 1/2 of those voting): 2 yes, 2 no, one recused — exactly half does not pass.
    // Tuyên dương (open, > 1/2 of voters): 3 yes, 1 no, one did not vote — passes.
    await vote(chair, [
      { candidateId: bk, choice: 'yes' },
      { candidateId: gk, choice: 'yes' },
      { candidateId: td, choice: 'yes' },
    ]);
    await vote(secretary, [
      { candidateId: bk, choice: 'yes' },
      { candidateId: gk, choice: 'yes' },
      { candidateId: td, choice: 'yes' },
    ]);
    await vote(member, [
      { candidateId: bk, choice: 'yes' },
      { candidateId: gk, choice: 'no' },
      { candidateId: td, choice: 'yes' },
    ]);
    await vote(m4, [
      { candidateId: bk, choice: 'no' },
      { candidateId: gk, choice: 'no' },
      { candidateId: td, choice: 'no' },
    ]);
    expect(
      (await m5.s.post(`${C}/${session.id}/recusals`, { candidateId: gk, reason: 'Cùng đơn vị công tác' })).statusCode,
    ).toBe(200);
    await vote(m5, [{ candidateId: bk, choice: 'yes' }], true);
    return { x, session: json(await secretary.s.get(`${C}/${session.id}`)) };
  }

  it('counts each candidate under its rule, at the boundaries, and moves the candidates on', async () => {
    const { x, session } = await votedSession();
    expect((await x.m.member.s.post(`${C}/${session.id}/close`, { revision: session.revision })).statusCode).toBe(403);
    const res = await x.m.chair.s.post(`${C}/${session.id}/close`, { revision: session.revision });
    expect(res.statusCode).toBe(200);
    const closed = json(res);
    expect(closed.status).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    expect(closed.abilities).toEqual({ manage: false, vote: false });
    expect(item(closed, x.c.bangKhen).result).toEqual({
      members: 5,
      present: 4,
      quorumMet: true,
      quorumNeeded: 4,
      yes: 4,
      no: 1,
      abstain: 0,
      recused: 0,
      notVoted: 0,
      base: 5,
      yesNeeded: 4,
      passed: true,
      yesPercent: 80,
    });
    expect(item(closed, x.c.giayKhen).result).toMatchObject({
      yes: 2,
      no: 2,
      recused: 1,
      base: 4,
      yesNeeded: 3,
      passed: false,
      yesPercent: 50,
    });
    expect(item(closed, x.c.tuyenDuong).result).toMatchObject({ yes: 3, no: 1, notVoted: 1, base: 4, passed: true });
    expect(await statusOf(x, x.c.bangKhen)).toBe('approved');
    expect(await statusOf(x, x.c.giayKhen)).toBe('rejected');
    expect(await statusOf(x, x.c.tuyenDuong)).toBe('approved');
    const agenda = await x.t.db
      .selectFrom('council_agenda')
      .select(['candidate_id', 'passed'])
      .where('session_id', '=', session.id)
      .orderBy('sort_order')
      .execute();
    expect(agenda.map((a) => a.passed)).toEqual([false, true, true]);
    expect(
      await x.t.db.selectFrom('audit_event').select('id').where('action', '=', 'council.closed').execute(),
    ).toHaveLength(1);

    // The proposing units' people hear of it.
    const notes = await x.t.db
      .selectFrom('notification')
      .select(['user_id', 'title', 'body', 'link'])
      .where('kind', '=', 'council.closed')
      .execute();
    const a1 = notes.filter((n) => n.user_id === x.w.reporterA1.id);
    expect(a1).toHaveLength(1);
    expect(a1[0]!.title).toContain('1/2 hồ sơ được thông qua');
    expect(a1[0]!.body).toContain('Đỗ Tuấn Lương: không được thông qua');
    expect(notes.filter((n) => n.user_id === x.w.reporterA2.id)).toHaveLength(1);
    expect(notes.some((n) => n.user_id === x.w.operatorB.id)).toBe(false);

    // Closed: no more votes, no second close.
    let again = await x.m.m4.s.post(`${C}/${session.id}/ballots`, {
      votes: [{ candidateId: x.c.tuyenDuong, choice: 'yes' }],
    });
    expect(again.statusCode).toBe(409);
    again = await x.m.chair.s.post(`${C}/${session.id}/close`, { revision: closed.revision });
    expect(again.statusCode).toBe(409);
  });

  it('without a quorum every candidate is rejected and the result says so', async () => {
    const x = await councilWorld();
    const session = await createCouncil(
      x.w.operatorA.s,
      councilBody(x, { memberIds: [x.m.chair.id, x.m.secretary.id, x.m.m4.id], candidateIds: [x.c.bangKhen] }),
    );
    await x.w.operatorA.s.post(`${C}/${session.id}/attendance`, {
      presentUserIds: [x.m.chair.id],
      revision: session.revision,
    });
    for (const [who, written] of [
      [x.m.chair, false],
      [x.m.secretary, true],
      [x.m.m4, true],
    ] as const) {
      expect(
        (
          await who.s.post(`${C}/${session.id}/ballots`, {
            votes: [{ candidateId: x.c.bangKhen, choice: 'yes' }],
            written,
          })
        ).statusCode,
      ).toBe(200);
    }
    const now = json(await x.w.operatorA.s.get(`${C}/${session.id}`));
    const closed = json(await x.w.operatorA.s.post(`${C}/${session.id}/close`, { revision: now.revision }));
    expect(item(closed, x.c.bangKhen).result).toMatchObject({
      members: 3,
      present: 1,
      quorumMet: false,
      quorumNeeded: 2,
      yes: 3,
      passed: false,
    });
    expect(await statusOf(x, x.c.bangKhen)).toBe('rejected');
  });

  it('writes the minutes of a closed session only', async () => {
    const { x, session } = await votedSession();
    let res = await x.m.secretary.s.get(`${C}/${session.id}/minutes.docx`);
    expect(res.statusCode).toBe(409);
    expect(json(res).error.message).toContain('chưa kết thúc');
    await x.m.chair.s.post(`${C}/${session.id}/close`, { revision: session.revision });
    res = await x.w.viewerA.s.get(`${C}/${session.id}/minutes.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(String(res.headers['content-disposition'])).toContain(
      `filename*=UTF-8''${encodeURIComponent('Biên-bản-họp')}`,
    );
    const { paragraphs } = await readDocx(res.rawPayload);
    const text = paragraphs.join('\n');
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('HỘI ĐỒNG THI ĐUA – KHEN THƯỞNG ĐẢNG ỦY KHỐI A');
    expect(text).toContain('có mặt: 4; vắng mặt: 1');
    expect(text).toMatch(/Lý Thị Năm.*Ủy viên/);
    expect(text).toContain('Đỗ Tuấn Lương');
    expect(text).toContain('Trần Văn An');
    expect(text).toContain('Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
    expect(text).toContain('Bỏ phiếu kín; từ 80% tổng số thành viên hội đồng trở lên đồng ý');
    expect(text).toContain('Đồng ý 4; Không đồng ý 1; Không biểu quyết 0; Không tham gia do xung đột lợi ích 0');
    expect(text).toContain('Tỷ lệ đồng ý: 80%');
    expect(text).toContain('Không tham gia do xung đột lợi ích 1');
    expect(text).toContain('Kết luận: Được thông qua.');
    expect(text).toContain('Kết luận: Không được thông qua.');
    expect(text).toContain('Hội đồng thông qua 2/3 hồ sơ');
    expect(text).toContain('CHỦ TỊCH HỘI ĐỒNG');
    expect(text).toContain('THƯ KÝ HỘI ĐỒNG');
    expect(paragraphs).toContain('Hoàng Văn Chính');
    expect(paragraphs).toContain('Phạm Thị Thư');
  });
});

describe('listing sessions', () => {
  it('lists visible sessions with counts, by round and mine', async () => {
    const x = await councilWorld();
    const first = await createCouncil(
      x.w.operatorA.s,
      councilBody(x, { candidateIds: [x.c.giayKhen], heldOn: '2026-11-01', title: 'Phiên thứ nhất' }),
    );
    await createCouncil(
      x.w.operatorA.s,
      councilBody(x, {
        candidateIds: [x.c.bangKhen, x.c.tuyenDuong],
        memberIds: [x.m.chair.id, x.m.m4.id],
        title: 'Phiên thứ hai',
      }),
    );
    const all = json(await x.w.viewerA.s.get(C));
    expect(all.total).toBe(2);
    expect(all.items.map((i: any) => [i.title, i.candidateCount, i.memberCount, i.isMember])).toEqual([
      ['Phiên thứ hai', 2, 2, false],
      ['Phiên thứ nhất', 1, 5, false],
    ]);
    const mine = json(await x.m.secretary.s.get(`${C}?mine=true`));
    expect(mine.items.map((i: any) => i.id)).toEqual([first.id]);
    expect(mine.items[0].isMember).toBe(true);
    expect(json(await x.m.chair.s.get(C)).total).toBe(2);
    expect(json(await x.w.viewerA.s.get(`${C}?roundId=${x.roundId}&pageSize=1`))).toMatchObject({
      total: 2,
      pageSize: 1,
    });
    expect(json(await x.w.viewerA.s.get(`${C}?roundId=999999`)).total).toBe(0);
    expect(json(await x.w.operatorB.s.get(C)).total).toBe(0);
    expect(json(await x.w.reporterA1.s.get(C)).total).toBe(0);
  });
});
