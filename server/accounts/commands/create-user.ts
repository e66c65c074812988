/**
 * Tạo tài khoản — create an account with its initial roles, all or nothing.
 * The initial password meets the policy (the administrators' bar when an
 * admin grant is among the roles); an admin grant notifies every system
 * administrator (insertGrant).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { TCreateUser } from '../../../common/schemas/accounts.ts';
import { normalizeSpaces } from '../../../common/vn-text.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { isSystemAdmin, requireAbility, type RequestContext } from '../../lib/context.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { assertStrongPassword, hashPassword } from '../password.ts';
import { RETURNING_USER, snapshotUser } from '../user-queries.ts';
import { insertGrant } from './grant-role.ts';

export function duplicateUsername(username: string): AppError {
  const message = `Tên đăng nhập "${username}" đã được dùng cho một tài khoản khác (không phân biệt chữ hoa, chữ thường).`;
  return new AppError('DUPLICATE', message, [{ field: 'username', message }]);
}

async function assertUsernameFree(trx: Transaction<DB>, username: string): Promise<void> {
  const taken = await trx
    .selectFrom('app_user')
    .select('id')
    .where(sql`lower(username)`, '=', username.toLowerCase())
    .executeTakeFirst();
  if (taken) throw duplicateUsername(username);
}

function assertGrantList(input: TCreateUser, systemAdmin: boolean): void {
  if (input.grants.length === 0 && !systemAdmin) {
    throw invalid('grants', 'Hãy cấp cho tài khoản mới ít nhất một vai trò tại đơn vị bạn quản trị.');
  }
  const seen = new Set<string>();
  input.grants.forEach((g, i) => {
    const key = `${g.role}@${g.unitId}`;
    if (seen.has(key)) throw invalid(`grants.${i}`, 'Vai trò này tại đơn vị này bị lặp lại trong danh sách.');
    seen.add(key);
  });
}

export async function createUser(db: Kysely<DB>, ctx: RequestContext, input: TCreateUser): Promise<number> {
  const actor = requireAbility(ctx, 'users.write');
  assertGrantList(input, isSystemAdmin(actor));
  const admin = input.grants.some((g) => g.role === 'admin');
  await assertStrongPassword(
    input.password,
    { username: input.username, fullName: input.fullName, email: input.email, admin },
    'password',
  );
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    await assertUsernameFree(trx, input.username);
    const user = await trx
      .insertInto('app_user')
      .values({
        username: input.username,
        full_name: normalizeSpaces(input.fullName),
        email: input.email,
        password_hash: passwordHash,
        must_change_password: input.mustChangePassword,
      })
      .returning(RETURNING_USER)
      .executeTakeFirstOrThrow()
      .catch((error: unknown) => {
        if ((error as { code?: string }).code === '23505') throw duplicateUsername(input.username);
        throw error;
      });
    // Each grant is checked against the actor's scope as it is inserted; any refusal rolls back the account too.
    for (const [i, grant] of input.grants.entries()) {
      await insertGrant(trx, audit, actor, user, grant, `grants.${i}.unitId`);
    }
    await audit({
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      unitId: input.grants[0]?.unitId ?? null,
      summary: `Tạo tài khoản ${user.username} (${user.full_name})`,
      after: { ...snapshotUser(user), grants: input.grants },
    });
    return user.id;
  });
}
