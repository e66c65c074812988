/** Timeline source: the inspections and supervisions that covered an entry (the entry was checked readable by the caller). */
import { sql } from 'kysely';
import { todayInVietnam } from '../../common/dates.ts';
import { INSPECTION_KIND_LABELS } from '../../common/schemas/inspections.ts';
import type { TimelineSource } from '../timeline/source.ts';
import { unitNameOn } from '../registry/entry-scope.ts';

export const inspectionTimeline: TimelineSource = async (db, _actor, entryId) => {
  const rows = await db
    .selectFrom('inspection_subject as s')
    .innerJoin('inspection as i', 'i.id', 's.inspection_id')
    .select([
      'i.id',
      'i.kind',
      'i.title',
      'i.starts_on',
      'i.status',
      'i.owner_unit_id',
      unitNameOn('i.owner_unit_id', todayInVietnam()).as('owner_name'),
      sql<number>`(select count(*)::int from inspection_followup fu where fu.inspection_id = i.id and fu.entry_id = s.entry_id and fu.status = 'open')`.as(
        'open_followups',
      ),
    ])
    .where('s.entry_id', '=', entryId)
    .orderBy('i.starts_on')
    .orderBy('i.id')
    .execute();
  return rows.map((r) => ({
    type: 'inspection' as const,
    id: r.id,
    kind: r.kind,
    label: INSPECTION_KIND_LABELS[r.kind],
    date: r.starts_on,
    title: r.title,
    status: r.status,
    ownerUnit: { id: r.owner_unit_id, name: r.owner_name },
    openFollowups: r.open_followups,
  }));
};
