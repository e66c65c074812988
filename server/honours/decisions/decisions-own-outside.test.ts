/** The unit's own honours inside its subtree, and decisions of outside bodies. */
import { describe, expect, it } from 'vitest';
import { ZTimeline } from '../../../common/schemas/registry-timeline.ts';
import { ZHonourPage } from '../test-schemas.ts';
import { expectOk } from '../../test/harness.ts';
import { modelEntry, registerAccepted } from '../../registry/test-helpers.ts';
import { insertCandidate, insertProposal } from '../test-helpers.ts';
import { countOf, decide, decideRefused, doc, internal, world } from './test-helpers.ts';

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
    const list = expectOk(await w.operatorA.s.get(`/api/v1/honours?decisionDocumentId=${ok.document.id}`), ZHonourPage);
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
    const timeline = expectOk(await w.operatorA.s.get(`/api/v1/registry/entries/${model.id}/timeline`), ZTimeline);
    expect(timeline.items.filter((i: { type: string }) => i.type === 'honour')).toHaveLength(1);

    const outside = await decideRefused(
      w.operatorA.s,
      internal(w, [{ awardFormId: w.forms.giayKhen, subject: 'individual', personId: w.people.b1 }], {
        document: doc('130-QĐ/ĐUK'),
      }),
      404,
      'NOT_FOUND',
      ['recipients.0.personId'],
    );
    expect(outside.message).toContain('Đảng ủy Khối A');
    await decideRefused(
      w.operatorA.s,
      internal(w, [{ awardFormId: w.forms.giayKhen, subject: 'collective', unitId: w.tree.blocB }], {
        document: doc('130-QĐ/ĐUK'),
      }),
      404,
      'NOT_FOUND',
      ['recipients.0.unitId'],
    );
    // The same person twice in one decision.
    const twice = await decideRefused(
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
      'VALIDATION',
    );
    expect(twice.message).toContain('hai lần');
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
    await decideRefused(
      w.operatorA.s,
      internal(w, [{ candidateId: good }, { candidateId: good2 }, { candidateId: bad }]),
      409,
      'INVALID_STATE',
    );
    expect(await countOf(x)).toEqual(start);
    const statuses = await t.db
      .selectFrom('honour_candidate')
      .select('status')
      .where('id', 'in', [good, good2])
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(['approved', 'approved']);

    const unreadable = await decideRefused(
      w.operatorA.s,
      internal(w, [{ candidateId: good }], { document: doc('quyết định khen') }),
      400,
      'VALIDATION',
      ['document.symbol'],
    );
    expect(unreadable.fields?.[0]?.field).toBe('document.symbol');
    await decide(w.operatorA.s, internal(w, [{ candidateId: good }]));
    const dup = await decideRefused(w.operatorA.s, internal(w, [{ candidateId: good2 }]), 409, 'DUPLICATE');
    expect(dup.message).toContain('125-QĐ/ĐUK');
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
    await decideRefused(
      w.operatorA.s,
      { ...body, recipients: [{ candidateId: internalCandidate }] },
      404,
      'NOT_FOUND',
      ['recipients.0.candidateId'],
    );
    const r = await decide(w.operatorA.s, body);
    const list = expectOk(await w.operatorA.s.get('/api/v1/honours?external=true'), ZHonourPage);
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
    await decideRefused(
      w.operatorA.s,
      { ...body, document: doc('2151-QĐ/UBND', '2024-06-02'), recipients: [{ candidateId: c1 }] },
      409,
      'INVALID_STATE',
    );
  });
});
