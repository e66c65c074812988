/** Guards and row helpers shared by the proposal commands. */
import { sql, type Kysely, type Transaction } from 'kysely';
import { formatDateVi, todayInVietnam } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { invalidState, notFound, staleRevision } from '../../lib/errors.ts';

export const proposalLink = (id: number) => `/khen-thuong/to-trinh/${id}`;

export interface RoundState {
  id: number;
  name: string;
  owner_unit_id: number;
  owner_path: string;
  status: 'open' | 'closed';
  proposals_from: string;
  proposals_until: string;
  review_until: string | null;
  plan_id: number | null;
  phase_id: number | null;
}

export async function roundState(db: Kysely<DB>, id: number): Promise<RoundState> {
  const row = await db
    .selectFrom('honour_round as r')
    .innerJoin('org_unit as ou', 'ou.id', 'r.owner_unit_id')
    .select([
      'r.id',
      'r.name',
      'r.owner_unit_id',
      sql<string>`ou.current_path::text`.as('owner_path'),
      'r.status',
      sql<string>`r.proposals_from::text`.as('proposals_from'),
      sql<string>`r.proposals_until::text`.as('proposals_until'),
      sql<string | null>`r.review_until::text`.as('review_until'),
      'r.plan_id',
      'r.phase_id',
    ])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound(`đợt khen thưởng có mã số ${id}`);
  return row;
}

export function assertRoundOpen(round: RoundState): void {
  if (round.status !== 'open')
    throw invalidState(`Đợt khen thưởng "${round.name}" đã kết thúc, không nhận đề nghị mới.`);
}

/** Proposals from below are received from proposals_from to proposals_until (inclusive). */
export function assertInWindow(round: RoundState, today = todayInVietnam()): void {
  assertRoundOpen(round);
  if (today < round.proposals_from || today > round.proposals_until) {
    throw invalidState(
      `Đợt khen thưởng "${round.name}" nhận đề nghị từ ngày ${formatDateVi(round.proposals_from)} đến ngày ${formatDateVi(round.proposals_until)}; hôm nay (${formatDateVi(today)}) không trong thời hạn này.`,
    );
  }
}

/** A returned dossier may be sent again while the round is open and its review has not ended. */
export function assertResubmitAllowed(round: RoundState, today = todayInVietnam()): void {
  assertRoundOpen(round);
  if (round.review_until !== null && today > round.review_until) {
    throw invalidState(
      `Đợt khen thưởng "${round.name}" đã hết hạn thẩm định (${formatDateVi(round.review_until)}); không gửi lại hồ sơ được nữa.`,
    );
  }
}

export async function lockProposal(trx: Transaction<DB>, id: number, revision: number | null) {
  const row = await trx.selectFrom('honour_proposal').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound(`tờ trình đề nghị khen thưởng có mã số ${id}`);
  if (revision !== null && row.revision !== revision) throw staleRevision(`Tờ trình "${row.title}"`);
  return row;
}

export async function bumpProposal(trx: Transaction<DB>, id: number, changes: Record<string, unknown> = {}) {
  return trx
    .updateTable('honour_proposal')
    .set({ ...changes, revision: sql<number>`revision + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
