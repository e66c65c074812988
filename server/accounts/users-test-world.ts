/** The user-administration tests' shared world: a tree, users with grants in different places, and readers of the audit log. */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { setupTest, signIn, type Session } from '../test/harness.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';

/** root → blocA (a1, a2), blocB (b1, b2), and people with grants in different places. */
export async function world() {
  const t = await setupTest();
  const { db } = t;
  const tree = await buildTree(db);
  const sys = await buildUser(db, {
    username: 'quantri',
    fullName: 'Quản trị Tỉnh ủy',
    grants: [{ role: 'admin', unitId: tree.root }],
  });
  const adminA = await buildUser(db, {
    username: 'admin.khoia',
    fullName: 'Quản trị Khối A',
    grants: [{ role: 'admin', unitId: tree.blocA }],
  });
  const operatorA = await buildUser(db, { username: 'nghiepvu.a', grants: [{ role: 'operator', unitId: tree.blocA }] });
  const viewerA = await buildUser(db, { username: 'lanhdao.a', grants: [{ role: 'viewer', unitId: tree.blocA }] });
  const reporterA1 = await buildUser(db, { username: 'baocao.a1', grants: [{ role: 'reporter', unitId: tree.a1 }] });
  const userA = await buildUser(db, {
    username: 'anh.nt',
    fullName: 'Nguyễn Thị Ánh',
    grants: [{ role: 'viewer', unitId: tree.a1 }],
  });
  const userB = await buildUser(db, {
    username: 'binh.dv',
    fullName: 'Đặng Văn Bình',
    grants: [{ role: 'viewer', unitId: tree.b1 }],
  });
  const userAB = await buildUser(db, {
    username: 'cuong.lv',
    fullName: 'Lê Văn Cường',
    grants: [
      { role: 'viewer', unitId: tree.a2 },
      { role: 'operator', unitId: tree.b2 },
    ],
  });
  const orphan = await buildUser(db, { username: 'chua.cap.quyen', fullName: 'Chưa Cấp Quyền' });
  const as = (u: { username: string }) => signIn(t.app, u.username, DEFAULT_PASSWORD);
  return { ...t, tree, sys, adminA, operatorA, viewerA, reporterA1, userA, userB, userAB, orphan, as };
}

export const grantIdOf = async (db: Kysely<DB>, userId: number) =>
  (
    await db
      .selectFrom('role_grant')
      .select('id')
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow()
  ).id;

export const accountEvents = async (db: Kysely<DB>) =>
  db
    .selectFrom('audit_event')
    .selectAll()
    .where((eb) => eb.or([eb('action', 'like', 'user.%'), eb('action', 'like', 'grant.%')]))
    .orderBy('id')
    .execute();

export const newUserBody = (unitId: number, overrides: Record<string, unknown> = {}) => ({
  username: 'Tran.Minh',
  fullName: '  Trần   Văn Minh ',
  email: 'minh@example.vn',
  password: 'ngựa vằn ăn cỏ bên suối',
  grants: [{ role: 'viewer', unitId }],
  ...overrides,
});
export type Call = (s: Session) => ReturnType<Session['get']>;
