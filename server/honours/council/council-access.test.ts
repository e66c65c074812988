/**
 * Who may see and run a council session, for every endpoint: unauthenticated
 * 401; outside the visibility (another bloc, a proposing unit below) 404; a
 * reader of the unit who is not a member sees the session but may neither
 * vote nor run it (403); a plain member votes but does not run it (403).
 */
import { describe, expect, it } from 'vitest';
import { ZCouncilSession } from '../../../common/schemas/honours-council.ts';
import { ZCouncilPage } from '../test-schemas.ts';
import { anonymous, expectOk, type Session } from '../../test/harness.ts';
import { C, councilBody, councilWorld, createCouncil } from './test-helpers.ts';

type Call = (s: Session) => ReturnType<Session['get']>;

async function world() {
  const x = await councilWorld();
  const session = await createCouncil(x.w.operatorA.s, councilBody(x, { candidateIds: [x.c.giayKhen, x.c.bangKhen] }));
  return { ...x, session };
}
type World = Awaited<ReturnType<typeof world>>;

function endpoints(x: World) {
  const id = x.session.id;
  return {
    list: ((s) => s.get(C)) as Call,
    create: ((s) => s.post(C, councilBody(x, { candidateIds: [x.c.tuyenDuong], title: 'Phiên khác' }))) as Call,
    detail: ((s) => s.get(`${C}/${id}`)) as Call,
    attendance: ((s) =>
      s.post(`${C}/${id}/attendance`, { presentUserIds: [x.m.chair.id], revision: x.session.revision })) as Call,
    recusal: ((s) => s.post(`${C}/${id}/recusals`, { candidateId: x.c.bangKhen, reason: 'Người thân' })) as Call,
    ballot: ((s) =>
      s.post(`${C}/${id}/ballots`, { votes: [{ candidateId: x.c.giayKhen, choice: 'yes' }], written: true })) as Call,
    close: ((s) => s.post(`${C}/${id}/close`, { revision: x.session.revision })) as Call,
    minutes: ((s) => s.get(`${C}/${id}/minutes.docx`)) as Call,
  };
}
type Name = keyof ReturnType<typeof endpoints>;

async function expectStatuses(
  s: Session,
  calls: ReturnType<typeof endpoints>,
  expected: Partial<Record<Name, number>>,
) {
  const got: Partial<Record<Name, number>> = {};
  for (const name of Object.keys(expected) as Name[]) got[name] = (await calls[name](s)).statusCode;
  expect(got).toEqual(expected);
}

const hidden = { create: 404, detail: 404, attendance: 404, recusal: 404, ballot: 404, close: 404, minutes: 404 };

describe('council permissions', () => {
  it('answers 401 on every endpoint without signing in', async () => {
    const x = await world();
    const calls = endpoints(x);
    await expectStatuses(anonymous(x.t.app), calls, Object.fromEntries(Object.keys(calls).map((k) => [k, 401])));
  });

  it('another bloc and a proposing unit below do not see the session', async () => {
    const x = await world();
    await expectStatuses(x.w.operatorB.s, endpoints(x), hidden);
    // The reporter of a1 sees the round (it proposes to it) but may not run councils; the session itself is not visible.
    await expectStatuses(x.w.reporterA1.s, endpoints(x), { ...hidden, create: 403 });
    expect(expectOk(await x.w.operatorB.s.get(C), ZCouncilPage).total).toBe(0);
  });

  it('a reader of the bloc who is not a member sees it but neither votes nor runs it', async () => {
    const x = await world();
    await expectStatuses(x.w.viewerA.s, endpoints(x), {
      list: 200,
      create: 403,
      detail: 200,
      attendance: 403,
      recusal: 403,
      ballot: 403,
      close: 403,
      minutes: 409,
    });
    expect(expectOk(await x.w.viewerA.s.get(`${C}/${x.session.id}`), ZCouncilSession).abilities).toEqual({
      manage: false,
      vote: false,
    });
  });

  it('a plain member votes and declares conflicts, but does not run the session', async () => {
    const x = await world();
    await expectStatuses(x.m.m4.s, endpoints(x), {
      detail: 200,
      attendance: 403,
      close: 403,
      create: 404,
      recusal: 200,
      ballot: 200,
    });
  });

  it('the secretary and the unit operator run it; the operator who is not a member cannot vote', async () => {
    const x = await world();
    await expectStatuses(x.w.operatorA.s, endpoints(x), { ballot: 403, recusal: 403, attendance: 200 });
    const now = expectOk(await x.m.secretary.s.get(`${C}/${x.session.id}`), ZCouncilSession);
    expect((await x.m.secretary.s.post(`${C}/${x.session.id}/close`, { revision: now.revision })).statusCode).toBe(200);
    await expectStatuses(x.m.m4.s, endpoints(x), { ballot: 409, recusal: 409, minutes: 200 });
  });
});
