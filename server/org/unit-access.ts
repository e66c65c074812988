/** Loading one unit for an access check (current path and name), used by every area. */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Action } from '../../common/roles.ts';
import type { DB } from '../db/schema.ts';
import { assertUnitAccess, pathInScope, scopeOf, unitInScope, type Actor, type Scope } from '../lib/context.ts';
import { AppError, forbidden, notFound } from '../lib/errors.ts';

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

/**
 * SQL: the unit in the column is in the scope, or it has ended and a unit
 * that took over its work (org_unit_successor: a split, a merge) is — so the
 * staff of the 2025 successors keep the records of the bloc that ended.
 */
export function unitOrSuccessorInScope(
  scope: Scope,
  unitIdColumn: Expression<unknown> | RawBuilder<unknown>,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${unitInScope(scope, unitIdColumn)} or exists (select 1 from org_unit_successor us where us.predecessor_id = ${unitIdColumn} and ${unitInScope(
    scope,
    sql.ref('us.successor_id'),
  )}))`;
}

/**
 * loadUnitFor, and for a unit that has ended: the access of a unit that took
 * over its work. Read is 404 and write 403 as usual.
 */
export async function loadUnitOrPredecessorFor(
  db: Kysely<DB>,
  actor: Actor,
  unitId: number,
  read: Action,
  write: Action | null = null,
): Promise<UnitRef> {
  try {
    return await loadUnitFor(db, actor, unitId, read, write);
  } catch (error) {
    if (!(error instanceof AppError) || (error.code !== 'NOT_FOUND' && error.code !== 'FORBIDDEN')) throw error;
    const unit = await findUnitRef(db, unitId);
    if (!unit?.endedOn) throw error;
    const successors = await db
      .selectFrom('org_unit_successor as us')
      .innerJoin('org_unit as u', 'u.id', 'us.successor_id')
      .select(['u.id', sql<string>`u.current_path::text`.as('path')])
      .where('us.predecessor_id', '=', unitId)
      .execute();
    const allowed = (action: Action) => successors.some((s) => pathInScope(scopeOf(actor, action), s.id, s.path));
    if (!allowed(read)) throw error;
    if (write && !allowed(write) && !pathInScope(scopeOf(actor, write), unit.id, unit.path)) throw forbidden();
    return unit;
  }
}
