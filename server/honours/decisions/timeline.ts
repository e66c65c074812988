/** Timeline source: the honours granted to a model or exemplar (entry_id), revoked ones included and marked. */
import { sql, type Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { TTimelineItem } from '../../../common/schemas/registry-timeline.ts';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../lib/context.ts';
import { latestUnitName } from '../../lib/sql-text.ts';
import { honourVisible } from '../policy.ts';

/** "Giấy khen — Quyết định số 125-QĐ/ĐUK" (", đã thu hồi ngày 01/03/2024" when revoked). */
export function honourLabel(awardName: string, symbol: string, revokedOn: string | null): string {
  return `${awardName} — Quyết định số ${symbol}${revokedOn ? `, đã thu hồi ngày ${formatDateVi(revokedOn)}` : ''}`;
}

export async function honourTimeline(db: Kysely<DB>, actor: Actor, entryId: number): Promise<TTimelineItem[]> {
  const rows = await db
    .selectFrom('honour as h')
    .innerJoin('award_form as af', 'af.id', 'h.award_form_id')
    .innerJoin('document as d', 'd.id', 'h.decision_document_id')
    .leftJoin('app_user as u', 'u.id', 'h.created_by')
    .select([
      'h.id',
      'af.name as award_name',
      'h.external_body',
      sql<
        string | null
      >`case when h.grantor_unit_id is null then null else ${latestUnitName('h.grantor_unit_id')} end`.as(
        'grantor_name',
      ),
      'd.id as document_id',
      'd.symbol',
      'd.issued_on',
      'd.summary',
      'h.display_name',
      'h.decided_on',
      'h.status',
      'h.revoked_on',
      'h.revoke_reason',
      'u.full_name as recorded_by',
    ])
    .where('h.entry_id', '=', entryId)
    .where(honourVisible(actor, sql.ref('h.owner_unit_id'), sql.ref('h.unit_id')))
    .orderBy('h.decided_on')
    .orderBy('h.id')
    .execute();
  return rows.map((r) => ({
    type: 'honour' as const,
    id: r.id,
    label: honourLabel(r.award_name, r.symbol, r.revoked_on),
    date: r.decided_on,
    recordedBy: r.recorded_by,
    awardName: r.award_name,
    grantor: r.external_body ?? r.grantor_name ?? '',
    decision: { id: r.document_id, symbol: r.symbol, issuedOn: r.issued_on, summary: r.summary },
    honouree: r.display_name,
    status: r.status,
    revokedOn: r.revoked_on,
    revokeReason: r.revoke_reason,
  }));
}
