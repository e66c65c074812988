/** Bad input to user administration: 400/404/409 naming the field, never 500, and nothing written. */
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../common/errors.ts';
import { expectError } from '../test/harness.ts';
import { accountEvents, type Call, newUserBody, world } from './users-test-world.ts';

describe('user administration: bad input', () => {
  it('answers 400/404/409 naming the field, never 500, and writes nothing', async () => {
    const w = await world();
    const admin = await w.as(w.adminA);
    const CODE: Record<number, ErrorCode> = { 400: 'VALIDATION', 404: 'NOT_FOUND', 409: 'DUPLICATE' };
    const cases: Array<[Call, number, string]> = [
      [(s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { username: 'nguyen van a' })), 400, 'username'],
      [(s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { username: 'nguyễn' })), 400, 'username'],
      [(s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { password: 'ngan' })), 400, 'password'],
      [(s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { password: 'chicochu' })), 400, 'password'],
      [
        (s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { grants: [{ role: 'superuser', unitId: w.tree.a1 }] })),
        400,
        'grants.0.role',
      ],
      [
        (s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { grants: [{ role: 'viewer', unitId: 987654 }] })),
        404,
        'grants.0.unitId',
      ],
      [(s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { grants: [] })), 400, 'grants'],
      [(s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { email: 'khong-phai-email' })), 400, 'email'],
      [(s) => s.post('/api/v1/users', newUserBody(w.tree.a1, { username: 'ANH.NT' })), 409, 'username'],
      [(s) => s.post(`/api/v1/users/${w.userA.id}/grants`, { role: 'viewer', unitId: 987654 }), 404, 'unitId'],
      [(s) => s.post(`/api/v1/users/${w.userA.id}/grants`, { role: 'boss', unitId: w.tree.a1 }), 400, 'role'],
      [(s) => s.post(`/api/v1/users/${w.userA.id}/grants`, { role: 'viewer', unitId: 'abc' }), 400, 'unitId'],
      [(s) => s.post(`/api/v1/users/${w.userA.id}/password`, { newPassword: '12345678' }), 400, 'newPassword'],
      [(s) => s.post(`/api/v1/users/${w.userA.id}/password`, { newPassword: 'anh.nt12345' }), 400, 'newPassword'],
      [(s) => s.patch(`/api/v1/users/${w.userA.id}`, { fullName: 'Tên' }), 400, 'revision'],
      [(s) => s.patch(`/api/v1/users/${w.userA.id}`, { fullName: '   ', revision: 1 }), 400, 'fullName'],
      [(s) => s.post(`/api/v1/users/${w.userA.id}/status`, { status: 'deleted', revision: 1 }), 400, 'status'],
      [(s) => s.get('/api/v1/users/abc'), 400, 'id'],
      [(s) => s.get('/api/v1/users/99999999999'), 400, 'id'],
      [(s) => s.get('/api/v1/users/424242'), 404, ''],
      [(s) => s.post(`/api/v1/users/${w.userA.id}/grants/xyz/revoke`), 400, 'grantId'],
      [(s) => s.get('/api/v1/users?pageSize=100000'), 400, 'pageSize'],
    ];
    for (const [call, status, field] of cases) {
      const response = await call(admin);
      const error = expectError(response, status, CODE[status]!);
      if (field)
        expect(
          (error.fields ?? []).map((f) => f.field),
          response.body,
        ).toContain(field);
      expect(error.message).toMatch(/[\u00C0-\u1EF9]/);
    }
    const duplicate = await admin.post('/api/v1/users', newUserBody(w.tree.a1, { username: 'ANH.NT' }));
    expect(expectError(duplicate, 409, 'DUPLICATE', ['username']).message).toContain('"ANH.NT"');
    expect((await accountEvents(w.db)).length).toBe(0);
  });

  it('creates the account and its grants in one transaction: a refused second grant leaves no account and no audit event', async () => {
    const w = await world();
    const admin = await w.as(w.adminA);
    const response = await admin.post(
      '/api/v1/users',
      newUserBody(w.tree.a1, {
        grants: [
          { role: 'viewer', unitId: w.tree.a1 },
          { role: 'viewer', unitId: w.tree.b1 },
        ],
      }),
    );
    expectError(response, 404, 'NOT_FOUND', ['grants.1.unitId']);
    expect(
      await w.db.selectFrom('app_user').select('id').where('username', '=', 'Tran.Minh').executeTakeFirst(),
    ).toBeUndefined();
    expect(await accountEvents(w.db)).toEqual([]);
  });
});
