/** Whether an account is an administrator: the higher password bar and the notices to system administrators follow from it. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** Does the user hold an active admin grant (on any unit)? */
export async function holdsAdminGrant(db: Kysely<DB>, userId: number): Promise<boolean> {
  const row = await db
    .selectFrom('role_grant')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', 'admin')
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}
