/**
 * The edge of the application: security headers on every answer (pages, assets, API, errors) and the
 * per-address request limits. Registered by app.ts before authentication and before any route, so the
 * headers are set first and every route gets its limit.
 */
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { Config } from '../config.ts';
import type { App } from '../lib/http.ts';
import { anonymousLimitOptions, badTokenLimit } from './rate-limits.ts';

/**
 * The Content-Security-Policy. Scripts only from our own origin (the Vite build emits no inline script;
 * no eval — zod validates without JIT in the browser, common/zod-setup.ts). Styles allow 'unsafe-inline'
 * because Ant Design's CSS-in-JS injects <style> elements at run time; a nonce would need index.html
 * rendered per request and threaded through antd's StyleProvider — injected CSS cannot run script, so
 * the gain is small. Images: data: (ECharts' PNG export, the API docs' logo) and blob:; downloads are
 * blob: links, which CSP does not restrict. No framing at all (clickjacking).
 */
export function contentSecurityPolicy(config: Pick<Config, 'secureCookies'>): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    // Only behind HTTPS: on plain HTTP (a LAN address) it would send every asset to an https:// that is not there.
    ...(config.secureCookies ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

export async function registerEdgeSecurity(app: App, config: Config): Promise<void> {
  await app.register(fastifyHelmet, {
    global: true,
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(config) },
    // HSTS only when the site is served over HTTPS (SECURE_COOKIES=true); without subdomains, which this
    // application cannot speak for.
    strictTransportSecurity: config.secureCookies ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });

  await app.register(fastifyRateLimit, { global: true, ...anonymousLimitOptions() });

  if (config.trustProxy === false) {
    // Behind a proxy that is not named, every client has the proxy's address and shares its limits: say so once.
    let warned = false;
    app.addHook('onRequest', (req, _reply, done) => {
      if (!warned && req.headers['x-forwarded-for'] !== undefined) {
        warned = true;
        req.log.warn(
          'X-Forwarded-For received but TRUST_PROXY is not set: the header is ignored, and all clients behind that proxy share one address (audit log, rate limits). Set TRUST_PROXY to the proxy address.',
        );
      }
      done();
    });
  }

  // Before authentication (registered ahead of it): an address that keeps presenting refused tokens is
  // turned away before the token is even looked up.
  const badTokens = badTokenLimit(app);
  app.addHook('onRequest', async (req) => badTokens.check(req));
  app.addHook('onResponse', async (req, reply) => badTokens.count(req, reply));
}
