/**
 * Whole-API guarantees: the OpenAPI document describes every route. That no input — however
 * malformed — gets a 500 or a body outside the one error shape is server/fuzz/api-fuzz.test.ts;
 * the document's strictness is server/openapi/document.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { anonymous, expectError, json, setupTest } from './test/harness.ts';

/** The OpenAPI document: its own standard, described by no route schema of ours. */
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, unknown>;
}

describe('the API as a whole', () => {
  it('serves an OpenAPI document listing the resources, and JSON 404s for unknown API paths', async () => {
    const { app } = await setupTest();
    const doc = json<OpenApiDocument>(await anonymous(app).get('/api/openapi.json'));
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/org/units',
      '/api/v1/org/merges',
      '/api/v1/people',
      '/api/v1/documents',
      '/api/v1/files',
      '/api/v1/users',
      '/api/v1/audit',
      '/api/v1/plans',
      '/api/v1/catalogue/fields',
      '/api/v1/registry/entries',
      '/api/v1/registry/ledger',
    ]) {
      expect(Object.keys(doc.paths), path).toContain(path);
    }
    const missing = await anonymous(app).get('/api/v1/khong-co');
    expectError(missing, 404, 'NOT_FOUND');
  });
});
