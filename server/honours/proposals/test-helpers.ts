/** Small helpers for the proposal tests: API calls that must succeed, and direct fixtures (evaluations, inspections). */
import type { Kysely } from 'kysely';
import { ZProposal, ZRound } from '../../../common/schemas/honours-flow.ts';
import { foldVietnamese } from '../../../common/vn-text.ts';
import type { DB } from '../../db/schema.ts';
import { expectOk, type Session } from '../../test/harness.ts';

export const H = '/api/v1/honours';

export function roundBody(ownerUnitId: number, o: Record<string, unknown> = {}) {
  return {
    ownerUnitId,
    name: 'Khen thưởng điển hình học tập và làm theo Bác năm 2026',
    kind: 'thematic',
    proposalsFrom: '2023-01-01',
    proposalsUntil: '2030-12-31',
    ...o,
  };
}

export async function createRound(s: Session, body: Record<string, unknown>) {
  return expectOk(await s.post(`${H}/rounds`, body), ZRound, 201);
}

export async function createProposal(
  s: Session,
  roundId: number,
  proposerUnitId: number,
  o: Record<string, unknown> = {},
) {
  const r = await s.post(`${H}/proposals`, {
    roundId,
    proposerUnitId,
    title: 'Tờ trình đề nghị khen thưởng năm 2026',
    ...o,
  });
  return expectOk(r, ZProposal, 201);
}

export async function addCandidate(s: Session, proposalId: number, body: Record<string, unknown>) {
  const r = await s.post(`${H}/proposals/${proposalId}/candidates`, {
    achievement: 'Hoàn thành xuất sắc nhiệm vụ',
    ...body,
  });
  return expectOk(r, ZProposal, 201);
}

export async function submit(s: Session, proposalId: number) {
  return expectOk(await s.post(`${H}/proposals/${proposalId}/submit`, {}), ZProposal);
}

/** A phase of the plan and an evaluation of the entry in it (met or not). */
export async function insertPhaseEvaluation(
  db: Kysely<DB>,
  o: { planId: number; entryId: number; met: boolean; phaseId?: number; decidedOn?: string },
) {
  const phaseId =
    o.phaseId ??
    (
      await db
        .insertInto('plan_phase')
        .values({
          plan_id: o.planId,
          name: 'Sơ kết 2 năm 2021-2023',
          kind: 'midterm_review',
          starts_on: '2021-01-01',
          ends_on: '2023-12-31',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  await db
    .insertInto('evaluation')
    .values({
      entry_id: o.entryId,
      phase_id: phaseId,
      decided_met: o.met,
      proposed_met: o.met,
      decided_on: o.decidedOn ?? '2024-01-15',
    })
    .execute();
  return phaseId;
}

/** An inspection of the unit with an open follow-up about the entry. */
export async function insertOpenFollowup(db: Kysely<DB>, o: { ownerUnitId: number; entryId: number }) {
  const title = 'Kiểm tra việc xây dựng mô hình';
  const insp = await db
    .insertInto('inspection')
    .values({
      owner_unit_id: o.ownerUnitId,
      kind: 'inspection',
      title,
      starts_on: '2024-03-01',
      search_text: foldVietnamese(title),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('inspection_followup')
    .values({ inspection_id: insp.id, entry_id: o.entryId, action: 'Bổ sung hồ sơ minh chứng' })
    .execute();
}
