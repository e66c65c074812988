/**
 * Reading accounts: the scoped list, one account, the row a command locks
 * before changing it, and the presenters (API shape, audit snapshot). A
 * password hash never leaves this file's queries.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Role } from '../../common/roles.ts';
import type { TUser, TUserListQuery } from '../../common/schemas/accounts.ts';
import { escapeLike, foldVietnamese } from '../../common/vn-text.ts';
import type { DB } from '../db/schema.ts';
import { pathColumnInScope, pathInScope, scopeOf, type Actor } from '../lib/context.ts';
import { latestUnitName } from '../lib/sql-text.ts';
import { assertUserAccess, canSeeUserSql, canWriteUserSql, userAbilities, userNotFound } from './user-policy.ts';
import { failedLoginsSql, lockedUntilSql } from './login-throttle.ts';

const USER_COLUMNS = [
  'u.id',
  'u.username',
  'u.full_name',
  'u.email',
  'u.status',
  'u.must_change_password',
  // The sign-in throttle of the account's name (login-throttle.ts), not the old per-account columns.
  failedLoginsSql(sql<string>`lower(u.username)`).as('failed_logins'),
  lockedUntilSql(sql<string>`lower(u.username)`).as('locked_until'),
  'u.last_login_at',
  'u.revision',
  'u.created_at',
] as const;

export interface UserRow {
  id: number;
  username: string;
  full_name: string;
  email: string | null;
  status: 'active' | 'disabled';
  must_change_password: boolean;
  failed_logins: number;
  locked_until: Date | null;
  last_login_at: Date | null;
  revision: number;
  created_at: Date;
}

interface GrantRow {
  id: number;
  user_id: number;
  role: Role;
  unit_id: number;
  path: string;
  unit_name: string;
}

const isLocked = (row: UserRow, now = Date.now()): boolean =>
  row.locked_until !== null && row.locked_until.getTime() > now;

/** Active grants of these users with each unit's current path and latest name. */
async function loadGrants(db: Kysely<DB>, userIds: number[]): Promise<Map<number, GrantRow[]>> {
  const byUser = new Map<number, GrantRow[]>();
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('role_grant as g')
    .innerJoin('org_unit as ou', 'ou.id', 'g.unit_id')
    .select([
      'g.id',
      'g.user_id',
      'g.role',
      'g.unit_id',
      sql<string>`ou.current_path::text`.as('path'),
      latestUnitName('g.unit_id').as('unit_name'),
    ])
    .where('g.user_id', 'in', userIds)
    .where('g.revoked_at', 'is', null)
    .orderBy('g.id')
    .execute();
  for (const row of rows) {
    const list = byUser.get(row.user_id) ?? [];
    list.push(row);
    byUser.set(row.user_id, list);
  }
  return byUser;
}

function presentUser(actor: Actor, row: UserRow & { writable: boolean }, grants: GrantRow[]): TUser {
  const readScope = scopeOf(actor, 'users.read');
  const shown = grants.filter((g) => pathInScope(readScope, g.unit_id, g.path));
  const locked = isLocked(row);
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    status: row.status,
    mustChangePassword: row.must_change_password,
    lockedUntil: locked ? row.locked_until!.toISOString() : null,
    failedLogins: row.failed_logins,
    lastLoginAt: row.last_login_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    revision: row.revision,
    grants: shown.map((g) => ({ id: g.id, role: g.role, unitId: g.unit_id, unitName: g.unit_name })),
    otherGrants: grants.length - shown.length,
    abilities: userAbilities(actor, { id: row.id, writable: row.writable, locked, failedLogins: row.failed_logins }),
  };
}

