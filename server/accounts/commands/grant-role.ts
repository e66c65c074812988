/**
 * Cấp quyền — give a user a role on a unit. An admin grant notifies every
 * system administrator in the same transaction (one administrator alone can
 * make another: the others must learn of it). A user's FIRST admin grant also
 * requires a new password at the next request: theirs was only held to the
 * ordinary bar, and administrators' passwords must meet the higher one.
 */
import type { Kysely, Transaction } from 'kysely';
import { ROLE_LABELS } from '../../../common/roles.ts';
import type { TGrantBody } from '../../../common/schemas/accounts.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction, type Audit } from '../../lib/audit.ts';
import { requireAbility, type Actor, type RequestContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { notifySystemAdmins } from '../../notifications/notify-admins.ts';
import { findUnitRef } from '../../org/unit-access.ts';
import { holdsAdminGrant } from '../admin-grants.ts';
import { lockUserForWrite } from '../user-queries.ts';
import { assertCanGrantOn } from '../user-policy.ts';

/**
 * Insert one grant inside an open transaction after checking the unit and
 * the role (used by create-user too). `field` names the request field.
 */
export async function insertGrant(
  trx: Transaction<DB>,
  audit: Audit,
  actor: Actor,
  user: { id: number; username: string; full_name: string },
  grant: TGrantBody,
  field: string,
): Promise<number> {
  const unit = await findUnitRef(trx, grant.unitId);
  assertCanGrantOn(actor, grant.unitId, unit, grant.role, field);
  const label = ROLE_LABELS[grant.role];
  const existing = await trx
    .selectFrom('role_grant')
    .select('id')
    .where('user_id', '=', user.id)
    .where('role', '=', grant.role)
    .where('unit_id', '=', unit.id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (existing) {
    const message = `Tài khoản ${user.username} đã có vai trò "${label}" tại "${unit.name}".`;
    throw new AppError('DUPLICATE', message, [{ field, message }]);
  }
  const { id } = await trx
    .insertInto('role_grant')
    .values({ user_id: user.id, role: grant.role, unit_id: unit.id, granted_by: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit({
    action: 'grant.created',
    entityType: 'user',
    entityId: user.id,
    unitId: unit.id,
    summary: `Cấp vai trò "${label}" tại ${unit.name} cho ${user.username}`,
    after: { grantId: id, role: grant.role, unitId: unit.id, unitName: unit.name },
  });
  if (grant.role === 'admin') {
    await notifySystemAdmins(trx, {
      kind: 'security.admin_granted',
      title: `${user.full_name} vừa được cấp vai trò quản trị`,
      body:
        `${actor.fullName} (${actor.username}) đã cấp vai trò "${label}" tại ${unit.name} cho tài khoản ${user.username} (${user.full_name}). ` +
        'Nếu việc này không được thống nhất trước, hãy kiểm tra ngay trong Nhật ký thao tác và thu hồi vai trò nếu cần.',
      link: '/nhat-ky',
    });
  }
  return id;
}

export async function grantRole(
  db: Kysely<DB>,
  ctx: RequestContext,
  userId: number,
  grant: TGrantBody,
): Promise<number> {
  const actor = requireAbility(ctx, 'users.write');
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const user = await lockUserForWrite(trx, actor, userId);
    const firstAdminGrant = grant.role === 'admin' && !(await holdsAdminGrant(trx, user.id));
    const id = await insertGrant(trx, audit, actor, user, grant, 'unitId');
    if (firstAdminGrant && !user.must_change_password) {
      // Not a revision bump: like sign-in bookkeeping, it must not stale the form an editor holds.
      await trx
        .updateTable('app_user')
        .set({ must_change_password: true, updated_at: new Date() })
        .where('id', '=', user.id)
        .execute();
      await audit({
        action: 'user.password_change_required',
        entityType: 'user',
        entityId: user.id,
        unitId: grant.unitId,
        summary: `Tài khoản ${user.username} phải đặt mật khẩu mới theo chuẩn của quản trị viên (vừa được cấp vai trò quản trị)`,
        before: { mustChangePassword: false },
        after: { mustChangePassword: true },
      });
    }
    return id;
  });
}
