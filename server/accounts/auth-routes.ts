/**
 * /api/v1/auth/* — sign in and out, who am I, password change; /api/v1/tokens — my API tokens.
 * Sign-in and sign-out are public (signing out of an expired session still clears its cookie);
 * who am I, password change and sign-out are what an account that must change its password may call.
 */
import { type z } from 'zod';
import { ACTIONS } from '../../common/roles.ts';
import {
  ZApiToken,
  ZChangePasswordBody,
  ZCreatedToken,
  ZCreateTokenBody,
  ZLoginBody,
  ZMe,
  ZTokenList,
} from '../../common/schemas/accounts.ts';
import { ZIdParams, ZOk } from '../../common/schemas/shared.ts';
import { writeTransaction } from '../lib/audit.ts';
import { can, isSystemAdmin, requireActor, type Actor } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { changePassword } from './commands/change-password.ts';
import { createApiToken, presentToken, revokeApiToken } from './commands/api-tokens.ts';
import { login } from './commands/login.ts';
import { sessionEnd } from './authenticate.ts';
import { loadActor } from './load-actor.ts';
import { SESSION_COOKIE, sessionCookieOptions } from './tokens.ts';
import { signInLimits } from '../http/rate-limits.ts';

export function presentMe(actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    fullName: actor.fullName,
    mustChangePassword: actor.mustChangePassword,
    isSystemAdmin: isSystemAdmin(actor),
    grants: actor.grants
      .filter((g) => !g.archive)
      .map((g) => ({ id: g.id, role: g.role, unitId: g.unitId, unitName: g.unitName })),
    abilities: Object.fromEntries(ACTIONS.map((a) => [a, can(actor, a)])) as z.infer<typeof ZMe>['abilities'],
  };
}

export function authRoutes(app: App): void {
  // Per-address limits on requests and on wrong passwords; the per-name throttle is in the login command.
  const signIn = signInLimits(app);
  app.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Đăng nhập', body: ZLoginBody, response: { 200: ZMe } },
      config: { public: true, rateLimit: signIn.rateLimit },
      preHandler: signIn.preHandler,
      onResponse: signIn.onResponse,
    },
    async (req, reply) => {
      const { db, config } = app;
      const result = await login(db, config, req.ctx, { ...req.body, userAgent: req.headers['user-agent'] ?? null });
      const now = Date.now();
      reply.setCookie(
        SESSION_COOKIE,
        result.secret,
        sessionCookieOptions(config, Math.floor((sessionEnd(config, new Date(now), now) - now) / 1000)),
      );
      const actor = await loadActor(db, result.userId, 'session', null);
      return presentMe(actor!);
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'Đăng xuất', response: { 200: ZOk } },
      config: { public: true, allowedBeforePasswordChange: true },
    },
    async (req, reply) => {
      const actor = req.ctx.actor;
      if (actor?.sessionId) {
        await writeTransaction(app.db, req.ctx, async ({ trx, audit }) => {
          await trx
            .updateTable('user_session')
            .set({ revoked_at: new Date() })
            .where('id', '=', actor.sessionId!)
            .execute();
          await audit({
            action: 'auth.logout',
            entityType: 'user',
            entityId: actor.userId,
            unitId: null,
            summary: `${actor.fullName} đăng xuất`,
          });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    {
      schema: { tags: ['auth'], summary: 'Người dùng hiện tại và quyền', response: { 200: ZMe } },
      config: { allowedBeforePasswordChange: true },
    },
    (req) => presentMe(requireActor(req.ctx)),
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Đổi mật khẩu (mọi phiên khác kết thúc, mọi mã truy cập API bị thu hồi)',
        body: ZChangePasswordBody,
        response: { 200: ZOk },
      },
      config: { allowedBeforePasswordChange: true },
    },
    async (req) => {
      await changePassword(app.db, req.ctx, req.body);
      return { ok: true as const };
    },
  );

  app.get(
    '/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Mã truy cập API của tôi, và thời hạn mặc định / tối đa của mã mới',
        response: { 200: ZTokenList },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const rows = await app.db
        .selectFrom('api_token')
        .select(['id', 'name', 'prefix', 'created_at', 'expires_at', 'last_used_at', 'revoked_at'])
        .where('user_id', '=', actor.userId)
        .orderBy('id', 'desc')
        .execute();
      return {
        items: rows.map(presentToken),
        defaultDays: app.config.tokenDefaultDays,
        maxDays: app.config.tokenMaxDays,
      };
    },
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Tạo mã truy cập API (hiển thị một lần; luôn có thời hạn)',
        body: ZCreateTokenBody,
        response: { 201: ZCreatedToken },
      },
    },
    async (req, reply) => {
      const created = await createApiToken(
        app.db,
        req.ctx,
        { defaultDays: app.config.tokenDefaultDays, maxDays: app.config.tokenMaxDays },
        req.body,
      );
      reply.code(201);
      return created;
    },
  );

  app.post(
    '/tokens/:id/revoke',
    { schema: { tags: ['auth'], summary: 'Thu hồi mã truy cập API', params: ZIdParams, response: { 200: ZApiToken } } },
    async (req) => revokeApiToken(app.db, req.ctx, req.params.id),
  );
}
