/**
 * No reuse of the last PASSWORD_POLICY.history passwords: the current hash
 * (app_user.password_hash) and the ones it replaced (password_history, newest
 * kept, older pruned), each checked with argon2 — they are salted, so equality
 * of hashes says nothing.
 */
import type { Kysely, Transaction } from 'kysely';
import { PASSWORD_POLICY } from '../../common/password-policy.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../lib/errors.ts';
import { verifyPassword } from './password.ts';

/** The hashes a new password may not match: the current one first, then the replaced ones, newest first. */
async function recentHashes(db: Kysely<DB>, userId: number): Promise<string[]> {
  const [current, previous] = await Promise.all([
    db.selectFrom('app_user').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow(),
    db
      .selectFrom('password_history')
      .select('password_hash')
      .where('user_id', '=', userId)
      .orderBy('id', 'desc')
      .limit(PASSWORD_POLICY.history - 1)
      .execute(),
  ]);
  return [current.password_hash, ...previous.map((p) => p.password_hash)];
}

/** 400 naming `field` when the password is the current one or one of the replaced ones still remembered. */
export async function assertNotRecentlyUsed(
  db: Kysely<DB>,
  userId: number,
  password: string,
  field: string,
): Promise<void> {
  const hashes = await recentHashes(db, userId);
  const matches = await Promise.all(hashes.map((h) => verifyPassword(h, password)));
  if (matches.some(Boolean)) {
    const message = `Mật khẩu mới không được trùng mật khẩu hiện tại hay ${PASSWORD_POLICY.history - 1} mật khẩu trước đó; hãy chọn một mật khẩu khác.`;
    throw new AppError('VALIDATION', message, [{ field, message }]);
  }
}

/** Remember the hash being replaced, and forget what falls out of the window. */
export async function rememberReplacedPassword(
  trx: Transaction<DB>,
  userId: number,
  replacedHash: string,
): Promise<void> {
  await trx.insertInto('password_history').values({ user_id: userId, password_hash: replacedHash }).execute();
  const keep = await trx
    .selectFrom('password_history')
    .select('id')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(PASSWORD_POLICY.history - 1)
    .execute();
  await trx
    .deleteFrom('password_history')
    .where('user_id', '=', userId)
    .where(
      'id',
      'not in',
      keep.map((k) => k.id),
    )
    .execute();
}
