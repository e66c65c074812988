/**
 * onRequest hook: resolves the session cookie or the bearer API token into an
 * Actor on request.ctx, then decides, before the body is even read:
 *
 * - nobody signed in → 401 on every /api/ route not marked `config: { public: true }`
 *   (so a malformed body from an anonymous caller gets 401, not 400 — the
 *   shape of the API's input is not a reward for anonymous probing);
 * - the account must change its password → 403 PASSWORD_CHANGE_REQUIRED on
 *   every route not marked `config: { allowedBeforePasswordChange: true }`
 *   (who am I, change password, sign out), for sessions and tokens alike;
 * - cookie-authenticated writes must carry the client header (a cross-site
 *   form cannot set it), which guards against CSRF.
 *
 * Sessions slide (SESSION_HOURS of inactivity) within an absolute lifetime
 * from sign-in (SESSION_MAX_DAYS); the cookie is renewed as the session
 * slides and never outlives it.
 */
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Config } from '../config.ts';
import { AppError } from '../lib/errors.ts';
import { CLIENT_HEADER } from '../../common/client-header.ts';
import { loadActor } from './load-actor.ts';
import { API_TOKEN_PREFIX, SESSION_COOKIE, sessionCookieOptions, sha256 } from './tokens.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Anyone may call the route, signed in or not (sign-in, public disclosure pages, health, the API's documentation). */
    public?: boolean;
    /** Allowed while the account must change its password: who am I, change password, sign out. */
    allowedBeforePasswordChange?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SLIDE_AFTER_MS = 5 * 60 * 1000;

export const SIGN_IN_REQUIRED = 'Bạn cần đăng nhập để tiếp tục.';
export const PASSWORD_CHANGE_REQUIRED_MESSAGE =
  'Bạn cần đổi mật khẩu trước khi tiếp tục (Hồ sơ → Đổi mật khẩu): tài khoản đang dùng mật khẩu tạm thời hoặc vừa được cấp quyền quản trị.';

/**
 * onRoute hook: the route table says which routes are public. The pages of
 * @fastify/swagger-ui cannot carry route config, so the documentation under
 * /api/docs is marked here; a public route is documented with `security: []`
 * (no credentials needed), which is also how the tests find them.
 */
export function markRouteAccess(route: RouteOptions): void {
  if (route.url.startsWith('/api/docs')) route.config = { ...route.config, public: true };
  if (route.config?.public && route.schema && !route.schema.hide) route.schema = { ...route.schema, security: [] };
}

/** The end of a session: sliding, but never past the absolute lifetime from sign-in. */
export function sessionEnd(config: Config, createdAt: Date, now = Date.now()): number {
  return Math.min(now + config.sessionHours * 3600_000, createdAt.getTime() + config.sessionMaxDays * 86_400_000);
}

async function actorFromToken(request: FastifyRequest, authorization: string) {
  const db = request.server.db;
  const secret = authorization.slice('Bearer '.length).trim();
  if (!secret.startsWith(API_TOKEN_PREFIX)) throw new AppError('UNAUTHENTICATED', 'Mã truy cập API không hợp lệ.');
  const token = await db
    .selectFrom('api_token')
    .select(['id', 'user_id', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', sha256(secret))
    .executeTakeFirst();
  if (!token || token.revoked_at || token.expires_at.getTime() <= Date.now()) {
    throw new AppError('UNAUTHENTICATED', 'Mã truy cập API không hợp lệ, đã hết hạn hoặc đã bị thu hồi.');
  }
  const actor = await loadActor(db, token.user_id, 'token', null);
  if (!actor) throw new AppError('UNAUTHENTICATED', 'Tài khoản gắn với mã truy cập đã bị khóa.');
  await db.updateTable('api_token').set({ last_used_at: new Date() }).where('id', '=', token.id).execute();
  return actor;
}

/** The session and its actor: from the node's cache (accounts/actor-cache.ts) or the database. */
async function sessionAndActor(request: FastifyRequest, sessionId: string) {
  const { db, actorCache } = request.server;
  const cached = actorCache?.get(sessionId);
  if (cached) return cached;
  const generation = actorCache?.generation() ?? 0;
  const session = await db
    .selectFrom('user_session')
    .select(['id', 'user_id', 'created_at', 'expires_at', 'last_seen_at', 'revoked_at'])
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!session || session.revoked_at) return null;
  const actor = await loadActor(db, session.user_id, 'session', session.id);
  if (!actor) return null;
  actorCache?.set(sessionId, session, actor, generation);
  return { session, actor };
}

async function actorFromSession(request: FastifyRequest, reply: FastifyReply, cookie: string) {
  const { db, config, actorCache } = request.server;
  const found = await sessionAndActor(request, sha256(cookie));
  if (!found) return null;
  const { session, actor } = found;
  const now = Date.now();
  if (session.expires_at.getTime() <= now) return null;
  // The absolute lifetime holds even for a session that sliding alone would keep alive (or one made under a longer setting).
  if (session.created_at.getTime() + config.sessionMaxDays * 86_400_000 <= now) return null;
  if (!SAFE_METHODS.has(request.method) && request.headers[CLIENT_HEADER] === undefined) {
    throw new AppError('FORBIDDEN', 'Yêu cầu ghi dữ liệu phải được gửi từ ứng dụng (thiếu tiêu đề bảo vệ CSRF).');
  }
  if (now - session.last_seen_at.getTime() > SLIDE_AFTER_MS) {
    const end = sessionEnd(config, session.created_at, now);
    await db
      .updateTable('user_session')
      .set({ last_seen_at: new Date(now), expires_at: new Date(end) })
      .where('id', '=', session.id)
      .execute();
    actorCache?.touch(session.id, new Date(now), new Date(end));
    reply.setCookie(SESSION_COOKIE, cookie, sessionCookieOptions(config, Math.floor((end - now) / 1000)));
  }
  return actor;
}

export async function authenticate(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  request.ctx = { actor: null, requestId: String(request.id), ip: request.ip };
  if (!request.url.startsWith('/api/')) return;
  const route = request.routeOptions.config;
  // An unknown /api/ address answers its 404 whoever asks.
  const open = route.public === true || request.is404;

  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    request.ctx.actor = await actorFromToken(request, authorization);
  } else {
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) request.ctx.actor = await actorFromSession(request, reply, cookie);
  }

  const actor = request.ctx.actor;
  if (open) return;
  if (!actor) throw new AppError('UNAUTHENTICATED', SIGN_IN_REQUIRED);
  if (actor.mustChangePassword && !route.allowedBeforePasswordChange) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', PASSWORD_CHANGE_REQUIRED_MESSAGE);
  }
}
