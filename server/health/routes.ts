/**
 * Health endpoints for a load balancer, systemd checks or monitoring — public, no sign-in:
 *   GET /api/health/live   liveness: the process answers (200) — restart it only when this fails;
 *   GET /api/health/ready  readiness: the database answers `select 1` within 2 s (200), else 503;
 *   GET /api/health        the same as /ready (what an operator or a proxy checks by default).
 * Probes run every few seconds, so they are logged only on warnings.
 */
import type { FastifyReply } from 'fastify';
import { DATABASE_RETRY_AFTER_SECONDS } from '../lib/errors.ts';
import type { App } from '../lib/http.ts';
import { checkDatabase } from './database-check.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Anyone may call the route, signed in or not (the convention of accounts/authenticate.ts, declared alike there). */
    public?: boolean;
  }
}

/** How long readiness waits for the database before answering "not ready". */
export const READINESS_TIMEOUT_MS = 2_000;

const probe = { schema: { hide: true }, config: { public: true }, logLevel: 'warn' } as const;

export function healthRoutes(app: App): void {
  app.get('/api/health/live', probe, () => ({
    status: 'live' as const,
    uptimeSeconds: Math.round(process.uptime()),
  }));

  const ready = async (_request: unknown, reply: FastifyReply) => {
    const database = await checkDatabase(app.db, READINESS_TIMEOUT_MS);
    if (database.ok) return { status: 'ready' as const, database };
    return reply
      .code(503)
      .header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
      .send({
        status: 'not_ready' as const,
        database,
        message: 'Máy chủ chưa sẵn sàng: không kết nối được cơ sở dữ liệu.',
      });
  };
  app.get('/api/health', probe, ready);
  app.get('/api/health/ready', probe, ready);
}
