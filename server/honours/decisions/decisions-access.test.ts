/**
 * Who may decide, read, revoke and print honours, for every endpoint:
 * unauthenticated 401; outside the read scope 404; readable but not
 * decidable 403. A PDF is 200 with LibreOffice and 503 without it: both count
 * as "allowed" here.
 */
import { describe, expect, it } from 'vitest';
import { ZDecisionResult, ZHonour } from '../../../common/schemas/honours-decisions.ts';
import { ZHonourPage } from '../test-schemas.ts';
import { anonymous, expectOk, type Session, setupTest } from '../../test/harness.ts';
import { honoursWorld, insertCandidate, insertProposal, insertRound } from '../test-helpers.ts';

type Call = (s: Session) => ReturnType<Session['get']>;

async function world() {
  const t = await setupTest();
  const w = await honoursWorld(t);
  const roundId = await insertRound(t.db, { ownerUnitId: w.tree.blocA });
  const proposalId = await insertProposal(t.db, { roundId, proposerUnitId: w.tree.a1, reviewerUnitId: w.tree.blocA });
  const c = await insertCandidate(t.db, {
    proposalId,
    awardFormId: w.forms.giayKhen,
    personId: w.people.a1,
    status: 'approved',
  });
  const res = await w.operatorA.s.post('/api/v1/honours/decisions', {
    grantorUnitId: w.tree.blocA,
    ownerUnitId: w.tree.blocA,
    roundId,
    document: { symbol: '125-QĐ/ĐUK', issuedOn: '2024-05-10', signer: 'Bí thư', summary: 'Khen thưởng', fileId: null },
    recipients: [{ candidateId: c }],
  });
  const decision = expectOk(res, ZDecisionResult, 201);
  const honour = expectOk(await w.operatorA.s.get(`/api/v1/honours/${decision.honourIds[0]}`), ZHonour);
  return { t, w, decision, honour };
}
type World = Awaited<ReturnType<typeof world>>;

function endpoints(x: World) {
  const { w, decision, honour } = x;
  const H = '/api/v1/honours';
  return {
    decide: ((s) =>
      s.post(`${H}/decisions`, {
        grantorUnitId: w.tree.blocA,
        ownerUnitId: w.tree.blocA,
        document: { symbol: '200-QĐ/ĐUK', issuedOn: '2024-06-10', signer: 'Bí thư', summary: 'Tự khen', fileId: null },
        recipients: [{ awardFormId: w.forms.giayKhen, subject: 'individual', personId: w.people.a2 }],
      })) as Call,
    list: ((s) => s.get(H)) as Call,
    detail: ((s) => s.get(`${H}/${honour.id}`)) as Call,
    revoke: ((s) =>
      s.post(`${H}/${honour.id}/revoke`, {
        revokedOn: '2024-07-01',
        reason: 'Sai sót',
        documentId: null,
        revision: honour.revision,
      })) as Call,
    docx: ((s) => s.get(`${H}/${honour.id}/certificate.docx`)) as Call,
    pdf: ((s) => s.get(`${H}/${honour.id}/certificate.pdf`)) as Call,
    allDocx: ((s) => s.get(`${H}/certificates.docx?decisionDocumentId=${decision.document.id}`)) as Call,
    allPdf: ((s) => s.get(`${H}/certificates.pdf?decisionDocumentId=${decision.document.id}`)) as Call,
    person: ((s) => s.get(`/api/v1/people/${w.people.a1}/honours`)) as Call,
  };
}
type Name = keyof ReturnType<typeof endpoints>;

async function expectStatuses(
  s: Session,
  calls: ReturnType<typeof endpoints>,
  expected: Partial<Record<Name, number>>,
) {
  const got: Partial<Record<Name, number>> = {};
  for (const name of Object.keys(expected) as Name[]) {
    const status = (await calls[name](s)).statusCode;
    got[name] = (name === 'pdf' || name === 'allPdf') && status === 503 ? 200 : status;
  }
  expect(got).toEqual(expected);
}

const readOnly: Record<Name, number> = {
  decide: 403,
  list: 200,
  detail: 200,
  revoke: 403,
  docx: 200,
  pdf: 200,
  allDocx: 200,
  allPdf: 200,
  person: 200,
};
/** The same, without the two PDF calls: a PDF takes LibreOffice seconds; the viewer's case proves readers get them. */
const { pdf: _pdf, allPdf: _allPdf, ...readOnlyNoPdf } = readOnly;

