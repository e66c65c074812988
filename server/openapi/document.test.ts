/**
 * The OpenAPI document is exact enough for a strict client: it passes a strict OpenAPI 3.0
 * validator, every schema in it compiles under ajv's strict mode, nullable enums allow null,
 * downloads declare their binary content types, the CSRF header is part of cookie security —
 * and real answers of the demo installation match their documented schemas.
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoData } from '../seed/demo.ts';
import { DEMO_ACCOUNTS } from '../seed/demo-data.ts';
import { ZUnitDetail, ZUnitPage } from '../../common/schemas/org.ts';
import { ZReviewReport, ZReviewReportPage } from '../../common/schemas/review-reports.ts';
import { anonymous, expectOk, json, setupTest, signIn, type Session } from '../test/harness.ts';
import { CLIENT_HEADER } from '../../common/client-header.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { compileOasSchema, strictAjv } from './strict-validator.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the generated document walked as plain JSON at any depth: its shape is what these tests assert
type Schema = Record<string, any>;
interface Operation {
  method: string;
  path: string;
  op: Schema;
}

function operations(doc: Schema): Operation[] {
  return Object.entries(doc.paths as Record<string, Record<string, Schema>>).flatMap(([p, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path: p, op })),
  );
}

/** Every schema object the document holds: parameters, request bodies, responses. */
function schemasOf(doc: Schema): Array<{ where: string; schema: Schema }> {
  const out: Array<{ where: string; schema: Schema }> = [];
  for (const { method, path: p, op } of operations(doc)) {
    for (const prm of op.parameters ?? [])
      out.push({ where: `${method} ${p} ${prm.in} ${prm.name}`, schema: prm.schema });
    for (const [type, c] of Object.entries<Schema>(op.requestBody?.content ?? {}))
      out.push({ where: `${method} ${p} body ${type}`, schema: c.schema });
    for (const [status, r] of Object.entries<Schema>(op.responses ?? {})) {
      for (const [type, c] of Object.entries<Schema>(r.content ?? {}))
        out.push({ where: `${method} ${p} ${status} ${type}`, schema: c.schema });
    }
  }
  return out;
}

function walk(node: unknown, visit: (schema: Schema) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node);
    Object.values(node).forEach((n) => walk(n, visit));
  }
}

