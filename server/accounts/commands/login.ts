/**
 * Sign-in with lockout: after MAX_FAILURES wrong passwords in a row the
 * account is locked for LOCK_MINUTES. Failures are recorded even though the
 * request fails, so they are written in their own transaction.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { hashPassword, verifyPassword } from '../password.ts';
import { newSecret, sha256 } from '../tokens.ts';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

let dummyHash: Promise<string> | null = null;
const wrongCredentials = () => new AppError('UNAUTHENTICATED', 'Tên đăng nhập hoặc mật khẩu không đúng.');

function formatTime(date: Date): string {
  return date.toLocaleTimeString('vi-VN', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Ho_Chi_Minh' });
}

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
  const user = await db
    .selectFrom('app_user')
    .selectAll()
    .where(sql`lower(username)`, '=', input.username.trim().toLowerCase())
    .executeTakeFirst();
  if (!user) {
    dummyHash ??= hashPassword('không-có-tài-khoản-0');
    await verifyPassword(await dummyHash, input.password); // same cost as a real check
    throw wrongCredentials();
  }
  const who: RequestContext = { ...ctx, actor: null };
  if (user.locked_until && user.locked_until.getTime() > Date.now()) {
    throw new AppError(
      'ACCOUNT_LOCKED',
      `Tài khoản tạm khóa do đăng nhập sai nhiều lần. Hãy thử lại sau ${formatTime(user.locked_until)}.`,
    );
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok) {
    const failures = user.failed_logins + 1;
    const lock = failures >= MAX_FAILURES;
    const lockedUntil = lock ? new Date(Date.now() + LOCK_MINUTES * 60_000) : null;
    await writeTransaction(db, who, async ({ trx, audit }) => {
      await trx
        .updateTable('app_user')
        .set({ failed_logins: lock ? 0 : failures, locked_until: lockedUntil })
        .where('id', '=', user.id)
        .execute();
      await audit({
        action: lock ? 'auth.locked' : 'auth.login_failed',
        entityType: 'user',
        entityId: user.id,
        unitId: null,
        summary: lock
          ? `Tài khoản ${user.username} bị khóa tạm ${LOCK_MINUTES} phút sau ${MAX_FAILURES} lần đăng nhập sai`
          : `Đăng nhập sai mật khẩu cho ${user.username} (lần ${failures})`,
      });
    });
    if (lock) {
      throw new AppError('ACCOUNT_LOCKED', `Sai mật khẩu ${MAX_FAILURES} lần liên tiếp: tài khoản tạm khóa đến ${formatTime(lockedUntil!)}.`);
    }
    throw wrongCredentials();
  }
  if (user.status !== 'active') {
    throw new AppError('UNAUTHENTICATED', 'Tài khoản đã bị vô hiệu hóa. Hãy liên hệ quản trị viên.');
  }
  const secret = newSecret();
  const signedIn: RequestContext = {
    ...ctx,
    actor: { userId: user.id, username: user.username, fullName: user.full_name, via: 'session', sessionId: null, mustChangePassword: user.must_change_password, grants: [] },
  };
  await writeTransaction(db, signedIn, async ({ trx, audit }) => {
    await trx
      .updateTable('app_user')
      .set({ failed_logins: 0, locked_until: null, last_login_at: new Date() })
      .where('id', '=', user.id)
      .execute();
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