/** Users the actor may see, filtered and paged; ordered by username. */
export async function findUsers(db: Kysely<DB>, actor: Actor, query: TUserListQuery) {
  let base = db.selectFrom('app_user as u').where(canSeeUserSql(actor, sql.ref('u.id')));
  if (query.q) {
    const pattern = `%${escapeLike(foldVietnamese(query.q))}%`;
    base = base.where(
      sql<boolean>`(lower(u.username) like ${pattern} or lower(unaccent(u.full_name)) like ${pattern})`,
    );
  }
  if (query.status) base = base.where('u.status', '=', query.status);
  if (query.unitId !== undefined) {
    // A grant inside the chosen subtree that the actor may also see (so the filter reveals nothing more).
    const readScope = scopeOf(actor, 'users.read');
    base = base.where(sql<boolean>`exists (select 1 from role_grant fg join org_unit fu on fu.id = fg.unit_id
      where fg.user_id = u.id and fg.revoked_at is null
      and fu.current_path <@ (select f.current_path from org_unit f where f.id = ${query.unitId})
      and ${pathColumnInScope(readScope, sql.ref('fu.current_path'), sql.ref('fu.id'))})`);
  }
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select([...USER_COLUMNS, canWriteUserSql(actor, sql.ref('u.id')).as('writable')])
      .orderBy(sql`lower(u.username)`)
      .orderBy('u.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute(),
  ]);
  const grants = await loadGrants(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => presentUser(actor, r, grants.get(r.id) ?? [])),
    total: Number(total),
    page: query.page,
    pageSize: query.pageSize,
  };
}

async function loadUserView(db: Kysely<DB>, actor: Actor, id: number, mustBeVisible: boolean): Promise<TUser> {
  const row = await db
    .selectFrom('app_user as u')
    .select([
      ...USER_COLUMNS,
      canSeeUserSql(actor, sql.ref('u.id')).as('visible'),
      canWriteUserSql(actor, sql.ref('u.id')).as('writable'),
    ])
    .where('u.id', '=', id)
    .executeTakeFirst();
  if (!row || (mustBeVisible && !row.visible)) throw userNotFound(id);
  const grants = await loadGrants(db, [id]);
  return presentUser(actor, row, grants.get(id) ?? []);
}

/** One user the actor may see (404 otherwise). */
export function getUser(db: Kysely<DB>, actor: Actor, id: number): Promise<TUser> {
  return loadUserView(db, actor, id, true);
}

/**
 * The user as the actor now sees it, after a command the actor was allowed
 * to run (revoking a grant may take the user out of the actor's sight).
 */
export function getUserAfterWrite(db: Kysely<DB>, actor: Actor, id: number): Promise<TUser> {
  return loadUserView(db, actor, id, false);
}

export interface LockedUser extends UserRow {
  /** The unit of the user's first active grant: where the user's own audit events belong. */
  first_unit_id: number | null;
}

/** Load and lock a user for a change: 404 outside the read scope, 403 when not writable. */
export async function lockUserForWrite(trx: Transaction<DB>, actor: Actor, id: number): Promise<LockedUser> {
  const row = await trx
    .selectFrom('app_user as u')
    .select([
      ...USER_COLUMNS,
      canSeeUserSql(actor, sql.ref('u.id')).as('visible'),
      canWriteUserSql(actor, sql.ref('u.id')).as('writable'),
      sql<
        number | null
      >`(select g.unit_id from role_grant g where g.user_id = u.id and g.revoked_at is null order by g.id limit 1)`.as(
        'first_unit_id',
      ),
    ])
    .where('u.id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  assertUserAccess(row, id);
  const { visible: _visible, writable: _writable, ...user } = row!;
  return user;
}

/** Audit before/after of an account: never the password hash. */
export function snapshotUser(
  row: Pick<UserRow, 'id' | 'username' | 'full_name' | 'email' | 'status' | 'must_change_password' | 'revision'>,
) {
  return {
    username: row.username,
    fullName: row.full_name,
    email: row.email,
    status: row.status,
    mustChangePassword: row.must_change_password,
    // Not the sign-in throttle: it is not the account's state (and has its own audit events, login-throttle.ts).
    revision: row.revision,
  };
}

/** Columns a command reads back after its UPDATE (for the after-snapshot). */
export const RETURNING_USER = [
  'id',
  'username',
  'full_name',
  'email',
  'status',
  'must_change_password',
  'last_login_at',
  'revision',
  'created_at',
] as const;
