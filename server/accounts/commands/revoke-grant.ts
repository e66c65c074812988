/** Thu hồi quyền — end a grant. Grants are history: revoked, never deleted. */
import type { Kysely } from 'kysely';
import { ROLE_LABELS } from '../../../common/roles.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { requireAbility, type RequestContext } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import { findUnitRef } from '../../org/unit-access.ts';
import { lockUserForWrite } from '../user-queries.ts';
import { assertNotOwnLastAdminGrant } from '../user-policy.ts';

export async function revokeGrant(db: Kysely<DB>, ctx: RequestContext, userId: number, grantId: number): Promise<void> {
  const actor = requireAbility(ctx, 'users.write');
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const user = await lockUserForWrite(trx, actor, userId);
    const grant = await trx
      .selectFrom('role_grant')
      .select(['id', 'user_id', 'role', 'unit_id', 'granted_at'])
      .where('id', '=', grantId)
      .where('user_id', '=', user.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!grant) throw notFound(`vai trò có mã số ${grantId} của tài khoản ${user.username} (hoặc đã được thu hồi)`);
    const { others } = await trx
      .selectFrom('role_grant')
      .select((eb) => eb.fn.countAll<number>().as('others'))
      .where('user_id', '=', user.id)
      .where('role', '=', 'admin')
      .where('revoked_at', 'is', null)
      .where('id', '!=', grant.id)
      .executeTakeFirstOrThrow();
    assertNotOwnLastAdminGrant(actor, grant, Number(others));
    await trx
      .updateTable('role_grant')
      .set({ revoked_at: new Date(), revoked_by: actor.userId })
      .where('id', '=', grant.id)
      .execute();
    const unit = await findUnitRef(trx, grant.unit_id);
    const unitName = unit?.name ?? `đơn vị ${grant.unit_id}`;
    await audit({
      action: 'grant.revoked',
      entityType: 'user',
      entityId: user.id,
      unitId: grant.unit_id,
      summary: `Thu hồi vai trò "${ROLE_LABELS[grant.role]}" tại ${unitName} của ${user.username}`,
      before: {
        grantId: grant.id,
        role: grant.role,
        unitId: grant.unit_id,
        unitName,
        grantedAt: grant.granted_at.toISOString(),
      },
    });
  });
}
