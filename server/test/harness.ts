/**
 * Integration-test harness: a fresh database (cloned), the real app on it,
 * and helpers to sign in and call the API as a given user.
 */
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { App } from '../lib/http.ts';
import { CLIENT_HEADER } from '../../common/client-header.ts';
import { createTestDatabase } from './test-db.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TestContext {
  app: App;
  database: Database;
  db: Database['db'];
  dataDir: string;
}

const open: Array<() => Promise<void>> = [];

/** Close everything the finished test opened (registered for every file by server/test/setup-each.ts). */
export async function closeTestResources(): Promise<void> {
  while (open.length) await open.pop()!();
}

/** A migrated database and the app on it; both are closed after the test. */
export async function setupTest(): Promise<TestContext> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dh-test-'));
  const config = { ...loadConfig({ DATA_DIR: dataDir }), maxUploadBytes: 1024 * 1024 };
  const app = await buildApp({ db: database.db, config, logger: process.env.TEST_LOG === '1' });
  open.push(async () => {
    await app.close();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { app, database, db: database.db, dataDir };
}

export interface Session {
  headers: Record<string, string>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

function sessionFor(app: App, headers: Record<string, string>): Session {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
  return {
    headers,
    get: (url) => send('GET', url),
    post: (url, body) => send('POST', url, body ?? {}),
    patch: (url, body) => send('PATCH', url, body ?? {}),
    put: (url, body) => send('PUT', url, body ?? {}),
    delete: (url) => send('DELETE', url),
  };
}

/** Sign in through the API and return a client carrying the session cookie and the CSRF header. */
export async function signIn(app: App, username: string, password: string): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
  if (response.statusCode !== 200)
    throw new Error(`sign-in failed for ${username}: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'dh_session');
  if (!cookie) throw new Error('no session cookie');
  return sessionFor(app, { cookie: `dh_session=${cookie.value}`, [CLIENT_HEADER]: 'test' });
}

/** A client with no credentials. */
export function anonymous(app: App): Session {
  return sessionFor(app, { [CLIENT_HEADER]: 'test' });
}

export function json<T = any>(response: LightMyRequestResponse): T {
  return response.json() as T;
}
