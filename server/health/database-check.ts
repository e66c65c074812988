/** Readiness of the database: a `select 1` bounded in time (a pool waiting for an unreachable host must not hang the probe). */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { isDatabaseUnavailable } from '../lib/errors.ts';

export interface DatabaseCheck {
  ok: boolean;
  latencyMs: number;
  /** Why not: no answer in time, the database cannot be reached, or it answered with an error. */
  reason?: 'timeout' | 'unreachable' | 'error';
}

export async function checkDatabase(db: Kysely<DB>, timeoutMs: number): Promise<DatabaseCheck> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 10) / 10;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  // A query that outlives the timeout still settles later; its failure must not be an unhandled rejection.
  const query = sql`select 1`.execute(db).then(
    () => 'ok' as const,
    (error: unknown) => (isDatabaseUnavailable(error) ? ('unreachable' as const) : ('error' as const)),
  );
  try {
    const outcome = await Promise.race([query, timeout]);
    return outcome === 'ok' ? { ok: true, latencyMs: elapsed() } : { ok: false, latencyMs: elapsed(), reason: outcome };
  } finally {
    clearTimeout(timer);
  }
}
