/**
 * A 429 that says when to come back: the error handler in app.ts turns `retryAfterSeconds` into the
 * Retry-After header, so clients and people both know how long to wait.
 */
import { AppError } from '../lib/errors.ts';

export class RetryLaterError extends AppError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterSeconds));
  }
}

/** A wait in words: "45 giây", "3 phút", "2 giờ". */
export function formatWait(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} giây`;
  if (s < 3600) return `${Math.ceil(s / 60)} phút`;
  return `${Math.ceil(s / 3600)} giờ`;
}
