/** Shapes a unit for the API: its state as of a date, where it sits, what it came from and went into. */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../common/dates.ts';
import type { DB } from '../db/schema.ts';
import type { Actor } from '../lib/context.ts';
import { notFound } from '../lib/errors.ts';
import { canRestructure } from './policy.ts';
import { getAncestors, getLinks, getUnitSummary, presentSummary } from './queries.ts';

export async function presentUnitDetail(db: Kysely<DB>, actor: Actor, unitId: number, asOf: string) {
  const unit = await db
    .selectFrom('org_unit')
    .select(['id', 'created_on', 'ended_on', 'end_reason', 'revision', 'current_path'])
    .where('id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw notFound(`đơn vị có mã số ${unitId}`);
  // A unit asked about outside its lifetime is shown as it was on its last (or first) day.
  const date =
    asOf < unit.created_on ? unit.created_on : unit.ended_on && asOf >= unit.ended_on ? dayBefore(unit.ended_on) : asOf;
  const row = await getUnitSummary(db, unitId, date);
  if (!row) throw notFound(`đơn vị có mã số ${unitId} tại ngày ${formatDateVi(asOf)}`);
  const [ancestors, links] = await Promise.all([getAncestors(db, row.path, date), getLinks(db, unitId)]);
  return {
    ...presentSummary(row),
    asOf: date,
    createdOn: unit.created_on,
    endedOn: unit.ended_on,
    endReason: unit.end_reason,
    revision: unit.revision,
    ancestors,
    successors: links.successors,
    predecessors: links.predecessors,
    canWrite: !unit.ended_on && canRestructure(actor, { id: unitId, path: unit.current_path }),
  };
}

function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
