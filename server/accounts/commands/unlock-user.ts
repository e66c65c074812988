/** Gỡ khóa tạm — clear a sign-in lockout and the count of failed attempts. */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { requireAbility, type RequestContext } from '../../lib/context.ts';
import { invalidState } from '../../lib/errors.ts';
import { lockUserForWrite, RETURNING_USER, snapshotUser } from '../user-queries.ts';

export async function unlockUser(db: Kysely<DB>, ctx: RequestContext, userId: number): Promise<void> {
  const actor = requireAbility(ctx, 'users.write');
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockUserForWrite(trx, actor, userId);
    const locked = before.locked_until !== null && before.locked_until.getTime() > Date.now();
    if (!locked && before.failed_logins === 0) throw invalidState(`Tài khoản ${before.username} không bị khóa tạm.`);
    // Like sign-in's own lockout bookkeeping, this does not bump the revision an editor holds.
    const after = await trx
      .updateTable('app_user')
      .set({ failed_logins: 0, locked_until: null, updated_at: new Date() })
      .where('id', '=', userId)
      .returning(RETURNING_USER)
      .executeTakeFirstOrThrow();
    await audit({
      action: 'user.unlocked',
      entityType: 'user',
      entityId: userId,
      unitId: before.first_unit_id,
      summary: `Gỡ khóa đăng nhập tạm thời cho tài khoản ${after.username} (${after.full_name})`,
      before: snapshotUser(before),
      after: snapshotUser(after),
    });
  });
}
