/**
 * Security headers (security.ts) on every answer — the web app's pages and assets, the API, its errors and
 * its documentation — and a web app that a strict CSP lets run (no inline script, no eval).
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp, webDist } from '../app.ts';
import type { App } from '../lib/http.ts';
import { setupTest } from '../test/harness.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** The CSP header as directive → sources. */
function csp(r: LightMyRequestResponse): Record<string, string[]> {
  const header = r.headers['content-security-policy'];
  expect(header, `${r.statusCode} ${r.body.slice(0, 80)}`).toBeTypeOf('string');
  return Object.fromEntries(
    String(header)
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...sources] = d.split(/\s+/);
        return [name!, sources];
      }),
  );
}

function expectSecurityHeaders(r: LightMyRequestResponse) {
  const policy = csp(r);
  expect(policy['default-src']).toEqual(["'self'"]);
  expect(policy['script-src']).toEqual(["'self'"]);
  expect(policy['script-src-attr']).toEqual(["'none'"]);
  expect(policy['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
  expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:']);
  expect(policy['font-src']).toEqual(["'self'", 'data:']);
  expect(policy['connect-src']).toEqual(["'self'"]);
  expect(policy['object-src']).toEqual(["'none'"]);
  expect(policy['base-uri']).toEqual(["'self'"]);
  expect(policy['form-action']).toEqual(["'self'"]);
  expect(policy['frame-ancestors']).toEqual(["'none'"]);
  expect(r.headers['x-frame-options']).toBe('DENY');
  expect(r.headers['referrer-policy']).toBe('same-origin');
  expect(r.headers['x-content-type-options']).toBe('nosniff');
  return policy;
}

const extra: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (extra.length) await extra.pop()!();
});

/** A second app on the test's database with other settings (closed after the test). */
async function appWith(
  t: Awaited<ReturnType<typeof setupTest>>,
  changes: Partial<App['config']>,
  webRoot?: string,
): Promise<App> {
  const app = await buildApp({ db: t.db, config: { ...t.app.config, ...changes }, webRoot });
  extra.push(() => app.close());
  return app;
}

describe('security headers', () => {
  it('are on every API answer: success, refusal, not found, rate limited, and the API documentation', async () => {
    const t = await setupTest();
    const answers = {
      health: await t.app.inject({ method: 'GET', url: '/api/health' }),
      unauthenticated: await t.app.inject({ method: 'GET', url: '/api/v1/auth/me' }),
      badToken: await t.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: 'Bearer khong-dung' },
      }),
      notFound: await t.app.inject({ method: 'GET', url: '/api/v1/khong-co' }),
      badLogin: await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'ai', password: 'sai-mat-khau-1' },
      }),
      openapi: await t.app.inject({ method: 'GET', url: '/api/openapi.json' }),
      docs: await t.app.inject({ method: 'GET', url: '/api/docs/' }),
    };
    expect(answers.health.statusCode).toBe(200);
    expect(answers.unauthenticated.statusCode).toBe(401);
    expect(answers.badToken.statusCode).toBe(401);
    expect(answers.notFound.statusCode).toBe(404);
    expect(answers.badLogin.statusCode).toBe(401);
    expect(answers.docs.statusCode).toBe(200);
    for (const [name, r] of Object.entries(answers)) {
      const policy = expectSecurityHeaders(r);
      // Plain HTTP (SECURE_COOKIES unset): no HSTS, and no upgrade of requests to an https:// that is not there.
      expect(r.headers['strict-transport-security'], name).toBeUndefined();
      expect(policy['upgrade-insecure-requests'], name).toBeUndefined();
    }
    // The documentation page loads its scripts from files, which script-src 'self' allows.
    expect(scriptsOf(answers.docs.body).inline).toEqual([]);
    expect(scriptsOf(answers.docs.body).external.length).toBeGreaterThan(0);
    const initializer = await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
    expectSecurityHeaders(initializer);

    // A rate-limited answer carries them too.
    let limited: LightMyRequestResponse | undefined;
    for (let i = 0; i < 200 && !limited; i++) {
      const r = await t.app.inject({ method: 'GET', url: '/api/v1/public/disclosures/khong-co' });
      if (r.statusCode === 429) limited = r;
    }
    expect(limited).toBeDefined();
    expectSecurityHeaders(limited!);
  });

  it('include HSTS (and upgrade-insecure-requests) only with SECURE_COOKIES=true', async () => {
    const t = await setupTest();
    const secure = await appWith(t, { secureCookies: true });
    const r = await secure.inject({ method: 'GET', url: '/api/health' });
    expect(r.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(expectSecurityHeaders(r)['upgrade-insecure-requests']).toEqual([]);
  });

  it("are on the web app's index.html, its client-side routes and its assets", async () => {
    const t = await setupTest();
    // What a Vite build emits: index.html loading hashed module scripts and styles from /assets.
    const dist = mkdtempSync(path.join(os.tmpdir(), 'dh-web-'));
    extra.push(() => {
      rmSync(dist, { recursive: true, force: true });
      return Promise.resolve();
    });
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(
      path.join(dist, 'index.html'),
      '<!doctype html><html lang="vi"><head><script type="module" crossorigin src="/assets/index-Bx1.js"></script><link rel="stylesheet" crossorigin href="/assets/index-Cx2.css"></head><body><div id="root"></div></body></html>',
    );
    writeFileSync(path.join(dist, 'assets/index-Bx1.js'), 'document.getElementById("root").textContent = "Điển hình";');
    writeFileSync(path.join(dist, 'assets/index-Cx2.css'), 'body { margin: 0 }');
    const web = await appWith(t, {}, dist);
    for (const url of ['/', '/index.html', '/to-chuc/12', '/assets/index-Bx1.js', '/assets/index-Cx2.css']) {
      const r = await web.inject({ method: 'GET', url });
      expect(r.statusCode, url).toBe(200);
      expectSecurityHeaders(r);
    }
    expect((await web.inject({ method: 'GET', url: '/to-chuc/12' })).headers['content-type']).toMatch(/^text\/html/);
  });
});

