/**
 * Liveness and readiness, and how a request is answered while the database cannot be reached:
 * a 503 DATABASE_UNAVAILABLE in Vietnamese with Retry-After, never a 500 (nor a crash).
 * The unreachable database here is a closed port or a port that accepts and never answers;
 * a real PostgreSQL going away and coming back is in database-outage.test.ts.
 */
import net from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { kyselyOnPostgres } from '../db/database.ts';
import { isDatabaseUnavailable } from '../lib/errors.ts';
import { anonymous, expectError, expectOk, setupTest } from '../test/harness.ts';
import { ZLiveness, ZReadiness } from './test-helpers.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A TCP port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A port that accepts connections and never says a word (a host that hangs). */
async function silentPort(): Promise<number> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return (server.address() as net.AddressInfo).port;
}

async function appOnUnreachableDatabase(port: number, connectionTimeoutMillis = 5_000) {
  const errors: Error[] = [];
  const database = kyselyOnPostgres(`postgres://dh@127.0.0.1:${port}/postgres`, {
    max: 2,
    connectionTimeoutMillis,
    onConnectionError: (e) => errors.push(e),
  });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dh-health-'));
  const app = await buildApp({ db: database.db, config: loadConfig({ DATA_DIR: dataDir }) });
  cleanups.push(async () => {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return app;
}

describe('health', () => {
  it('answers liveness and readiness without signing in', async () => {
    const { app } = await setupTest();
    const live = await anonymous(app).get('/api/health/live');
    expect(expectOk(live, ZLiveness).status).toBe('live');
    for (const url of ['/api/health', '/api/health/ready']) {
      const ready = await anonymous(app).get(url);
      const body = expectOk(ready, ZReadiness);
      expect(body, url).toMatchObject({ status: 'ready', database: { ok: true } });
      expect(body.database.latencyMs).toBeGreaterThanOrEqual(0);
    }
  });

  it('is alive but not ready when the database refuses connections, and a request gets a Vietnamese 503 with Retry-After', async () => {
    const app = await appOnUnreachableDatabase(await closedPort());
    expect((await anonymous(app).get('/api/health/live')).statusCode).toBe(200);

    const ready = await anonymous(app).get('/api/health');
    expect(ready.headers['retry-after']).toBe('5');
    expect(expectOk(ready, ZReadiness, 503)).toMatchObject({
      status: 'not_ready',
      database: { ok: false, reason: 'unreachable' },
    });

    const login = await anonymous(app).post('/api/v1/auth/login', { username: 'admin', password: 'khong-quan-trong' });
    const error = expectError(login, 503, 'DATABASE_UNAVAILABLE');
    expect(login.headers['retry-after']).toBe('5');
    expect(error.message).toContain('không kết nối được cơ sở dữ liệu');
    expect(error.message).toContain('dữ liệu không bị thay đổi');
  });

  it('answers "not ready" within the readiness bound when the database host hangs, and requests fail fast', async () => {
    const app = await appOnUnreachableDatabase(await silentPort(), 800);
    const started = Date.now();
    const ready = await anonymous(app).get('/api/health/ready');
    const took = Date.now() - started;
    expect(expectOk(ready, ZReadiness, 503).database.reason).toMatch(/timeout|unreachable/);
    expect(took).toBeLessThan(3_000);

    const login = await anonymous(app).post('/api/v1/auth/login', { username: 'admin', password: 'khong-quan-trong' });
    expectError(login, 503, 'DATABASE_UNAVAILABLE');
  });
});

describe('isDatabaseUnavailable', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

  it('recognises lost and refused connections, server shutdown and start-up', () => {
    for (const code of [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      '57P01',
      '57P02',
      '57P03',
      '08006',
      '08001',
      '53300',
    ]) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    }
    for (const message of [
      'Connection terminated unexpectedly',
      'Connection terminated due to connection timeout',
      'timeout expired',
      'timeout exceeded when trying to connect',
      'Client has encountered a connection error and is not queryable',
    ]) {
      expect(isDatabaseUnavailable(new Error(message)), message).toBe(true);
    }
    expect(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]))).toBe(true);
  });

  it('leaves input errors and real faults alone', () => {
    for (const code of ['23505', '23503', '22P02', '40001', '42P01', 'FST_ERR_VALIDATION']) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(false);
    }
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('the import timeout expired for row 5'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable(new AggregateError([withCode('ECONNREFUSED'), new Error('boom')]))).toBe(false);
  });
});
