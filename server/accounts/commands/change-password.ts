import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { requireActor, type RequestContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { assertPasswordPolicy, hashPassword, verifyPassword } from '../password.ts';

/** Change one's own password; every other session of the user is signed out. */
export async function changePassword(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = requireActor(ctx);
  const user = await db.selectFrom('app_user').select(['password_hash', 'username']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError('VALIDATION', 'Mật khẩu hiện tại không đúng.', [{ field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' }]);
  }
  assertPasswordPolicy(input.newPassword, 'newPassword', user.username);
  if (input.currentPassword === input.newPassword) {
    throw new AppError('VALIDATION', 'Mật khẩu mới phải khác mật khẩu hiện tại.', [{ field: 'newPassword', message: 'Mật khẩu mới phải khác mật khẩu hiện tại.' }]);
  }
  const passwordHash = await hashPassword(input.newPassword);
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    await trx
      .updateTable('app_user')
      .set((eb) => ({ password_hash: passwordHash, must_change_password: false, password_changed_at: new Date(), revision: eb('revision', '+', 1), updated_at: new Date() }))
      .where('id', '=', actor.userId)
      .execute();
    let others = trx.updateTable('user_session').set({ revoked_at: new Date() }).where('user_id', '=', actor.userId).where('revoked_at', 'is', null);
    if (actor.sessionId) others = others.where('id', '!=', actor.sessionId);
    await others.execute();
    await audit({ action: 'auth.password_changed', entityType: 'user', entityId: actor.userId, unitId: null, summary: `${actor.fullName} đổi mật khẩu` });
  });
}
