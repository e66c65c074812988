import { describe, expect, it } from 'vitest';
import { HONOUR_SUBJECTS } from '../../../common/schemas/honours-flow.ts';
import { FUNNEL_STAGES, ZFunnel } from '../../../common/schemas/honours-funnel.ts';
import { buildPerson } from '../../registry/test-helpers.ts';
import { ZFunnelPage } from '../test-schemas.ts';
import { anonymous, expectError, expectOk, type Session, setupTest, type TestContext } from '../../test/harness.ts';
import { honoursWorld, insertCandidate, insertProposal, insertRound } from '../test-helpers.ts';
import { insertHonour, registerDecision } from './fixtures.ts';

/**
 * A round of bloc A (proposals 2023-01-01 … 2023-12-31) with every state:
 * honours the grassroots granted themselves (in the round, without a round
 * inside / outside the window, revoked, by the bloc itself, by bloc B, in
 * another round), a1's and a2's proposals with candidates in every status,
 * a draft, the bloc's proposal to the Provincial People's Committee and its
 * decision, and a proposal in another round.
 */
async function scene(t: TestContext) {
  const w = await honoursWorld(t);
  const { tree, people, forms } = w;
  const round = await insertRound(t.db, {
    ownerUnitId: tree.blocA,
    proposalsFrom: '2023-01-01',
    proposalsUntil: '2023-12-31',
  });
  const otherRound = await insertRound(t.db, {
    ownerUnitId: tree.blocA,
    proposalsFrom: '2023-01-01',
    proposalsUntil: '2023-12-31',
  });
  const a2b = await buildPerson(t.db, tree.a2, 'Phạm Thị Yến', 'Kế toán');
  const docA1 = await registerDecision(w.operatorA.s, tree.a1, '12-QĐ/ĐU', '2023-03-01');
  const docBloc = await registerDecision(w.operatorA.s, tree.blocA, '45-QĐ/ĐUK', '2023-09-20');
  const docB = await registerDecision(w.operatorB.s, tree.b1, '7-QĐ/ĐU', '2023-03-01');
  const h = (o: Parameters<typeof insertHonour>[1]) => insertHonour(t.db, o);
  const base = { awardFormId: forms.tuyenDuong, documentId: docA1 };

  // Granted by the grassroots themselves.
  await h({
    ...base,
    unitId: tree.a1,
    displayName: 'Tổ Văn phòng Sở',
    grantorUnitId: tree.a1,
    ownerUnitId: tree.a1,
    decidedOn: '2023-03-01',
    roundId: round,
  });
  await h({
    ...base,
    unitId: tree.a1,
    personId: people.a1,
    displayName: 'Đỗ Tuấn Lương',
    grantorUnitId: tree.a1,
    ownerUnitId: tree.a1,
    decidedOn: '2023-03-01',
    roundId: round,
  });
  await h({
    ...base,
    unitId: tree.a2,
    personId: people.a2,
    displayName: 'Trần Văn An',
    grantorUnitId: tree.a2,
    ownerUnitId: tree.a2,
    decidedOn: '2022-06-01',
  }); // no round, inside the window
  // Not counted: outside the window, revoked, granted by the bloc itself, by bloc B, in another round.
  await h({
    ...base,
    unitId: tree.a2,
    personId: a2b,
    displayName: 'Phạm Thị Yến',
    grantorUnitId: tree.a2,
    ownerUnitId: tree.a2,
    decidedOn: '2021-12-31',
  });
  await h({
    ...base,
    unitId: tree.a1,
    personId: people.a1b,
    displayName: 'Nguyễn Thị Hoa',
    grantorUnitId: tree.a1,
    ownerUnitId: tree.a1,
    decidedOn: '2023-03-01',
    roundId: round,
    revoked: true,
  });
  await h({
    ...base,
    documentId: docBloc,
    unitId: tree.a2,
    displayName: 'Tổ Giáo viên',
    grantorUnitId: tree.blocA,
    ownerUnitId: tree.blocA,
    decidedOn: '2023-05-01',
  });
  await h({
    ...base,
    documentId: docB,
    unitId: tree.b1,
    personId: people.b1,
    displayName: 'Lê Thị Bình',
    grantorUnitId: tree.b1,
    ownerUnitId: tree.b1,
    decidedOn: '2023-03-01',
  });
  await h({
    ...base,
    unitId: tree.a1,
    displayName: 'Chi đoàn Sở',
    grantorUnitId: tree.a1,
    ownerUnitId: tree.a1,
    decidedOn: '2023-03-01',
    roundId: otherRound,
  });

  // a1 proposes to the bloc: every status.
  const p1 = await insertProposal(t.db, { roundId: round, proposerUnitId: tree.a1, reviewerUnitId: tree.blocA });
  const gk = forms.giayKhen;
  const c = {
    a1Unit: await insertCandidate(t.db, { proposalId: p1, awardFormId: gk, unitId: tree.a1, status: 'proposed' }),
    a1Person: await insertCandidate(t.db, { proposalId: p1, awardFormId: gk, personId: people.a1, status: 'passed' }),
    a1bDecided: await insertCandidate(t.db, {
      proposalId: p1,
      awardFormId: gk,
      personId: people.a1b,
      status: 'decided',
    }),
    rejected: await insertCandidate(t.db, {
      proposalId: p1,
      awardFormId: gk,
      unitId: tree.a1,
      displayName: 'Tổ Văn phòng Sở',
      status: 'rejected',
    }),
    withdrawn: await insertCandidate(t.db, {
      proposalId: p1,
      awardFormId: gk,
      displayName: 'Vũ Văn Rút',
      personId: people.a1,
      status: 'withdrawn',
    }),
    returned: await insertCandidate(t.db, {
      proposalId: p1,
      awardFormId: gk,
      personId: people.a1b,
      displayName: 'Nguyễn Thị Hoa (lần 2)',
      status: 'returned',
    }),
  };
  await h({
    awardFormId: gk,
    documentId: docBloc,
    unitId: tree.a1,
    personId: people.a1b,
    displayName: 'Nguyễn Thị Hoa',
    grantorUnitId: tree.blocA,
    ownerUnitId: tree.blocA,
    decidedOn: '2023-09-20',
    roundId: round,
    candidateId: c.a1bDecided,
  });
  // a2: one approved; a draft is not counted.
  const p2 = await insertProposal(t.db, { roundId: round, proposerUnitId: tree.a2, reviewerUnitId: tree.blocA });
  const a2Approved = await insertCandidate(t.db, {
    proposalId: p2,
    awardFormId: gk,
    personId: people.a2,
    status: 'approved',
  });
  const draft = await insertProposal(t.db, {
    roundId: round,
    proposerUnitId: tree.a2,
    reviewerUnitId: tree.blocA,
    status: 'draft',
  });
  await insertCandidate(t.db, { proposalId: draft, awardFormId: gk, personId: a2b, status: 'proposed' });
  // The bloc proposes to the Provincial People's Committee, which decides one of the two.
  const ext = await insertProposal(t.db, {
    roundId: round,
    proposerUnitId: tree.blocA,
    externalBody: 'Ủy ban nhân dân tỉnh',
  });
  const outUnit = await insertCandidate(t.db, {
    proposalId: ext,
    awardFormId: forms.bangKhen,
    unitId: tree.a1,
    status: 'proposed',
    sourceCandidateId: c.a1Unit,
  });
  const outPerson = await insertCandidate(t.db, {
    proposalId: ext,
    awardFormId: forms.bangKhen,
    personId: people.a1b,
    status: 'decided',
    sourceCandidateId: c.a1bDecided,
  });
  await h({
    awardFormId: forms.bangKhen,
    documentId: docBloc,
    unitId: tree.a1,
    personId: people.a1b,
    displayName: 'Nguyễn Thị Hoa',
    externalBody: 'Ủy ban nhân dân tỉnh',
    ownerUnitId: tree.blocA,
    decidedOn: '2023-12-01',
    roundId: round,
    candidateId: outPerson,
  });
  // Another round: not counted.
  const pOther = await insertProposal(t.db, {
    roundId: otherRound,
    proposerUnitId: tree.a1,
    reviewerUnitId: tree.blocA,
  });
  await insertCandidate(t.db, { proposalId: pOther, awardFormId: gk, personId: people.a1, status: 'approved' });
  return { w, round, c, a2Approved, outUnit, outPerson };
}

