/**
 * Đặt lại mật khẩu — an administrator sets a new password: the user must
 * change it at next sign-in, every session ends and any lockout is cleared.
 * Not for one's own account: that is "Đổi mật khẩu", which asks for the
 * current password.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { requireAbility, type RequestContext } from '../../lib/context.ts';
import { assertPasswordPolicy, hashPassword } from '../password.ts';
import { lockUserForWrite, RETURNING_USER, snapshotUser } from '../user-queries.ts';
import { assertNotSelf } from '../user-policy.ts';

export async function resetPassword(db: Kysely<DB>, ctx: RequestContext, userId: number, input: { newPassword: string }): Promise<void> {
  const actor = requireAbility(ctx, 'users.write');
  assertNotSelf(actor, userId, 'Để đổi mật khẩu của chính mình, hãy dùng chức năng "Đổi mật khẩu".');
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockUserForWrite(trx, actor, userId);
    assertPasswordPolicy(input.newPassword, 'newPassword', before.username);
    const passwordHash = await hashPassword(input.newPassword);
    const now = new Date();
    const after = await trx
      .updateTable('app_user')
      .set((eb) => ({
        password_hash: passwordHash,
        must_change_password: true,
        password_changed_at: now,
        failed_logins: 0,
        locked_until: null,
        revision: eb('revision', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', userId)
      .returning(RETURNING_USER)
      .executeTakeFirstOrThrow();
    await trx.updateTable('user_session').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    await audit({
      action: 'user.password_reset',
      entityType: 'user',
      entityId: userId,
      unitId: before.first_unit_id,
      summary: `Đặt lại mật khẩu cho tài khoản ${after.username} (${after.full_name})`,
      before: snapshotUser(before),
      after: snapshotUser(after),
    });
  });
}
