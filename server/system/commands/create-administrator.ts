/**
 * Tạo quản trị viên từ máy chủ — `npm run setup`: the first system administrator of a real installation (and
 * the root unit when there is none), or with `addAnother` one more administrator. No one is signed in on a
 * server's console, so it runs as the system; the operating-system user who ran it is named in the audit log.
 * Everything happens in one transaction: a refused password leaves no root unit behind.
 */
import { randomInt } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import { ROLE_LABELS } from '../../../common/roles.ts';
import { foldVietnamese, normalizeSpaces } from '../../../common/vn-text.ts';
import { duplicateUsername } from '../../accounts/commands/create-user.ts';
import { assertStrongPassword, hashPassword } from '../../accounts/password.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction, type Audit } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { notifySystemAdmins } from '../../notifications/notify-admins.ts';
import { createUnitIn } from '../../org/commands/create-unit.ts';
import { markFirstAdministrator } from '../installation.ts';

export interface RootUnitInput {
  name: string;
  /** unit_type.code, e.g. tinh_uy */
  typeCode: string;
  /** org_level.code, e.g. tinh */
  levelCode: string;
  code: string | null;
  /** The unit's history starts here: units below it cannot be recorded earlier. */
  since: string;
}

export interface AdministratorInput {
  username: string;
  fullName: string;
  email: string | null;
  password: string;
  /** Creates the root unit when none exists; names which root otherwise (when there are several). */
  unit: RootUnitInput | null;
  /** Accounts exist already and one more administrator is wanted. */
  addAnother: boolean;
  /** Who ran the command (operating-system user), for the audit log. */
  operator: string;
}

export interface AdministratorCreated {
  userId: number;
  unitId: number;
  unitName: string;
  unitCreated: boolean;
  first: boolean;
}

/** A strong password to show once: four groups of five from 54 unambiguous characters (≈ 115 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXY23456789';
  const groups = Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => alphabet[randomInt(alphabet.length)]).join(''),
  );
  return groups.join('-');
}

export function setupContext(): RequestContext {
  return { actor: null, system: true, requestId: `setup-${Date.now()}`, ip: '127.0.0.1' };
}

async function idOfCode(
  trx: Transaction<DB>,
  table: 'unit_type' | 'org_level',
  code: string,
  field: string,
  what: string,
): Promise<number> {
  const rows = await trx.selectFrom(table).select(['id', 'code', 'active']).orderBy('id').execute();
  const found = rows.find((r) => r.code === code && r.active);
  if (!found) {
    const codes = rows
      .filter((r) => r.active)
      .map((r) => r.code)
      .join(', ');
    throw invalid(field, `${what} có mã "${code}" không tồn tại hoặc đã ngừng sử dụng. Các mã hiện có: ${codes}.`);
  }
  return found.id;
}

/** The root unit the administrator is granted: the one asked for by name, the only one, or a new one. */
async function rootUnit(
  trx: Transaction<DB>,
  ctx: RequestContext,
  audit: Audit,
  unit: RootUnitInput | null,
): Promise<{ id: number; name: string; created: boolean }> {
  const roots = await trx
    .selectFrom('org_unit as u')
    .innerJoin('org_unit_version as v', (join) => join.onRef('v.unit_id', '=', 'u.id').on('v.valid_to', 'is', null))
    .select(['u.id', 'v.name'])
    .where('u.ended_on', 'is', null)
    .where(sql<boolean>`nlevel(u.current_path) = 1`)
    .orderBy('u.id')
    .execute();
  if (unit) {
    const wanted = foldVietnamese(normalizeSpaces(unit.name));
    const match = roots.find((r) => foldVietnamese(normalizeSpaces(r.name)) === wanted);
    if (match) return { ...match, created: false };
  }
  if (!unit && roots.length === 1) return { ...roots[0]!, created: false };
  if (!unit && roots.length > 1) {
    throw invalid(
      'unit',
      `Có nhiều đơn vị gốc; hãy chọn một bằng --unit: ${roots.map((r) => `"${r.name}"`).join(', ')}.`,
    );
  }
  if (!unit) throw invalid('unit', 'Chưa có đơn vị gốc: hãy nhập tên đơn vị gốc (--unit), ví dụ "Tỉnh ủy Lào Cai".');
  if (roots.length > 0) {
    throw invalid(
      'unit',
      `Không có đơn vị gốc tên "${unit.name}". Các đơn vị gốc hiện có: ${roots.map((r) => `"${r.name}"`).join(', ')}.`,
    );
  }
  const typeId = await idOfCode(trx, 'unit_type', unit.typeCode, 'unitType', 'Loại đơn vị');
  const levelId = await idOfCode(trx, 'org_level', unit.levelCode, 'level', 'Cấp');
  const name = normalizeSpaces(unit.name);
  const id = await createUnitIn(trx, ctx, audit, {
    name,
    code: unit.code,
    typeId,
    levelId,
    parentId: null,
    effectiveDate: unit.since,
    documentId: null,
    note: 'Tạo khi cài đặt (npm run setup)',
  });
  return { id, name, created: true };
}

