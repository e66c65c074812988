/** Council sessions: closing and counting under each award form's rule, quorum, minutes, and the list of sessions. */
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../docgen/read-docx.ts';
import { ZCouncilSession, ZCouncilSummary, type TCouncilSession } from '../../../common/schemas/honours-council.ts';
import { ZPage } from '../../../common/schemas/shared.ts';
import { ZCouncilPage } from '../test-schemas.ts';
import { expectError, expectOk, type Session } from '../../test/harness.ts';
import { C, councilBody, councilWorld, createCouncil, type CouncilWorld } from './test-helpers.ts';

type Vote = { candidateId: number; choice: 'yes' | 'no' | 'abstain' };
type AgendaItem = TCouncilSession['agenda'][number];
/** The agenda item of a candidate (the test fails when it is not on the agenda). */
function item(session: Pick<TCouncilSession, 'agenda'>, candidateId: number): AgendaItem {
  const found = session.agenda.find((a) => a.candidate.id === candidateId);
  if (!found) throw new Error(`candidate ${candidateId} is not on the agenda`);
  return found;
}

async function statusOf(x: CouncilWorld, candidateId: number) {
  return (
    await x.t.db.selectFrom('honour_candidate').select('status').where('id', '=', candidateId).executeTakeFirstOrThrow()
  ).status;
}

describe('closing and counting', () => {
  async function votedSession() {
    const x = await councilWorld();
    const session = await createCouncil(x.w.operatorA.s, councilBody(x));
    const { chair, secretary, member, m4, m5 } = x.m;
    await secretary.s.post(`${C}/${session.id}/attendance`, {
      presentUserIds: [chair.id, secretary.id, member.id, m4.id],
      revision: session.revision,
    });
    const vote = async (who: { s: Session }, votes: Vote[], written = false) => {
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
    return { x, session: expectOk(await secretary.s.get(`${C}/${session.id}`), ZCouncilSession) };
  }

  it('counts each candidate under its rule, at the boundaries, and moves the candidates on', async () => {
    const { x, session } = await votedSession();
    expect((await x.m.member.s.post(`${C}/${session.id}/close`, { revision: session.revision })).statusCode).toBe(403);
    const res = await x.m.chair.s.post(`${C}/${session.id}/close`, { revision: session.revision });
    const closed = expectOk(res, ZCouncilSession);
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
    const now = expectOk(await x.w.operatorA.s.get(`${C}/${session.id}`), ZCouncilSession);
    const closed = expectOk(
      await x.w.operatorA.s.post(`${C}/${session.id}/close`, { revision: now.revision }),
      ZCouncilSession,
    );
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
    expect(expectError(res, 409, 'INVALID_STATE').message).toContain('chưa kết thúc');
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
    const all = expectOk(await x.w.viewerA.s.get(C), ZPage(ZCouncilSummary));
    expect(all.total).toBe(2);
    expect(all.items.map((i) => [i.title, i.candidateCount, i.memberCount, i.isMember])).toEqual([
      ['Phiên thứ hai', 2, 2, false],
      ['Phiên thứ nhất', 1, 5, false],
    ]);
    const mine = expectOk(await x.m.secretary.s.get(`${C}?mine=true`), ZPage(ZCouncilSummary));
    expect(mine.items.map((i) => i.id)).toEqual([first.id]);
    expect(mine.items[0]?.isMember).toBe(true);
    expect(expectOk(await x.m.chair.s.get(C), ZCouncilPage).total).toBe(2);
    expect(expectOk(await x.w.viewerA.s.get(`${C}?roundId=${x.roundId}&pageSize=1`), ZCouncilPage)).toMatchObject({
      total: 2,
      pageSize: 1,
    });
    expect(expectOk(await x.w.viewerA.s.get(`${C}?roundId=999999`), ZCouncilPage).total).toBe(0);
    expect(expectOk(await x.w.operatorB.s.get(C), ZCouncilPage).total).toBe(0);
    expect(expectOk(await x.w.reporterA1.s.get(C), ZCouncilPage).total).toBe(0);
  });
});
