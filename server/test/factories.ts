/**
 * Test factories: buildX(db, overrides) creates a real row through the same
 * commands the API uses (or a direct insert where the command is not the
 * point), with sensible defaults.
 */
import type { Kysely } from 'kysely';
import type { Role } from '../../common/roles.ts';
import type { DB } from '../db/schema.ts';
import { hashPassword } from '../accounts/password.ts';
import { systemContext } from '../lib/context.ts';
import { createUnit } from '../org/commands/create-unit.ts';

let seq = 0;
const next = () => ++seq;

export const DEFAULT_PASSWORD = 'matkhau2025';
let defaultHash: Promise<string> | null = null;

export async function typeIdOf(db: Kysely<DB>, code: string): Promise<number> {
  return (await db.selectFrom('unit_type').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

export async function levelIdOf(db: Kysely<DB>, code: string): Promise<number> {
  return (await db.selectFrom('org_level').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

export interface BuildUnitOverrides {
  name?: string;
  shortName?: string | null;
  code?: string | null;
  parentId?: number | null;
  typeCode?: string;
  levelCode?: string;
  effectiveDate?: string;
}

/** Create a unit (default: a root "Đơn vị thử N" founded 2020-01-01). */
export async function buildUnit(db: Kysely<DB>, overrides: BuildUnitOverrides = {}): Promise<number> {
  const n = next();
  return createUnit(db, systemContext, {
    name: overrides.name ?? `Đơn vị thử ${n}`,
    shortName: overrides.shortName ?? null,
    code: overrides.code ?? null,
    typeId: await typeIdOf(db, overrides.typeCode ?? (overrides.parentId ? 'dang_bo_co_so' : 'tinh_uy')),
    levelId: await levelIdOf(db, overrides.levelCode ?? (overrides.parentId ? 'co_so' : 'tinh')),
    parentId: overrides.parentId ?? null,
    effectiveDate: overrides.effectiveDate ?? '2020-01-01',
    documentId: null,
    note: null,
  });
}

/** A small tree: root → two blocs (A, B) → two grassroots units each. */
export async function buildTree(db: Kysely<DB>) {
  const root = await buildUnit(db, { name: 'Tỉnh ủy Thử nghiệm' });
  const blocA = await buildUnit(db, {
    name: 'Đảng ủy Khối A',
    parentId: root,
    typeCode: 'dang_uy_khoi',
    levelCode: 'tren_co_so',
  });
  const blocB = await buildUnit(db, {
    name: 'Đảng ủy Khối B',
    parentId: root,
    typeCode: 'dang_uy_khoi',
    levelCode: 'tren_co_so',
  });
  const a1 = await buildUnit(db, { name: 'Đảng bộ Sở Tư pháp', parentId: blocA });
  const a2 = await buildUnit(db, { name: 'Đảng bộ Trường Cao đẳng nghề', parentId: blocA });
  const b1 = await buildUnit(db, { name: 'Đảng bộ Công ty Thủy điện Thác Bà', parentId: blocB });
  const b2 = await buildUnit(db, {
    name: 'Chi bộ Hội Liên hiệp Phụ nữ tỉnh',
    parentId: blocB,
    typeCode: 'chi_bo_co_so',
  });
  return { root, blocA, blocB, a1, a2, b1, b2 };
}

export interface BuildUserOverrides {
  username?: string;
  fullName?: string;
  password?: string;
  status?: 'active' | 'disabled';
  grants?: Array<{ role: Role; unitId: number }>;
}

export async function buildUser(db: Kysely<DB>, overrides: BuildUserOverrides = {}) {
  const n = next();
  const password = overrides.password ?? DEFAULT_PASSWORD;
  const passwordHash =
    password === DEFAULT_PASSWORD
      ? await (defaultHash ??= hashPassword(DEFAULT_PASSWORD))
      : await hashPassword(password);
  const user = await db
    .insertInto('app_user')
    .values({
      username: overrides.username ?? `user${n}`,
      full_name: overrides.fullName ?? `Người dùng ${n}`,
      password_hash: passwordHash,
      status: overrides.status ?? 'active',
    })
    .returning(['id', 'username'])
    .executeTakeFirstOrThrow();
  for (const grant of overrides.grants ?? []) {
    await db.insertInto('role_grant').values({ user_id: user.id, role: grant.role, unit_id: grant.unitId }).execute();
  }
  return { id: user.id, username: user.username, password };
}
