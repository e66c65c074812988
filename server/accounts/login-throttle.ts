/**
 * Sign-in throttling, in the database so it holds across nodes and restarts.
 *
 * Counters are keyed by the sign-in name as typed (trimmed, lower case) — whether an account has that name
 * or not — so every answer is the same for unknown and existing names. Two counters:
 *
 * - per name and address: after FREE_FAILURES wrong passwords from one address, that address waits before
 *   its next try for that name, twice as long after each further failure (capped). The right password is
 *   refused too while waiting. Someone guessing `admin` from one address slows only themselves: the real
 *   administrator signing in from another address is not affected.
 * - per name across every address: NAME_CEILING failures within NAME_WINDOW lock the name for everyone for
 *   NAME_LOCK (distributed guessing). Each lockout is audited and, for a name that is an account, notifies
 *   every system administrator once. An administrator's "Gỡ khóa" clears both counters.
 *
 * Per-address limits on requests (whatever the name) live in server/http/rate-limits.ts.
 */
import { sql, type Expression, type Kysely, type RawBuilder } from 'kysely';
import { formatDateTimeVi } from '../../common/dates.ts';
import type { DB } from '../db/schema.ts';
import { writeTransaction, type Audit } from '../lib/audit.ts';
import type { RequestContext } from '../lib/context.ts';
import { formatWait, RetryLaterError } from '../http/retry-later.ts';
import { notifySystemAdmins } from '../notifications/notify-admins.ts';

export const LOGIN_THROTTLE = {
  /** Wrong passwords for one name from one address before the back-off starts. */
  freeFailures: 5,
  /** The first wait; it doubles with each further failure. */
  firstWaitSeconds: 15,
  maxWaitSeconds: 3600,
  /** A name/address pair with no failure for this long starts again from zero. */
  forgetAfterHours: 24,
  /** Failures for one name from all addresses within the window that lock the name for everyone. */
  nameCeiling: 30,
  nameWindowMinutes: 60,
  nameLockMinutes: 30,
} as const;

/** The key every counter uses: the name as the sign-in lookup compares it. */
export function loginNameKey(username: string): string {
  return username.trim().toLowerCase();
}

/** Seconds an address must wait after its `failures`-th wrong password for a name (0: may try at once). */
export function backoffSeconds(failures: number): number {
  const beyond = failures - LOGIN_THROTTLE.freeFailures;
  if (beyond < 0) return 0;
  return Math.min(LOGIN_THROTTLE.firstWaitSeconds * 2 ** Math.min(beyond, 20), LOGIN_THROTTLE.maxWaitSeconds);
}

const forgetInterval = sql`make_interval(hours => ${LOGIN_THROTTLE.forgetAfterHours})`;
const windowInterval = sql`make_interval(mins => ${LOGIN_THROTTLE.nameWindowMinutes})`;

function lockedMessage(until: Date): string {
  return `Tên đăng nhập này đang tạm khóa vì có quá nhiều lần đăng nhập sai. Hãy thử lại sau ${formatDateTimeVi(until)} hoặc liên hệ quản trị viên để gỡ khóa.`;
}

function waitMessage(seconds: number): string {
  return `Đăng nhập sai nhiều lần từ địa chỉ này. Hãy chờ ${formatWait(seconds)} rồi thử lại.`;
}

/**
 * Refuse a sign-in that must wait (before the password is even checked, so a waiting address cannot keep
 * guessing): the name is locked for everyone, or this address is in its back-off for this name.
 */
export async function assertSignInAllowed(db: Kysely<DB>, nameKey: string, ip: string): Promise<void> {
  const row = await db
    .selectNoFrom([
      sql<Date | null>`(select l.locked_until from login_name_lock l where l.name_key = ${nameKey} and l.locked_until > now())`.as(
        'locked_until',
      ),
      sql<Date | null>`(select t.retry_at from login_throttle t where t.name_key = ${nameKey} and t.ip = ${ip} and t.retry_at > now())`.as(
        'retry_at',
      ),
    ])
    .executeTakeFirstOrThrow();
  const now = Date.now();
  if (row.locked_until)
    throw new RetryLaterError(lockedMessage(row.locked_until), (row.locked_until.getTime() - now) / 1000);
  if (row.retry_at)
    throw new RetryLaterError(
      waitMessage((row.retry_at.getTime() - now) / 1000),
      (row.retry_at.getTime() - now) / 1000,
    );
}

