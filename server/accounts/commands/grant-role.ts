/** Cấp quyền — give a user a role on a unit. */
import type { Kysely, Transaction } from 'kysely';
import { ROLE_LABELS } from '../../../common/roles.ts';
import type { TGrantBody } from '../../../common/schemas/accounts.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction, type Audit } from '../../lib/audit.ts';
import { requireAbility, type Actor, type RequestContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { findUnitRef } from '../../org/unit-access.ts';
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
  user: { id: number; username: string },
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
  return id;
}

export async function grantRole(db: Kysely<DB>, ctx: RequestContext, userId: number, grant: TGrantBody): Promise<number> {
  const actor = requireAbility(ctx, 'users.write');
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const user = await lockUserForWrite(trx, actor, userId);
    return insertGrant(trx, audit, actor, user, grant, 'unitId');
  });
}
