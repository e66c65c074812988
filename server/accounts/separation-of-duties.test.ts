/**
 * Separation of duties: one administrator can still make another or reset
 * another's password, but never unseen — every system administrator is
 * notified in the same transaction (a refused change notifies nobody), and a
 * new administrator must choose a password that meets the administrators' bar.
 */
import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { ZUser } from '../../common/schemas/accounts.ts';
import { expectError, expectOk, setupTest, signIn } from '../test/harness.ts';

const notices = async (db: Kysely<DB>, kind: string) =>
  db
    .selectFrom('notification')
    .select(['user_id', 'title', 'body', 'link'])
    .where('kind', '=', kind)
    .orderBy('user_id')
    .execute();

async function world() {
  const t = await setupTest();
  const tree = await buildTree(t.db);
  const sys1 = await buildUser(t.db, {
    username: 'quantri.mot',
    fullName: 'Quản trị Một',
    grants: [{ role: 'admin', unitId: tree.root }],
  });
  const sys2 = await buildUser(t.db, {
    username: 'quantri.hai',
    fullName: 'Quản trị Hai',
    grants: [{ role: 'admin', unitId: tree.root }],
  });
  // A disabled system administrator and a subtree administrator are not notified.
  await buildUser(t.db, { username: 'quantri.cu', status: 'disabled', grants: [{ role: 'admin', unitId: tree.root }] });
  const adminA = await buildUser(t.db, {
    username: 'quantri.khoia',
    fullName: 'Quản trị Khối A',
    grants: [{ role: 'admin', unitId: tree.blocA }],
  });
  const as = (u: { username: string }) => signIn(t.app, u.username, DEFAULT_PASSWORD);
  return { ...t, tree, sys1, sys2, adminA, as };
}

const STRONG_ADMIN_PASSWORD = 'hoa sen nở giữa đầm lầy xanh';

