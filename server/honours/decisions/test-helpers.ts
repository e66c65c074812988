/** The decision tests' shared world: a round and a proposal of a1 to bloc A, a document to cite, and counts of what was written. */
import type { ErrorCode } from '../../../common/errors.ts';
import { ZDecisionResult } from '../../../common/schemas/honours-decisions.ts';
import { expectError, expectOk, setupTest, type Session, type TestErrorBody } from '../../test/harness.ts';
import { honoursWorld, insertProposal, insertRound, type HonoursWorld } from '../test-helpers.ts';

export const D = '/api/v1/honours/decisions';

export function doc(symbol = '125-QĐ/ĐUK', issuedOn = '2024-05-10') {
  return {
    symbol,
    issuedOn,
    signer: 'Nguyễn Văn Bí Thư',
    summary: 'Về việc khen thưởng tập thể, cá nhân tiêu biểu',
    fileId: null,
  };
}

export async function world() {
  const t = await setupTest();
  const w = await honoursWorld(t);
  await t.db.updateTable('person').set({ gender: 'male' }).where('id', '=', w.people.a1).execute();
  const roundId = await insertRound(t.db, { ownerUnitId: w.tree.blocA, name: 'Khen thưởng điển hình năm 2023' });
  const proposalId = await insertProposal(t.db, { roundId, proposerUnitId: w.tree.a1, reviewerUnitId: w.tree.blocA });
  return { t, w, roundId, proposalId };
}
export type World = Awaited<ReturnType<typeof world>>;

/** Records a decision that must succeed: the document and the honours written. */
export async function decide(s: Session, body: Record<string, unknown>) {
  return expectOk(await s.post(D, body), ZDecisionResult, 201);
}

/** Records a decision that must be refused with this status and code (and, when given, exactly these fields). */
export async function decideRefused(
  s: Session,
  body: Record<string, unknown>,
  status: number,
  code: ErrorCode,
  fields?: readonly string[],
): Promise<TestErrorBody> {
  return expectError(await s.post(D, body), status, code, fields);
}

export const internal = (w: HonoursWorld, recipients: unknown[], extra: Record<string, unknown> = {}) => ({
  grantorUnitId: w.tree.blocA,
  ownerUnitId: w.tree.blocA,
  document: doc(),
  recipients,
  ...extra,
});

export async function countOf(x: World) {
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