type Counts = Record<string, [number, number]>;
const countsOf = (funnel: { stages: Array<{ stage: string; collectives: number; individuals: number }> }): Counts =>
  Object.fromEntries(funnel.stages.map((s) => [s.stage, [s.collectives, s.individuals]]));

async function funnel(s: Session, round: number, unitId?: number) {
  const r = await s.get(`/api/v1/honours/funnel?roundId=${round}${unitId ? `&unitId=${unitId}` : ''}`);
  return expectOk(r, ZFunnel);
}

/** For every stage and subject: the number equals the list behind it (and the list is complete and in order). */
async function expectIdentity(s: Session, round: number, unitId: number) {
  const f = await funnel(s, round, unitId);
  expect(f.stages.map((x: { stage: string }) => x.stage)).toEqual([...FUNNEL_STAGES]);
  for (const stage of f.stages) {
    for (const subject of HONOUR_SUBJECTS) {
      const n = subject === 'collective' ? stage.collectives : stage.individuals;
      const list = expectOk(
        await s.get(
          `/api/v1/honours/funnel/list?roundId=${round}&unitId=${unitId}&stage=${stage.stage}&subject=${subject}&pageSize=500`,
        ),
        ZFunnelPage,
      );
      expect(list.total, `${stage.stage} ${subject}`).toBe(n);
      expect(list.items).toHaveLength(n);
      expect(list.items.every((i: { subject: string }) => i.subject === subject)).toBe(true);
    }
    const all = expectOk(
      await s.get(`/api/v1/honours/funnel/list?roundId=${round}&unitId=${unitId}&stage=${stage.stage}&pageSize=1`),
      ZFunnelPage,
    );
    expect(all.total, stage.stage).toBe(stage.collectives + stage.individuals);
  }
  return f;
}

