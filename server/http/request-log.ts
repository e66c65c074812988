/**
 * One log line per request, at a level that keeps the default (LOG_LEVEL=info) quiet under load.
 *
 * Fastify's own request logging writes two info lines per request ("incoming request", "request
 * completed"), synchronously (pino → sonic-boom → write(2)). Measured under 50 connections, that was
 * the cold phase of a fresh server: ~90 requests/s for its first seconds at info, several times more at
 * warn. An access log per request belongs to the reverse proxy (docs/deploy.md: nginx); the server logs
 * what an operator needs at info: failures and slow requests. Every request is still logged at debug.
 */
import { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest } from 'fastify';

/** A request slower than this is logged at info: the latency an operator should hear about. */
export const SLOW_REQUEST_MS = 1000;

export type RequestLogLevel = 'warn' | 'info' | 'debug';

/** 5xx → warn (the error handler has logged the fault itself at error), slow → info, the rest → debug. */
export function requestLogLevel(statusCode: number, elapsedMs: number): RequestLogLevel {
  if (statusCode >= 500) return 'warn';
  if (elapsedMs >= SLOW_REQUEST_MS) return 'info';
  return 'debug';
}

/**
 * Fastify's log controller with its per-request lines replaced: nothing on arrival, one line on completion
 * at requestLogLevel's level. Errors Fastify logs itself (a failed response stream, its default error handler) keep their levels.
 */
export class RequestLog extends LogController {
  override incomingRequest(): void {
    // Nothing on arrival: the completion line carries the method and address.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const elapsedMs = reply.elapsedTime;
    const level = error ? 'warn' : requestLogLevel(reply.statusCode, elapsedMs);
    // A level below LOG_LEVEL is pino's no-op function: nothing is serialised or written.
    const log: FastifyBaseLogger = reply.log;
    const line = { method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(elapsedMs) };
    if (error) log.warn({ ...line, err: error }, 'request errored');
    else log[level](line, level === 'info' ? 'slow request' : 'request completed');
  }
}
