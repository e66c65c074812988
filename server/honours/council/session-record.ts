/** Shared pieces of the council commands: locking the session, the open check, labels. */
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { invalidState, notFound, staleRevision } from '../../lib/errors.ts';

export const councilLabel = (s: { title: string }) => `phiên họp Hội đồng Thi đua – Khen thưởng "${s.title}"`;
const capital = (s: string) => `${s[0]!.toUpperCase()}${s.slice(1)}`;

export async function lockSession(
  trx: Transaction<DB>,
  id: number,
  o: { revision?: number | null; share?: boolean } = {},
) {
  let q = trx.selectFrom('council_session').selectAll().where('id', '=', id);
  q = o.share ? q.forShare() : q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound(`phiên họp Hội đồng Thi đua – Khen thưởng có mã số ${id}`);
  if (o.revision !== undefined && o.revision !== null && row.revision !== o.revision)
    throw staleRevision(capital(councilLabel(row)));
  return row;
}
export type SessionRecord = Awaited<ReturnType<typeof lockSession>>;

export function assertOpen(row: SessionRecord): void {
  if (row.status !== 'open')
    throw invalidState(`${capital(councilLabel(row))} đã kết thúc, đã kiểm phiếu; không thay đổi được nữa.`);
}

/** The candidates' names for messages: "Nguyễn Văn A (mã số 12)". */
export async function candidateNames(trx: Transaction<DB>, ids: number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await trx.selectFrom('honour_candidate').select(['id', 'display_name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, `"${r.display_name}" (mã số ${r.id})`]));
}
