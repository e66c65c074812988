/**
 * Who may see and manage accounts (tài khoản) — the one place these rules live.
 *
 * - Read ('users.read'): a user is visible when they hold at least one active
 *   grant on a unit inside the actor's scope. A system administrator sees
 *   everyone, including users without any grant.
 * - Write ('users.write'): every active grant of the user must lie inside the
 *   actor's users.write scope, so a subtree admin cannot take over an account
 *   that also holds power elsewhere. Users without grants: system admin only.
 * - Granting: the unit must lie inside the actor's users.write scope (404 when
 *   the actor cannot even read the unit, 403 when readable but not writable);
 *   only a system admin grants 'admin' on a root unit.
 * - Self-protection: nobody disables themselves, resets their own password
 *   here (they use "Đổi mật khẩu", which asks for the current one) or revokes
 *   their own last admin grant.
 *
 * Outside the read scope an account does not exist (404); readable but not
 * writable is 403. Scoping is SQL (see the *Sql predicates), never a filter
 * over everything loaded.
 */
import { sql, type Expression, type RawBuilder } from 'kysely';
import { ROLE_LABELS, type Role } from '../../common/roles.ts';
import type { TUser } from '../../common/schemas/accounts.ts';
import {
  isEmptyScope,
  isSystemAdmin,
  pathColumnInScope,
  pathInScope,
  scopeOf,
  type Actor,
  type Scope,
} from '../lib/context.ts';
import { AppError, forbidden, invalid, notFound } from '../lib/errors.ts';
import type { UnitRef } from '../org/unit-access.ts';

type SqlExpr = Expression<unknown> | RawBuilder<unknown>;

/** SQL: the user in `userId` holds an active grant on a unit inside `scope` (scope.all: every user). */
export function userReachableSql(scope: Scope, userId: SqlExpr): RawBuilder<boolean> {
  if (scope.all) return sql<boolean>`true`;
  if (isEmptyScope(scope)) return sql<boolean>`false`;
  return sql<boolean>`exists (select 1 from role_grant rg join org_unit ru on ru.id = rg.unit_id
    where rg.user_id = ${userId} and rg.revoked_at is null
    and ${pathColumnInScope(scope, sql.ref('ru.current_path'), sql.ref('ru.id'))})`;
}

/** SQL: the actor may see the user. */
export function canSeeUserSql(actor: Actor, userId: SqlExpr): RawBuilder<boolean> {
  return userReachableSql(scopeOf(actor, 'users.read'), userId);
}

/** SQL: the actor may change the user (all the user's active grants inside the users.write scope). */
export function canWriteUserSql(actor: Actor, userId: SqlExpr): RawBuilder<boolean> {
  const scope = scopeOf(actor, 'users.write');
  if (scope.all) return sql<boolean>`true`;
  if (isEmptyScope(scope)) return sql<boolean>`false`;
  return sql<boolean>`(exists (select 1 from role_grant wg where wg.user_id = ${userId} and wg.revoked_at is null)
    and not exists (select 1 from role_grant wg join org_unit wu on wu.id = wg.unit_id
      where wg.user_id = ${userId} and wg.revoked_at is null
      and not ${pathColumnInScope(scope, sql.ref('wu.current_path'), sql.ref('wu.id'))}))`;
}

export const userNotFound = (id: number): AppError => notFound(`tài khoản có mã số ${id}`);

/** Guard after loading a user with the two predicates above. */
export function assertUserAccess(
  user: { id: number; visible: boolean; writable: boolean } | undefined,
  id: number,
): void {
  if (!user || !user.visible) throw userNotFound(id);
  if (!user.writable) {
    throw forbidden(
      'Bạn không có quyền sửa tài khoản này: tài khoản còn có vai trò tại đơn vị ngoài phạm vi bạn quản trị.',
    );
  }
}

export function assertNotSelf(actor: Actor, userId: number, message: string): void {
  if (actor.userId === userId) throw forbidden(message);
}

/** Guard: the actor is not revoking their own last admin grant (`otherAdminGrants`: their other active ones). */
export function assertNotOwnLastAdminGrant(
  actor: Actor,
  grant: { user_id: number; role: Role },
  otherAdminGrants: number,
): void {
  if (grant.user_id === actor.userId && grant.role === 'admin' && otherAdminGrants === 0) {
    throw forbidden('Bạn không thể thu hồi vai trò quản trị cuối cùng của chính mình; hãy nhờ một quản trị viên khác.');
  }
}

/**
 * May the actor grant `role` on `unit`? `field` names the request field for
 * the messages (e.g. "unitId" or "grants.1.unitId").
 */
export function assertCanGrantOn(
  actor: Actor,
  unitId: number,
  unit: UnitRef | null,
  role: Role,
  field: string,
): asserts unit is UnitRef {
  const message = `Không tìm thấy đơn vị có mã số ${unitId}.`;
  if (!unit || !pathInScope(scopeOf(actor, 'org.read'), unit.id, unit.path)) {
    throw new AppError('NOT_FOUND', message, [{ field, message }]);
  }
  if (!pathInScope(scopeOf(actor, 'users.write'), unit.id, unit.path)) {
    throw forbidden(`Bạn không có quyền cấp vai trò tại "${unit.name}": đơn vị này nằm ngoài phạm vi bạn quản trị.`);
  }
  if (role === 'admin' && !unit.path.includes('.') && !isSystemAdmin(actor)) {
    throw forbidden(`Chỉ quản trị hệ thống được cấp vai trò "${ROLE_LABELS.admin}" tại đơn vị gốc "${unit.name}".`);
  }
  if (unit.endedOn)
    throw invalid(field, `Đơn vị "${unit.name}" đã kết thúc hoạt động; không thể cấp vai trò tại đơn vị này.`);
}

/** What the actor may do to a user they can see; sent to the web app with the user. */
export function userAbilities(
  actor: Actor,
  user: { id: number; writable: boolean; locked: boolean; failedLogins: number },
): TUser['abilities'] {
  const write = user.writable;
  const self = actor.userId === user.id;
  return {
    update: write,
    setStatus: write && !self,
    resetPassword: write && !self,
    unlock: write && (user.locked || user.failedLogins > 0),
    grant: write,
  };
}
