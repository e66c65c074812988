/**
 * The browser suite's shared start-up: per spec file, the web build (if its sources changed), the demo
 * server in-process and one Chromium — and a typed API client for the data a journey starts from.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, LAPTOP, openPage } from './browser.ts';
import { startServer, type RunningServer } from './server.ts';
import { ensureWebBuild } from './web-build.ts';

export interface DemoSuite {
  readonly server: RunningServer;
  readonly browser: Browser;
  /** A fresh signed-out page on the demo server (openPage in browser.ts). */
  open(viewport?: { width: number; height: number }): Promise<Page>;
}

/**
 * Registers the spec file's beforeAll/afterAll: the demo server and Chromium start once, `prepare` runs when
 * both are up (the data the journeys start from), and both stop at the end. Use the returned object inside
 * tests and hooks only.
 */
export function demoSuite(prepare?: (suite: DemoSuite) => Promise<void>): DemoSuite {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined)
      throw new Error('The demo server and the browser start in beforeAll: use them inside a test or a hook.');
    return value;
  };
  const suite: DemoSuite = {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
    open: (viewport = LAPTOP) => openPage(started(browser), started(server).baseUrl, viewport),
  };
  beforeAll(async () => {
    ensureWebBuild();
    server = await startServer();
    browser = await launchBrowser();
    await prepare?.(suite);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return suite;
}

/**
 * Calls the API with a signed-in session (cookie and the client header); a non-2xx answer throws with its body.
 * T is what the caller reads of the answer (unknown unless named).
 */
export type ApiCall = <T = unknown>(method: string, path: string, body?: unknown) => Promise<T>;

/** Sign in through the API as `username` on `baseUrl`. */
export async function apiAs(baseUrl: string, username: string, password: string): Promise<ApiCall> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!login.ok) throw new Error(`sign-in as ${username}: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  return async (method, path, body) => {
    const response = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-dh-client': 'e2e', ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json as never;
  };
}
