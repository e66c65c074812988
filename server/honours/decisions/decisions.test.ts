/** Internal decisions (quyết định khen thưởng) from approved candidates, with disclosure before deciding, all-or-nothing. */
import { describe, expect, it } from 'vitest';
import { ZDocument } from '../../../common/schemas/documents.ts';
import { ZHonour } from '../../../common/schemas/honours-decisions.ts';
import { ZTimeline } from '../../../common/schemas/registry-timeline.ts';
import { ZHonourPage } from '../test-schemas.ts';
import { expectOk } from '../../test/harness.ts';
import { modelEntry, registerAccepted } from '../../registry/test-helpers.ts';
import { insertCandidate, insertProposal, insertRound } from '../test-helpers.ts';
import { countOf, D, decide, decideRefused, doc, internal, world } from './test-helpers.ts';

describe('internal decisions from approved candidates', () => {
  it('registers the document, writes the honours, marks the candidates decided, shows them on the timeline and the person', async () => {
    const x = await world();
    const { t, w } = x;
    const person = w.people.a1b;
    const exemplar = await registerAccepted(
      w,
      w.reporterA1.s,
      w.operatorA.s,
      modelEntry(w, w.tree.a1, {
        kind: 'exemplar',
        name: null,
        personId: person,
        position: 'Chuyên viên',
        fieldId: w.exemplarField.id,
      }),
    );
    const c1 = await insertCandidate(t.db, {
      proposalId: x.proposalId,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a1,
      status: 'approved',
      achievement: 'Hoàn thành xuất sắc nhiệm vụ năm 2023',
    });
    const c2 = await insertCandidate(t.db, {
      proposalId: x.proposalId,
      awardFormId: w.forms.giayKhen,
      personId: person,
      entryId: exemplar.id,
      status: 'approved',
    });
    const c3 = await insertCandidate(t.db, {
      proposalId: x.proposalId,
      awardFormId: w.forms.tuyenDuong,
      unitId: w.tree.a1,
      status: 'passed',
    });

    const result = await decide(
      w.operatorA.s,
      internal(w, [{ candidateId: c1 }, { candidateId: c2 }, { candidateId: c3 }], { roundId: x.roundId }),
    );
    expect(result.document.symbol).toBe('125-QĐ/ĐUK');
    expect(result.honourIds).toHaveLength(3);

    const registered = expectOk(await w.operatorA.s.get(`/api/v1/documents/${result.document.id}`), ZDocument);
    expect(registered.issuerName).toBe('Đảng ủy Khối A');
    expect(registered.signer).toBe('Nguyễn Văn Bí Thư');

    const list = expectOk(
      await w.viewerA.s.get(`/api/v1/honours?decisionDocumentId=${result.document.id}`),
      ZHonourPage,
    );
    expect(list.total).toBe(3);
    // Newest first, then by name: the collective "Đảng bộ Sở Tư pháp", then individuals by given name (Hoa before Lương).
    expect(list.items.map((h: { displayName: string }) => h.displayName)).toEqual([
      'Đảng bộ Sở Tư pháp',
      'Nguyễn Thị Hoa',
      'Đỗ Tuấn Lương',
    ]);
    const luong = list.items.find((h) => h.displayName === 'Đỗ Tuấn Lương')!;
    expect(luong).toMatchObject({
      subject: 'individual',
      awardForm: { id: w.forms.giayKhen, name: 'Giấy khen' },
      grantor: 'Đảng ủy Khối A',
      grantorUnit: { id: w.tree.blocA },
      externalBody: null,
      decidedOn: '2024-05-10',
      round: { id: x.roundId },
      candidateId: c1,
      status: 'active',
      achievement: 'Hoàn thành xuất sắc nhiệm vụ năm 2023',
      position: 'Phó Giám đốc Sở Tư pháp',
      decision: { symbol: '125-QĐ/ĐUK', signer: 'Nguyễn Văn Bí Thư' },
    });
    expect(luong.abilities.revoke).toBe(false); // the viewer reads only
    expect(expectOk(await w.operatorA.s.get(`/api/v1/honours/${luong.id}`), ZHonour).abilities.revoke).toBe(true);

    const rule = await t.db
      .selectFrom('award_form_rule')
      .select('id')
      .where('award_form_id', '=', w.forms.giayKhen)
      .executeTakeFirstOrThrow();
    const stored = await t.db.selectFrom('honour').selectAll().where('id', '=', luong.id).executeTakeFirstOrThrow();
    expect(stored.award_rule_id).toBe(rule.id);
    expect(stored.search_text).toContain('luong');

    const statuses = await t.db
      .selectFrom('honour_candidate')
      .select(['id', 'status'])
      .where('id', 'in', [c1, c2, c3])
      .orderBy('id')
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['decided', 'decided', 'decided']);

    // Searching without diacritics, filters.
    expect(
      expectOk(await w.operatorA.s.get('/api/v1/honours?q=tuan%20luong'), ZHonourPage).items.map(
        (h: { id: number }) => h.id,
      ),
    ).toEqual([luong.id]);
    expect(expectOk(await w.operatorA.s.get(`/api/v1/honours?subject=collective`), ZHonourPage).total).toBe(1);
    expect(expectOk(await w.operatorA.s.get(`/api/v1/honours?external=true`), ZHonourPage).total).toBe(0);
    expect(expectOk(await w.operatorA.s.get(`/api/v1/honours?unitId=${w.tree.a2}`), ZHonourPage).total).toBe(0);
    expect(expectOk(await w.operatorA.s.get(`/api/v1/honours?unitId=${w.tree.a1}`), ZHonourPage).total).toBe(3);
    expect(expectOk(await w.operatorA.s.get(`/api/v1/honours?from=2024-05-11`), ZHonourPage).total).toBe(0);
    // The honoured unit's reporter sees what it received; the a2 reporter sees nothing.
    expect(expectOk(await w.reporterA1.s.get('/api/v1/honours'), ZHonourPage).total).toBe(3);
    expect(expectOk(await w.reporterA2.s.get('/api/v1/honours'), ZHonourPage).total).toBe(0);

    const timeline = expectOk(await w.viewerA.s.get(`/api/v1/registry/entries/${exemplar.id}/timeline`), ZTimeline);
    const item = timeline.items.find((i: { type: string }) => i.type === 'honour');
    expect(item).toMatchObject({
      awardName: 'Giấy khen',
      grantor: 'Đảng ủy Khối A',
      honouree: 'Nguyễn Thị Hoa',
      status: 'active',
      decision: { symbol: '125-QĐ/ĐUK' },
      date: '2024-05-10',
    });

    const mine = expectOk(await w.viewerA.s.get(`/api/v1/people/${person}/honours`), ZHonourPage);
    expect(mine.items.map((h: { displayName: string }) => h.displayName)).toEqual(['Nguyễn Thị Hoa']);

    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'honour.decided')
      .execute();
    expect(audit).toHaveLength(1);
    const docAudit = await t.db
      .selectFrom('audit_event')
      .select('id')
      .where('action', '=', 'document.created')
      .where('entity_id', '=', String(result.document.id))
      .execute();
    expect(docAudit).toHaveLength(1);

    // The same candidate cannot be decided twice.
    const again = await w.operatorA.s.post(D, internal(w, [{ candidateId: c1 }], { document: doc('126-QĐ/ĐUK') }));
    expect(again.statusCode).toBe(409);
  });

  it('refuses a candidate the council has not approved, and a passed one whose form needs a council', async () => {
    const x = await world();
    const { t, w } = x;
    const proposed = await insertCandidate(t.db, {
      proposalId: x.proposalId,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a1,
      status: 'proposed',
    });
    const passed = await insertCandidate(t.db, {
      proposalId: x.proposalId,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a1b,
      status: 'passed',
    });
    const r1 = await decideRefused(w.operatorA.s, internal(w, [{ candidateId: proposed }]), 409, 'INVALID_STATE');
    expect(r1.message).toContain('Đỗ Tuấn Lương');
    expect(r1.message).toContain('Đã đề nghị');
    const r2 = await decideRefused(w.operatorA.s, internal(w, [{ candidateId: passed }]), 409, 'INVALID_STATE');
    expect(r2.message).toContain('Hội đồng');
    expect(await countOf(x)).toMatchObject({ honours: 0 });
  });

  it('a candidate of another reviewer, or of another round than the one chosen, is refused', async () => {
    const x = await world();
    const { t, w } = x;
    const otherRound = await insertRound(t.db, { ownerUnitId: w.tree.blocA });
    const p2 = await insertProposal(t.db, {
      roundId: otherRound,
      proposerUnitId: w.tree.a2,
      reviewerUnitId: w.tree.blocA,
    });
    const c = await insertCandidate(t.db, {
      proposalId: p2,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a2,
      status: 'approved',
    });
    const wrongRound = await decideRefused(
      w.operatorA.s,
      internal(w, [{ candidateId: c }], { roundId: x.roundId }),
      400,
      'VALIDATION',
      ['recipients.0.candidateId'],
    );
    expect(wrongRound.fields?.[0]?.field).toBe('recipients.0.candidateId');
    // A round of bloc B's, and a candidate of bloc B's proposal: not found for bloc A.
    const roundB = await insertRound(t.db, { ownerUnitId: w.tree.blocB });
    const pB = await insertProposal(t.db, { roundId: roundB, proposerUnitId: w.tree.b1, reviewerUnitId: w.tree.blocB });
    const cB = await insertCandidate(t.db, {
      proposalId: pB,
      awardFormId: w.forms.giayKhen,
      personId: w.people.b1,
      status: 'approved',
    });
    await decideRefused(w.operatorA.s, internal(w, [{ candidateId: cB }]), 404, 'NOT_FOUND', [
      'recipients.0.candidateId',
    ]);
    await decideRefused(w.operatorA.s, internal(w, [{ candidateId: c }], { roundId: roundB }), 400, 'VALIDATION', [
      'roundId',
    ]);
  });

  it('with a disclosure period, refuses before the list was published for comments and accepts after it ended', async () => {
    const x = await world();
    const { t, w } = x;
    await t.db
      .updateTable('award_form_rule')
      .set({ disclosure_days: 7 })
      .where('award_form_id', '=', w.forms.giayKhen)
      .execute();
    const c = await insertCandidate(t.db, {
      proposalId: x.proposalId,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a1,
      status: 'approved',
    });
    const before = await decideRefused(w.operatorA.s, internal(w, [{ candidateId: c }]), 409, 'INVALID_STATE');
    expect(before.message).toContain('Đỗ Tuấn Lương');
    expect(before.message).toContain('công khai lấy ý kiến');
    // A disclosure still running on the decision date is not enough.
    const running = await t.db
      .insertInto('honour_disclosure')
      .values({
        round_id: x.roundId,
        unit_id: w.tree.blocA,
        token: 'tok-running',
        title: 'Công khai danh sách',
        starts_on: '2024-05-05',
        ends_on: '2024-05-12',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db
      .insertInto('honour_disclosure_candidate')
      .values({ disclosure_id: running.id, candidate_id: c })
      .execute();
    await decideRefused(w.operatorA.s, internal(w, [{ candidateId: c }]), 409, 'INVALID_STATE');
    expect(await countOf(x)).toMatchObject({ honours: 0 });
    const ended = await t.db
      .insertInto('honour_disclosure')
      .values({
        round_id: x.roundId,
        unit_id: w.tree.blocA,
        token: 'tok-ended',
        title: 'Công khai danh sách',
        starts_on: '2024-04-20',
        ends_on: '2024-04-27',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('honour_disclosure_candidate').values({ disclosure_id: ended.id, candidate_id: c }).execute();
    const ok = await decide(w.operatorA.s, internal(w, [{ candidateId: c }]));
    expect(ok.honourIds).toHaveLength(1);
  });
});
