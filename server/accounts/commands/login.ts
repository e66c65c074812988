/**
 * Sign-in. Wrong passwords are throttled per name and address and per name across addresses
 * (../login-throttle.ts) instead of locking the account, which let anyone keep any account — `admin`
 * included — locked. Unknown names take the same path as existing ones (the same counters, the same
 * writes, a password check of the same cost), so no answer tells whether a name exists.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { assertSignInAllowed, clearAddressThrottle, loginNameKey, recordFailedSignIn } from '../login-throttle.ts';
import { hashPassword, verifyPassword } from '../password.ts';
import { newSecret, sha256 } from '../tokens.ts';

let dummyHash: Promise<string> | null = null;

/** The one answer to a wrong password, whether or not the name exists. */
export const WRONG_CREDENTIALS_MESSAGE = 'Tên đăng nhập hoặc mật khẩu không đúng.';

export interface LoginResult {
  secret: string;
  userId: number;
}

export async function login(
  db: Kysely<DB>,
  config: Config,
  ctx: RequestContext,
  input: { username: string; password: string; userAgent: string | null },
): Promise<LoginResult> {
  const nameKey = loginNameKey(input.username);
  await assertSignInAllowed(db, nameKey, ctx.ip);
  const user = await db
    .selectFrom('app_user')
    .selectAll()
    .where(sql`lower(username)`, '=', nameKey)
    .executeTakeFirst();
  let ok: boolean;
  if (user) {
    ok = await verifyPassword(user.password_hash, input.password);
  } else {
    dummyHash ??= hashPassword('không-có-tài-khoản-0');
    await verifyPassword(await dummyHash, input.password); // same cost as a real check
    ok = false;
  }
  if (!ok || !user) {
    await recordFailedSignIn(db, ctx, { nameKey, user: user ?? null });
    throw new AppError('UNAUTHENTICATED', WRONG_CREDENTIALS_MESSAGE);
  }
  if (user.status !== 'active') {
    throw new AppError('UNAUTHENTICATED', 'Tài khoản đã bị vô hiệu hóa. Hãy liên hệ quản trị viên.');
  }
  const secret = newSecret();
  const signedIn: RequestContext = {
    ...ctx,
    actor: {
      userId: user.id,
      username: user.username,
      fullName: user.full_name,
      via: 'session',
      sessionId: null,
      mustChangePassword: user.must_change_password,
      grants: [],
    },
  };
  await writeTransaction(db, signedIn, async ({ trx, audit }) => {
    await clearAddressThrottle(trx, nameKey, ctx.ip);
    await trx.updateTable('app_user').set({ last_login_at: new Date() }).where('id', '=', user.id).execute();
    await trx
      .insertInto('user_session')
      .values({
        id: sha256(secret),
        user_id: user.id,
        expires_at: new Date(Date.now() + config.sessionHours * 3600_000),
        ip: ctx.ip,
        user_agent: input.userAgent?.slice(0, 300) ?? null,
      })
      .execute();
    await audit({
      action: 'auth.login',
      entityType: 'user',
      entityId: user.id,
      unitId: null,
      summary: `${user.full_name} (${user.username}) đăng nhập`,
    });
  });
  return { secret, userId: user.id };
}
