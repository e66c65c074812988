/**
 * Ending what a user is signed in with. A password change, an administrator's
 * reset and disabling the account revoke every API token (a token made with
 * the old password must not outlive it) and end the sessions — for one's own
 * change, all but the session making it. Revoked stays revoked: enabling an
 * account again revives nothing.
 */
import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.ts';
import type { Audit } from '../lib/audit.ts';

export interface RevokedCredentials {
  sessions: number;
  tokens: number;
}

export async function revokeCredentials(
  trx: Transaction<DB>,
  userId: number,
  options: { keepSessionId?: string | null } = {},
): Promise<RevokedCredentials> {
  const now = new Date();
  let sessions = trx
    .updateTable('user_session')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (options.keepSessionId) sessions = sessions.where('id', '!=', options.keepSessionId);
  const ended = await sessions.returning('id').execute();
  const tokens = await trx
    .updateTable('api_token')
    .set({ revoked_at: now })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('id')
    .execute();
  return { sessions: ended.length, tokens: tokens.length };
}

/** The audit event for the tokens a change revoked (none when there were none). */
export async function auditRevokedTokens(
  audit: Audit,
  user: { id: number; username: string },
  unitId: number | null,
  revoked: RevokedCredentials,
  because: string,
): Promise<void> {
  if (revoked.tokens === 0) return;
  await audit({
    action: 'token.revoked_all',
    entityType: 'user',
    entityId: user.id,
    unitId,
    summary: `Thu hồi ${revoked.tokens} mã truy cập API của tài khoản ${user.username} ${because}`,
    after: revoked,
  });
}
