/** Sửa tài khoản — full name and e-mail, guarded by the revision the editor saw. */
import type { Kysely } from 'kysely';
import type { TUpdateUser } from '../../../common/schemas/accounts.ts';
import { normalizeSpaces } from '../../../common/vn-text.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { requireAbility, type RequestContext } from '../../lib/context.ts';
import { staleRevision } from '../../lib/errors.ts';
import { lockUserForWrite, RETURNING_USER, snapshotUser } from '../user-queries.ts';

export async function updateUser(
  db: Kysely<DB>,
  ctx: RequestContext,
  userId: number,
  input: TUpdateUser,
): Promise<void> {
  const actor = requireAbility(ctx, 'users.write');
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockUserForWrite(trx, actor, userId);
    if (before.revision !== input.revision) throw staleRevision(`Tài khoản ${before.username}`);
    const after = await trx
      .updateTable('app_user')
      .set((eb) => ({
        full_name: normalizeSpaces(input.fullName),
        email: input.email,
        revision: eb('revision', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', userId)
      .returning(RETURNING_USER)
      .executeTakeFirstOrThrow();
    await audit({
      action: 'user.updated',
      entityType: 'user',
      entityId: userId,
      unitId: before.first_unit_id,
      summary: `Sửa thông tin tài khoản ${after.username} (${after.full_name})`,
      before: snapshotUser(before),
      after: snapshotUser(after),
    });
  });
}