const DOWNLOADS: Array<[string, string, string[]]> = [
  ['GET', '/api/v1/documents/{id}/file', ['application/pdf', 'image/png']],
  [
    'GET',
    '/api/v1/files/{id}',
    ['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ],
  ['GET', '/api/v1/registry/overview.xlsx', ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']],
  ['GET', '/api/v1/evaluation/dashboard.xlsx', ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']],
  ['GET', '/api/v1/registry/export.xlsx', ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']],
  [
    'GET',
    '/api/v1/registry/import/template.xlsx',
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ],
  ['GET', '/api/v1/registry/import/{id}/file', ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']],
  [
    'GET',
    '/api/v1/honours/council-sessions/{id}/minutes.docx',
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ],
  [
    'GET',
    '/api/v1/honours/certificates.docx',
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ],
  ['GET', '/api/v1/honours/certificates.pdf', ['application/pdf']],
  [
    'GET',
    '/api/v1/honours/{id}/certificate.docx',
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ],
  ['GET', '/api/v1/honours/{id}/certificate.pdf', ['application/pdf']],
  [
    'GET',
    '/api/v1/review-reports/{id}/docx',
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ],
  ['GET', '/api/v1/review-reports/{id}/pdf', ['application/pdf']],
  [
    'GET',
    '/api/v1/review-reports/{id}/annex.xlsx',
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ],
  ['GET', '/api/v1/admin/backups/{id}/download', ['application/gzip']],
];

describe('the OpenAPI document', { timeout: 300_000 }, () => {
  let doc: Schema;
  beforeAll(async () => {
    const { app } = await setupTest();
    const response = await anonymous(app).get('/api/openapi.json');
    doc = json<Schema>(response);
  });

  it('compiles schema by schema under ajv strict mode, with null in every nullable enum', () => {
    expect(doc.openapi).toBe('3.0.3');
    const ajv = strictAjv();
    const failures: string[] = [];
    const schemas = schemasOf(doc);
    for (const { where, schema } of schemas) {
      try {
        compileOasSchema(ajv, schema);
      } catch (error) {
        failures.push(`${where}: ${(error as Error).message}`);
      }
    }
    expect(failures).toEqual([]);
    expect(schemas.length).toBeGreaterThan(300);

    const badNullables: string[] = [];
    walk(doc.paths, (s) => {
      if (s.nullable === true && Array.isArray(s.enum) && !s.enum.includes(null))
        badNullables.push(JSON.stringify(s).slice(0, 120));
      if (s.nullable === true && s.type === undefined)
        badNullables.push(`nullable without type: ${JSON.stringify(s).slice(0, 120)}`);
    });
    expect(badNullables).toEqual([]);
    // The example: an ended unit's endReason is a nullable enum.
    const unit = doc.paths['/api/v1/org/units/{id}'].get.responses['200'].content['application/json'].schema;
    expect(unit.properties.endReason).toMatchObject({ nullable: true, enum: expect.arrayContaining([null, 'merged']) });
  });

  it('declares what every operation answers: JSON schemas, or binary content types for downloads', () => {
    const silent = operations(doc).filter(({ op }) => {
      const ok = Object.entries<Schema>(op.responses ?? {}).filter(([status]) => /^2/.test(status));
      return !ok.some(([status, r]) => status === '204' || Object.keys(r.content ?? {}).length > 0);
    });
    expect(silent.map((o) => `${o.method} ${o.path}`)).toEqual([]);
    for (const [method, p, types] of DOWNLOADS) {
      const content = doc.paths[p]?.[method.toLowerCase()]?.responses?.['200']?.content;
      expect(content, `${method} ${p}`).toBeTruthy();
      for (const type of types)
        expect(content[type]?.schema, `${method} ${p} ${type}`).toEqual({ type: 'string', format: 'binary' });
    }
  });

  it('documents x-dh-client with the session cookie: needed for cookie writes, not for reads, tokens or public routes', async () => {
    const schemes = doc.components.securitySchemes;
    expect(schemes.client).toMatchObject({ type: 'apiKey', in: 'header', name: CLIENT_HEADER });
    expect(schemes.session).toMatchObject({ type: 'apiKey', in: 'cookie', name: 'dh_session' });
    expect(schemes.session.description).toContain(CLIENT_HEADER);
    expect(doc.security).toEqual([{ session: [] }, { token: [] }]);
    const ops = operations(doc);
    expect(doc.paths['/api/v1/people'].post.security).toEqual([{ session: [], client: [] }, { token: [] }]);
    expect(doc.paths['/api/v1/people'].get.security).toBeUndefined();
    expect(doc.paths['/api/v1/auth/login'].post.security).toEqual([]);
    for (const { method, path: p, op } of ops) {
      if (method !== 'GET' && op.security?.length)
        expect(op.security, `${method} ${p}`).toContainEqual({ session: [], client: [] });
    }
    // What the document says is what the server does: a cookie write without the header is refused.
    const { app, db } = await setupTest();
    const tree = await buildTree(db);
    const user = await buildUser(db, { grants: [{ role: 'admin', unitId: tree.root }] });
    const session = await signIn(app, user.username, DEFAULT_PASSWORD);
    const cookieOnly = { cookie: session.headers.cookie! };
    const write = await app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: cookieOnly,
      payload: { fullName: 'Nguyễn Văn A', unitId: tree.a1 },
    });
    expect(write.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/v1/people', headers: cookieOnly })).statusCode).toBe(200);
  });
});

describe('the OpenAPI document under a whole-document validator', { timeout: 300_000 }, () => {
  it('passes a strict OpenAPI 3.0 validator (@seriousme/openapi-schema-validator)', async () => {
    const { app } = await setupTest();
    const doc = json<Schema>(await anonymous(app).get('/api/openapi.json'));
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

/** Where ids for a parameter of this name are listed, when the path itself has no list. */
const BY_NAME: Record<string, string> = {
  entryId: '/api/v1/registry/entries/',
  unitId: '/api/v1/org/units/',
  periodId: '/api/v1/reporting/periods/',
  userId: '/api/v1/users/',
  planId: '/api/v1/plans/',
};

/** Fill a path template from ids seen in earlier answers; null when some parameter has no known value. */
function fill(template: string, seen: Map<string, string>): string | null {
  let missing = false;
  const url = template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const prefix = template.slice(0, template.indexOf(`{${name}}`));
    const value = seen.get(prefix) ?? (BY_NAME[name] ? seen.get(BY_NAME[name]) : undefined);
    if (value === undefined) missing = true;
    return value ?? '';
  });
  return missing ? null : url;
}

/** Ids in a list answer: `items[0].id` (or an array's first id), remembered under the list's path. */
function remember(listPath: string, body: unknown, seen: Map<string, string>) {
  const items = Array.isArray(body) ? body : (body as { items?: unknown[] })?.items;
  const first = Array.isArray(items) ? (items[0] as { id?: unknown } | undefined) : undefined;
  if (first && (typeof first.id === 'number' || typeof first.id === 'string'))
    seen.set(`${listPath}/`, String(first.id));
}

describe('real answers of the demo installation', { timeout: 600_000 }, () => {
  it('match their documented response schemas under ajv strict mode, null enums and review figures included', async () => {
    const { app, db } = await setupTest();
    await loadDemoData(db);
    const admin = DEMO_ACCOUNTS.find((a) => a.username === 'admin')!;
    const api: Session = await signIn(app, admin.username, admin.password);
    const doc = json<Schema>(await api.get('/api/openapi.json'));
    const ajv = strictAjv();
    const gets = operations(doc).filter(
      (o) => o.method === 'GET' && o.op.responses?.['200']?.content?.['application/json'],
    );
    const seen = new Map<string, string>();
    const checked: string[] = [];
    const failures: string[] = [];
    // Lists first (their ids fill the templates of detail routes), then deeper paths.
    gets.sort((a, b) => a.path.split('{').length - b.path.split('{').length || a.path.length - b.path.length);
    for (const { path: template, op } of gets) {
      const url = fill(template, seen);
      if (!url) continue;
      const response = await api.get(url);
      if (response.statusCode !== 200) continue; // e.g. a required query parameter not given
      // Any route's answer, checked below against the document's schema for it.
      const body = json<unknown>(response);
      remember(template, body, seen);
      const validate = compileOasSchema(ajv, op.responses['200'].content['application/json'].schema);
      if (!validate(body)) failures.push(`${url}: ${ajv.errorsText(validate.errors)}`);
      checked.push(template);
    }
    expect(failures).toEqual([]);
    expect(checked.length, checked.join('\n')).toBeGreaterThanOrEqual(55);

    // A nullable enum at null: a unit that has not ended.
    const units = expectOk(await api.get('/api/v1/org/units?pageSize=5'), ZUnitPage);
    const active = units.items.find((u) => u.validTo === null) ?? units.items[0]!;
    const unitResponse = await api.get(`/api/v1/org/units/${active.id}`);
    expect(expectOk(unitResponse, ZUnitDetail).endReason).toBeNull();
    const unitSchema = doc.paths['/api/v1/org/units/{id}'].get.responses['200'].content['application/json'].schema;
    // The answer as sent (not as zod parsed it) against the document's schema.
    expect(compileOasSchema(ajv, unitSchema)(json<unknown>(unitResponse))).toBe(true);

    // A review report's figures, against their real schema (not `{}`).
    const reports = expectOk(await api.get('/api/v1/review-reports'), ZReviewReportPage);
    expect(reports.items.length).toBeGreaterThan(0);
    const reportResponse = await api.get(`/api/v1/review-reports/${reports.items[0]!.id}`);
    expectOk(reportResponse, ZReviewReport);
    const report = json<Schema>(reportResponse);
    const reportSchema =
      doc.paths['/api/v1/review-reports/{id}'].get.responses['200'].content['application/json'].schema;
    expect(Object.keys(reportSchema.properties.figures.properties)).toEqual(
      expect.arrayContaining(['counts', 'movements', 'criteria', 'levels']),
    );
    const validateReport = compileOasSchema(ajv, reportSchema);
    expect(validateReport(report), ajv.errorsText(validateReport.errors)).toBe(true);
    expect(validateReport({ ...report, figures: { ...report.figures, counts: 'nhiều' } })).toBe(false);
  });
});
