/**
 * Khóa / mở khóa tài khoản. Disabling signs the user out everywhere and
 * revokes every API token, so enabling the account again revives nothing:
 * the user signs in anew and makes new tokens.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { requireAbility, type RequestContext } from '../../lib/context.ts';
import { invalidState, staleRevision } from '../../lib/errors.ts';
import { auditRevokedTokens, revokeCredentials, type RevokedCredentials } from '../revoke-credentials.ts';
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
      throw invalidState(
        `Tài khoản ${before.username} ${input.status === 'disabled' ? 'đã bị khóa' : 'đang hoạt động'} từ trước.`,
      );
    }
    const after = await trx
      .updateTable('app_user')
      .set((eb) => ({ status: input.status, revision: eb('revision', '+', 1), updated_at: new Date() }))
      .where('id', '=', userId)
      .returning(RETURNING_USER)
      .executeTakeFirstOrThrow();
    const disabling = input.status === 'disabled';
    const revoked: RevokedCredentials | null = disabling ? await revokeCredentials(trx, userId) : null;
    await audit({
      action: disabling ? 'user.disabled' : 'user.enabled',
      entityType: 'user',
      entityId: userId,
      unitId: before.first_unit_id,
      summary: `${disabling ? 'Khóa' : 'Mở khóa'} tài khoản ${after.username} (${after.full_name})`,
      before: snapshotUser(before),
      after: revoked
        ? { ...snapshotUser(after), sessionsEnded: revoked.sessions, tokensRevoked: revoked.tokens }
        : snapshotUser(after),
    });
    if (revoked) await auditRevokedTokens(audit, after, before.first_unit_id, revoked, 'vì tài khoản bị khóa');
  });
}