/** The <script> elements of an HTML page: those with a src, and the inline ones (with their text). */
function scriptsOf(html: string) {
  const inline: string[] = [];
  const external: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(m[1]!)?.[1];
    if (src) external.push(src);
    if (!src || m[2]!.trim() !== '') inline.push(m[0]);
  }
  return { inline, external };
}

/** Inline event handlers (onclick=…) and javascript: URLs, which script-src-attr 'none' / script-src 'self' refuse. */
const inlineHandlers = (html: string) =>
  [...html.matchAll(/<[^>]+\s(on[a-z]+\s*=|href\s*=\s*["']\s*javascript:)/gi)].map((m) => m[0]);

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full, pattern) : pattern.test(name) ? [full] : [];
  });
}

describe('a web app that a strict CSP lets run', () => {
  it('web/index.html (the source) has no inline script, no inline handler', () => {
    const html = readFileSync(path.join(root, 'web/index.html'), 'utf8');
    const scripts = scriptsOf(html);
    expect(scripts.inline).toEqual([]);
    expect(scripts.external).toEqual(['/src/main.tsx']);
    expect(inlineHandlers(html)).toEqual([]);
  });

  it('the web sources evaluate no strings as code and inject no HTML', () => {
    const offending = filesUnder(path.join(root, 'web/src'), /\.(ts|tsx)$/)
      .filter((file) => !file.endsWith('.test.ts') && !file.endsWith('.test.tsx'))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return [/\beval\s*\(/, /new\s+Function\s*\(/, /dangerouslySetInnerHTML/, /javascript:/, /setTimeout\(\s*['"`]/]
          .filter((p) => p.test(text))
          .map((p) => `${path.relative(root, file)}: ${p}`);
      });
    expect(offending).toEqual([]);
  });

  it('zod, shared with the web forms, validates without eval in a browser (its JIT probe is a CSP violation)', async () => {
    const { z } = await import('zod');
    expect(z.config().jitless ?? false).toBe(false); // the server keeps the JIT
    const g = globalThis as { document?: unknown };
    g.document = {};
    try {
      // A fresh evaluation of the module (the query makes it another module), with zod itself shared.
      const fresh = '../../common/zod-setup.ts?in-a-browser';
      await import(/* @vite-ignore */ fresh);
      expect(z.config().jitless).toBe(true);
    } finally {
      delete g.document;
      z.config({ jitless: false });
    }
  });

  describe.runIf(existsSync(path.join(webDist, 'index.html')))('the built web app (web/dist)', () => {
    it('has no inline script and no inline handler in index.html', () => {
      const html = readFileSync(path.join(webDist, 'index.html'), 'utf8');
      expect(scriptsOf(html).inline).toEqual([]);
      expect(inlineHandlers(html)).toEqual([]);
    });
  });
});
