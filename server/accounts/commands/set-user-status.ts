/**
 * Khóa / mở khóa tài khoản. Disabling signs the user out everywhere (their
 * sessions are revoked); their API tokens stop working while the account is
 * disabled (load-actor refuses disabled users) and work again once enabled.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { requireAbility, type RequestContext } from '../../lib/context.ts';
import { invalidState, staleRevision } from '../../lib/errors.ts';
import { lockUserForWrite, RETURNING_USER, snapshotUser } from '../user-queries.ts';
import { assertNotSelf } from '../user-policy.ts';

export async function setUserStatus(
  db: Kysely<DB>,
  ctx: RequestContext,
  userId: number,
  input: { status: 'active' | 'disabled'; revision: number },
): Promise<void> {
  const actor = requireAbility(ctx, 'users.write');
  assertNotSelf(actor, userId, 'Bạn không thể tự khóa hoặc mở khóa tài khoản của chính mình.');
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockUserForWrite(trx, actor, userId);
    if (before.revision !== input.revision) throw staleRevision(`Tài khoản ${before.username}`);
    if (before.status === input.status) {
      throw invalidState(`Tài khoản ${before.username} ${input.status === 'disabled' ? 'đã bị khóa' : 'đang hoạt động'} từ trước.`);
    }
    const after = await trx
      .updateTable('app_user')
      .set((eb) => ({ status: input.status, revision: eb('revision', '+', 1), updated_at: new Date() }))
      .where('id', '=', userId)
      .returning(RETURNING_USER)
      .executeTakeFirstOrThrow();
    const disabling = input.status === 'disabled';
    if (disabling) {
      await trx.updateTable('user_session').set({ revoked_at: new Date() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
    }
    await audit({
      action: disabling ? 'user.disabled' : 'user.enabled',
      entityType: 'user',
      entityId: userId,
      unitId: before.first_unit_id,
      summary: `${disabling ? 'Khóa' : 'Mở khóa'} tài khoản ${after.username} (${after.full_name})`,
      before: snapshotUser(before),
      after: snapshotUser(after),
    });
  });
}
