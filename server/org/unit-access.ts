/** Loading one unit for an access check (current path and name), used by every area. */
import { sql, type Kysely } from 'kysely';
import type { Action } from '../../common/roles.ts';
import type { DB } from '../db/schema.ts';
import { assertUnitAccess, type Actor } from '../lib/context.ts';
import { notFound } from '../lib/errors.ts';

export interface UnitRef {
  id: number;
  path: string;
  name: string;
  endedOn: string | null;
}

/** The unit with its latest name (its current one, or the last it had if it has ended). */
export async function findUnitRef(db: Kysely<DB>, unitId: number): Promise<UnitRef | null> {
  const row = await db
    .selectFrom('org_unit as u')
    .innerJoin('org_unit_version as v', 'v.unit_id', 'u.id')
    .select(['u.id', sql<string>`u.current_path::text`.as('path'), 'v.name', 'u.ended_on'])
    .where('u.id', '=', unitId)
    .orderBy('v.valid_from', 'desc')
    .orderBy('v.id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, path: row.path, name: row.name, endedOn: row.ended_on } : null;
}

/**
 * Load a unit and check the actor may `read` it (404 otherwise) and, when
 * given, `write` it (403 otherwise).
 */
export async function loadUnitFor(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
  read: Action,
  write: Action | null = null,
): Promise<UnitRef> {
  const unit = await findUnitRef(db, unitId);
  if (!unit) throw notFound(`đơn vị có mã số ${unitId}`);
  assertUnitAccess(actor, unit, read, write, `đơn vị có mã số ${unitId}`);
  return unit;
}
