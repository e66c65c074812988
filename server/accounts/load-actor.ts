/** Loads a user and their active grants (with each unit's current path) in one query. */
import { sql, type Kysely } from 'kysely';
import type { Role } from '../../common/roles.ts';
import type { DB } from '../db/schema.ts';
import type { Actor, Grant } from '../lib/context.ts';

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
      sql<string | null>`(select v.name from org_unit_version v where v.unit_id = g.unit_id order by v.valid_from desc, v.id desc limit 1)`.as('unit_name'),
    ])
    .where('u.id', '=', userId)
    .execute();
  const first = rows[0];
  if (!first || first.status !== 'active') return null;
  const grants: Grant[] = rows
    .filter((r) => r.grant_id !== null && r.path !== null)
    .map((r) => ({ id: r.grant_id!, role: r.role as Role, unitId: r.unit_id!, unitName: r.unit_name ?? '', path: r.path! }));
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
