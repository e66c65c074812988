/**
 * PostgreSQL going away and coming back (pg_terminate_backend, a restart), on a private cluster
 * started for this file — never the shared test cluster, which other test files use meanwhile.
 * Before the pool had error listeners, the first terminated connection ended the process
 * ("Emitted 'error' event on Client instance"): here that would be an unhandled error failing the run.
 */
import { execFile } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { kyselyOnPostgres } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { ZMe } from '../../common/schemas/accounts.ts';
import { z } from '../../common/zod-setup.ts';
import { anonymous, expectError, expectOk, signIn } from '../test/harness.ts';
import { ZReadiness } from './test-helpers.ts';
import { adminQuery, withDatabase } from '../test/pg-admin.ts';
import { killServerProcesses, repoRoot, startServerProcess } from '../test/server-process.ts';

const ZErrorCode = z.object({ error: z.object({ code: z.string() }) });

const run = promisify(execFile);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A private PostgreSQL 15 cluster through the test scripts (same binaries, own port and folder). */
class Cluster {
  constructor(
    readonly port: number,
    readonly dir: string,
  ) {}
  private env() {
    return { ...process.env, PGPORT: String(this.port), PG_TEST_DIR: this.dir };
  }
  async start(): Promise<string> {
    const { stdout } = await run('bash', [path.join(repoRoot, 'scripts/start-test-postgres.sh')], { env: this.env() });
    return stdout.trim().split('\n').pop()!;
  }
  async stop(purge = false): Promise<void> {
    await run('bash', [path.join(repoRoot, 'scripts/stop-test-postgres.sh'), ...(purge ? ['--purge'] : [])], {
      env: this.env(),
    });
  }
}

/** Polls until `check` is true; returns the milliseconds it took, or throws after `limitMs`. */
async function within(limitMs: number, check: () => Promise<boolean>): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if (await check().catch(() => false)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not within ${limitMs} ms`);
}

describe.runIf(process.env.TEST_DATABASE_URL)('a PostgreSQL outage', () => {
  let cluster: Cluster;
  let adminUrl: string;
  let appUrl: string;

  /** Ends every connection of the app's database, as an operator or a failover would. */
  const terminateBackends = async () => {
    await adminQuery(
      adminUrl,
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = 'dh_outage' and pid <> pg_backend_pid()`,
    );
  };

  beforeAll(async () => {
    cluster = new Cluster(await freePort(), path.join(os.tmpdir(), `dh-outage-pg-${process.pid}`));
    adminUrl = await cluster.start();
    await adminQuery(adminUrl, 'create database dh_outage');
    appUrl = withDatabase(adminUrl, 'dh_outage');
    const database = kyselyOnPostgres(appUrl, 2);
    await migrateToLatest(database.db);
    await database.close();
  }, 300_000);
  afterAll(async () => {
    killServerProcesses();
    await cluster?.stop(true);
  }, 120_000);
  afterEach(killServerProcesses);

  it('keeps the app alive: 503 while PostgreSQL is gone, and the same app serves again once it is back', async () => {
    const lost: Error[] = [];
    const database = kyselyOnPostgres(appUrl, { max: 4, onConnectionError: (e) => lost.push(e) });
    try {
      const tree = await buildTree(database.db);
      const user = await buildUser(database.db, { grants: [{ role: 'viewer', unitId: tree.root }] });
      const app = await buildApp({ db: database.db, config: loadConfig({ DATA_DIR: os.tmpdir() }) });
      // A request caught in a transaction when its connection is terminated.
      app.get('/api/v1/test-slow', async () =>
        database.db.transaction().execute(async (trx) => sql`select pg_sleep(30)`.execute(trx)),
      );
      try {
        const api = await signIn(app, user.username, DEFAULT_PASSWORD);
        expect((await api.get('/api/v1/auth/me')).statusCode).toBe(200);

        const slow = api.get('/api/v1/test-slow');
        await within(10_000, async () => {
          const { rows } = await sql<{
            n: number;
          }>`select count(*)::int as n from pg_stat_activity where datname = 'dh_outage' and query like '%pg_sleep(30)%' and state = 'active' and pid <> pg_backend_pid()`.execute(
            database.db,
          );
          return rows[0]!.n > 0;
        });
        await terminateBackends();
        const cut = await slow;
        expect(expectError(cut, 503, 'DATABASE_UNAVAILABLE').message).toContain('thử lại');
        expect(cut.headers['retry-after']).toBe('5');
        // The dead connections were discarded: the next request gets a fresh one.
        expect((await api.get('/api/v1/auth/me')).statusCode).toBe(200);

        await cluster.stop();
        const down = await api.get('/api/v1/auth/me');
        expectError(down, 503, 'DATABASE_UNAVAILABLE');
        // Probes come without a session (with one, the sign-in check itself answers the 503).
        const notReady = await anonymous(app).get('/api/health');
        expect(expectOk(notReady, ZReadiness, 503).status).toBe('not_ready');
        expect((await anonymous(app).get('/api/health/live')).statusCode).toBe(200);

        await cluster.start();
        await within(10_000, async () => (await anonymous(app).get('/api/health')).statusCode === 200);
        const me = await api.get('/api/v1/auth/me');
        expect(expectOk(me, ZMe).username).toBe(user.username);
        expect(lost.length).toBeGreaterThan(0); // reported to the listener, not thrown
      } finally {
        await app.close();
      }
    } finally {
      await database.close();
    }
  }, 120_000);

  it('lets a request wait for a busy pool longer than the connect timeout (only opening a connection is bounded)', async () => {
    const database = kyselyOnPostgres(appUrl, { max: 1, connectionTimeoutMillis: 300 });
    try {
      const busy = sql`select pg_sleep(1.2)`.execute(database.db);
      const started = Date.now();
      const { rows } = await sql<{ one: number }>`select 1 as one`.execute(database.db);
      expect(rows[0]!.one).toBe(1);
      expect(Date.now() - started).toBeGreaterThan(600); // it waited for the busy client, and was not refused
      await busy;
    } finally {
      await database.close();
    }
  });

  it('keeps the real server process alive across terminated backends and a PostgreSQL restart; ready again within 10 s', async () => {
    const server = await startServerProcess({ DATABASE_URL: appUrl });
    const ready = async () => (await fetch(`${server.baseUrl}/api/health`)).status === 200;
    expect(await ready()).toBe(true);

    await terminateBackends();
    const afterTerminate = await within(10_000, ready);
    expect(server.alive()).toBe(true);

    await cluster.stop();
    const down = await fetch(`${server.baseUrl}/api/health`);
    expect(down.status).toBe(503);
    expect(down.headers.get('retry-after')).toBe('5');
    expect((await fetch(`${server.baseUrl}/api/health/live`)).status).toBe(200);
    const login = await fetch(`${server.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'khong-co', password: 'khong-quan-trong' }),
    });
    expect(login.status).toBe(503);
    // A real server process answers through fetch, not app.inject: its body is parsed here, not by expectError.
    expect(ZErrorCode.parse(await login.json()).error.code).toBe('DATABASE_UNAVAILABLE');

    await cluster.start();
    const afterRestart = await within(10_000, ready);
    expect(server.alive(), server.output()).toBe(true);
    console.info(
      `[outage] ready again ${afterTerminate} ms after pg_terminate_backend, ${afterRestart} ms after the restart`,
    );
    expect(await server.stop('SIGTERM')).toEqual({ code: 0, signal: null });
  }, 300_000);
});
