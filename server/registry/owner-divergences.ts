/**
 * Đối chiếu đơn vị quản lý: exemplars on the list whose person belongs today to another unit than the entry's
 * owner. Since restructuring carries entries with their people, a difference comes from data entered before that
 * (or a person moved by hand); the repair records a dated change of owner to the person's unit.
 *
 * One set-based query, scoped in SQL to the entries the actor may read (registry.read on the owner unit). Only
 * people still working (status active) in a unit that has not ended count: a person who left is a matter for the
 * entry's own life events (removal, transfer), and a unit that ended cannot receive an entry.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { scopeOf, unitInScope, type Actor } from '../lib/context.ts';
import { latestUnitName } from '../lib/sql-text.ts';
import { approveReach, canApproveAt, canWriteUnit } from './policy.ts';

export interface OwnerDivergenceRow {
  entryId: number;
  entryName: string;
  levelId: number;
  levelName: string;
  levelRank: number;
  ownerUnitId: number;
  ownerName: string;
  ownerPath: string;
  personId: number;
  personName: string;
  personUnitId: number;
  personUnitName: string;
  personUnitPath: string;
}

export interface OwnerDivergence extends OwnerDivergenceRow {
  /** The actor may approve the entry at its level and write in the person's unit. */
  canRepair: boolean;
}

function divergenceQuery(db: Kysely<DB>, actor: Actor) {
  return db
    .selectFrom('registry_entry as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .innerJoin('org_unit as ou', 'ou.id', 'e.owner_unit_id')
    .innerJoin('org_unit as pu', 'pu.id', 'p.unit_id')
    .innerJoin('org_level as l', 'l.id', 'e.level_id')
    .where('e.kind', '=', 'exemplar')
    .where('e.status', '=', 'active')
    .where('p.status', '=', 'active')
    .where('pu.ended_on', 'is', null)
    .whereRef('p.unit_id', '<>', 'e.owner_unit_id')
    .where(unitInScope(scopeOf(actor, 'registry.read'), sql.ref('e.owner_unit_id')));
}

/** The exemplars whose person belongs to another unit, in the actor's read scope, by entry name (a page of them). */
export async function ownerDivergences(
  db: Kysely<DB>,
  actor: Actor,
  page: { page: number; pageSize: number } = { page: 1, pageSize: 500 },
  onlyEntryIds?: number[],
): Promise<{ items: OwnerDivergence[]; total: number }> {
  let base = divergenceQuery(db, actor);
  if (onlyEntryIds) base = base.where('e.id', 'in', onlyEntryIds.length > 0 ? onlyEntryIds : [0]);
  const [rows, count, reach] = await Promise.all([
    base
      .select([
        'e.id as entryId',
        'e.name as entryName',
        'l.id as levelId',
        'l.name as levelName',
        'l.rank as levelRank',
        'e.owner_unit_id as ownerUnitId',
        latestUnitName('e.owner_unit_id').as('ownerName'),
        sql<string>`ou.current_path::text`.as('ownerPath'),
        'p.id as personId',
        'p.full_name as personName',
        'p.unit_id as personUnitId',
        latestUnitName('p.unit_id').as('personUnitName'),
        sql<string>`pu.current_path::text`.as('personUnitPath'),
      ])
      .orderBy('e.sort_key')
      .orderBy('e.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    approveReach(db, actor),
  ]);
  const items = rows.map((r) => ({
    ...r,
    canRepair:
      canApproveAt(reach, { id: r.ownerUnitId, path: r.ownerPath }, r.levelRank) &&
      canWriteUnit(actor, { id: r.personUnitId, path: r.personUnitPath }),
  }));
  return { items, total: Number(count.n) };
}
