/**
 * The rules a proposal must follow: the round's dates and status, candidates
 * only from the proposer's own subtree, award forms for the right subject,
 * no duplicates, optimistic concurrency, and all-or-nothing review.
 */
import { describe, expect, it } from 'vitest';
import { modelEntry, registerAccepted } from '../../registry/test-helpers.ts';
import { ZProposal, ZRound } from '../../../common/schemas/honours-flow.ts';
import { expectOk, present, setupTest } from '../../test/harness.ts';
import { honoursWorld } from '../test-helpers.ts';
import { addCandidate, createProposal, createRound, H, roundBody, submit } from './test-helpers.ts';

async function world() {
  const t = await setupTest();
  const w = await honoursWorld(t);
  const round = await createRound(w.operatorA.s, roundBody(w.tree.blocA));
  const p = await createProposal(w.reporterA1.s, round.id, w.tree.a1);
  return { t, w, round, p };
}

const error = (r: { body: string }) =>
  (JSON.parse(r.body) as { error: { message: string; fields?: Array<{ field: string }> } }).error;

describe('proposal rules', () => {
  it('accepts proposals only within the round dates, naming them', async () => {
    const { w } = await world();
    const later = await createRound(
      w.operatorA.s,
      roundBody(w.tree.blocA, { name: 'Đợt sau', proposalsFrom: '2099-01-01', proposalsUntil: '2099-02-15' }),
    );
    const early = await w.reporterA1.s.post(`${H}/proposals`, {
      roundId: later.id,
      proposerUnitId: w.tree.a1,
      title: 'Sớm quá',
    });
    expect(early.statusCode).toBe(409);
    expect(error(early).message).toContain('từ ngày 01/01/2099 đến ngày 15/02/2099');
    const past = await createRound(
      w.operatorA.s,
      roundBody(w.tree.blocA, { name: 'Đợt trước', proposalsFrom: '2020-01-01', proposalsUntil: '2020-03-31' }),
    );
    expect(
      (await w.reporterA1.s.post(`${H}/proposals`, { roundId: past.id, proposerUnitId: w.tree.a1, title: 'Muộn quá' }))
        .statusCode,
    ).toBe(409);
    expect(expectOk(await w.reporterA1.s.get(`${H}/rounds/${past.id}`), ZRound).abilities.propose).toBe(false);
    const bad = await w.operatorA.s.post(
      `${H}/rounds`,
      roundBody(w.tree.blocA, { proposalsFrom: '2026-05-01', proposalsUntil: '2026-04-01' }),
    );
    expect(bad.statusCode).toBe(400);
  });

  it('a closed round takes no new proposals and no first submissions', async () => {
    const { w, round, p } = await world();
    await addCandidate(w.reporterA1.s, p.id, {
      subject: 'individual',
      personId: w.people.a1,
      awardFormId: w.forms.giayKhen,
    });
    const closed = await w.operatorA.s.patch(`${H}/rounds/${round.id}`, { status: 'closed', revision: round.revision });
    expect(expectOk(closed, ZRound).status).toBe('closed');
    expect(
      (
        await w.reporterA1.s.post(`${H}/proposals`, {
          roundId: round.id,
          proposerUnitId: w.tree.a1,
          title: 'Sau khi kết thúc',
        })
      ).statusCode,
    ).toBe(409);
    const late = await w.reporterA1.s.post(`${H}/proposals/${p.id}/submit`, {});
    expect(late.statusCode).toBe(409);
    expect(error(late).message).toContain('đã kết thúc');
  });

  it("proposes only from a unit strictly below the round's unit", async () => {
    const { w, round } = await world();
    const own = await w.operatorA.s.post(`${H}/proposals`, {
      roundId: round.id,
      proposerUnitId: w.tree.blocA,
      title: 'Tự đề nghị',
    });
    expect(own.statusCode).toBe(400);
    expect(error(own).fields?.[0]?.field).toBe('proposerUnitId');
  });

  it("a person or unit outside the proposer's subtree cannot be proposed", async () => {
    const { w, p } = await world();
    const post = (body: Record<string, unknown>) =>
      w.reporterA1.s.post(`${H}/proposals/${p.id}/candidates`, {
        achievement: 'Thành tích',
        awardFormId: w.forms.giayKhen,
        ...body,
      });
    const personOfA2 = await post({ subject: 'individual', personId: w.people.a2 });
    expect(personOfA2.statusCode).toBe(404);
    expect(error(personOfA2).message).toContain('trong đơn vị đề nghị');
    expect((await post({ subject: 'individual', personId: w.people.b1 })).statusCode).toBe(404);
    expect((await post({ subject: 'collective', unitId: w.tree.b1 })).statusCode).toBe(404);
    expect((await post({ subject: 'collective', unitId: w.tree.a2 })).statusCode).toBe(404);
    expect((await post({ subject: 'collective', unitId: w.tree.blocA })).statusCode).toBe(404);
    const modelOfA2 = await registerAccepted(w, w.reporterA2.s, w.operatorA.s, modelEntry(w, w.tree.a2));
    expect((await post({ subject: 'collective', entryId: modelOfA2.id })).statusCode).toBe(404);
    // A model of the unit itself is fine, but not as an individual.
    const own = await registerAccepted(w, w.reporterA1.s, w.operatorA.s, modelEntry(w, w.tree.a1));
    expect((await post({ subject: 'individual', entryId: own.id })).statusCode).toBe(400);
    expect((await post({ subject: 'collective', entryId: own.id })).statusCode).toBe(201);
    expect(expectOk(await w.reporterA1.s.get(`${H}/proposals/${p.id}`), ZProposal).candidates).toHaveLength(1);
  });

  it('refuses an award form for the other subject, naming it', async () => {
    const { t, w, p } = await world();
    await t.db.updateTable('award_form').set({ subject: 'collective' }).where('id', '=', w.forms.tuyenDuong).execute();
    const r = await w.reporterA1.s.post(`${H}/proposals/${p.id}/candidates`, {
      subject: 'individual',
      personId: w.people.a1,
      awardFormId: w.forms.tuyenDuong,
      achievement: 'x',
    });
    expect(r.statusCode).toBe(400);
    expect(error(r).message).toContain('"Tuyên dương"');
    await t.db.updateTable('award_form').set({ active: false }).where('id', '=', w.forms.bangKhen).execute();
    expect(
      (
        await w.reporterA1.s.post(`${H}/proposals/${p.id}/candidates`, {
          subject: 'collective',
          unitId: w.tree.a1,
          awardFormId: w.forms.bangKhen,
          achievement: 'x',
        })
      ).statusCode,
    ).toBe(400);
  });

  it('refuses the same person for the same award twice in a round, naming who', async () => {
    const { w, round, p } = await world();
    await addCandidate(w.reporterA1.s, p.id, {
      subject: 'individual',
      personId: w.people.a1,
      awardFormId: w.forms.giayKhen,
    });
    const other = await createProposal(w.operatorA.s, round.id, w.tree.a1, { title: 'Tờ trình bổ sung' });
    const dup = await w.operatorA.s.post(`${H}/proposals/${other.id}/candidates`, {
      subject: 'individual',
      personId: w.people.a1,
      awardFormId: w.forms.giayKhen,
      achievement: 'x',
    });
    expect(dup.statusCode).toBe(409);
    expect(error(dup).message).toContain('Đỗ Tuấn Lương');
    // Another award for the same person is a different proposal.
    await addCandidate(w.operatorA.s, other.id, {
      subject: 'individual',
      personId: w.people.a1,
      awardFormId: w.forms.tuyenDuong,
    });
    // Once withdrawn, the person may be proposed again.
    const first = expectOk(await w.reporterA1.s.get(`${H}/proposals/${p.id}`), ZProposal).candidates[0]!;
    expect(
      (await w.reporterA1.s.post(`${H}/candidates/${first.id}/withdraw`, { revision: first.revision })).statusCode,
    ).toBe(200);
    await addCandidate(w.operatorA.s, other.id, {
      subject: 'individual',
      personId: w.people.a1,
      awardFormId: w.forms.giayKhen,
    });
  });

  it('answers 409 on a stale revision, and a review is all or nothing', async () => {
    const { t, w, round, p } = await world();
    expect(
      (await w.operatorA.s.patch(`${H}/rounds/${round.id}`, { name: 'Tên mới', revision: round.revision })).statusCode,
    ).toBe(200);
    const stale = await w.operatorA.s.patch(`${H}/rounds/${round.id}`, { name: 'Tên khác', revision: round.revision });
    expect(stale.statusCode).toBe(409);
    expect(
      (await w.reporterA1.s.patch(`${H}/proposals/${p.id}`, { title: 'x', revision: p.revision + 5 })).statusCode,
    ).toBe(409);

    await addCandidate(w.reporterA1.s, p.id, {
      subject: 'individual',
      personId: w.people.a1,
      awardFormId: w.forms.giayKhen,
    });
    await addCandidate(w.reporterA1.s, p.id, {
      subject: 'individual',
      personId: w.people.a1b,
      awardFormId: w.forms.giayKhen,
    });
    const sent = await submit(w.reporterA1.s, p.id);
    const c1 = present(sent.candidates[0], 'the first candidate');
    const c2 = present(sent.candidates[1], 'the second candidate');
    const review = (items: unknown[]) => w.operatorA.s.post(`${H}/proposals/${p.id}/review`, { items });
    const staleReview = await review([
      { candidateId: c1.id, decision: 'pass', revision: c1.revision },
      { candidateId: c2.id, decision: 'return', reason: 'Thiếu hồ sơ', revision: c2.revision + 1 },
    ]);
    expect(staleReview.statusCode).toBe(409);
    expect((await review([{ candidateId: c1.id, decision: 'return', revision: c1.revision }])).statusCode).toBe(400);
    const statuses = await t.db
      .selectFrom('honour_candidate')
      .select('status')
      .where('proposal_id', '=', p.id)
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['proposed', 'proposed']);
    // A candidate of another proposal is refused.
    const other = await createProposal(w.reporterA1.s, round.id, w.tree.a1, { title: 'Khác' });
    const oc = present(
      (
        await addCandidate(w.reporterA1.s, other.id, {
          subject: 'collective',
          unitId: w.tree.a1,
          awardFormId: w.forms.giayKhen,
        })
      ).candidates[0],
      'the candidate of the other proposal',
    );
    expect((await review([{ candidateId: oc.id, decision: 'pass', revision: oc.revision }])).statusCode).toBe(400);
  });

  it('attaches only documents and files the proposer may read', async () => {
    const { w, p } = await world();
    const r = await w.reporterA1.s.patch(`${H}/proposals/${p.id}`, { letterDocumentId: 999999, revision: p.revision });
    expect(r.statusCode).toBe(400);
    expect(error(r).fields?.[0]?.field).toBe('letterDocumentId');
    const f = await w.reporterA1.s.patch(`${H}/proposals/${p.id}`, {
      files: [{ fileId: 999999 }],
      revision: p.revision,
    });
    expect(f.statusCode).toBe(400);
  });
});
