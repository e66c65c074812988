import { describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../../common/dates.ts';
import { addDays } from '../../reporting/period-dates.ts';
import { ZComment, ZDisclosure, ZPublicDisclosure } from '../../../common/schemas/honours-disclosure.ts';
import { ZDisclosurePage } from '../test-schemas.ts';
import { anonymous, expectError, expectOk, type Session, setupTest, type TestContext } from '../../test/harness.ts';
import { honoursWorld, insertCandidate, insertProposal, insertRound } from '../test-helpers.ts';
import { COMMENTS_PER_IP_PER_DAY } from './commands/comments.ts';

const today = todayInVietnam();

/** Round of bloc A; a1's submitted proposal with candidates in every state; a2's passed candidate; a candidate of another round. */
async function scene(t: TestContext) {
  const w = await honoursWorld(t);
  const round = await insertRound(t.db, {
    ownerUnitId: w.tree.blocA,
    name: 'Khen thưởng sơ kết 02 năm thực hiện Kết luận 01-KL/TW',
  });
  const other = await insertRound(t.db, { ownerUnitId: w.tree.blocA });
  const p1 = await insertProposal(t.db, { roundId: round, proposerUnitId: w.tree.a1, reviewerUnitId: w.tree.blocA });
  const p2 = await insertProposal(t.db, { roundId: round, proposerUnitId: w.tree.a2, reviewerUnitId: w.tree.blocA });
  const pOther = await insertProposal(t.db, {
    roundId: other,
    proposerUnitId: w.tree.a1,
    reviewerUnitId: w.tree.blocA,
  });
  const c = {
    passed: await insertCandidate(t.db, {
      proposalId: p1,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a1,
      status: 'passed',
      achievement: 'Dẫn đầu phong trào cải cách hành chính',
    }),
    approved: await insertCandidate(t.db, {
      proposalId: p1,
      awardFormId: w.forms.giayKhen,
      unitId: w.tree.a1,
      status: 'approved',
    }),
    proposed: await insertCandidate(t.db, {
      proposalId: p1,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a1b,
      status: 'proposed',
    }),
    a2passed: await insertCandidate(t.db, {
      proposalId: p2,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a2,
      status: 'passed',
    }),
    otherRound: await insertCandidate(t.db, {
      proposalId: pOther,
      awardFormId: w.forms.giayKhen,
      displayName: 'Tổ Công đoàn Văn phòng',
      unitId: w.tree.a1,
      status: 'passed',
    }),
  };
  return { w, round, other, c };
}

const createBody = (round: number, candidateIds: number[], o: Record<string, unknown> = {}) => ({
  roundId: round,
  title: 'Công khai danh sách đề nghị khen thưởng sơ kết 02 năm',
  startsOn: addDays(today, -3),
  endsOn: addDays(today, 7),
  note: 'Ý kiến gửi về Ban Tuyên giáo Đảng ủy Khối',
  candidateIds,
  ...o,
});

async function publish(s: Session, body: Record<string, unknown>) {
  const r = await s.post('/api/v1/honours/disclosures', body);
  const d = expectOk(r, ZDisclosure, 201);
  return { ...d, token: d.publicPath.replace('/cong-khai/', '') };
}

describe('honours disclosure', () => {
  it('publishes only passed or approved candidates of the round, naming the others', async () => {
    const t = await setupTest();
    const { w, round, c } = await scene(t);
    const bad = await w.operatorA.s.post(
      '/api/v1/honours/disclosures',
      createBody(round, [c.passed, c.proposed, c.otherRound]),
    );
    const badError = expectError(bad, 400, 'VALIDATION');
    expect(badError.message).toContain(String(c.proposed));
    expect(badError.message).toContain(String(c.otherRound));
    expect(badError.message).not.toContain(`${c.passed},`);
    expect(await t.db.selectFrom('honour_disclosure').select('id').execute()).toHaveLength(0);

    const d = await publish(w.operatorA.s, createBody(round, [c.passed, c.approved]));
    expect(d.publicPath).toMatch(/^\/cong-khai\/[A-Za-z0-9_-]{24}$/);
    expect(d.state).toBe('open');
    expect(d.unit).toEqual({ id: w.tree.blocA, name: expect.any(String) });
    expect(d.candidates.map((x: { id: number }) => x.id).sort()).toEqual([c.passed, c.approved].sort());
    expect(d.comments).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'unit_id'])
      .where('entity_type', '=', 'honour_disclosure')
      .execute();
    expect(audit).toEqual([{ action: 'disclosure.published', unit_id: w.tree.blocA }]);

    const upcoming = await publish(
      w.operatorA.s,
      createBody(round, [c.a2passed], { startsOn: addDays(today, 2), endsOn: addDays(today, 9) }),
    );
    expect(upcoming.state).toBe('upcoming');
    const ended = await publish(
      w.operatorA.s,
      createBody(round, [c.a2passed], { startsOn: addDays(today, -20), endsOn: addDays(today, -1) }),
    );
    expect(ended.state).toBe('ended');
    const list = expectOk(await w.operatorA.s.get(`/api/v1/honours/disclosures?roundId=${round}`), ZDisclosurePage);
    expect(list.total).toBe(3);
    expect(list.items.map((i: { candidateCount: number }) => i.candidateCount).sort()).toEqual([1, 1, 2]);
  });

  it('keeps the list public for at least the days the award rule requires', async () => {
    const t = await setupTest();
    const { w, round } = await scene(t);
    const p = await insertProposal(t.db, { roundId: round, proposerUnitId: w.tree.a1, reviewerUnitId: w.tree.blocA });
    const merit = await insertCandidate(t.db, {
      proposalId: p,
      awardFormId: w.forms.bangKhen,
      personId: w.people.a1b,
      status: 'approved',
    });
    // Bằng khen của Chủ tịch UBND tỉnh: 7 days of disclosure (migration 0014); 6 days are refused, 7 accepted.
    const short = await w.operatorA.s.post(
      '/api/v1/honours/disclosures',
      createBody(round, [merit], { startsOn: today, endsOn: addDays(today, 5) }),
    );
    const shortError = expectError(short, 400, 'VALIDATION');
    expect(shortError.message).toContain('ít nhất 7 ngày');
    expect(shortError.message).toContain('6 ngày');
    await publish(w.operatorA.s, createBody(round, [merit], { startsOn: today, endsOn: addDays(today, 6) }));
  });

  it('shows the public only what was published, without sign-in; nothing of other candidates', async () => {
    const t = await setupTest();
    const { w, round, c } = await scene(t);
    const d = await publish(w.operatorA.s, createBody(round, [c.passed]));
    const anon = anonymous(t.app);
    const r = await anon.get(`/api/v1/public/disclosures/${d.token}`);
    const body = expectOk(r, ZPublicDisclosure);
    expect(Object.keys(body).sort()).toEqual([
      'candidates',
      'endsOn',
      'note',
      'startsOn',
      'state',
      'title',
      'unitName',
    ]);
    expect(body.candidates).toEqual([
      {
        id: c.passed,
        subject: 'individual',
        displayName: 'Đỗ Tuấn Lương',
        position: 'Phó Giám đốc Sở Tư pháp',
        unitName: expect.any(String),
        awardName: expect.any(String),
        achievement: 'Dẫn đầu phong trào cải cách hành chính',
      },
    ]);
    for (const hidden of [
      'Nguyễn Thị Hoa',
      'Trần Văn An',
      'Tổ Công đoàn',
      'flags',
      'evaluation',
      'proposalId',
      'personId',
      'status',
    ])
      expect(r.body).not.toContain(hidden);
    expect((await anon.get('/api/v1/public/disclosures/khong-co-ma-nay')).statusCode).toBe(404);

    // Before publication the dossiers are not readable outside the reviewing level: the public has no other way in.
    expect((await anon.get(`/api/v1/honours/disclosures/${d.id}`)).statusCode).toBe(401);
    expect((await anon.get('/api/v1/honours/disclosures')).statusCode).toBe(401);
  });

  it('permission matrix of the staff endpoints', async () => {
    const t = await setupTest();
    const { w, round, c } = await scene(t);
    const anon = anonymous(t.app);
    const d = await publish(w.operatorA.s, createBody(round, [c.passed]));
    expect(
      (
        await anon.post(`/api/v1/public/disclosures/${d.token}/comments`, {
          content: 'Đề nghị xem xét thêm thành tích.',
        })
      ).statusCode,
    ).toBe(201);
    const comment = await t.db.selectFrom('honour_comment').select('id').executeTakeFirstOrThrow();

    // Unauthenticated: 401 everywhere on the staff side.
    expect((await anon.get('/api/v1/honours/disclosures')).statusCode).toBe(401);
    expect((await anon.post('/api/v1/honours/disclosures', createBody(round, [c.passed]))).statusCode).toBe(401);
    expect((await anon.get(`/api/v1/honours/disclosures/${d.id}`)).statusCode).toBe(401);
    expect((await anon.post(`/api/v1/honours/comments/${comment.id}/read`)).statusCode).toBe(401);

    // Another bloc: nothing exists.
    const b = w.operatorB.s;
    expect(expectOk(await b.get('/api/v1/honours/disclosures'), ZDisclosurePage).total).toBe(0);
    expect((await b.get(`/api/v1/honours/disclosures?unitId=${w.tree.blocA}`)).statusCode).toBe(404);
    expect((await b.post('/api/v1/honours/disclosures', createBody(round, [c.passed]))).statusCode).toBe(404);
    expect((await b.get(`/api/v1/honours/disclosures/${d.id}`)).statusCode).toBe(404);
    expect((await b.post(`/api/v1/honours/comments/${comment.id}/read`)).statusCode).toBe(404);

    // A proposing unit below does not read the bloc's disclosure (nor its comments).
    expect((await w.reporterA1.s.get(`/api/v1/honours/disclosures/${d.id}`)).statusCode).toBe(404);
    expect((await w.reporterA1.s.post('/api/v1/honours/disclosures', createBody(round, [c.passed]))).statusCode).toBe(
      403,
    );

    // The bloc's viewer reads, with the comments, but cannot publish or mark read.
    const v = w.viewerA.s;
    const seen = expectOk(await v.get(`/api/v1/honours/disclosures/${d.id}`), ZDisclosure);
    expect(seen.comments).toHaveLength(1);
    expect(seen.unreadComments).toBe(1);
    expect((await v.post('/api/v1/honours/disclosures', createBody(round, [c.passed]))).statusCode).toBe(403);
    expect((await v.post(`/api/v1/honours/comments/${comment.id}/read`)).statusCode).toBe(403);

    // The bloc's operator marks it read (once; again changes nothing).
    const read = await w.operatorA.s.post(`/api/v1/honours/comments/${comment.id}/read`);
    expect(expectOk(read, ZComment)).toMatchObject({
      id: comment.id,
      read: true,
      content: 'Đề nghị xem xét thêm thành tích.',
    });
    expect((await w.operatorA.s.post(`/api/v1/honours/comments/${comment.id}/read`)).statusCode).toBe(200);
    expect(expectOk(await w.operatorA.s.get(`/api/v1/honours/disclosures/${d.id}`), ZDisclosure).unreadComments).toBe(
      0,
    );
    const readEvents = await t.db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'disclosure.comment_read')
      .execute();
    expect(readEvents).toHaveLength(1);
    // The province level above reads it too.
    expect((await w.operatorRoot.s.get(`/api/v1/honours/disclosures/${d.id}`)).statusCode).toBe(200);
  });

  it('takes comments only while open, rejects robots and candidates not in the list, and tells the reviewers', async () => {
    const t = await setupTest();
    const { w, round, c } = await scene(t);
    const anon = anonymous(t.app);
    const open = await publish(w.operatorA.s, createBody(round, [c.passed, c.approved]));
    const upcoming = await publish(
      w.operatorA.s,
      createBody(round, [c.passed], { startsOn: addDays(today, 1), endsOn: addDays(today, 5) }),
    );
    const ended = await publish(
      w.operatorA.s,
      createBody(round, [c.passed], { startsOn: addDays(today, -9), endsOn: addDays(today, -1) }),
    );
    const post = (token: string, body: Record<string, unknown>) =>
      anon.post(`/api/v1/public/disclosures/${token}/comments`, body);

    const early = await post(upcoming.token, { content: 'Góp ý sớm' });
    expect(expectError(early, 409, 'INVALID_STATE').message).toContain('Chưa đến thời gian');
    const late = await post(ended.token, { content: 'Góp ý muộn' });
    expect(expectError(late, 409, 'INVALID_STATE').message).toContain('hết thời gian lấy ý kiến');
    expect((await post('khong-co', { content: 'x' })).statusCode).toBe(404);

    expect(
      (await post(open.token, { content: 'Mua bán hàng giá rẻ', website: 'http://spam.example' })).statusCode,
    ).toBe(400);
    expect((await post(open.token, { content: '   ' })).statusCode).toBe(400);
    const notListed = await post(open.token, { content: 'Góp ý về người khác', candidateId: c.proposed });
    expectError(notListed, 400, 'VALIDATION', ['candidateId']);
    expect(await t.db.selectFrom('honour_comment').select('id').execute()).toHaveLength(0);

    const ok = await post(open.token, {
      content: 'Đồng chí Lương có nhiều sáng kiến thực tế.',
      candidateId: c.passed,
      authorName: 'Nguyễn Văn Bình',
      contact: '0912 345 678',
      website: '',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const stored = await t.db.selectFrom('honour_comment').selectAll().executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      candidate_id: c.passed,
      author_name: 'Nguyễn Văn Bình',
      contact: '0912 345 678',
      user_id: null,
      read_at: null,
    });
    expect(stored.ip).toBeTruthy();
    const event = await t.db
      .selectFrom('audit_event')
      .select(['actor_user_id', 'unit_id', 'summary'])
      .where('action', '=', 'disclosure.commented')
      .executeTakeFirstOrThrow();
    expect(event.actor_user_id).toBeNull();
    expect(event.unit_id).toBe(w.tree.blocA);

    // Notified: those who review honours at the bloc (its operator, the province's operator and the administrator above) — not the viewer, not bloc B, not the proposer.
    const notified = await t.db
      .selectFrom('notification')
      .select(['user_id', 'title', 'link'])
      .where('kind', '=', 'disclosure.commented')
      .execute();
    const ids = notified.map((n) => n.user_id).sort();
    expect(ids).toEqual([w.operatorA.id, w.operatorRoot.id, w.admin.id].sort());
    expect(notified[0]!.title).toContain('Có góp ý mới về danh sách khen thưởng');
    expect(notified[0]!.link).toBe(`/khen-thuong/dot/${round}`);

    const detail = expectOk(await w.operatorA.s.get(`/api/v1/honours/disclosures/${open.id}`), ZDisclosure);
    expect(detail.comments).toEqual([
      expect.objectContaining({
        candidateId: c.passed,
        candidateName: 'Đỗ Tuấn Lương',
        authorName: 'Nguyễn Văn Bình',
        read: false,
      }),
    ]);
    expect(detail.unreadComments).toBe(1);

    // A light limit per address and day.
    await t.db
      .insertInto('honour_comment')
      .values(
        Array.from({ length: COMMENTS_PER_IP_PER_DAY - 1 }, (_, i) => ({
          disclosure_id: open.id,
          content: `Góp ý ${i}`,
          ip: stored.ip,
        })),
      )
      .execute();
    const limited = await post(open.token, { content: 'Thêm một góp ý' });
    expect(limited.statusCode).toBe(429);
    // Another list is not affected.
    const another = await publish(w.operatorA.s, createBody(round, [c.a2passed]));
    expect((await post(another.token, { content: 'Góp ý danh sách khác' })).statusCode).toBe(201);
  });
});
