/** Timeline source: the entry's evaluations (period or phase), dated by the decision date. */
import { sql } from 'kysely';
import type { TimelineSource } from '../timeline/source.ts';
import { entryReadable } from '../registry/entry-scope.ts';

/** "Đánh giá kỳ 6 tháng đầu năm 2026: Đạt" / "Đánh giá giai đoạn Sơ kết 2 năm: Không đạt". */
export function evaluationLabel(scope: 'period' | 'phase', name: string, met: boolean): string {
  const bare = name.replace(/^(kỳ|giai đoạn)\s+/i, '');
  return `Đánh giá ${scope === 'period' ? 'kỳ' : 'giai đoạn'} ${bare}: ${met ? 'Đạt' : 'Không đạt'}`;
}

export const evaluationTimeline: TimelineSource = async (db, actor, entryId) => {
  const rows = await db
    .selectFrom('evaluation as ev')
    .innerJoin('registry_entry as e', 'e.id', 'ev.entry_id')
    .leftJoin('report_period as p', 'p.id', 'ev.period_id')
    .leftJoin('plan_phase as ph', 'ph.id', 'ev.phase_id')
    .leftJoin('app_user as u', 'u.id', 'ev.decided_by')
    .leftJoin('org_level as l', 'l.id', 'ev.recognition_level_id')
    .select([
      'ev.id',
      'ev.period_id',
      'p.name as period_name',
      'ph.name as phase_name',
      'ev.decided_met',
      'ev.overridden',
      'ev.reason',
      'ev.decided_on',
      'u.full_name as recorded_by',
      'ev.recognition_level_id',
      'l.name as level_name',
    ])
    .where('ev.entry_id', '=', entryId)
    .where(entryReadable(actor, sql.ref('e.id'), sql.ref('e.owner_unit_id')))
    .orderBy('ev.decided_on')
    .orderBy('ev.id')
    .execute();
  return rows.map((r) => {
    const scope = r.period_id !== null ? 'period' : 'phase';
    const scopeName = (scope === 'period' ? r.period_name : r.phase_name) ?? '';
    return {
      type: 'evaluation' as const,
      id: r.id,
      label: evaluationLabel(scope, scopeName, r.decided_met),
      date: r.decided_on,
      recordedBy: r.recorded_by,
      scopeName,
      decidedMet: r.decided_met,
      overridden: r.overridden,
      reason: r.reason,
      recognitionLevel:
        r.recognition_level_id !== null ? { id: r.recognition_level_id, name: r.level_name ?? '' } : null,
    };
  });
};
