/**
 * The review report's commendation paragraph (the seed's II.4) comes from the
 * honours funnel of the unit's rounds in the period: computed, stored in the
 * snapshot, written in the seed's words, typed over like any number.
 */
import { describe, expect, it } from 'vitest';
import { readDocx } from '../docgen/read-docx.ts';
import { insertHonour, registerDecision } from '../honours/funnel/fixtures.ts';
import { insertCandidate, insertProposal, insertRound, honoursWorld } from '../honours/test-helpers.ts';
import { ZFunnel } from '../../common/schemas/honours-funnel.ts';
import { ZReviewReport } from '../../common/schemas/review-reports.ts';
import { expectOk, setupTest } from '../test/harness.ts';
import { composeReport } from './compose.ts';
import { computeReviewFigures } from './figures.ts';

describe('review report: honours', () => {
  it('states what the grassroots commended, proposed, what the bloc decided and sent up — from the funnel', async () => {
    const t = await setupTest();
    const w = await honoursWorld(t);
    const round = await insertRound(t.db, {
      ownerUnitId: w.tree.blocA,
      name: 'Khen thưởng sơ kết 02 năm',
      proposalsFrom: '2023-03-15',
      proposalsUntil: '2023-08-31',
    });
    // Outside the period: not counted.
    await insertRound(t.db, {
      ownerUnitId: w.tree.blocA,
      name: 'Đợt năm 2025',
      proposalsFrom: '2025-03-01',
      proposalsUntil: '2025-05-31',
    });
    const a1Doc = await registerDecision(w.operatorA.s, w.tree.a1, '12-QĐ/ĐU', '2023-04-01');
    await insertHonour(t.db, {
      awardFormId: w.forms.giayKhen,
      unitId: w.tree.a1,
      personId: w.people.a1b,
      displayName: 'Nguyễn Thị Hoa',
      grantorUnitId: w.tree.a1,
      ownerUnitId: w.tree.a1,
      documentId: a1Doc,
      decidedOn: '2023-04-01',
      roundId: round,
    });
    const p = await insertProposal(t.db, { roundId: round, proposerUnitId: w.tree.a1, reviewerUnitId: w.tree.blocA });
    const decided = await insertCandidate(t.db, {
      proposalId: p,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a1,
      status: 'decided',
    });
    await insertCandidate(t.db, {
      proposalId: p,
      awardFormId: w.forms.giayKhen,
      unitId: w.tree.a1,
      status: 'returned',
    });
    const blocDoc = await registerDecision(w.operatorA.s, w.tree.blocA, '285-QĐ/ĐUK', '2023-08-20');
    await insertHonour(t.db, {
      awardFormId: w.forms.giayKhen,
      unitId: w.tree.a1,
      personId: w.people.a1,
      displayName: 'Đỗ Tuấn Lương',
      grantorUnitId: w.tree.blocA,
      ownerUnitId: w.tree.blocA,
      documentId: blocDoc,
      decidedOn: '2023-08-20',
      roundId: round,
      candidateId: decided,
    });
    const out = await insertProposal(t.db, {
      roundId: round,
      proposerUnitId: w.tree.blocA,
      externalBody: 'Ủy ban nhân dân tỉnh',
    });
    await insertCandidate(t.db, {
      proposalId: out,
      awardFormId: w.forms.bangKhen,
      personId: w.people.a1,
      status: 'proposed',
      sourceCandidateId: decided,
    });

    const figures = await computeReviewFigures(t.db, {
      unitId: w.tree.blocA,
      from: '2022-01-01',
      to: '2023-12-31',
      asOf: '2024-01-31',
    });
    expect(figures.honours?.rounds.map((r) => r.name)).toEqual(['Khen thưởng sơ kết 02 năm']);
    const at = (stage: string) => figures.honours!.stages.find((s) => s.stage === stage)!;
    expect([at('self_granted').collectives, at('self_granted').individuals]).toEqual([0, 1]);
    expect([at('proposed').collectives, at('proposed').individuals]).toEqual([1, 1]);
    expect([at('decided').collectives, at('decided').individuals]).toEqual([0, 1]);
    expect([at('proposed_outside').collectives, at('proposed_outside').individuals]).toEqual([0, 1]);
    // As of a snapshot between the two decisions: the bloc's decision of 20/8/2023 is not yet counted.
    const early = await computeReviewFigures(t.db, {
      unitId: w.tree.blocA,
      from: '2022-01-01',
      to: '2023-06-30',
      asOf: '2023-07-15',
    });
    const earlyAt = (stage: string) => early.honours!.stages.find((s) => s.stage === stage)!;
    expect([
      earlyAt('self_granted').individuals,
      earlyAt('proposed').individuals,
      earlyAt('decided').individuals,
    ]).toEqual([1, 1, 0]);
    // The same numbers as the funnel API for the round.
    const api = expectOk(await w.operatorA.s.get(`/api/v1/honours/funnel?roundId=${round}`), ZFunnel);
    for (const s of api.stages)
      expect([at(s.stage).collectives, at(s.stage).individuals]).toEqual([s.collectives, s.individuals]);

    const composed = composeReport(figures, {}, {});
    const paragraph = composed.body
      .filter((b) => b.kind === 'paragraph')
      .map((b) =>
        'content' in b ? b.content.map((c) => (typeof c === 'string' ? c : 'text' in c ? c.text : '')).join('') : '',
      )
      .find((x) => x.includes('được các cấp ủy cơ sở tuyên dương'));
    expect(paragraph).toBe(
      'Qua tổng hợp, đã có 0 tập thể và 1 cá nhân được các cấp ủy cơ sở tuyên dương, khen thưởng; cấp ủy cơ sở đã đề nghị khen thưởng 1 tập thể và 1 cá nhân; Đảng ủy Khối A đã ban hành quyết định khen thưởng 0 tập thể và 1 cá nhân; đề nghị cấp trên khen thưởng 01 cá nhân và 0 tập thể.',
    );
    expect(composed.tables.find((x) => x.sheet === 'Khen thưởng')?.rows[1]).toEqual(['Đề nghị lên trên', 1, 1]);
    // A number typed over is stated as typed, and listed among the numbers.
    const typed = composeReport(figures, {}, { 'honours.decided.individuals': 20 });
    expect(typed.numbers.find((x) => x.key === 'honours.decided.individuals')).toMatchObject({
      computed: 1,
      value: 20,
      overridden: true,
    });

    // In the .docx too.
    const created = await w.operatorA.s.post('/api/v1/review-reports', {
      unitId: w.tree.blocA,
      kind: 'so_ket',
      title: 'Sơ kết 02 năm',
      from: '2022-01-01',
      to: '2023-12-31',
      snapshotOn: '2024-01-31',
      planId: null,
    });
    const report = expectOk(created, ZReviewReport, 201);
    await w.operatorA.s.post(`/api/v1/review-reports/${report.id}/acknowledge`, { revision: report.revision });
    const docx = await w.operatorA.s.get(`/api/v1/review-reports/${report.id}/docx`);
    expect(docx.statusCode).toBe(200);
    expect((await readDocx(docx.rawPayload)).paragraphs.join('\n')).toContain(
      'Đảng ủy Khối A đã ban hành quyết định khen thưởng 0 tập thể và 1 cá nhân',
    );
  });
});