describe('honour decision permissions', () => {
  it('answers 401 on every endpoint without signing in', async () => {
    const x = await world();
    const calls = endpoints(x);
    await expectStatuses(anonymous(x.t.app), calls, Object.fromEntries(Object.keys(calls).map((k) => [k, 401])));
  });

  it('a viewer of the bloc (and a council member) reads and prints, and decides or revokes nothing', async () => {
    const x = await world();
    await expectStatuses(x.w.viewerA.s, endpoints(x), readOnly);
    await expectStatuses(x.w.member.s, endpoints(x), readOnlyNoPdf);
    expect(expectOk(await x.w.viewerA.s.get('/api/v1/honours'), ZHonourPage).total).toBe(1);
  }, 180_000); // two roles × every endpoint, certificates rendered as .docx and .pdf: 15–22 s on an idle machine

  it("another bloc's operator finds nothing (404) and may not decide for bloc A", async () => {
    const x = await world();
    await expectStatuses(x.w.operatorB.s, endpoints(x), {
      decide: 404,
      list: 200,
      detail: 404,
      revoke: 404,
      docx: 404,
      pdf: 404,
      allDocx: 404,
      allPdf: 404,
      person: 404,
    });
    expect(expectOk(await x.w.operatorB.s.get('/api/v1/honours'), ZHonourPage).total).toBe(0);
  });

  it("the honoured unit's reporter sees its honour but cannot decide — not for the bloc, not for its own unit", async () => {
    const x = await world();
    const { w } = x;
    await expectStatuses(w.reporterA1.s, endpoints(x), { ...readOnlyNoPdf, decide: 404 });
    const own = await w.reporterA1.s.post('/api/v1/honours/decisions', {
      grantorUnitId: w.tree.a1,
      ownerUnitId: w.tree.a1,
      document: { symbol: '5-QĐ/ĐU', issuedOn: '2024-06-10', signer: 'Bí thư', summary: 'Tự khen', fileId: null },
      recipients: [{ awardFormId: w.forms.giayKhen, subject: 'individual', personId: w.people.a1b }],
    });
    expect(own.statusCode).toBe(403);
    // The sibling unit's reporter sees nothing of it.
    await expectStatuses(w.reporterA2.s, endpoints(x), {
      decide: 404,
      list: 200,
      detail: 404,
      revoke: 404,
      docx: 404,
      pdf: 404,
      allDocx: 404,
      allPdf: 404,
      person: 404,
    });
    expect(expectOk(await w.reporterA2.s.get('/api/v1/honours'), ZHonourPage).total).toBe(0);
  });

  it('the bloc operator decides and revokes; a grantor other than the owner is refused', async () => {
    const x = await world();
    const { w } = x;
    const calls = endpoints(x);
    expect((await calls.decide(w.operatorA.s)).statusCode).toBe(201);
    expect((await calls.revoke(w.operatorA.s)).statusCode).toBe(200);
    const mismatch = await w.operatorA.s.post('/api/v1/honours/decisions', {
      grantorUnitId: w.tree.a1,
      ownerUnitId: w.tree.blocA,
      document: { symbol: '201-QĐ/ĐUK', issuedOn: '2024-06-10', signer: 'Bí thư', summary: 'Khen', fileId: null },
      recipients: [{ awardFormId: w.forms.giayKhen, subject: 'individual', personId: w.people.a2 }],
    });
    expect(mismatch.statusCode).toBe(400);
    const both = await w.operatorA.s.post('/api/v1/honours/decisions', {
      grantorUnitId: w.tree.blocA,
      externalBody: 'Ủy ban nhân dân tỉnh',
      ownerUnitId: w.tree.blocA,
      document: { symbol: '202-QĐ/ĐUK', issuedOn: '2024-06-10', signer: 'Bí thư', summary: 'Khen', fileId: null },
      recipients: [{ awardFormId: w.forms.giayKhen, subject: 'individual', personId: w.people.a2 }],
    });
    expect(both.statusCode).toBe(400);
  });
});
