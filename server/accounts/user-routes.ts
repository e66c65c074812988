/**
 * /api/v1/users — account and role administration. Each handler: validate
 * (zod) → authorise and run one command (scoped load inside it) → present the
 * account as the actor now sees it. Rules live in user-policy.ts.
 */
import {
  ZCreateUserBody,
  ZGrantBody,
  ZResetPasswordBody,
  ZSetUserStatusBody,
  ZUpdateUserBody,
  ZUser,
  ZUserGrantParams,
  ZUserListQuery,
  ZUserPage,
} from '../../common/schemas/accounts.ts';
import { ZIdParams } from '../../common/schemas/shared.ts';
import { requireAbility } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { createUser } from './commands/create-user.ts';
import { grantRole } from './commands/grant-role.ts';
import { resetPassword } from './commands/reset-password.ts';
import { revokeGrant } from './commands/revoke-grant.ts';
import { setUserStatus } from './commands/set-user-status.ts';
import { unlockUser } from './commands/unlock-user.ts';
import { updateUser } from './commands/update-user.ts';
import { findUsers, getUser, getUserAfterWrite } from './user-queries.ts';

const tags = ['users'];

export function userRoutes(app: App): void {
  const { db } = app;

  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: 'Danh sách tài khoản trong phạm vi quản lý',
        querystring: ZUserListQuery,
        response: { 200: ZUserPage },
      },
    },
    async (req) => findUsers(db, requireAbility(req.ctx, 'users.read'), req.query),
  );

  app.get(
    '/users/:id',
    { schema: { tags, summary: 'Xem một tài khoản', params: ZIdParams, response: { 200: ZUser } } },
    async (req) => getUser(db, requireAbility(req.ctx, 'users.read'), req.params.id),
  );

  app.post(
    '/users',
    {
      schema: { tags, summary: 'Tạo tài khoản (kèm vai trò ban đầu)', body: ZCreateUserBody, response: { 201: ZUser } },
    },
    async (req, reply) => {
      const id = await createUser(db, req.ctx, req.body);
      reply.code(201);
      return getUserAfterWrite(db, requireAbility(req.ctx, 'users.write'), id);
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Sửa họ tên, thư điện tử',
        params: ZIdParams,
        body: ZUpdateUserBody,
        response: { 200: ZUser },
      },
    },
    async (req) => {
      await updateUser(db, req.ctx, req.params.id, req.body);
      return getUserAfterWrite(db, requireAbility(req.ctx, 'users.write'), req.params.id);
    },
  );

  app.post(
    '/users/:id/status',
    {
      schema: {
        tags,
        summary: 'Khóa / mở khóa tài khoản (khóa thì đăng xuất mọi phiên)',
        params: ZIdParams,
        body: ZSetUserStatusBody,
        response: { 200: ZUser },
      },
    },
    async (req) => {
      await setUserStatus(db, req.ctx, req.params.id, req.body);
      return getUserAfterWrite(db, requireAbility(req.ctx, 'users.write'), req.params.id);
    },
  );

  app.post(
    '/users/:id/password',
    {
      schema: {
        tags,
        summary: 'Đặt lại mật khẩu (buộc đổi khi đăng nhập, đăng xuất mọi phiên)',
        params: ZIdParams,
        body: ZResetPasswordBody,
        response: { 200: ZUser },
      },
    },
    async (req) => {
      await resetPassword(db, req.ctx, req.params.id, req.body);
      return getUserAfterWrite(db, requireAbility(req.ctx, 'users.write'), req.params.id);
    },
  );

  app.post(
    '/users/:id/unlock',
    { schema: { tags, summary: 'Gỡ khóa tạm do đăng nhập sai', params: ZIdParams, response: { 200: ZUser } } },
    async (req) => {
      await unlockUser(db, req.ctx, req.params.id);
      return getUserAfterWrite(db, requireAbility(req.ctx, 'users.write'), req.params.id);
    },
  );

  app.post(
    '/users/:id/grants',
    {
      schema: {
        tags,
        summary: 'Cấp vai trò tại một đơn vị',
        params: ZIdParams,
        body: ZGrantBody,
        response: { 201: ZUser },
      },
    },
    async (req, reply) => {
      await grantRole(db, req.ctx, req.params.id, req.body);
      reply.code(201);
      return getUserAfterWrite(db, requireAbility(req.ctx, 'users.write'), req.params.id);
    },
  );

  app.post(
    '/users/:id/grants/:grantId/revoke',
    { schema: { tags, summary: 'Thu hồi một vai trò', params: ZUserGrantParams, response: { 200: ZUser } } },
    async (req) => {
      await revokeGrant(db, req.ctx, req.params.id, req.params.grantId);
      return getUserAfterWrite(db, requireAbility(req.ctx, 'users.write'), req.params.id);
    },
  );
}
