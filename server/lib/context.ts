/**
 * Who is acting, and what they may reach. Grants carry the granted unit's
 * current ltree path, so scoping is a path-prefix test in SQL.
 */
import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { ROLE_ACTIONS, ROLE_REACH, type Action, type Role } from '../../common/roles.ts';
import { AppError, forbidden, notFound } from './errors.ts';

export interface Grant {
  id: number;
  role: Role;
  unitId: number;
  unitName: string;
  /** Current ltree path of the granted unit. */
  path: string;
  /**
   * Read-only reach into the archive of a unit that ended and whose work the
   * granted unit took over (a split, a merge): role viewer on it, derived at
   * sign-in, never stored (accounts/load-actor.ts).
   */
  archive?: boolean;
}

export interface Actor {
  userId: number;
  username: string;
  fullName: string;
  via: 'session' | 'token';
  sessionId: string | null;
  mustChangePassword: boolean;
  grants: Grant[];
}

export interface RequestContext {
  actor: Actor | null;
  /** Set only for the system's own work (migrations, demo data, jobs): bypasses policies. */
  system?: boolean;
  requestId: string;
  ip: string;
}

export const systemContext: RequestContext = { actor: null, system: true, requestId: 'system', ip: '127.0.0.1' };

/** Where an actor may perform an action: everything, some subtrees, some single units. */
export interface Scope {
  all: boolean;
  paths: string[];
  unitIds: number[];
}

/** An admin grant on a root unit (path of one label) is a system administrator. */
export function isSystemAdmin(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'admin' && !g.path.includes('.'));
}

/** An auditor grant on a root unit: reads the whole audit log, as a system administrator would, and changes nothing. */
export function isSystemAuditor(actor: Actor): boolean {
  return actor.grants.some((g) => g.role === 'auditor' && !g.path.includes('.'));
}

export function scopeOf(actor: Actor, action: Action): Scope {
  if (isSystemAdmin(actor)) return { all: true, paths: [], unitIds: [] };
  // Including what belongs to no unit (sign-ins, API tokens, system jobs); only for reading the log.
  if (action === 'audit.read' && isSystemAuditor(actor)) return { all: true, paths: [], unitIds: [] };
  const scope: Scope = { all: false, paths: [], unitIds: [] };
  for (const grant of actor.grants) {
    if (!ROLE_ACTIONS[grant.role].includes(action)) continue;
    if (ROLE_REACH[grant.role] === 'subtree') scope.paths.push(grant.path);
    else scope.unitIds.push(grant.unitId);
  }
  return scope;
}

export function can(actor: Actor, action: Action): boolean {
  const scope = scopeOf(actor, action);
  return scope.all || scope.paths.length > 0 || scope.unitIds.length > 0;
}

export function isEmptyScope(scope: Scope): boolean {
  return !scope.all && scope.paths.length === 0 && scope.unitIds.length === 0;
}

/** Is a unit (its id and current path) inside the scope? For rows already loaded. */
export function pathInScope(scope: Scope, unitId: number, path: string): boolean {
  if (scope.all) return true;
  if (scope.unitIds.includes(unitId)) return true;
  return scope.paths.some((p) => path === p || path.startsWith(`${p}.`));
}

/**
 * SQL predicate: an ltree path column lies in the scope. Use with the path of
 * the row's unit (org_unit.current_path, or a version's path).
 */
export function pathColumnInScope(
  scope: Scope,
  pathColumn: Expression<unknown> | RawBuilder<unknown>,
  unitIdColumn: Expression<unknown> | RawBuilder<unknown>,
): RawBuilder<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  const parts: RawBuilder<SqlBool>[] = [];
  if (scope.paths.length > 0) {
    // One `<@` per path (not `<@ array[...]`), so the planner can use the GiST index on the path.
    for (const p of scope.paths) parts.push(sql<SqlBool>`${pathColumn} <@ ${p}::ltree`);
  }
  if (scope.unitIds.length > 0) {
    parts.push(sql<SqlBool>`${unitIdColumn} in (${sql.join(scope.unitIds)})`);
  }
  if (parts.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

/**
 * SQL predicate: the unit whose id is in `unitIdColumn` lies in the scope
 * (judged by the unit's current path).
 */
export function unitInScope(
  scope: Scope,
  unitIdColumn: Expression<unknown> | RawBuilder<unknown>,
): RawBuilder<SqlBool> {
  if (scope.all) return sql<SqlBool>`true`;
  if (isEmptyScope(scope)) return sql<SqlBool>`false`;
  return sql<SqlBool>`exists (select 1 from org_unit scope_u where scope_u.id = ${unitIdColumn} and ${pathColumnInScope(
    scope,
    sql.ref('scope_u.current_path'),
    sql.ref('scope_u.id'),
  )})`;
}

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập để tiếp tục.');
  return ctx.actor;
}

/** The actor must hold the action somewhere; otherwise 403. */
export function requireAbility(ctx: RequestContext, action: Action): Actor {
  const actor = requireActor(ctx);
  if (!can(actor, action)) throw forbidden();
  return actor;
}

/**
 * Guard for one object: outside the read scope it does not exist (404);
 * readable but not writable is 403.
 */
export function assertUnitAccess(
  actor: Actor,
  unit: { id: number; path: string },
  read: Action,
  write: Action | null,
  what: string,
): void {
  if (!pathInScope(scopeOf(actor, read), unit.id, unit.path)) throw notFound(what);
  if (write && !pathInScope(scopeOf(actor, write), unit.id, unit.path)) throw forbidden();
}
