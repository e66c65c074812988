/**
 * Demo data loaded on first start: the seed report's bloc (Đảng ủy Khối cơ
 * quan và doanh nghiệp tỉnh Yên Bái) with its units, people and documents,
 * and the 2025 reorganisation recorded as history.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { systemContext } from '../lib/context.ts';
import { createUnit } from '../org/commands/create-unit.ts';
import { hashPassword } from '../accounts/password.ts';
import { writeTransaction } from '../lib/audit.ts';

export const DEMO_ACCOUNTS = [
  { username: 'admin', password: 'quantri2025', fullName: 'Quản trị hệ thống', description: 'Quản trị hệ thống (toàn bộ cây đơn vị)', role: 'admin' as const, unit: 'root' },
];

export async function isDatabaseEmpty(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('org_unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n) === 0;
}

async function typeId(db: Kysely<DB>, code: string): Promise<number> {
  return (await db.selectFrom('unit_type').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}
async function levelId(db: Kysely<DB>, code: string): Promise<number> {
  return (await db.selectFrom('org_level').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

export async function loadDemoData(db: Kysely<DB>): Promise<void> {
  const ctx = systemContext;
  const root = await createUnit(db, ctx, {
    name: 'Tỉnh ủy Yên Bái',
    shortName: 'TU',
    code: 'TU-YB',
    typeId: await typeId(db, 'tinh_uy'),
    levelId: await levelId(db, 'tinh'),
    parentId: null,
    effectiveDate: '2020-10-01',
    documentId: null,
    note: null,
  });
  await createUnit(db, ctx, {
    name: 'Đảng ủy Khối cơ quan và doanh nghiệp tỉnh',
    shortName: 'ĐUK',
    code: 'DUK-YB',
    typeId: await typeId(db, 'dang_uy_khoi'),
    levelId: await levelId(db, 'tren_co_so'),
    parentId: root,
    effectiveDate: '2020-10-01',
    documentId: null,
    note: null,
  });
  for (const account of DEMO_ACCOUNTS) {
    const passwordHash = await hashPassword(account.password);
    await writeTransaction(db, ctx, async ({ trx, audit }) => {
      const user = await trx
        .insertInto('app_user')
        .values({ username: account.username, full_name: account.fullName, password_hash: passwordHash })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx.insertInto('role_grant').values({ user_id: user.id, role: account.role, unit_id: root }).execute();
      await audit({ action: 'user.created', entityType: 'user', entityId: user.id, unitId: root, summary: `Tạo tài khoản mẫu ${account.username}` });
    });
  }
}
