/** Shapes registry entries and what the current user may do, for the API (their timeline items: timeline.ts). */
import type { Kysely } from 'kysely';
import type { TEntryDetail, TEntrySummary } from '../../common/schemas/registry.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { approveReach, canApproveAt, canWriteUnit } from './policy.ts';
import {
  getEntryRef,
  getMonitors,
  getReplications,
  getSpans,
  type EntryDetailRow,
  type EntrySummaryRow,
} from './queries.ts';

export function presentSummary(r: EntrySummaryRow): TEntrySummary {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    status: r.status,
    ownerUnit: { id: r.owner_unit_id, name: r.owner_name },
    person: r.person_id !== null ? { id: r.person_id, name: r.person_name ?? '' } : null,
    position: r.position,
    field: { id: r.field_id, name: r.field_name },
    level: { id: r.level_id, name: r.level_name },
    planId: r.plan_id,
    startedOn: r.started_on,
    returnReason: r.return_reason,
    revision: r.revision,
  };
}

const ref = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

export async function presentDetail(
  db: Kysely<DB>,
  actor: Actor,
  row: EntryDetailRow,
  asOf: string,
): Promise<TEntryDetail> {
  const owner = { id: row.owner_unit_id, path: row.owner_path };
  const write = canWriteUnit(actor, owner);
  const approve = canApproveAt(await approveReach(db, actor), owner, row.level_rank);
  const [replications, monitors, spans, replicates, replacedBy] = await Promise.all([
    getReplications(db, actor, row.id, asOf),
    getMonitors(db, row.id),
    getSpans(db, row.id),
    getEntryRef(db, actor, row.replicates_id, true),
    getEntryRef(db, actor, row.replaced_by_id),
  ]);
  return {
    ...presentSummary(row),
    content: row.content,
    goals: row.goals,
    commitments: row.commitments,
    partyUnit: ref(row.party_unit_id, row.party_unit_name),
    responsibleUnit: ref(row.responsible_unit_id, row.responsible_unit_name),
    plan: row.plan_id !== null ? { id: row.plan_id, title: row.plan_title ?? '' } : null,
    criteriaSetId: row.criteria_set_id,
    replicates,
    replacedBy,
    replications: replications.map(presentSummary),
    monitors: monitors.map((m) => ({
      id: m.id,
      userId: m.user_id,
      userName: m.full_name,
      assignedOn: m.assigned_on,
      unassignedOn: m.unassigned_on,
      note: m.note,
    })),
    spans: spans.map((s) => ({
      level: { id: s.level_id, name: s.level_name },
      validFrom: s.valid_from,
      validTo: s.valid_to,
      began: s.began,
      ended: s.ended,
    })),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    can: {
      edit: write && (row.status === 'draft' || row.status === 'returned'),
      submit: write && (row.status === 'draft' || row.status === 'returned'),
      approve: approve && row.status === 'submitted',
      record: write,
      assign: approve,
    },
  };
}
