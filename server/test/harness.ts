/**
 * Integration-test harness: a fresh database (cloned), the real app on it,
 * and helpers to sign in and call the API as a given user.
 */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { ERROR_STATUS, type ErrorCode } from '../../common/errors.ts';
import { z } from '../../common/zod-setup.ts';
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

/**
 * The body as JSON, unchecked: `unknown` unless the caller names its type. Prefer expectOk / expectError, which
 * check the status and the body's shape; this is only for bodies no route schema describes (the OpenAPI
 * document, a rate-limit answer read key by key, a fuzzer's arbitrary answers), each typed with a named type.
 */
export function json<T = unknown>(response: LightMyRequestResponse): T {
  return response.json<T>();
}

/**
 * The value, asserted present: for a `find` or an index read a test goes on to rely on. Fails the test naming
 * what was missing, rather than a TypeError further down.
 */
export function present<T>(value: T | undefined, what: string): T {
  expect(value, what).toBeDefined();
  return value as T;
}

/** A response body that is not what its schema says: the issues and the body, so the failure shows both. */
function parseBody<S extends z.ZodType>(response: LightMyRequestResponse, schema: S): z.output<S> {
  const parsed = schema.safeParse(response.json());
  if (!parsed.success)
    throw new Error(`the response does not match its schema: ${z.prettifyError(parsed.error)}\n${response.body}`);
  return parsed.data;
}

/**
 * Asserts the status (200 unless told, e.g. 201 for a creation), parses the body with the route's own response
 * schema from common/schemas and returns it typed: the test checks the contract, not just some JSON.
 */
export function expectOk<S extends z.ZodType>(response: LightMyRequestResponse, schema: S, status = 200): z.output<S> {
  expect(response.statusCode, response.body).toBe(status);
  return parseBody(response, schema);
}

const ZErrorBody = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
  }),
});
export type TestErrorBody = z.output<typeof ZErrorBody>['error'];

/**
 * Asserts an error answer in the API's one error shape: the status, the machine code, and — when given — the
 * distinct fields it names, in any order (code and fields first: they are the contract; the message is for people). Returns
 * the error so a test can still check the message.
 */
export function expectError(
  response: LightMyRequestResponse,
  status: number,
  code: ErrorCode,
  fields?: readonly string[],
): TestErrorBody {
  expect(response.statusCode, response.body).toBe(status);
  const { error } = parseBody(response, ZErrorBody);
  expect(error.code, response.body).toBe(code);
  if (fields !== undefined) {
    const named = [...new Set((error.fields ?? []).map((f) => f.field))].sort();
    expect(named, response.body).toEqual([...new Set(fields)].sort());
  }
  return error;
}
