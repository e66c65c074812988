/**
 * Who may see and do what with rounds, proposals and disciplines, for every
 * endpoint: unauthenticated 401; outside the subtree 404; readable but not
 * writable 403. Siblings never see each other's dossiers; a draft is seen
 * only by its own unit's proposers.
 */
import { describe, expect, it } from 'vitest';
import { ZProposal } from '../../../common/schemas/honours-flow.ts';
import { ZProposalSummaryPage, ZQueueCandidatePage, ZRoundPage } from '../test-schemas.ts';
import { anonymous, expectError, expectOk, present, type Session, setupTest } from '../../test/harness.ts';
import { honoursWorld } from '../test-helpers.ts';
import { addCandidate, createProposal, createRound, H, roundBody, submit } from './test-helpers.ts';

type Call = (s: Session) => ReturnType<Session['get']>;

async function world() {
  const t = await setupTest();
  const w = await honoursWorld(t);
  const round = await createRound(w.operatorA.s, roundBody(w.tree.blocA));
  const draft = await createProposal(w.reporterA1.s, round.id, w.tree.a1, { title: 'Bản nháp' });
  await addCandidate(w.reporterA1.s, draft.id, {
    subject: 'individual',
    personId: w.people.a1b,
    awardFormId: w.forms.giayKhen,
  });
  const p = await createProposal(w.reporterA1.s, round.id, w.tree.a1, { title: 'Đã gửi' });
  await addCandidate(w.reporterA1.s, p.id, {
    subject: 'individual',
    personId: w.people.a1,
    awardFormId: w.forms.giayKhen,
  });
  const sent = await submit(w.reporterA1.s, p.id);
  return { t, w, round, draft, sent, cand: present(sent.candidates[0], 'the sent candidate') };
}
type World = Awaited<ReturnType<typeof world>>;

function endpoints(x: World) {
  const { w, round, sent, cand } = x;
  return {
    rounds: ((s) => s.get(`${H}/rounds`)) as Call,
    createRound: ((s) => s.post(`${H}/rounds`, roundBody(w.tree.blocA, { name: 'Đợt mới' }))) as Call,
    round: ((s) => s.get(`${H}/rounds/${round.id}`)) as Call,
    patchRound: ((s) => s.patch(`${H}/rounds/${round.id}`, { note: 'Ghi chú', revision: round.revision })) as Call,
    proposals: ((s) => s.get(`${H}/proposals`)) as Call,
    createProposal: ((s) =>
      s.post(`${H}/proposals`, { roundId: round.id, proposerUnitId: w.tree.a1, title: 'Tờ trình mới' })) as Call,
    proposal: ((s) => s.get(`${H}/proposals/${sent.id}`)) as Call,
    patchProposal: ((s) =>
      s.patch(`${H}/proposals/${sent.id}`, { title: 'Trích yếu mới', revision: sent.revision })) as Call,
    submit: ((s) => s.post(`${H}/proposals/${sent.id}/submit`, {})) as Call,
    suggestions: ((s) => s.get(`${H}/proposals/${sent.id}/suggestions`)) as Call,
    addCandidate: ((s) =>
      s.post(`${H}/proposals/${sent.id}/candidates`, {
        subject: 'collective',
        unitId: w.tree.a1,
        awardFormId: w.forms.giayKhen,
        achievement: 'Thành tích',
      })) as Call,
    patchCandidate: ((s) =>
      s.patch(`${H}/candidates/${cand.id}`, { achievement: 'Sửa', revision: cand.revision })) as Call,
    withdraw: ((s) => s.post(`${H}/candidates/${cand.id}/withdraw`, {})) as Call,
    review: ((s) =>
      s.post(`${H}/proposals/${sent.id}/review`, {
        items: [{ candidateId: cand.id, decision: 'pass', revision: cand.revision }],
      })) as Call,
    queue: ((s) => s.get(`${H}/review-queue`)) as Call,
    disciplines: ((s) => s.get(`/api/v1/people/${w.people.a1}/disciplines`)) as Call,
    recordDiscipline: ((s) =>
      s.post(`/api/v1/people/${w.people.a1}/disciplines`, {
        form: 'Khiển trách',
        reason: 'Vi phạm',
        decidedOn: '2026-01-01',
      })) as Call,
  };
}
type Name = keyof ReturnType<typeof endpoints>;

async function expectStatuses(s: Session, calls: ReturnType<typeof endpoints>, expected: Record<Name, number>) {
  const got: Partial<Record<Name, number>> = {};
  for (const name of Object.keys(expected) as Name[]) got[name] = (await calls[name](s)).statusCode;
  expect(got).toEqual(expected);
}

const ids = (body: { items: Array<{ id: number }> }) => body.items.map((i) => i.id);

