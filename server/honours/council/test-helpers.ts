/**
 * A council world: bloc A's round with three candidates passed to the
 * council (an individual of a1 for a Giấy khen — secret, more than half of
 * those voting; an individual of a2 for a Bằng khen — secret, 80% of all
 * members; a collective a1 for a Tuyên dương — open ballot), and five council
 * members: a chair and a secretary without any grant, the honours world's
 * member (viewer of bloc A), and two more without grants.
 */
import { ZCouncilSession } from '../../../common/schemas/honours-council.ts';
import { buildUser, DEFAULT_PASSWORD } from '../../test/factories.ts';
import { expectOk, setupTest, signIn, type Session } from '../../test/harness.ts';
import { honoursWorld, insertCandidate, insertProposal, insertRound } from '../test-helpers.ts';

export const C = '/api/v1/honours/council-sessions';

export async function councilWorld() {
  const t = await setupTest();
  const w = await honoursWorld(t);
  const roundId = await insertRound(t.db, { ownerUnitId: w.tree.blocA, name: 'Khen thưởng điển hình năm 2026' });
  const p1 = await insertProposal(t.db, { roundId, proposerUnitId: w.tree.a1, reviewerUnitId: w.tree.blocA });
  const p2 = await insertProposal(t.db, { roundId, proposerUnitId: w.tree.a2, reviewerUnitId: w.tree.blocA });
  const c = {
    giayKhen: await insertCandidate(t.db, {
      proposalId: p1,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a1,
      status: 'passed',
    }),
    bangKhen: await insertCandidate(t.db, {
      proposalId: p2,
      awardFormId: w.forms.bangKhen,
      personId: w.people.a2,
      status: 'passed',
    }),
    tuyenDuong: await insertCandidate(t.db, {
      proposalId: p1,
      awardFormId: w.forms.tuyenDuong,
      unitId: w.tree.a1,
      status: 'passed',
    }),
  };
  const user = async (fullName: string) => {
    const u = await buildUser(t.db, { fullName });
    return { id: u.id, s: await signIn(t.app, u.username, DEFAULT_PASSWORD) };
  };
  const m = {
    chair: await user('Hoàng Văn Chính'),
    secretary: await user('Phạm Thị Thư'),
    member: w.member,
    m4: await user('Vũ Đức Minh'),
    m5: await user('Lý Thị Năm'),
  };
  return { t, w, roundId, proposals: { p1, p2 }, c, m };
}
export type CouncilWorld = Awaited<ReturnType<typeof councilWorld>>;

export function councilBody(
  x: CouncilWorld,
  o: { candidateIds?: number[]; memberIds?: number[]; title?: string; heldOn?: string } = {},
) {
  const ids = o.memberIds ?? [x.m.chair.id, x.m.secretary.id, x.m.member.id, x.m.m4.id, x.m.m5.id];
  return {
    roundId: x.roundId,
    title: o.title ?? 'Phiên họp xét khen thưởng điển hình năm 2026',
    heldOn: o.heldOn ?? '2026-12-05',
    location: 'Hội trường Đảng ủy Khối A',
    members: ids.map((userId) => ({
      userId,
      role: userId === x.m.chair.id ? 'chair' : userId === x.m.secretary.id ? 'secretary' : 'member',
      position: userId === x.m.chair.id ? 'Phó Bí thư Đảng ủy Khối' : null,
    })),
    candidateIds: o.candidateIds ?? [x.c.giayKhen, x.c.bangKhen, x.c.tuyenDuong],
  };
}

export async function createCouncil(s: Session, body: unknown) {
  return expectOk(await s.post(C, body), ZCouncilSession, 201);
}
