/**
 * Whole-API guarantees: the OpenAPI document describes every route, and no
 * input — however malformed — gets a 500 or a body outside the one error shape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anonymous, json, setupTest, signIn } from './test/harness.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from './test/factories.ts';

describe('the API as a whole', () => {
  it('serves an OpenAPI document listing the resources, and JSON 404s for unknown API paths', async () => {
    const { app } = await setupTest();
    const doc = json(await anonymous(app).get('/api/openapi.json'));
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of ['/api/v1/auth/login', '/api/v1/org/units', '/api/v1/org/merges', '/api/v1/people', '/api/v1/documents', '/api/v1/files', '/api/v1/users', '/api/v1/audit', '/api/v1/plans', '/api/v1/catalogue/fields', '/api/v1/registry/entries', '/api/v1/registry/ledger']) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    const missing = await anonymous(app).get('/api/v1/khong-co');
    expect(missing.statusCode).toBe(404);
    expect(json(missing).error.code).toBe('NOT_FOUND');
  });

  it('never answers 500 to random input on any route, and every error has the one shape', async () => {
    const { app, db } = await setupTest();
    const tree = await buildTree(db);
    const admin = await buildUser(db, { grants: [{ role: 'admin', unitId: tree.root }] });
    const api = await signIn(app, admin.username, DEFAULT_PASSWORD);
    const doc = json(await api.get('/api/openapi.json'));
    const routes: Array<{ method: string; path: string }> = [];
    for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(methods)) routes.push({ method: method.toUpperCase(), path });
    }
    const pathValue = fc.oneof(fc.constantFrom(String(tree.a1), '0', '-1', 'abc', '99999999999', '1.5', '%2e%2e'), fc.string({ maxLength: 8 }));
    const body = fc.oneof(fc.object({ maxDepth: 2 }), fc.jsonValue({ maxDepth: 2 }), fc.constant({}));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), pathValue, body, fc.string({ maxLength: 20 }), async (route, id, payload, query) => {
        if (route.path === '/api/v1/auth/logout' || route.path === '/api/v1/auth/password') return; // would end or change the session under test
        const url = route.path.replace(/\{[^}]+\}/g, encodeURIComponent(id)) + `?asOf=${encodeURIComponent(query)}&q=${encodeURIComponent(query)}`;
        const response = await app.inject({
          method: route.method as 'GET',
          url,
          headers: api.headers,
          ...(route.method === 'GET' ? {} : { payload: payload as object }),
        });
        expect(response.statusCode, `${route.method} ${url} ${JSON.stringify(payload)} → ${response.body}`).toBeLessThan(500);
        if (response.statusCode >= 400) {
          const error = json(response).error;
          expect(typeof error.code).toBe('string');
          expect(error.message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300), endOnFailure: true },
    );
  }, 300_000);
});
