/**
 * Security notices to every system administrator (an active account with an admin grant on a root unit):
 * a new administrator, an administrator's password reset, an account locked by repeated failed sign-ins.
 * Inside the caller's transaction, like notify(); e-mailed by the delivery job when SMTP is configured.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { notify } from './notify.ts';

export interface AdminNotice {
  /** e.g. 'security.admin_granted', 'security.admin_password_reset', 'security.lockout' */
  kind: string;
  title: string;
  body: string;
  link?: string | null;
  /** Deduplicates per administrator (e.g. one notice per lockout window). */
  dedupeKey?: string | null;
}

/** The ids of the active system administrators. */
export async function systemAdminIds(db: Kysely<DB>): Promise<number[]> {
  const rows = await db
    .selectFrom('role_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .innerJoin('org_unit as ou', 'ou.id', 'g.unit_id')
    .select('u.id')
    .distinct()
    .where('g.role', '=', 'admin')
    .where('g.revoked_at', 'is', null)
    .where('u.status', '=', 'active')
    .where(sql<boolean>`nlevel(ou.current_path) = 1`)
    .execute();
  return rows.map((r) => r.id);
}

/** Notify every system administrator; returns how many notices were new. */
export async function notifySystemAdmins(db: Kysely<DB>, notice: AdminNotice): Promise<number> {
  const ids = await systemAdminIds(db);
  return notify(
    db,
    ids.map((userId) => ({
      userId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      link: notice.link ?? null,
      dedupeKey: notice.dedupeKey ?? null,
    })),
  );
}