describe('honours funnel', () => {
  it('counts every stage by rule, and every number equals the list behind it', async () => {
    const t = await setupTest();
    const { w, round, c, a2Approved, outPerson, outUnit } = await scene(t);
    const bloc = await expectIdentity(w.operatorA.s, round, w.tree.blocA);
    expect(bloc.unit.id).toBe(w.tree.blocA);
    expect(countsOf(bloc)).toEqual({
      self_granted: [1, 2],
      proposed: [2, 4],
      passed_review: [1, 3],
      voted: [0, 2],
      decided: [0, 1],
      proposed_outside: [1, 1],
      decided_outside: [0, 1],
    });
    // The default subtree is the round's unit.
    expect(countsOf(await funnel(w.operatorA.s, round))).toEqual(countsOf(bloc));

    // The rows behind a number: by unit, then given name; pointing at candidates or honours.
    const voted = expectOk(
      await w.operatorA.s.get(`/api/v1/honours/funnel/list?roundId=${round}&stage=voted&subject=individual`),
      ZFunnelPage,
    );
    expect(voted.items.map((i) => i.candidateId)).toEqual([c.a1bDecided, a2Approved]);
    const decided = expectOk(
      await w.operatorA.s.get(`/api/v1/honours/funnel/list?roundId=${round}&stage=decided`),
      ZFunnelPage,
    ).items;
    expect(decided).toEqual([
      expect.objectContaining({
        candidateId: c.a1bDecided,
        honourId: expect.any(Number),
        displayName: 'Nguyễn Thị Hoa',
        personId: w.people.a1b,
      }),
    ]);
    const outside = expectOk(
      await w.operatorA.s.get(`/api/v1/honours/funnel/list?roundId=${round}&stage=proposed_outside`),
      ZFunnelPage,
    ).items;
    expect(outside.map((i) => i.candidateId).sort()).toEqual([outPerson, outUnit].sort());
    const proposedInd = expectOk(
      await w.operatorA.s.get(`/api/v1/honours/funnel/list?roundId=${round}&stage=proposed&subject=individual`),
      ZFunnelPage,
    ).items;
    expect(proposedInd.map((i: { displayName: string }) => i.displayName)).not.toContain('Vũ Văn Rút');
    // Paging keeps the total.
    const page2 = expectOk(
      await w.operatorA.s.get(
        `/api/v1/honours/funnel/list?roundId=${round}&stage=proposed&subject=individual&pageSize=3&page=2`,
      ),
      ZFunnelPage,
    );
    expect(page2.total).toBe(4);
    expect(page2.items).toHaveLength(1);
    const page9 = expectOk(
      await w.operatorA.s.get(`/api/v1/honours/funnel/list?roundId=${round}&stage=proposed&pageSize=3&page=9`),
      ZFunnelPage,
    );
    expect(page9).toMatchObject({ total: 6, items: [] });
  });

  it("restricts to a subtree: a1's subtree sees only a1's numbers", async () => {
    const t = await setupTest();
    const { w, round } = await scene(t);
    const a1 = await expectIdentity(w.operatorA.s, round, w.tree.a1);
    expect(countsOf(a1)).toEqual({
      self_granted: [1, 1],
      proposed: [2, 3],
      passed_review: [1, 2],
      voted: [0, 1],
      decided: [0, 1],
      proposed_outside: [0, 0],
      decided_outside: [0, 0],
    });
    // a1's reporter sees the same for a1, and nothing above it.
    expect(countsOf(await funnel(w.reporterA1.s, round, w.tree.a1))).toEqual(countsOf(a1));
    expect((await w.reporterA1.s.get(`/api/v1/honours/funnel?roundId=${round}`)).statusCode).toBe(404);
    expect(
      (await w.reporterA1.s.get(`/api/v1/honours/funnel/list?roundId=${round}&unitId=${w.tree.a2}&stage=proposed`))
        .statusCode,
    ).toBe(404);
    const a2 = countsOf(await expectIdentity(w.operatorA.s, round, w.tree.a2));
    expect(a2.self_granted).toEqual([0, 1]);
    expect(a2.proposed).toEqual([0, 1]);
  });

  it('permission matrix: sign-in needed, another bloc sees nothing, a unit outside the round is refused', async () => {
    const t = await setupTest();
    const { w, round } = await scene(t);
    const anon = anonymous(t.app);
    expect((await anon.get(`/api/v1/honours/funnel?roundId=${round}`)).statusCode).toBe(401);
    expect((await anon.get(`/api/v1/honours/funnel/list?roundId=${round}&stage=proposed`)).statusCode).toBe(401);
    expect((await w.operatorB.s.get(`/api/v1/honours/funnel?roundId=${round}`)).statusCode).toBe(404);
    expect((await w.operatorB.s.get(`/api/v1/honours/funnel/list?roundId=${round}&stage=proposed`)).statusCode).toBe(
      404,
    );
    expect((await w.operatorB.s.get(`/api/v1/honours/funnel?roundId=${round}&unitId=${w.tree.b1}`)).statusCode).toBe(
      404,
    );
    expect((await w.viewerA.s.get(`/api/v1/honours/funnel?roundId=${round}`)).statusCode).toBe(200);
    const outside = await w.admin.s.get(`/api/v1/honours/funnel?roundId=${round}&unitId=${w.tree.b1}`);
    expectError(outside, 400, 'VALIDATION', ['unitId']);
    expect((await w.operatorA.s.get(`/api/v1/honours/funnel/list?roundId=${round}&stage=khong-co`)).statusCode).toBe(
      400,
    );
  });
});
