/**
 * The proposal flow end to end: a round of the bloc, a grassroots unit
 * proposes a person and a collective, the bloc returns one and passes the
 * other, the unit fixes and sends again; flags, suggestions, and forwarding
 * to an outside body.
 */
import { describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../../common/dates.ts';
import { modelEntry, registerAccepted } from '../../registry/test-helpers.ts';
import { ZProposal, ZSuggestionList } from '../../../common/schemas/honours-flow.ts';
import { ZQueueCandidatePage, ZRoundPage } from '../test-schemas.ts';
import { expectOk, present, setupTest } from '../../test/harness.ts';
import { honoursWorld, insertCandidate, insertProposal } from '../test-helpers.ts';
import {
  addCandidate,
  createProposal,
  createRound,
  H,
  insertOpenFollowup,
  insertPhaseEvaluation,
  roundBody,
  submit,
} from './test-helpers.ts';

async function world() {
  const t = await setupTest();
  const w = await honoursWorld(t);
  const round = await createRound(w.operatorA.s, roundBody(w.tree.blocA));
  return { t, w, round };
}

describe('the proposal flow', () => {
  it('round → two candidates → submit → return one, pass one → fix and send again', async () => {
    const { t, w, round } = await world();
    // The bloc operator's grant reaches the units below, so it may also propose from them.
    expect(round.abilities).toEqual({ edit: true, propose: true, review: true });
    // The grassroots reporter sees the bloc's round when listing rounds for its unit, and may propose in it.
    const rounds = expectOk(await w.reporterA1.s.get(`${H}/rounds?unitId=${w.tree.a1}`), ZRoundPage);
    expect(rounds.items.map((r: { id: number }) => r.id)).toEqual([round.id]);
    expect(rounds.items[0]!.abilities).toEqual({ edit: false, propose: true, review: false });

    const draft = await createProposal(w.reporterA1.s, round.id, w.tree.a1);
    expect(draft).toMatchObject({
      status: 'draft',
      reviewerUnit: { id: w.tree.blocA },
      externalBody: null,
      abilities: { edit: true, submit: false, review: false },
    });
    await addCandidate(w.reporterA1.s, draft.id, {
      subject: 'individual',
      personId: w.people.a1,
      awardFormId: w.forms.giayKhen,
    });
    const two = await addCandidate(w.reporterA1.s, draft.id, {
      subject: 'collective',
      unitId: w.tree.a1,
      awardFormId: w.forms.tuyenDuong,
    });
    expect(two).toMatchObject({ collectives: 1, individuals: 1, waiting: 0, abilities: { submit: true } });
    const person = two.candidates.find((c: { subject: string }) => c.subject === 'individual');
    expect(person).toMatchObject({
      displayName: 'Đỗ Tuấn Lương',
      position: 'Phó Giám đốc Sở Tư pháp',
      unit: { id: w.tree.a1 },
      status: 'proposed',
    });
    expect(
      present(
        two.candidates.find((c) => c.subject === 'collective'),
        'the collective',
      ).displayName,
    ).toBe('Đảng bộ Sở Tư pháp');

    const sent = await submit(w.reporterA1.s, draft.id);
    expect(sent).toMatchObject({ status: 'submitted', waiting: 2, abilities: { edit: false, submit: false } });
    const toReviewer = await t.db
      .selectFrom('notification')
      .selectAll()
      .where('user_id', '=', w.operatorA.id)
      .execute();
    expect(toReviewer.map((n) => n.link)).toEqual([`/khen-thuong/to-trinh/${draft.id}`]);

    const queue = expectOk(await w.operatorA.s.get(`${H}/review-queue?status=proposed`), ZQueueCandidatePage);
    expect(queue.total).toBe(2);
    expect(queue.items[0]).toMatchObject({ proposerUnit: { id: w.tree.a1 }, round: { id: round.id } });

    const [ind, col] = [
      present(
        sent.candidates.find((c) => c.subject === 'individual'),
        'the individual',
      ),
      present(
        sent.candidates.find((c) => c.subject === 'collective'),
        'the collective',
      ),
    ];
    const reviewed = expectOk(
      await w.operatorA.s.post(`${H}/proposals/${draft.id}/review`, {
        items: [
          {
            candidateId: ind.id,
            decision: 'return',
            reason: 'Thiếu báo cáo thành tích có xác nhận của thủ trưởng',
            revision: ind.revision,
          },
          { candidateId: col.id, decision: 'pass', revision: col.revision },
        ],
      }),
      ZProposal,
    );
    const byId = new Map(reviewed.candidates.map((c) => [c.id, c]));
    expect(byId.get(ind.id)).toMatchObject({
      status: 'returned',
      returnReason: 'Thiếu báo cáo thành tích có xác nhận của thủ trưởng',
      reviewedBy: 'Cán bộ nghiệp vụ Khối A',
    });
    expect(byId.get(col.id)).toMatchObject({ status: 'passed' });
    const audits = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', 'in', ['honour_candidate.returned', 'honour_candidate.passed'])
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual(['honour_candidate.passed', 'honour_candidate.returned']);
    const toProposer = await t.db
      .selectFrom('notification')
      .select('kind')
      .where('user_id', '=', w.reporterA1.id)
      .execute();
    expect(toProposer.map((n) => n.kind)).toEqual(['honours.candidates_returned']);

    // The unit fixes the returned dossier and sends it again; the passed one is untouched.
    const mine = expectOk(await w.reporterA1.s.get(`${H}/proposals/${draft.id}`), ZProposal);
    expect(mine.abilities).toMatchObject({ edit: true, submit: true });
    const returned = mine.candidates.find((c) => c.id === ind.id)!;
    const fixed = await w.reporterA1.s.patch(`${H}/candidates/${ind.id}`, {
      achievement: 'Hoàn thành xuất sắc nhiệm vụ; có xác nhận của Giám đốc Sở',
      revision: returned.revision,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    // The passed one cannot be edited any more.
    const passedEdit = await w.reporterA1.s.patch(`${H}/candidates/${col.id}`, {
      achievement: 'Sửa',
      revision: byId.get(col.id)?.revision,
    });
    expect(passedEdit.statusCode).toBe(409);
    const again = await submit(w.reporterA1.s, draft.id);
    expect(again.candidates.find((c: { id: number }) => c.id === ind.id)).toMatchObject({
      status: 'proposed',
      returnReason: null,
      achievement: 'Hoàn thành xuất sắc nhiệm vụ; có xác nhận của Giám đốc Sở',
    });
    expect(
      present(
        again.candidates.find((c) => c.id === col.id),
        'the passed one',
      ).status,
    ).toBe('passed');
    expect(expectOk(await w.operatorA.s.get(`${H}/review-queue?status=proposed`), ZQueueCandidatePage).total).toBe(1);
    // Nothing left to send.
    expect((await w.reporterA1.s.post(`${H}/proposals/${draft.id}/submit`, {})).statusCode).toBe(409);
  });

  it('flags a person under discipline and an entry with an open inspection follow-up, at submission', async () => {
    const { t, w, round } = await world();
    const model = await registerAccepted(w, w.reporterA1.s, w.operatorA.s, modelEntry(w, w.tree.a1));
    await insertOpenFollowup(t.db, { ownerUnitId: w.tree.blocA, entryId: model.id });
    await t.db
      .insertInto('discipline_record')
      .values({
        person_id: w.people.a1,
        form: 'Khiển trách',
        reason: 'Vi phạm quy chế làm việc',
        decided_on: '2026-01-05',
        until_on: null,
      })
      .execute();
    // An expired discipline does not flag.
    await t.db
      .insertInto('discipline_record')
      .values({
        person_id: w.people.a1b,
        form: 'Khiển trách',
        reason: 'Đã hết thời hạn',
        decided_on: '2020-01-05',
        until_on: '2021-01-05',
      })
      .execute();
    const p = await createProposal(w.reporterA1.s, round.id, w.tree.a1);
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
    const withModel = await addCandidate(w.reporterA1.s, p.id, {
      subject: 'collective',
      entryId: model.id,
      awardFormId: w.forms.giayKhen,
    });
    expect(
      present(
        withModel.candidates.find((c) => c.entry),
        'the candidate of the model',
      ).displayName,
    ).toBe('Đảng bộ Sở Tư pháp');
    await submit(w.reporterA1.s, p.id);
    const stored = await t.db
      .selectFrom('honour_candidate')
      .select(['person_id', 'entry_id', 'flags'])
      .where('proposal_id', '=', p.id)
      .execute();
    const flagsOf = (pred: (r: (typeof stored)[number]) => boolean) =>
      (stored.find(pred)!.flags as Array<{ kind: string; text: string }>).map((f) => f.kind);
    expect(flagsOf((r) => r.person_id === w.people.a1)).toEqual(['discipline']);
    expect(flagsOf((r) => r.person_id === w.people.a1b)).toEqual([]);
    expect(flagsOf((r) => r.entry_id === model.id)).toEqual(['inspection']);
    const shown = expectOk(await w.operatorA.s.get(`${H}/proposals/${p.id}`), ZProposal);
    expect(shown.candidates.find((c) => c.person?.id === w.people.a1)!.flags[0]!.text).toContain('Khiển trách');
  });

  it('suggests an entry whose latest evaluation in the round phase met the criteria, and drops it once proposed', async () => {
    const { t, w } = await world();
    const met = await registerAccepted(w, w.reporterA1.s, w.operatorA.s, modelEntry(w, w.tree.a1));
    const notMet = await registerAccepted(w, w.reporterA1.s, w.operatorA.s, modelEntry(w, w.tree.a1));
    const inA2 = await registerAccepted(w, w.reporterA2.s, w.operatorA.s, modelEntry(w, w.tree.a2));
    const phaseId = await insertPhaseEvaluation(t.db, { planId: w.plan, entryId: met.id, met: true });
    await insertPhaseEvaluation(t.db, { planId: w.plan, entryId: notMet.id, met: false, phaseId });
    await insertPhaseEvaluation(t.db, { planId: w.plan, entryId: inA2.id, met: true, phaseId });
    const round = await createRound(
      w.operatorA.s,
      roundBody(w.tree.blocA, { kind: 'phase', phaseId, name: 'Khen thưởng sơ kết 2 năm' }),
    );
    expect(round.plan).toEqual({ id: w.plan, name: expect.any(String) });
    const p = await createProposal(w.reporterA1.s, round.id, w.tree.a1);
    const suggested = expectOk(await w.reporterA1.s.get(`${H}/proposals/${p.id}/suggestions`), ZSuggestionList);
    expect(suggested.items.map((s: { entry: { id: number } }) => s.entry.id)).toEqual([met.id]);
    expect(suggested.items[0]).toMatchObject({
      subject: 'collective',
      unit: { id: w.tree.a1 },
      displayName: 'Đảng bộ Sở Tư pháp',
      evaluation: [{ met: true, scope: 'Sơ kết 2 năm 2021-2023' }],
    });
    await addCandidate(w.reporterA1.s, p.id, { subject: 'collective', entryId: met.id, awardFormId: w.forms.giayKhen });
    expect(expectOk(await w.reporterA1.s.get(`${H}/proposals/${p.id}/suggestions`), ZSuggestionList).items).toEqual([]);
  });

  it('forwards to an outside body: only the round owner, and only approved or decided candidates', async () => {
    const { t, w, round } = await world();
    const fromA1 = await insertProposal(t.db, {
      roundId: round.id,
      proposerUnitId: w.tree.a1,
      reviewerUnitId: w.tree.blocA,
    });
    const approved = await insertCandidate(t.db, {
      proposalId: fromA1,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a1,
      status: 'approved',
    });
    const passed = await insertCandidate(t.db, {
      proposalId: fromA1,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a1b,
      status: 'passed',
    });
    // A grassroots unit cannot send to an outside body.
    const byA1 = await w.reporterA1.s.post(`${H}/proposals`, {
      roundId: round.id,
      proposerUnitId: w.tree.a1,
      title: 'Đề nghị UBND tỉnh',
      externalBody: 'Ủy ban nhân dân tỉnh',
    });
    expect(byA1.statusCode).toBe(400);
    const ext = await createProposal(w.operatorA.s, round.id, w.tree.blocA, {
      title: 'Tờ trình đề nghị UBND tỉnh tặng Bằng khen',
      externalBody: 'Ủy ban nhân dân tỉnh',
    });
    expect(ext).toMatchObject({
      reviewerUnit: null,
      externalBody: 'Ủy ban nhân dân tỉnh',
      abilities: { decideExternal: true },
    });
    const notYet = await w.operatorA.s.post(`${H}/proposals/${ext.id}/candidates`, {
      subject: 'individual',
      sourceCandidateId: passed,
      awardFormId: w.forms.bangKhen,
      achievement: 'Thành tích xuất sắc',
    });
    expect(notYet.statusCode).toBe(409);
    const added = await addCandidate(w.operatorA.s, ext.id, {
      subject: 'individual',
      sourceCandidateId: approved,
      awardFormId: w.forms.bangKhen,
    });
    expect(added.candidates[0]).toMatchObject({
      sourceCandidateId: approved,
      person: { id: w.people.a1 },
      displayName: 'Đỗ Tuấn Lương',
      awardForm: { id: w.forms.bangKhen },
    });
    // A direct candidate inside the owner's subtree is allowed too; one of bloc B is not.
    await addCandidate(w.operatorA.s, ext.id, {
      subject: 'collective',
      unitId: w.tree.a2,
      awardFormId: w.forms.bangKhen,
    });
    const outside = await w.operatorA.s.post(`${H}/proposals/${ext.id}/candidates`, {
      subject: 'collective',
      unitId: w.tree.b1,
      awardFormId: w.forms.bangKhen,
      achievement: 'x',
    });
    expect(outside.statusCode).toBe(404);
    const sent = await submit(w.operatorA.s, ext.id);
    expect(sent.status).toBe('submitted');
    // The owner's staff do not "review" an external proposal; they record the decision later.
    const first = present(sent.candidates[0], 'the external candidate');
    const review = await w.operatorA.s.post(`${H}/proposals/${ext.id}/review`, {
      items: [{ candidateId: first.id, decision: 'pass', revision: first.revision }],
    });
    expect(review.statusCode).toBe(409);
    expect(todayInVietnam()).toMatch(/^\d{4}-/);
  });
});
