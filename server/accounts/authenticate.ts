/**
 * onRequest hook: resolves the session cookie or the bearer API token into an
 * Actor on request.ctx. Cookie-authenticated writes must carry the client
 * header (a cross-site form cannot set it), which guards against CSRF.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { AppError } from '../lib/errors.ts';
import { CLIENT_HEADER } from '../lib/http.ts';
import { loadActor } from './load-actor.ts';
import { API_TOKEN_PREFIX, SESSION_COOKIE, sha256 } from './tokens.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const SLIDE_AFTER_MS = 5 * 60 * 1000;

export async function authenticate(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  request.ctx = { actor: null, requestId: String(request.id), ip: request.ip };
  if (!request.url.startsWith('/api/')) return;
  const db = request.server.db;
  const config = request.server.config;

  const authorization = request.headers.authorization;
  if (authorization?.startsWith('Bearer ')) {
    const secret = authorization.slice('Bearer '.length).trim();
    if (!secret.startsWith(API_TOKEN_PREFIX)) throw new AppError('UNAUTHENTICATED', 'Mã truy cập API không hợp lệ.');
    const token = await db
      .selectFrom('api_token')
      .select(['id', 'user_id', 'expires_at', 'revoked_at'])
      .where('token_hash', '=', sha256(secret))
      .executeTakeFirst();
    if (!token || token.revoked_at || (token.expires_at && token.expires_at.getTime() < Date.now())) {
      throw new AppError('UNAUTHENTICATED', 'Mã truy cập API không hợp lệ, đã hết hạn hoặc đã bị thu hồi.');
    }
    const actor = await loadActor(db, token.user_id, 'token', null);
    if (!actor) throw new AppError('UNAUTHENTICATED', 'Tài khoản gắn với mã truy cập đã bị khóa.');
    await db.updateTable('api_token').set({ last_used_at: new Date() }).where('id', '=', token.id).execute();
    request.ctx.actor = actor;
    return;
  }

  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const sessionId = sha256(cookie);
  const session = await db
    .selectFrom('user_session')
    .select(['id', 'user_id', 'expires_at', 'last_seen_at', 'revoked_at'])
    .where('id', '=', sessionId)
    .executeTakeFirst();
  if (!session || session.revoked_at || session.expires_at.getTime() < Date.now()) return;
  const actor = await loadActor(db, session.user_id, 'session', session.id);
  if (!actor) return;
  if (!SAFE_METHODS.has(request.method) && request.headers[CLIENT_HEADER] === undefined) {
    throw new AppError('FORBIDDEN', 'Yêu cầu ghi dữ liệu phải được gửi từ ứng dụng (thiếu tiêu đề bảo vệ CSRF).');
  }
  if (Date.now() - session.last_seen_at.getTime() > SLIDE_AFTER_MS) {
    await db
      .updateTable('user_session')
      .set({ last_seen_at: new Date(), expires_at: sql<Date>`now() + make_interval(hours => ${config.sessionHours})` })
      .where('id', '=', session.id)
      .execute();
  }
  request.ctx.actor = actor;
}