describe('honours proposal permissions', () => {
  it('answers 401 on every endpoint without signing in', async () => {
    const x = await world();
    const calls = endpoints(x);
    await expectStatuses(
      anonymous(x.t.app),
      calls,
      Object.fromEntries(Object.keys(calls).map((k) => [k, 401])) as Record<Name, number>,
    );
  });

  it('a viewer of the bloc reads the submitted proposal but changes nothing, and does not see drafts', async () => {
    const x = await world();
    await expectStatuses(x.w.viewerA.s, endpoints(x), {
      rounds: 200,
      createRound: 403,
      round: 200,
      patchRound: 403,
      proposals: 200,
      createProposal: 403,
      proposal: 200,
      patchProposal: 403,
      submit: 403,
      suggestions: 403,
      addCandidate: 403,
      patchCandidate: 403,
      withdraw: 403,
      review: 403,
      queue: 200,
      disciplines: 200,
      recordDiscipline: 403,
    });
    expect((await x.w.viewerA.s.get(`${H}/proposals/${x.draft.id}`)).statusCode).toBe(404);
    expect(ids(expectOk(await x.w.viewerA.s.get(`${H}/proposals`), ZProposalSummaryPage))).toEqual([x.sent.id]);
    const detail = expectOk(await x.w.viewerA.s.get(`${H}/proposals/${x.sent.id}`), ZProposal);
    expect(detail.abilities).toEqual({ edit: false, submit: false, review: false, decideExternal: false });
    expect(expectOk(await x.w.viewerA.s.get(`${H}/review-queue`), ZQueueCandidatePage).total).toBe(0);
  });

  it("another bloc's operator finds nothing of bloc A (404)", async () => {
    const x = await world();
    await expectStatuses(x.w.operatorB.s, endpoints(x), {
      rounds: 200,
      createRound: 404,
      round: 404,
      patchRound: 404,
      proposals: 200,
      createProposal: 404,
      proposal: 404,
      patchProposal: 404,
      submit: 404,
      suggestions: 404,
      addCandidate: 404,
      patchCandidate: 404,
      withdraw: 404,
      review: 404,
      queue: 200,
      disciplines: 404,
      recordDiscipline: 404,
    });
    expect(expectOk(await x.w.operatorB.s.get(`${H}/rounds`), ZRoundPage).total).toBe(0);
    expect(expectOk(await x.w.operatorB.s.get(`${H}/proposals`), ZProposalSummaryPage).total).toBe(0);
    expect(expectOk(await x.w.operatorB.s.get(`${H}/review-queue`), ZQueueCandidatePage).total).toBe(0);
  });

  it("a sibling unit's reporter sees the bloc's round but none of a1's dossiers", async () => {
    const x = await world();
    await expectStatuses(x.w.reporterA2.s, endpoints(x), {
      rounds: 200,
      createRound: 403,
      round: 200,
      patchRound: 403,
      proposals: 200,
      createProposal: 404,
      proposal: 404,
      patchProposal: 404,
      submit: 404,
      suggestions: 404,
      addCandidate: 404,
      patchCandidate: 404,
      withdraw: 404,
      review: 404,
      queue: 200,
      disciplines: 404,
      recordDiscipline: 404,
    });
    expect(ids(expectOk(await x.w.reporterA2.s.get(`${H}/rounds`), ZRoundPage))).toEqual([x.round.id]);
    expect(expectOk(await x.w.reporterA2.s.get(`${H}/proposals`), ZProposalSummaryPage).total).toBe(0);
    expect((await x.w.reporterA2.s.get(`${H}/proposals/${x.draft.id}`)).statusCode).toBe(404);
  });

  it('the proposer may not review; the reviewer may not review a draft', async () => {
    const x = await world();
    expect((await endpoints(x).review(x.w.reporterA1.s)).statusCode).toBe(403);
    const draftCand = expectOk(await x.w.operatorA.s.get(`${H}/proposals/${x.draft.id}`), ZProposal).candidates[0]!;
    const r = await x.w.operatorA.s.post(`${H}/proposals/${x.draft.id}/review`, {
      items: [{ candidateId: draftCand.id, decision: 'pass', revision: draftCand.revision }],
    });
    expect(expectError(r, 409, 'INVALID_STATE').message).toContain('chưa được gửi');
  });

  it('lists proposals by direction: sent by my units, received by the units I review', async () => {
    const x = await world();
    expect(
      ids(expectOk(await x.w.reporterA1.s.get(`${H}/proposals?direction=sent`), ZProposalSummaryPage)).sort(),
    ).toEqual([x.draft.id, x.sent.id].sort());
    expect(expectOk(await x.w.reporterA1.s.get(`${H}/proposals?direction=received`), ZProposalSummaryPage).total).toBe(
      0,
    );
    const received = expectOk(await x.w.operatorA.s.get(`${H}/proposals?direction=received`), ZProposalSummaryPage);
    expect(ids(received)).toEqual([x.sent.id]);
    expect(received.items[0]).toMatchObject({ individuals: 1, collectives: 0, waiting: 1 });
    // The review queue filters by subject, status and round.
    const queue = (q: string) =>
      x.w.operatorA.s.get(`${H}/review-queue${q}`).then((r) => expectOk(r, ZQueueCandidatePage).total);
    expect(await queue('?subject=individual&status=proposed')).toBe(1);
    expect(await queue('?subject=collective')).toBe(0);
    expect(await queue('?status=passed')).toBe(0);
    const other = await createRound(x.w.operatorA.s, roundBody(x.w.tree.blocA, { name: 'Đợt khác' }));
    expect(await queue(`?roundId=${other.id}`)).toBe(0);
    // Rounds for a unit: its own and those above it, not those of another bloc.
    await createRound(x.w.operatorB.s, roundBody(x.w.tree.blocB, { name: 'Đợt Khối B' }));
    expect(ids(expectOk(await x.w.admin.s.get(`${H}/rounds?unitId=${x.w.tree.a2}`), ZRoundPage)).sort()).toEqual(
      [x.round.id, other.id].sort(),
    );
  });
});