describe('separation of duties', () => {
  it('a new administrator (an account created with an admin grant) notifies every active system administrator', async () => {
    const w = await world();
    const sys1 = await w.as(w.sys1);
    // An administrator's initial password is held to the higher bar.
    const weak = await sys1.post('/api/v1/users', {
      username: 'qt.moi',
      fullName: 'Quản Trị Mới',
      password: 'k7#Qm2!vX9pL',
      grants: [{ role: 'admin', unitId: w.tree.blocB }],
    });
    expect(expectError(weak, 400, 'VALIDATION', ['password']).fields![0]).toMatchObject({
      field: 'password',
      message: expect.stringMatching(/quản trị viên cần ít nhất 14 ký tự/),
    });
    expect(await notices(w.db, 'security.admin_granted')).toEqual([]);

    const created = await sys1.post('/api/v1/users', {
      username: 'qt.moi',
      fullName: 'Quản Trị Mới',
      password: STRONG_ADMIN_PASSWORD,
      grants: [{ role: 'admin', unitId: w.tree.blocB }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const sent = await notices(w.db, 'security.admin_granted');
    expect(sent.map((n) => n.user_id)).toEqual([w.sys1.id, w.sys2.id]);
    expect(sent[0]!.title).toBe('Quản Trị Mới vừa được cấp vai trò quản trị');
    expect(sent[0]!.body).toMatch(
      /Quản trị Một \(quantri\.mot\) đã cấp vai trò "Quản trị hệ thống" tại Đảng ủy Khối B cho tài khoản qt\.moi/,
    );
    expect(sent[0]!.link).toBe('/nhat-ky');
    // The same password for an ordinary account would have been fine.
    expect(
      (
        await sys1.post('/api/v1/users', {
          username: 'xem.moi',
          fullName: 'Người Xem',
          password: 'k7#Qm2!vX9pL',
          grants: [{ role: 'viewer', unitId: w.tree.blocB }],
        })
      ).statusCode,
    ).toBe(201);
    expect(await notices(w.db, 'security.admin_granted')).toHaveLength(2);
  });

  it("granting admin to an existing account notifies every system administrator and requires a new password meeting the administrators' bar", async () => {
    const w = await world();
    const viewer = await buildUser(w.db, {
      username: 'lan.pt',
      fullName: 'Phạm Thị Lan',
      grants: [{ role: 'viewer', unitId: w.tree.a1 }],
    });
    const viewerSession = await w.as(viewer);
    const adminA = await w.as(w.adminA);
    const granted = await adminA.post(`/api/v1/users/${viewer.id}/grants`, { role: 'admin', unitId: w.tree.a1 });
    expect(expectOk(granted, ZUser, 201).mustChangePassword).toBe(true);
    expect((await notices(w.db, 'security.admin_granted')).map((n) => n.user_id)).toEqual([w.sys1.id, w.sys2.id]);
    const events = await w.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', String(viewer.id))
      .where((eb) => eb.or([eb('action', 'like', 'grant.%'), eb('action', 'like', 'user.%')]))
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['grant.created', 'user.password_change_required']);

    // The new administrator's very next request must be the password change, to one of 14+ characters and score 4.
    const blocked = await viewerSession.get('/api/v1/org/units');
    expectError(blocked, 403, 'PASSWORD_CHANGE_REQUIRED');
    const tooWeak = await viewerSession.post('/api/v1/auth/password', {
      currentPassword: DEFAULT_PASSWORD,
      newPassword: 'k7#Qm2!vX9pL',
    });
    expect(expectError(tooWeak, 400, 'VALIDATION', ['newPassword']).message).toMatch(
      /quản trị viên cần ít nhất 14 ký tự/,
    );
    expect(
      (
        await viewerSession.post('/api/v1/auth/password', {
          currentPassword: DEFAULT_PASSWORD,
          newPassword: STRONG_ADMIN_PASSWORD,
        })
      ).statusCode,
    ).toBe(200);
    expect((await viewerSession.get('/api/v1/org/units')).statusCode).toBe(200);

    // A further admin grant to someone already an administrator notifies again but asks nothing more.
    const again = await adminA.post(`/api/v1/users/${viewer.id}/grants`, { role: 'admin', unitId: w.tree.a2 });
    expect(expectOk(again, ZUser, 201).mustChangePassword).toBe(false);
    expect(await notices(w.db, 'security.admin_granted')).toHaveLength(4);
    // Other roles notify nobody.
    await adminA.post(`/api/v1/users/${viewer.id}/grants`, { role: 'operator', unitId: w.tree.a2 });
    expect(await notices(w.db, 'security.admin_granted')).toHaveLength(4);
  });

  it("resetting an administrator's password notifies every system administrator; an ordinary account's does not", async () => {
    const w = await world();
    const sys2 = await w.as(w.sys2);
    const user = await buildUser(w.db, { grants: [{ role: 'viewer', unitId: w.tree.a1 }] });
    expect((await sys2.post(`/api/v1/users/${user.id}/password`, { newPassword: 'k7#Qm2!vX9pL' })).statusCode).toBe(
      200,
    );
    expect(await notices(w.db, 'security.admin_password_reset')).toEqual([]);

    // An administrator's password: the administrators' bar, and everyone is told.
    const weak = await sys2.post(`/api/v1/users/${w.adminA.id}/password`, { newPassword: 'k7#Qm2!vX9pL' });
    expect(weak.statusCode).toBe(400);
    expect(await notices(w.db, 'security.admin_password_reset')).toEqual([]);
    const reset = await sys2.post(`/api/v1/users/${w.adminA.id}/password`, { newPassword: STRONG_ADMIN_PASSWORD });
    expect(reset.statusCode, reset.body).toBe(200);
    const sent = await notices(w.db, 'security.admin_password_reset');
    expect(sent.map((n) => n.user_id)).toEqual([w.sys1.id, w.sys2.id]);
    expect(sent[0]!.body).toMatch(
      /Quản trị Hai \(quantri\.hai\) đã đặt lại mật khẩu của tài khoản quản trị quantri\.khoia/,
    );
    const audit = await w.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'user.password_reset')
      .where('entity_id', '=', String(w.adminA.id))
      .executeTakeFirstOrThrow();
    expect(audit.summary).toMatch(/tài khoản quản trị/);
  });

  it('a grant refused part-way notifies nobody: the notice is in the same transaction', async () => {
    const w = await world();
    const adminA = await w.as(w.adminA);
    const refused = await adminA.post('/api/v1/users', {
      username: 'hai.vai',
      fullName: 'Hai Vai Trò',
      password: STRONG_ADMIN_PASSWORD,
      grants: [
        { role: 'admin', unitId: w.tree.a1 },
        { role: 'viewer', unitId: w.tree.b1 },
      ],
    });
    expect(refused.statusCode).toBe(404);
    expect(await notices(w.db, 'security.admin_granted')).toEqual([]);
  });
});
