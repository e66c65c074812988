/**
 * A small world for honours tests, and direct factories for rounds,
 * proposals and candidates in any state (so council, decision, disclosure
 * and funnel tests do not depend on the proposal API to get there).
 *
 * The world is the registry's: root → blocs A, B → a1, a2 (under A), b1, b2.
 * The bloc A operator (operatorA) runs rounds, reviews and decides; the
 * reporters of a1 and a2 propose for their units; viewerA reads the bloc;
 * operatorB (another bloc) sees nothing of bloc A.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { signIn, type TestContext } from '../test/harness.ts';
import { buildPerson, registryWorld } from '../registry/test-helpers.ts';
import { honoureeSortKey } from './honouree.ts';

export async function awardFormIdOf(db: Kysely<DB>, code: string): Promise<number> {
  const row = await db.selectFrom('award_form').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

/** registryWorld + people in a1, a2, b1, award forms, and a council member with a plain viewer grant on bloc A. */
export async function honoursWorld(t: TestContext) {
  const w = await registryWorld(t);
  const people = {
    a1: await buildPerson(t.db, w.tree.a1, 'Đỗ Tuấn Lương', 'Phó Giám đốc Sở Tư pháp'),
    a1b: await buildPerson(t.db, w.tree.a1, 'Nguyễn Thị Hoa', 'Chuyên viên'),
    a2: await buildPerson(t.db, w.tree.a2, 'Trần Văn An', 'Giáo viên'),
    b1: await buildPerson(t.db, w.tree.b1, 'Lê Thị Bình', 'Kỹ sư'),
  };
  const forms = {
    giayKhen: await awardFormIdOf(t.db, 'GIAY_KHEN'),
    tuyenDuong: await awardFormIdOf(t.db, 'TUYEN_DUONG'),
    bangKhen: await awardFormIdOf(t.db, 'BANG_KHEN_UBND_TINH'),
  };
  const memberUser = await buildUser(t.db, {
    fullName: 'Ủy viên Hội đồng Khối A',
    grants: [{ role: 'viewer', unitId: w.tree.blocA }],
  });
  const member = { id: memberUser.id, s: await signIn(t.app, memberUser.username, DEFAULT_PASSWORD) };
  return { ...w, people, forms, member };
}
export type HonoursWorld = Awaited<ReturnType<typeof honoursWorld>>;

let seq = 0;

export async function insertRound(
  db: Kysely<DB>,
  o: {
    ownerUnitId: number;
    name?: string;
    proposalsFrom?: string;
    proposalsUntil?: string;
    status?: 'open' | 'closed';
    createdBy?: number | null;
  },
): Promise<number> {
  const name = o.name ?? `Đợt khen thưởng thử ${++seq}`;
  const row = await db
    .insertInto('honour_round')
    .values({
      owner_unit_id: o.ownerUnitId,
      name,
      kind: 'thematic',
      proposals_from: o.proposalsFrom ?? '2023-01-01',
      proposals_until: o.proposalsUntil ?? '2030-12-31',
      status: o.status ?? 'open',
      search_text: name.toLowerCase(),
      created_by: o.createdBy ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertProposal(
  db: Kysely<DB>,
  o: {
    roundId: number;
    proposerUnitId: number;
    reviewerUnitId?: number | null;
    externalBody?: string | null;
    status?: 'draft' | 'submitted';
    title?: string;
  },
): Promise<number> {
  const external = o.externalBody ?? null;
  const row = await db
    .insertInto('honour_proposal')
    .values({
      round_id: o.roundId,
      proposer_unit_id: o.proposerUnitId,
      reviewer_unit_id: external ? null : (o.reviewerUnitId ?? null),
      external_body: external,
      title: o.title ?? `Tờ trình đề nghị khen thưởng ${++seq}`,
      status: o.status ?? 'submitted',
      submitted_at: (o.status ?? 'submitted') === 'submitted' ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A candidate in any state. Individuals take the person's name and position; collectives the unit's name unless given. */
export async function insertCandidate(
  db: Kysely<DB>,
  o: {
    proposalId: number;
    awardFormId: number;
    personId?: number | null;
    unitId?: number;
    entryId?: number | null;
    displayName?: string;
    status?: 'proposed' | 'returned' | 'passed' | 'approved' | 'rejected' | 'decided' | 'withdrawn';
    sourceCandidateId?: number | null;
    achievement?: string;
  },
): Promise<number> {
  let unitId = o.unitId;
  let displayName = o.displayName;
  let position: string | null = null;
  if (o.personId) {
    const p = await db
      .selectFrom('person')
      .select(['full_name', 'position', 'unit_id'])
      .where('id', '=', o.personId)
      .executeTakeFirstOrThrow();
    unitId ??= p.unit_id;
    displayName ??= p.full_name;
    position = p.position;
  }
  if (unitId === undefined) throw new Error('insertCandidate: unitId or personId is needed');
  if (displayName === undefined) {
    const v = await db
      .selectFrom('org_unit_version')
      .select('name')
      .where('unit_id', '=', unitId)
      .orderBy('valid_from', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    displayName = v.name;
  }
  const subject = o.personId ? 'individual' : 'collective';
  const row = await db
    .insertInto('honour_candidate')
    .values({
      proposal_id: o.proposalId,
      award_form_id: o.awardFormId,
      subject,
      unit_id: unitId,
      person_id: o.personId ?? null,
      entry_id: o.entryId ?? null,
      display_name: displayName,
      position,
      achievement: o.achievement ?? 'Hoàn thành xuất sắc nhiệm vụ năm 2023',
      status: o.status ?? 'proposed',
      source_candidate_id: o.sourceCandidateId ?? null,
      sort_key: honoureeSortKey(subject, displayName),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
