/** Loads a user and their active grants (with each unit's current path) in one query. */
import { sql, type Kysely } from 'kysely';
import { ROLE_ACTIONS, ROLE_REACH, type Role } from '../../common/roles.ts';
import type { DB } from '../db/schema.ts';
import type { Actor, Grant } from '../lib/context.ts';
import { latestUnitName } from '../lib/sql-text.ts';

/**
 * The archives a user inherits: every unit that ENDED and whose work passed,
 * directly or through a chain of splits and merges, to a unit the user holds
 * a subtree-wide grant on, read-only (role viewer on the ended unit). What
 * still lives moved to the successors; what stays under the ended unit is its
 * history — the bloc split in 2025 and the banks' organisations that left it
 * in 2022 — which its successors' staff must still read and report on.
 */
async function archiveGrants(db: Kysely<DB>, grants: Grant[]): Promise<Grant[]> {
  // Only grants that read the registry inherit archives (an auditor's grant reads the audit log, not records).
  const from = grants.filter((g) => ROLE_REACH[g.role] === 'subtree' && ROLE_ACTIONS[g.role].includes('registry.read'));
  // A system administrator (admin on a root unit) reads everything already.
  if (from.length === 0 || grants.some((g) => g.role === 'admin' && !g.path.includes('.'))) return [];
  const rows = await sql<{ id: number; path: string; name: string; via: number }>`
    with recursive pred(unit_id, via) as (
      select s.predecessor_id, s.successor_id from org_unit_successor s where s.successor_id in (${sql.join(from.map((g) => g.unitId))})
      union
      select s.predecessor_id, p.via from org_unit_successor s join pred p on s.successor_id = p.unit_id
    )
    select distinct on (u.id) u.id, u.current_path::text as path, p.via,
      ${latestUnitName('u.id')} as name
    from pred p join org_unit u on u.id = p.unit_id
    where u.ended_on is not null
    order by u.id, p.via`.execute(db);
  const grantOf = new Map(from.map((g) => [g.unitId, g]));
  return rows.rows.map((r) => ({
    id: grantOf.get(r.via)?.id ?? 0,
    role: 'viewer',
    unitId: r.id,
    unitName: r.name ?? '',
    path: r.path,
    archive: true,
  }));
}

export async function loadActor(
  db: Kysely<DB>,
  userId: number,
  via: Actor['via'],
  sessionId: string | null,
): Promise<Actor | null> {
  const rows = await db
    .selectFrom('app_user as u')
    .leftJoin('role_grant as g', (join) => join.onRef('g.user_id', '=', 'u.id').on('g.revoked_at', 'is', null))
    .leftJoin('org_unit as ou', 'ou.id', 'g.unit_id')
    .select([
      'u.id',
      'u.username',
      'u.full_name',
      'u.status',
      'u.must_change_password',
      'g.id as grant_id',
      'g.role',
      'g.unit_id',
      sql<string | null>`ou.current_path::text`.as('path'),
      latestUnitName('g.unit_id').$castTo<string | null>().as('unit_name'),
      // Whether the granted unit took over another's work: only then are its archives looked up (a second query).
      sql<boolean>`exists (select 1 from org_unit_successor s where s.successor_id = g.unit_id)`.as('succeeds'),
    ])
    .where('u.id', '=', userId)
    .execute();
  const first = rows[0];
  if (!first || first.status !== 'active') return null;
  const grants: Grant[] = rows
    .filter((r) => r.grant_id !== null && r.path !== null)
    .map((r) => ({
      id: r.grant_id!,
      role: r.role as Role,
      unitId: r.unit_id!,
      unitName: r.unit_name ?? '',
      path: r.path!,
    }));
  if (rows.some((r) => r.succeeds)) grants.push(...(await archiveGrants(db, grants)));
  return {
    userId: first.id,
    username: first.username,
    fullName: first.full_name,
    via,
    sessionId,
    mustChangePassword: first.must_change_password,
    grants,
  };
}
