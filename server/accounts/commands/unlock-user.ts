/**
 * Gỡ khóa tạm — clear the sign-in throttle of an account's name: the lock for everyone after repeated
 * failures and every address's back-off (../login-throttle.ts).
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { requireAbility, type RequestContext } from '../../lib/context.ts';
import { invalidState } from '../../lib/errors.ts';
import { clearNameThrottle, loginNameKey } from '../login-throttle.ts';
import { lockUserForWrite } from '../user-queries.ts';

export async function unlockUser(db: Kysely<DB>, ctx: RequestContext, userId: number): Promise<void> {
  const actor = requireAbility(ctx, 'users.write');
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const user = await lockUserForWrite(trx, actor, userId);
    // The account's own row does not change (its revision, which an editor may hold, stays as it is).
    const before = await clearNameThrottle(trx, loginNameKey(user.username));
    if (before.lockedUntil === null && before.failedLogins === 0) {
      throw invalidState(`Tài khoản ${user.username} không bị khóa tạm và không có lần đăng nhập sai nào gần đây.`);
    }
    await audit({
      action: 'user.unlocked',
      entityType: 'user',
      entityId: userId,
      unitId: user.first_unit_id,
      summary: `Gỡ khóa đăng nhập tạm thời cho tài khoản ${user.username} (${user.full_name})`,
      before: { lockedUntil: before.lockedUntil?.toISOString() ?? null, failedLogins: before.failedLogins },
      after: { lockedUntil: null, failedLogins: 0 },
    });
  });
}