export interface FailedSignIn {
  nameKey: string;
  /** The account with that name, if any (only the audit and the administrators' notice use it). */
  user: { id: number; username: string; full_name: string } | null;
}

/**
 * Count a wrong password for the name from this address and across addresses, set the back-off, lock the
 * name past the ceiling; audited in the same transaction. Unknown names go through the very same writes.
 */
export async function recordFailedSignIn(
  db: Kysely<DB>,
  ctx: RequestContext,
  { nameKey, user }: FailedSignIn,
): Promise<void> {
  const who: RequestContext = { ...ctx, actor: null };
  await writeTransaction(db, who, async ({ trx, audit }) => {
    // Forget what is long past, so the tables stay the size of current activity (both deletes use an index).
    await trx
      .deleteFrom('login_throttle')
      .where(sql<boolean>`last_failure_at < now() - ${forgetInterval}`)
      .execute();
    await trx
      .deleteFrom('login_name_lock')
      .where(
        sql<boolean>`window_started_at < now() - ${forgetInterval} and (locked_until is null or locked_until < now())`,
      )
      .execute();

    const pair = await trx
      .insertInto('login_throttle')
      .values({ name_key: nameKey, ip: ctx.ip, failures: 1, last_failure_at: sql<Date>`now()`, retry_at: null })
      .onConflict((oc) =>
        oc.columns(['name_key', 'ip']).doUpdateSet({
          failures: sql<number>`case when login_throttle.last_failure_at < now() - ${forgetInterval} then 1 else login_throttle.failures + 1 end`,
          last_failure_at: sql<Date>`now()`,
        }),
      )
      .returning('failures')
      .executeTakeFirstOrThrow();
    const wait = backoffSeconds(pair.failures);
    if (wait > 0) {
      await trx
        .updateTable('login_throttle')
        .set({ retry_at: sql<Date>`now() + make_interval(secs => ${wait})` })
        .where('name_key', '=', nameKey)
        .where('ip', '=', ctx.ip)
        .execute();
    }

    const name = await trx
      .insertInto('login_name_lock')
      .values({ name_key: nameKey, window_started_at: sql<Date>`now()`, failures: 1 })
      .onConflict((oc) =>
        oc.column('name_key').doUpdateSet({
          window_started_at: sql<Date>`case when login_name_lock.window_started_at < now() - ${windowInterval} then now() else login_name_lock.window_started_at end`,
          failures: sql<number>`case when login_name_lock.window_started_at < now() - ${windowInterval} then 1 else login_name_lock.failures + 1 end`,
        }),
      )
      .returning(['failures'])
      .executeTakeFirstOrThrow();

    const shown = user ? `${user.username}` : `"${nameKey.slice(0, 60)}" (không có tài khoản nào mang tên này)`;
    await audit({
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: user?.id ?? null,
      unitId: null,
      summary: `Đăng nhập sai cho tên đăng nhập ${shown} (lần ${pair.failures} từ địa chỉ này${wait > 0 ? `; phải chờ ${formatWait(wait)}` : ''})`,
    });

    if (name.failures >= LOGIN_THROTTLE.nameCeiling) {
      await lockName(trx, audit, nameKey, user, name.failures);
    }
  });
}

