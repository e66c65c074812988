import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createTestDatabase } from '../test/test-db.ts';
import { requestLogLevel, SLOW_REQUEST_MS } from './request-log.ts';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

/** The real app logging at `level` into an array of parsed lines. */
async function appLoggingAt(level: string) {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dh-test-'));
  const config = { ...loadConfig({ DATA_DIR: dataDir }), logLevel: level };
  const lines: Array<Record<string, unknown>> = [];
  const stream = { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) };
  const app = await buildApp({ db: database.db, config, logger: { stream } });
  cleanup.push(async () => {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { app, lines };
}

describe('request logging', () => {
  it('writes nothing per ordinary request at the default level (info)', async () => {
    const { app, lines } = await appLoggingAt('info');
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/v1/auth/me' })).statusCode).toBe(401);
    }
    expect(lines.filter((l) => l.reqId !== undefined)).toEqual([]);
  });

  it('writes one line per request at debug, with method, address, status and time', async () => {
    const { app, lines } = await appLoggingAt('debug');
    await app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    const perRequest = lines.filter((l) => l.reqId !== undefined);
    expect(perRequest).toHaveLength(1);
    expect(perRequest[0]).toMatchObject({ method: 'GET', url: '/api/v1/auth/me', statusCode: 401, level: 20 });
    expect(typeof perRequest[0]!.ms).toBe('number');
  });

  it('raises failures and slow requests to where an operator sees them', () => {
    expect(requestLogLevel(200, 3)).toBe('debug');
    expect(requestLogLevel(404, 3)).toBe('debug');
    expect(requestLogLevel(200, SLOW_REQUEST_MS)).toBe('info');
    expect(requestLogLevel(503, 3)).toBe('warn');
  });
});
