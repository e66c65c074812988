/**
 * Đặt lại mật khẩu — an administrator sets a new password: the user must
 * change it at next sign-in, every session ends, every API token is revoked
 * and the name's sign-in throttle is cleared (../login-throttle.ts). The password meets the policy for the account
 * (the administrators' bar when it holds an admin grant) and repeats none of
 * its last five. Resetting an administrator's password notifies every system
 * administrator (one administrator alone could otherwise take over another's
 * account unseen). Not for one's own account: that is "Đổi mật khẩu", which
 * asks for the current password.
 */
import type { Kysely } from 'kysely';
import { loadPasswordEstimator } from '../../../common/password-policy.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { requireAbility, type RequestContext } from '../../lib/context.ts';
import { notifySystemAdmins } from '../../notifications/notify-admins.ts';
import { holdsAdminGrant } from '../admin-grants.ts';
import { clearNameThrottle, loginNameKey } from '../login-throttle.ts';
import { assertStrongPassword, hashPassword } from '../password.ts';
import { assertNotRecentlyUsed, rememberReplacedPassword } from '../password-history.ts';
import { auditRevokedTokens, revokeCredentials } from '../revoke-credentials.ts';
import { lockUserForWrite, RETURNING_USER, snapshotUser } from '../user-queries.ts';
import { assertNotSelf } from '../user-policy.ts';

export async function resetPassword(
  db: Kysely<DB>,
  ctx: RequestContext,
  userId: number,
  input: { newPassword: string },
): Promise<void> {
  const actor = requireAbility(ctx, 'users.write');
  assertNotSelf(actor, userId, 'Để đổi mật khẩu của chính mình, hãy dùng chức năng "Đổi mật khẩu".');
  // The dictionaries load once (≈0.5–2 s); not while the account's row is locked.
  await loadPasswordEstimator();
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockUserForWrite(trx, actor, userId);
    const admin = await holdsAdminGrant(trx, userId);
    await assertStrongPassword(
      input.newPassword,
      { username: before.username, fullName: before.full_name, email: before.email, admin },
      'newPassword',
    );
    await assertNotRecentlyUsed(trx, userId, input.newPassword, 'newPassword');
    const [passwordHash, current] = await Promise.all([
      hashPassword(input.newPassword),
      trx.selectFrom('app_user').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow(),
    ]);
    await rememberReplacedPassword(trx, userId, current.password_hash);
    // A user locked out by failed sign-ins (often why the reset was asked for) can sign in with the new password.
    await clearNameThrottle(trx, loginNameKey(before.username));
    const now = new Date();
    const after = await trx
      .updateTable('app_user')
      .set((eb) => ({
        password_hash: passwordHash,
        must_change_password: true,
        password_changed_at: now,
        revision: eb('revision', '+', 1),
        updated_at: now,
      }))
      .where('id', '=', userId)
      .returning(RETURNING_USER)
      .executeTakeFirstOrThrow();
    const revoked = await revokeCredentials(trx, userId);
    await audit({
      action: 'user.password_reset',
      entityType: 'user',
      entityId: userId,
      unitId: before.first_unit_id,
      summary: `Đặt lại mật khẩu cho tài khoản ${after.username} (${after.full_name})${admin ? ' — tài khoản quản trị' : ''}`,
      before: snapshotUser(before),
      after: { ...snapshotUser(after), sessionsEnded: revoked.sessions, tokensRevoked: revoked.tokens },
    });
    await auditRevokedTokens(audit, after, before.first_unit_id, revoked, 'vì mật khẩu được đặt lại');
    if (admin) {
      await notifySystemAdmins(trx, {
        kind: 'security.admin_password_reset',
        title: `Mật khẩu của quản trị viên ${after.full_name} vừa được đặt lại`,
        body:
          `${actor.fullName} (${actor.username}) đã đặt lại mật khẩu của tài khoản quản trị ${after.username} (${after.full_name}). ` +
          'Nếu việc này không được thống nhất trước, hãy kiểm tra ngay trong Nhật ký thao tác và khóa tài khoản nếu cần.',
        link: '/nhat-ky',
      });
    }
  });
}