export async function createAdministrator(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: AdministratorInput,
): Promise<AdministratorCreated> {
  // The administrators' bar of the password policy (common/password-policy.ts), typed or generated alike.
  await assertStrongPassword(
    input.password,
    { username: input.username, fullName: input.fullName, email: input.email, admin: true },
    'password',
  );
  const passwordHash = await hashPassword(input.password);
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    // Two setups at once (PostgreSQL, two consoles) must not both create "the first" administrator.
    await sql`select pg_advisory_xact_lock(hashtext('dienhinh.setup'))`.execute(trx);
    const accounts = Number(
      (
        await trx
          .selectFrom('app_user')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (accounts > 0 && !input.addAnother) {
      throw new AppError(
        'CONFLICT',
        `Hệ thống đã có ${accounts} tài khoản nên không tạo "quản trị viên đầu tiên" nữa. ` +
          'Quản trị viên tạo tài khoản trong trang Người dùng; muốn thêm một quản trị viên hệ thống từ máy chủ, chạy lại với --add-admin (được ghi nhật ký và báo cho các quản trị viên).',
      );
    }
    const first = accounts === 0;
    const taken = await trx
      .selectFrom('app_user')
      .select('id')
      .where(sql`lower(username)`, '=', input.username.toLowerCase())
      .executeTakeFirst();
    if (taken) throw duplicateUsername(input.username);

    const unit = await rootUnit(trx, ctx, audit, input.unit);
    const fullName = normalizeSpaces(input.fullName);
    const label = ROLE_LABELS.admin;
    if (!first) {
      // Separation of duties: every system administrator learns that another one was added from the console.
      await notifySystemAdmins(trx, {
        kind: 'security.admin_granted',
        title: 'Có quản trị viên hệ thống mới',
        body: `Tài khoản ${input.username} (${fullName}) được cấp vai trò "${label}" tại ${unit.name} bằng lệnh npm run setup trên máy chủ (người chạy: ${input.operator}).`,
        link: '/nguoi-dung',
      });
    }
    const user = await trx
      .insertInto('app_user')
      .values({
        username: input.username,
        full_name: fullName,
        email: input.email,
        password_hash: passwordHash,
        must_change_password: true,
      })
      .returning(['id', 'username'])
      .executeTakeFirstOrThrow();
    const grant = await trx
      .insertInto('role_grant')
      .values({ user_id: user.id, role: 'admin', unit_id: unit.id, granted_by: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const how = `bằng lệnh npm run setup trên máy chủ (người chạy: ${input.operator})`;
    await audit({
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      unitId: unit.id,
      summary: `Tạo tài khoản ${user.username} (${fullName}) ${how}`,
      after: { username: user.username, fullName, email: input.email, mustChangePassword: true },
    });
    await audit({
      action: 'grant.created',
      entityType: 'user',
      entityId: user.id,
      unitId: unit.id,
      summary: `Cấp vai trò "${label}" tại ${unit.name} cho ${user.username}`,
      after: { grantId: grant.id, role: 'admin', unitId: unit.id, unitName: unit.name },
    });
    await audit({
      action: first ? 'installation.first_admin_created' : 'installation.admin_added',
      entityType: 'user',
      entityId: user.id,
      unitId: unit.id,
      summary: `${first ? 'Quản trị viên đầu tiên' : 'Thêm quản trị viên hệ thống'}: ${user.username} tại ${unit.name}, ${how}; phải đổi mật khẩu khi đăng nhập lần đầu`,
    });
    if (first) await markFirstAdministrator(trx);
    return { userId: user.id, unitId: unit.id, unitName: unit.name, unitCreated: unit.created, first };
  });
}
