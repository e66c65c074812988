/**
 * Per-address request limits (@fastify/rate-limit). They are kept in memory, per node: a cluster of N
 * nodes lets N times as much through — the per-name sign-in counters that matter against guessing
 * (server/accounts/login-throttle.ts) are in the database and hold across nodes.
 *
 * The address is Fastify's `request.ip`: the socket's peer unless TRUST_PROXY names the proxy in front,
 * so a forged X-Forwarded-For changes nothing by default. IPv6 addresses count per /64.
 *
 * Signed-in requests are not limited here (they are accountable and audited); the web app's static
 * files are not either (no database work), nor health probes. What is limited:
 * - every request without a signed-in user to a public API route (`config.public`: sign-in, the public
 *   disclosure pages and comments, the API documentation): ANONYMOUS per address. (Routes that need a
 *   signed-in user refuse anonymous callers at once in authentication, before any work: not counted.)
 * - POST /auth/login: SIGN_IN requests per address (each checks a password, which costs CPU), and
 *   SIGN_IN_FAILURES wrong passwords per address whatever the names (stops spraying many names);
 * - POST /public/disclosures/:token/comments: PUBLIC_COMMENTS per address (each notifies the honours
 *   staff; the database also keeps its daily limit per address and list);
 * - requests with a bearer token that is refused: BAD_TOKENS per address.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { App } from '../lib/http.ts';
import { formatWait, RetryLaterError } from './retry-later.ts';

interface Limit {
  max: number;
  /** Milliseconds. */
  timeWindow: number;
  /** What was too much, in a sentence that ends with the wait. */
  message: (wait: string) => string;
}

const MINUTE = 60_000;

export const RATE_LIMITS = {
  ANONYMOUS: {
    max: 100,
    timeWindow: MINUTE,
    message: (wait) => `Quá nhiều yêu cầu từ địa chỉ này khi chưa đăng nhập. Hãy thử lại sau ${wait}.`,
  },
  SIGN_IN: {
    max: 30,
    timeWindow: MINUTE,
    message: (wait) => `Quá nhiều lần đăng nhập từ địa chỉ này. Hãy thử lại sau ${wait}.`,
  },
  SIGN_IN_FAILURES: {
    max: 10,
    timeWindow: 15 * MINUTE,
    message: (wait) => `Đăng nhập sai quá nhiều lần từ địa chỉ này. Hãy thử lại sau ${wait}.`,
  },
  PUBLIC_COMMENTS: {
    max: 10,
    timeWindow: 10 * MINUTE,
    message: (wait) => `Địa chỉ này đã gửi quá nhiều góp ý trong thời gian ngắn. Hãy gửi lại sau ${wait}.`,
  },
  BAD_TOKENS: {
    max: 20,
    timeWindow: MINUTE,
    message: (wait) => `Quá nhiều yêu cầu với mã truy cập API không hợp lệ từ địa chỉ này. Hãy thử lại sau ${wait}.`,
  },
} satisfies Record<string, Limit>;

function refusal(limit: Limit, ttlMs: number): RetryLaterError {
  const seconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return new RetryLaterError(limit.message(formatWait(seconds)), seconds);
}

function logExceeded(name: string) {
  return (req: FastifyRequest, key: string) => req.log.warn({ limit: name, key }, 'rate limit exceeded');
}

/** Options of the plugin's global limit: anonymous API requests. */
export function anonymousLimitOptions() {
  const limit = RATE_LIMITS.ANONYMOUS;
  return {
    max: limit.max,
    timeWindow: limit.timeWindow,
    // After onRequest (authentication has said who is asking) and before the body is read.
    hook: 'preParsing' as const,
    // Health probes (a load balancer's, every few seconds) must never be refused.
    allowList: (req: FastifyRequest) =>
      !req.url.startsWith('/api/') || req.url.startsWith('/api/health') || Boolean(req.ctx?.actor),
    errorResponseBuilder: (_req: FastifyRequest, ctx: { ttl: number }) => refusal(limit, ctx.ttl),
    onExceeded: logExceeded('anonymous'),
  };
}

/** A route's own limit, for everyone (signed in or not), per address. */
function routeLimit(name: string, limit: Limit): RateLimitOptions {
  return {
    max: limit.max,
    timeWindow: limit.timeWindow,
    allowList: () => false,
    errorResponseBuilder: (_req, ctx) => refusal(limit, ctx.ttl),
    onExceeded: logExceeded(name),
  };
}

/**
 * A limit on failures only: checked before the work (without counting), counted when the answer is
 * `failedStatus`. Successful requests do not use it up (an office behind one address signing in at 8:00).
 */
export function failureLimit(
  app: App,
  name: string,
  limit: Limit,
  failedStatus: number,
  applies: (req: FastifyRequest) => boolean = () => true,
) {
  const counter = app.createRateLimit({ max: limit.max, timeWindow: limit.timeWindow, allowList: () => false });
  return {
    async check(req: FastifyRequest): Promise<void> {
      if (!applies(req)) return;
      const state = await counter(req, { increment: false });
      if (!state.isAllowed && state.remaining === 0) {
        req.log.warn({ limit: name, key: state.key }, 'rate limit exceeded');
        throw refusal(limit, state.ttl);
      }
    },
    async count(req: FastifyRequest, reply: FastifyReply): Promise<void> {
      if (reply.statusCode === failedStatus && applies(req)) await counter(req);
    },
  };
}

/**
 * POST /auth/login: `rateLimit` (route config) counts requests per address; `preHandler` and
 * `onResponse` (route hooks) count wrong passwords per address.
 */
export function signInLimits(app: App) {
  const failures = failureLimit(app, 'sign-in failures', RATE_LIMITS.SIGN_IN_FAILURES, 401);
  return {
    rateLimit: routeLimit('sign-in', RATE_LIMITS.SIGN_IN),
    preHandler: async (req: FastifyRequest) => failures.check(req),
    onResponse: async (req: FastifyRequest, reply: FastifyReply) => failures.count(req, reply),
  };
}

/** The route config `rateLimit` of the public comment form. */
export function publicCommentLimit(): RateLimitOptions {
  return routeLimit('public comments', RATE_LIMITS.PUBLIC_COMMENTS);
}

/** Requests presenting a bearer token that is refused (401), per address; checked before authentication. */
export function badTokenLimit(app: App) {
  const hasBearer = (req: FastifyRequest) => req.headers.authorization?.startsWith('Bearer ') === true;
  return failureLimit(app, 'bad API tokens', RATE_LIMITS.BAD_TOKENS, 401, hasBearer);
}
