/**
 * The password rules the server alone can apply: no reuse of the last five
 * (the current one and the four it replaced — by one's own change or an
 * administrator's reset), and the upgrade that brings them (the migration:
 * tokens without expiry get one, the auditor role is allowed).
 */
import { describe, expect, it } from 'vitest';
import { Migrator, sql } from 'kysely';
import { PASSWORD_POLICY } from '../../common/password-policy.ts';
import { migrations } from '../db/migrations/index.ts';
import { createPglite, kyselyOnPglite } from '../db/pglite.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { expectError, setupTest, signIn } from '../test/harness.ts';

const PASSWORDS = [
  'mây trắng bay qua đồi chè',
  'con ngựa vằn ăn cỏ xanh',
  'chiều thu lá vàng rơi ngõ nhỏ',
  'hoa sen nở giữa đầm lầy',
  'tiếng ve gọi hè trên phố cũ',
  'sóng biển vỗ về bãi cát trắng',
];

describe('no reuse of the last five passwords', () => {
  it('refuses the current password and the four before it, by own change and by reset; the sixth is allowed again; only four old hashes are kept', async () => {
    const { app, db } = await setupTest();
    const tree = await buildTree(db);
    const user = await buildUser(db, { password: PASSWORDS[0], grants: [{ role: 'viewer', unitId: tree.a1 }] });
    let session = await signIn(app, user.username, PASSWORDS[0]!);
    const change = (from: string, to: string) =>
      session.post('/api/v1/auth/password', { currentPassword: from, newPassword: to });

    // 0 → 1 → 2 → 3 → 4 → 5: each step refuses going back to any of the five most recent.
    for (let i = 1; i < PASSWORDS.length; i++) {
      for (let back = Math.max(0, i - PASSWORD_POLICY.history); back < i - 1; back++) {
        const reused = await change(PASSWORDS[i - 1]!, PASSWORDS[back]!);
        expect(expectError(reused, 400, 'VALIDATION', ['newPassword']).fields![0]).toEqual({
          field: 'newPassword',
          message: expect.stringMatching(/không được trùng mật khẩu hiện tại hay 4 mật khẩu trước đó/),
        });
      }
      const changed = await change(PASSWORDS[i - 1]!, PASSWORDS[i]!);
      expect(changed.statusCode, changed.body).toBe(200);
    }
    const same = await change(PASSWORDS[5]!, PASSWORDS[5]!);
    expect(expectError(same, 400, 'VALIDATION', ['newPassword']).message).toBe(
      'Mật khẩu mới phải khác mật khẩu hiện tại.',
    );
    const kept = await db
      .selectFrom('password_history')
      .select('password_hash')
      .where('user_id', '=', user.id)
      .execute();
    expect(kept).toHaveLength(PASSWORD_POLICY.history - 1);
    expect(kept.every((k) => k.password_hash.startsWith('$argon2id$'))).toBe(true);

    // An administrator's reset is held to the same rule (current 5, remembered 4, 3, 2, 1); the first is free again.
    const admin = await signIn(
      app,
      (await buildUser(db, { grants: [{ role: 'admin', unitId: tree.blocA }] })).username,
      DEFAULT_PASSWORD,
    );
    for (const reused of PASSWORDS.slice(1)) {
      const refused = await admin.post(`/api/v1/users/${user.id}/password`, { newPassword: reused });
      expectError(refused, 400, 'VALIDATION', ['newPassword']);
    }
    expect((await admin.post(`/api/v1/users/${user.id}/password`, { newPassword: PASSWORDS[0] })).statusCode).toBe(200);
    session = await signIn(app, user.username, PASSWORDS[0]!);
    // The temporary password now counts too: the user may not keep it.
    expect(expectError(await change(PASSWORDS[0]!, PASSWORDS[0]!), 400, 'VALIDATION', ['newPassword']).message).toBe(
      'Mật khẩu mới phải khác mật khẩu hiện tại.',
    );
    expect((await change(PASSWORDS[0]!, PASSWORDS[5]!)).statusCode).toBe(400);
  });
});

describe('the account-security migration', () => {
  it('gives never-expiring tokens an expiry 90 days out, makes expiry mandatory, and allows the auditor role', async () => {
    const names = Object.keys(migrations).sort();
    const mine = names.indexOf('20261207_0020_account_security');
    expect(mine).toBeGreaterThan(0);
    const pglite = await createPglite();
    const database = kyselyOnPglite(pglite);
    const { db } = database;
    try {
      const migrator = new Migrator({ db, provider: { getMigrations: () => Promise.resolve(migrations) } });
      const before = await migrator.migrateTo(names[mine - 1]!);
      expect(before.error).toBeUndefined();
      await sql`insert into app_user (username, full_name, password_hash) values ('cu', 'Tài khoản cũ', 'x')`.execute(
        db,
      );
      await sql`insert into api_token (user_id, name, token_hash, prefix) select id, 'Mã cũ', 'h', 'dh_' from app_user`.execute(
        db,
      );
      await migrateToLatest(db);
      const token = await sql<{ expires_at: Date }>`select expires_at from api_token`.execute(db);
      const inDays = (token.rows[0]!.expires_at.getTime() - Date.now()) / 86_400_000;
      expect(inDays).toBeGreaterThan(89.9);
      expect(inDays).toBeLessThan(90.1);
      await expect(
        sql`insert into api_token (user_id, name, token_hash, prefix) select id, 'Mới', 'h2', 'dh_' from app_user`.execute(
          db,
        ),
      ).rejects.toThrow();
      const check = await sql<{
        def: string;
      }>`select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'role_grant_role_check'`.execute(
        db,
      );
      expect(check.rows).toHaveLength(1);
      expect(check.rows[0]!.def).toMatch(/'auditor'/);
      expect(check.rows[0]!.def).toMatch(/'viewer'/);
    } finally {
      await database.close();
    }
  });
});
