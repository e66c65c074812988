/**
 * Đổi mật khẩu — change one's own password. It must meet the policy (the
 * administrators' bar for a holder of any admin grant) and not repeat one of
 * the last five. Every other session of the user ends and every API token is
 * revoked; the session making the change stays signed in.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { requireActor, type RequestContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { assertStrongPassword, hashPassword, verifyPassword } from '../password.ts';
import { assertNotRecentlyUsed, rememberReplacedPassword } from '../password-history.ts';
import { auditRevokedTokens, revokeCredentials } from '../revoke-credentials.ts';

const invalidField = (field: string, message: string) => new AppError('VALIDATION', message, [{ field, message }]);

export async function changePassword(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const actor = requireActor(ctx);
  const user = await db
    .selectFrom('app_user')
    .select(['password_hash', 'username', 'full_name', 'email'])
    .where('id', '=', actor.userId)
    .executeTakeFirstOrThrow();
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw invalidField('currentPassword', 'Mật khẩu hiện tại không đúng.');
  }
  if (input.currentPassword === input.newPassword) {
    throw invalidField('newPassword', 'Mật khẩu mới phải khác mật khẩu hiện tại.');
  }
  const admin = actor.grants.some((g) => g.role === 'admin');
  await assertStrongPassword(
    input.newPassword,
    { username: user.username, fullName: user.full_name, email: user.email, admin },
    'newPassword',
  );
  await assertNotRecentlyUsed(db, actor.userId, input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const current = await trx
      .selectFrom('app_user')
      .select('password_hash')
      .where('id', '=', actor.userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await rememberReplacedPassword(trx, actor.userId, current.password_hash);
    await trx
      .updateTable('app_user')
      .set((eb) => ({
        password_hash: passwordHash,
        must_change_password: false,
        password_changed_at: new Date(),
        revision: eb('revision', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', actor.userId)
      .execute();
    const revoked = await revokeCredentials(trx, actor.userId, { keepSessionId: actor.sessionId });
    await audit({
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: actor.userId,
      unitId: null,
      summary: `${actor.fullName} đổi mật khẩu`,
      after: { otherSessionsEnded: revoked.sessions, tokensRevoked: revoked.tokens },
    });
    await auditRevokedTokens(
      audit,
      { id: actor.userId, username: actor.username },
      null,
      revoked,
      'vì chủ tài khoản đổi mật khẩu',
    );
  });
}