async function lockName(
  trx: Kysely<DB>,
  audit: Audit,
  nameKey: string,
  user: FailedSignIn['user'],
  failures: number,
): Promise<void> {
  const addresses = await trx
    .selectFrom('login_throttle')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('name_key', '=', nameKey)
    .where(sql<boolean>`last_failure_at > now() - ${windowInterval}`)
    .executeTakeFirstOrThrow();
  // A new window starts with the lock, so the name is locked again only after another NAME_CEILING failures.
  const locked = await trx
    .updateTable('login_name_lock')
    .set({
      locked_until: sql<Date>`now() + make_interval(mins => ${LOGIN_THROTTLE.nameLockMinutes})`,
      lockouts: sql<number>`lockouts + 1`,
      window_started_at: sql<Date>`now()`,
      failures: 0,
    })
    .where('name_key', '=', nameKey)
    .returning(['locked_until', 'lockouts'])
    .executeTakeFirstOrThrow();
  const until = locked.locked_until!;
  const what = `${failures} lần đăng nhập sai trong ${LOGIN_THROTTLE.nameWindowMinutes} phút từ ${addresses.n} địa chỉ`;
  const shown = user ? user.username : `"${nameKey.slice(0, 60)}" (không có tài khoản nào mang tên này)`;
  await audit({
    action: 'auth.locked',
    entityType: 'user',
    entityId: user?.id ?? null,
    unitId: null,
    summary: `Tên đăng nhập ${shown} bị khóa tạm ${LOGIN_THROTTLE.nameLockMinutes} phút (đến ${formatDateTimeVi(until)}) sau ${what}`,
    after: { lockedUntil: until.toISOString(), failures, addresses: addresses.n, lockouts: locked.lockouts },
  });
  if (!user) return;
  await notifySystemAdmins(trx, {
    kind: 'security.lockout',
    title: `Tài khoản ${user.username} bị khóa tạm do đăng nhập sai nhiều lần`,
    body:
      `${user.full_name} (${user.username}): ${what}; không ai đăng nhập được bằng tên này đến ${formatDateTimeVi(until)}. ` +
      'Nếu không phải người dùng quên mật khẩu, có thể có người đang dò mật khẩu. Quản trị viên có thể gỡ khóa tại trang Người dùng.',
    link: '/nguoi-dung',
    // Once per lockout (each lockout has its own end).
    dedupeKey: `security.lockout:${nameKey}:${until.toISOString()}`,
  });
}

/** After a successful sign-in: this address starts again from zero for this name. */
export async function clearAddressThrottle(trx: Kysely<DB>, nameKey: string, ip: string): Promise<void> {
  await trx.deleteFrom('login_throttle').where('name_key', '=', nameKey).where('ip', '=', ip).execute();
}

export interface NameThrottleState {
  /** The name is locked for everyone until then (null: not locked). */
  lockedUntil: Date | null;
  /** Recent wrong passwords for the name, all addresses together. */
  failedLogins: number;
}

/** "Gỡ khóa": clear every counter of the name; returns what there was. */
export async function clearNameThrottle(trx: Kysely<DB>, nameKey: string): Promise<NameThrottleState> {
  const before = await trx
    .selectNoFrom([
      lockedUntilSql(sql.val(nameKey)).as('locked_until'),
      failedLoginsSql(sql.val(nameKey)).as('failed_logins'),
    ])
    .executeTakeFirstOrThrow();
  await trx.deleteFrom('login_throttle').where('name_key', '=', nameKey).execute();
  await trx.deleteFrom('login_name_lock').where('name_key', '=', nameKey).execute();
  return { lockedUntil: before.locked_until, failedLogins: Number(before.failed_logins) };
}

/** The end of the name's lock when it is in force, for the users list (`nameKey`: lower(username)). */
export function lockedUntilSql(nameKey: Expression<string>): RawBuilder<Date | null> {
  return sql<Date | null>`(select l.locked_until from login_name_lock l where l.name_key = ${nameKey} and l.locked_until > now())`;
}

/** Wrong passwords for the name not yet forgotten, all addresses together, for the users list. */
export function failedLoginsSql(nameKey: Expression<string>): RawBuilder<number> {
  return sql<number>`coalesce((select sum(t.failures)::int from login_throttle t where t.name_key = ${nameKey} and t.last_failure_at > now() - ${forgetInterval}), 0)`;
}
