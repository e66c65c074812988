/**
 * Decisions (quyết định khen thưởng): internal from approved candidates,
 * disclosure before deciding, the unit's own honours inside its subtree,
 * decisions of outside bodies, all-or-nothing, revocation, the timeline, the
 * person's honours, certificates read back.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../docgen/read-docx.ts';
import { json, setupTest, type Session } from '../../test/harness.ts';
import { modelEntry, registerAccepted } from '../../registry/test-helpers.ts';
import { honoursWorld, insertCandidate, insertProposal, insertRound, type HonoursWorld } from '../test-helpers.ts';

const D = '/api/v1/honours/decisions';

function doc(symbol = '125-QĐ/ĐUK', issuedOn = '2024-05-10') {
  return {
    symbol,
    issuedOn,
    signer: 'Nguyễn Văn Bí Thư',
    summary: 'Về việc khen thưởng tập thể, cá nhân tiêu biểu',
    fileId: null,
  };
}

async function world() {
  const t = await setupTest();
  const w = await honoursWorld(t);
  await t.db.updateTable('person').set({ gender: 'male' }).where('id', '=', w.people.a1).execute();
  const roundId = await insertRound(t.db, { ownerUnitId: w.tree.blocA, name: 'Khen thưởng điển hình năm 2023' });
  const proposalId = await insertProposal(t.db, { roundId, proposerUnitId: w.tree.a1, reviewerUnitId: w.tree.blocA });
  return { t, w, roundId, proposalId };
}
type World = Awaited<ReturnType<typeof world>>;

async function decide(s: Session, body: Record<string, unknown>, status = 201) {
  const res = await s.post(D, body);
  expect(res.statusCode, res.body).toBe(status);
  return json(res);
}

const internal = (w: HonoursWorld, recipients: unknown[], extra: Record<string, unknown> = {}) => ({
  grantorUnitId: w.tree.blocA,
  ownerUnitId: w.tree.blocA,
  document: doc(),
  recipients,
  ...extra,
});

async function countOf(x: World) {
  const honours = await x.t.db
    .selectFrom('honour')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const docs = await x.t.db
    .selectFrom('document')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { honours: Number(honours.n), documents: Number(docs.n) };
}

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

    const registered = json(await w.operatorA.s.get(`/api/v1/documents/${result.document.id}`));
    expect(registered.issuerName).toBe('Đảng ủy Khối A');
    expect(registered.signer).toBe('Nguyễn Văn Bí Thư');

    const list = json(await w.viewerA.s.get(`/api/v1/honours?decisionDocumentId=${result.document.id}`));
    expect(list.total).toBe(3);
    // Newest first, then by name: the collective "Đảng bộ Sở Tư pháp", then individuals by given name (Hoa before Lương).
    expect(list.items.map((h: { displayName: string }) => h.displayName)).toEqual([
      'Đảng bộ Sở Tư pháp',
      'Nguyễn Thị Hoa',
      'Đỗ Tuấn Lương',
    ]);
    const luong = list.items.find((h: { displayName: string }) => h.displayName === 'Đỗ Tuấn Lương');
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
    expect(json(await w.operatorA.s.get(`/api/v1/honours/${luong.id}`)).abilities.revoke).toBe(true);

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
      json(await w.operatorA.s.get('/api/v1/honours?q=tuan%20luong')).items.map((h: { id: number }) => h.id),
    ).toEqual([luong.id]);
    expect(json(await w.operatorA.s.get(`/api/v1/honours?subject=collective`)).total).toBe(1);
    expect(json(await w.operatorA.s.get(`/api/v1/honours?external=true`)).total).toBe(0);
    expect(json(await w.operatorA.s.get(`/api/v1/honours?unitId=${w.tree.a2}`)).total).toBe(0);
    expect(json(await w.operatorA.s.get(`/api/v1/honours?unitId=${w.tree.a1}`)).total).toBe(3);
    expect(json(await w.operatorA.s.get(`/api/v1/honours?from=2024-05-11`)).total).toBe(0);
    // The honoured unit's reporter sees what it received; the a2 reporter sees nothing.
    expect(json(await w.reporterA1.s.get('/api/v1/honours')).total).toBe(3);
    expect(json(await w.reporterA2.s.get('/api/v1/honours')).total).toBe(0);

    const timeline = json(await w.viewerA.s.get(`/api/v1/registry/entries/${exemplar.id}/timeline`));
    const item = timeline.items.find((i: { type: string }) => i.type === 'honour');
    expect(item).toMatchObject({
      awardName: 'Giấy khen',
      grantor: 'Đảng ủy Khối A',
      honouree: 'Nguyễn Thị Hoa',
      status: 'active',
      decision: { symbol: '125-QĐ/ĐUK' },
      date: '2024-05-10',
    });

    const mine = json(await w.viewerA.s.get(`/api/v1/people/${person}/honours`));
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
    const r1 = await decide(w.operatorA.s, internal(w, [{ candidateId: proposed }]), 409);
    expect(r1.error.message).toContain('Đỗ Tuấn Lương');
    expect(r1.error.message).toContain('Đã đề nghị');
    const r2 = await decide(w.operatorA.s, internal(w, [{ candidateId: passed }]), 409);
    expect(r2.error.message).toContain('Hội đồng');
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
    const wrongRound = await decide(w.operatorA.s, internal(w, [{ candidateId: c }], { roundId: x.roundId }), 400);
    expect(wrongRound.error.fields[0].field).toBe('recipients.0.candidateId');
    // A round of bloc B's, and a candidate of bloc B's proposal: not found for bloc A.
    const roundB = await insertRound(t.db, { ownerUnitId: w.tree.blocB });
    const pB = await insertProposal(t.db, { roundId: roundB, proposerUnitId: w.tree.b1, reviewerUnitId: w.tree.blocB });
    const cB = await insertCandidate(t.db, {
      proposalId: pB,
      awardFormId: w.forms.giayKhen,
      personId: w.people.b1,
      status: 'approved',
    });
    await decide(w.operatorA.s, internal(w, [{ candidateId: cB }]), 404);
    await decide(w.operatorA.s, internal(w, [{ candidateId: c }], { roundId: roundB }), 400);
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
    const before = await decide(w.operatorA.s, internal(w, [{ candidateId: c }]), 409);
    expect(before.error.message).toContain('Đỗ Tuấn Lương');
    expect(before.error.message).toContain('công khai lấy ý kiến');
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
    await decide(w.operatorA.s, internal(w, [{ candidateId: c }]), 409);
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

describe("the unit's own honours (tự khen)", () => {
  it('honours people, units and entries inside the subtree, and refuses outside it', async () => {
    const x = await world();
    const { w } = x;
    const model = await registerAccepted(w, w.reporterA2.s, w.operatorA.s, modelEntry(w, w.tree.a2));
    const ok = await decide(
      w.operatorA.s,
      internal(w, [
        {
          awardFormId: w.forms.giayKhen,
          subject: 'individual',
          personId: w.people.a2,
          achievement: 'Giáo viên dạy giỏi cấp tỉnh',
        },
        { awardFormId: w.forms.tuyenDuong, subject: 'collective', entryId: model.id },
      ]),
    );
    const list = json(await w.operatorA.s.get(`/api/v1/honours?decisionDocumentId=${ok.document.id}`));
    // Sorted by name: individuals by given name ("An" before "Đảng bộ…").
    expect(
      list.items.map((h: { displayName: string; unit: { id: number }; candidateId: number | null }) => [
        h.displayName,
        h.unit.id,
        h.candidateId,
      ]),
    ).toEqual([
      ['Trần Văn An', w.tree.a2, null],
      ['Đảng bộ Trường Cao đẳng nghề', w.tree.a2, null],
    ]);
    const timeline = json(await w.operatorA.s.get(`/api/v1/registry/entries/${model.id}/timeline`));
    expect(timeline.items.filter((i: { type: string }) => i.type === 'honour')).toHaveLength(1);

    const outside = await decide(
      w.operatorA.s,
      internal(w, [{ awardFormId: w.forms.giayKhen, subject: 'individual', personId: w.people.b1 }], {
        document: doc('130-QĐ/ĐUK'),
      }),
      404,
    );
    expect(outside.error.message).toContain('Đảng ủy Khối A');
    await decide(
      w.operatorA.s,
      internal(w, [{ awardFormId: w.forms.giayKhen, subject: 'collective', unitId: w.tree.blocB }], {
        document: doc('130-QĐ/ĐUK'),
      }),
      404,
    );
    // The same person twice in one decision.
    const twice = await decide(
      w.operatorA.s,
      internal(
        w,
        [
          { awardFormId: w.forms.giayKhen, subject: 'individual', personId: w.people.a1 },
          { awardFormId: w.forms.tuyenDuong, subject: 'individual', personId: w.people.a1 },
        ],
        { document: doc('131-QĐ/ĐUK') },
      ),
      400,
    );
    expect(twice.error.message).toContain('hai lần');
  });

  it('checks the document number: unreadable 400, duplicate 409; never half-written', async () => {
    const x = await world();
    const { t, w } = x;
    const good = await insertCandidate(t.db, {
      proposalId: x.proposalId,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a1,
      status: 'approved',
    });
    const good2 = await insertCandidate(t.db, {
      proposalId: x.proposalId,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a1b,
      status: 'approved',
    });
    const bad = await insertCandidate(t.db, {
      proposalId: x.proposalId,
      awardFormId: w.forms.giayKhen,
      unitId: w.tree.a1,
      status: 'rejected',
    });
    const start = await countOf(x);
    await decide(
      w.operatorA.s,
      internal(w, [{ candidateId: good }, { candidateId: good2 }, { candidateId: bad }]),
      409,
    );
    expect(await countOf(x)).toEqual(start);
    const statuses = await t.db
      .selectFrom('honour_candidate')
      .select('status')
      .where('id', 'in', [good, good2])
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['approved', 'approved']);

    const unreadable = await decide(
      w.operatorA.s,
      internal(w, [{ candidateId: good }], { document: doc('quyết định khen') }),
      400,
    );
    expect(unreadable.error.fields[0].field).toBe('document.symbol');
    await decide(w.operatorA.s, internal(w, [{ candidateId: good }]));
    const dup = await decide(w.operatorA.s, internal(w, [{ candidateId: good2 }]), 409);
    expect(dup.error.message).toContain('125-QĐ/ĐUK');
    expect(await countOf(x)).toEqual({ honours: start.honours + 1, documents: start.documents + 1 });
  });
});

describe('decisions of outside bodies', () => {
  it("records the body's decision for the candidates the unit sent there", async () => {
    const x = await world();
    const { t, w } = x;
    const pExt = await insertProposal(t.db, {
      roundId: x.roundId,
      proposerUnitId: w.tree.blocA,
      externalBody: 'Ủy ban nhân dân tỉnh',
    });
    const c1 = await insertCandidate(t.db, {
      proposalId: pExt,
      awardFormId: w.forms.bangKhen,
      personId: w.people.a1,
      status: 'proposed',
    });
    const c2 = await insertCandidate(t.db, {
      proposalId: pExt,
      awardFormId: w.forms.bangKhen,
      unitId: w.tree.a2,
      status: 'proposed',
    });
    const body = {
      grantorUnitId: null,
      externalBody: 'Ủy ban nhân dân tỉnh Lào Cai',
      ownerUnitId: w.tree.blocA,
      roundId: x.roundId,
      document: { ...doc('2150-QĐ/UBND', '2024-06-01'), signer: 'Trần Văn Chủ Tịch' },
      recipients: [{ candidateId: c1 }, { candidateId: c2 }],
    };
    // A candidate of an internal proposal is not the outside body's to decide.
    const internalCandidate = await insertCandidate(t.db, {
      proposalId: x.proposalId,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a1b,
      status: 'approved',
    });
    await decide(w.operatorA.s, { ...body, recipients: [{ candidateId: internalCandidate }] }, 404);
    const r = await decide(w.operatorA.s, body);
    const list = json(await w.operatorA.s.get('/api/v1/honours?external=true'));
    expect(list.total).toBe(2);
    expect(list.items[0]).toMatchObject({
      grantor: 'Ủy ban nhân dân tỉnh Lào Cai',
      grantorUnit: null,
      externalBody: 'Ủy ban nhân dân tỉnh Lào Cai',
    });
    const docRow = await t.db
      .selectFrom('document')
      .selectAll()
      .where('id', '=', r.document.id)
      .executeTakeFirstOrThrow();
    expect([docRow.owner_unit_id, docRow.issuer_name, docRow.issuer_unit_id]).toEqual([
      w.tree.blocA,
      'Ủy ban nhân dân tỉnh Lào Cai',
      null,
    ]);
    const statuses = await t.db.selectFrom('honour_candidate').select('status').where('id', 'in', [c1, c2]).execute();
    expect(statuses.map((s) => s.status)).toEqual(['decided', 'decided']);
    // Decided candidates are no longer waiting for the body.
    await decide(
      w.operatorA.s,
      { ...body, document: doc('2151-QĐ/UBND', '2024-06-02'), recipients: [{ candidateId: c1 }] },
      409,
    );
  });
});

describe('revocation', () => {
  it('keeps the honour, marked revoked, on the register and the timeline; certificates are refused', async () => {
    const x = await world();
    const { t, w } = x;
    const model = await registerAccepted(w, w.reporterA1.s, w.operatorA.s, modelEntry(w, w.tree.a1));
    const c = await insertCandidate(t.db, {
      proposalId: x.proposalId,
      awardFormId: w.forms.giayKhen,
      unitId: w.tree.a1,
      entryId: model.id,
      status: 'approved',
    });
    const r = await decide(w.operatorA.s, internal(w, [{ candidateId: c }]));
    const id = r.honourIds[0];
    const h = json(await w.operatorA.s.get(`/api/v1/honours/${id}`));
    const early = await w.operatorA.s.post(`/api/v1/honours/${id}/revoke`, {
      revokedOn: '2024-05-01',
      reason: 'Khai man thành tích',
      documentId: null,
      revision: h.revision,
    });
    expect(early.statusCode).toBe(400);
    const stale = await w.operatorA.s.post(`/api/v1/honours/${id}/revoke`, {
      revokedOn: '2024-07-01',
      reason: 'Khai man thành tích',
      documentId: null,
      revision: h.revision + 1,
    });
    expect(stale.statusCode).toBe(409);
    const res = await w.operatorA.s.post(`/api/v1/honours/${id}/revoke`, {
      revokedOn: '2024-07-01',
      reason: 'Khai man thành tích',
      documentId: r.document.id,
      revision: h.revision,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(json(res)).toMatchObject({
      status: 'revoked',
      revokedOn: '2024-07-01',
      revokeReason: 'Khai man thành tích',
      revokeDocument: { symbol: '125-QĐ/ĐUK' },
      abilities: { revoke: false },
    });
    expect(json(await w.operatorA.s.get('/api/v1/honours?status=revoked')).total).toBe(1);
    const again = await w.operatorA.s.post(`/api/v1/honours/${id}/revoke`, {
      revokedOn: '2024-07-02',
      reason: 'Lần hai',
      documentId: null,
      revision: json(res).revision,
    });
    expect(again.statusCode).toBe(409);
    const item = json(await w.operatorA.s.get(`/api/v1/registry/entries/${model.id}/timeline`)).items.find(
      (i: { type: string }) => i.type === 'honour',
    );
    expect(item).toMatchObject({ status: 'revoked', revokedOn: '2024-07-01', revokeReason: 'Khai man thành tích' });
    expect(item.label).toContain('thu hồi');
    expect((await w.operatorA.s.get(`/api/v1/honours/${id}/certificate.docx`)).statusCode).toBe(409);
    expect(
      (await w.operatorA.s.get(`/api/v1/honours/certificates.docx?decisionDocumentId=${r.document.id}`)).statusCode,
    ).toBe(409);
    expect(
      await t.db.selectFrom('audit_event').select('id').where('action', '=', 'honour.revoked').execute(),
    ).toHaveLength(1);
  });
});

describe('certificates', () => {
  it('one certificate as .docx with the Vietnamese name, the award and the decision; all of a decision, one per page', async () => {
    const x = await world();
    const { t, w } = x;
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
      personId: w.people.a1b,
      status: 'approved',
    });
    const c3 = await insertCandidate(t.db, {
      proposalId: x.proposalId,
      awardFormId: w.forms.giayKhen,
      unitId: w.tree.a1,
      status: 'approved',
    });
    const r = await decide(
      w.operatorA.s,
      internal(w, [{ candidateId: c1 }, { candidateId: c2 }, { candidateId: c3 }], {
        document: doc('125-QĐ/ĐUK', '2024-02-05'),
      }),
    );
    const luong = json(await w.operatorA.s.get('/api/v1/honours?q=luong')).items[0];

    const one = await w.viewerA.s.get(`/api/v1/honours/${luong.id}/certificate.docx`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.headers['content-disposition']).toContain(encodeURIComponent('Giấy-khen'));
    const text = (await readDocx(one.rawPayload)).paragraphs;
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('ĐẢNG ỦY KHỐI A');
    expect(text).toContain('TẶNG GIẤY KHEN');
    expect(text).toContain('Ông Đỗ Tuấn Lương');
    expect(text).toContain('Phó Giám đốc Sở Tư pháp');
    expect(text).toContain('Đã có thành tích hoàn thành xuất sắc nhiệm vụ năm 2023.');
    expect(text).toContain('Quyết định số 125-QĐ/ĐUK, ngày 05 tháng 02 năm 2024');
    expect(text).toContain('Thử nghiệm, ngày 05 tháng 02 năm 2024');
    expect(text).toContain('T/M BAN THƯỜNG VỤ');
    expect(text).toContain('Nguyễn Văn Bí Thư');

    const all = await w.viewerA.s.get(`/api/v1/honours/certificates.docx?decisionDocumentId=${r.document.id}`);
    expect(all.statusCode, all.body).toBe(200);
    const allText = (await readDocx(all.rawPayload)).paragraphs;
    expect(allText.filter((p) => p === 'TẶNG GIẤY KHEN')).toHaveLength(3);
    expect(allText).toContain('Ông Đỗ Tuấn Lương');
    expect(allText).toContain('Nguyễn Thị Hoa'); // gender unknown: the name alone
    expect(allText).toContain('Đảng bộ Sở Tư pháp');
    // Each certificate is its own landscape A4 section (a new page).
    const zip = await JSZip.loadAsync(all.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.match(/<w:sectPr/g)).toHaveLength(3);
    expect(xml).toContain('w:orient="landscape"');

    // All at once as PDF (with LibreOffice): three landscape pages.
    const allPdf = await w.viewerA.s.get(`/api/v1/honours/certificates.pdf?decisionDocumentId=${r.document.id}`);
    expect([200, 503]).toContain(allPdf.statusCode);
    if (allPdf.statusCode === 200) {
      const raw = allPdf.rawPayload.toString('latin1');
      expect(raw.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(3);
      expect(raw).toMatch(/\/MediaBox\s*\[\s*0 0 841\.\d+ 595\.\d+/);
    }

    // PDF: 503 without LibreOffice, a PDF with it.
    const pdf = await w.viewerA.s.get(`/api/v1/honours/${luong.id}/certificate.pdf`);
    expect([200, 503]).toContain(pdf.statusCode);
    if (pdf.statusCode === 503) expect(json(pdf).error.message).toContain('LibreOffice');
    else expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });
});
