/**
 * A NUL character (U+0000) anywhere in a request — a text field, a search, a list item, a path
 * parameter, a multipart field, a key or value nested deep — is a 400 naming the field, never a
 * 500 from PostgreSQL (which cannot store it). Database errors of the same kind are 400s too.
 */
import { describe, expect, it } from 'vitest';
import { z } from '../../common/zod-setup.ts';
import { optionalText, requiredText } from '../../common/schemas/shared.ts';
import { expectError, json, setupTest, signIn } from '../test/harness.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { fromDatabaseError } from './errors.ts';
import { findNul } from './input-guard.ts';

const NUL = '\u0000';

async function world() {
  const t = await setupTest();
  const tree = await buildTree(t.db);
  const admin = await buildUser(t.db, { grants: [{ role: 'admin', unitId: tree.root }] });
  const api = await signIn(t.app, admin.username, DEFAULT_PASSWORD);
  return { ...t, tree, api };
}

/** The answer is the one validation error shape, naming `field` and saying what is wrong with it. */
function expectNulRejected(response: { statusCode: number; body: string }, field: string) {
  expect(response.statusCode, response.body).toBe(400);
  const error = JSON.parse(response.body).error;
  expect(error.code).toBe('VALIDATION');
  expect(error.fields).toEqual([{ field, message: expect.stringContaining('NUL (U+0000)') }]);
  expect(error.message).toMatch(/^Dữ liệu không hợp lệ — .*ký tự NUL/);
}

function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer }) {
  const boundary = '----dh-test-boundary';
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
    );
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('a NUL character in a request', () => {
  it('is a 400 naming the field in the issue’s three examples (a person’s name, a plan search, a report recipient)', async () => {
    const { api, tree } = await world();
    expectNulRejected(await api.post('/api/v1/people', { fullName: `A${NUL}B`, unitId: tree.a1 }), 'fullName');
    expectNulRejected(await api.get('/api/v1/plans?q=%00'), 'q');
    const report = {
      unitId: tree.blocA,
      kind: 'so_ket',
      title: 'Sơ kết 02 năm',
      from: '2022-01-01',
      to: '2023-12-31',
      recipients: ['Ban Tuyên giáo Tỉnh ủy', `Lưu${NUL}`],
    };
    expectNulRejected(await api.post('/api/v1/review-reports', report), 'recipients.1');
    // Without the NUL the same requests go through: it is the NUL that is refused.
    expect((await api.post('/api/v1/people', { fullName: 'Nguyễn Văn B', unitId: tree.a1 })).statusCode).toBe(201);
    expect((await api.get('/api/v1/plans?q=k')).statusCode).toBe(200);
    expect((await api.post('/api/v1/review-reports', { ...report, recipients: ['Lưu'] })).statusCode).toBe(201);
  });

  it('is a 400 in a query parameter, a path parameter, a multipart field and a key or value nested deep in JSON', async () => {
    const { app, api, tree } = await world();
    expectNulRejected(await api.get(`/api/v1/people?unitId=${tree.a1}&q=ab%00c`), 'q');
    expectNulRejected(await api.get('/api/v1/public/disclosures/abc%00def'), 'token');
    expectNulRejected(await api.get('/api/v1/org/units/1%00'), 'id');

    const form = multipart(
      { kind: `model${NUL}`, ownerUnitId: String(tree.a1) },
      { name: 'a.xlsx', content: Buffer.from('PK\u0003\u0004') },
    );
    const upload = await app.inject({
      method: 'POST',
      url: '/api/v1/registry/import',
      headers: { ...api.headers, 'content-type': form.contentType },
      payload: form.payload,
    });
    expectNulRejected(upload, 'kind');

    const deepValue = { fullName: 'Nguyễn Văn C', unitId: tree.a1, extra: { a: [{ b: [{ c: `x${NUL}` }] }] } };
    expectNulRejected(await api.post('/api/v1/people', deepValue), 'extra.a.0.b.0.c');
    const deepKey = { fullName: 'Nguyễn Văn C', unitId: tree.a1, extra: { a: { b: { [`k${NUL}`]: 1 } } } };
    expectNulRejected(await api.post('/api/v1/people', deepKey), 'extra.a.b.k\\u0000');
  });

  it('is found however deep the JSON nests (no stack overflow, no 500)', async () => {
    const { app, api, tree } = await world();
    const depth = 50_000; // 100 KB of brackets, well within the body limit
    const nested = `${'['.repeat(depth)}"x\\u0000"${']'.repeat(depth)}`;
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: { ...api.headers, 'content-type': 'application/json' },
      payload: `{"fullName":"Nguyễn Văn D","unitId":${tree.a1},"extra":${nested}}`,
    });
    expect(expectError(response, 400, 'VALIDATION').fields![0]!.field).toMatch(/^extra(\.0)+$/);
  });

  it('is refused by the shared text schemas, for web forms and imports as well', () => {
    const name = requiredText('Họ và tên', 200);
    const note = optionalText('Ghi chú', 2000);
    const result = z.object({ name, note }).safeParse({ name: `A${NUL}`, note: `B${NUL}` });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['name', 'Họ và tên có ký tự NUL (U+0000), không lưu được; hãy xóa ký tự này.'],
      ['note', 'Ghi chú có ký tự NUL (U+0000), không lưu được; hãy xóa ký tự này.'],
    ]);
    expect(name.safeParse('Nguyễn Văn A').success).toBe(true);
  });

  it('finds nothing in ordinary input', () => {
    expect(findNul({ a: ['Tiếng Việt', 1, null, true, { b: '\u200f\u0301😀' }] })).toBeNull();
    expect(findNul('a\u0000')).toEqual([]);
  });
});

describe('URLs the router cannot read', () => {
  it('are 400 in the one error shape: bad percent-encoding, an over-long path parameter', async () => {
    const { api } = await world();
    for (const url of [
      '/api/v1/documents/a%ED%A0%80b',
      '/api/v1/people/%E0%A4%A',
      `/api/v1/people/${'1'.repeat(101)}`,
    ]) {
      const response = await api.get(url);
      expectError(response, 400, 'BAD_REQUEST', []);
      // The whole body, unparsed: nothing but the error.
      expect(json<unknown>(response), url).toEqual({
        error: { code: 'BAD_REQUEST', message: expect.stringMatching(/^Địa chỉ yêu cầu không hợp lệ/) },
      });
    }
  });
});

describe('PostgreSQL errors about characters it cannot store', () => {
  it('are 400 VALIDATION, not 500', () => {
    for (const code of ['22021', '22P05']) {
      const error = fromDatabaseError({ code, message: 'invalid byte sequence for encoding "UTF8": 0x00' });
      expect(error?.code).toBe('VALIDATION');
      expect(error?.status).toBe(400);
      expect(error?.message).toMatch(/NUL/);
    }
  });

  it('are what the database answers to a NUL, on this engine', async () => {
    const { db } = await setupTest();
    const { sql } = await import('kysely');
    const codes: string[] = [];
    for (const query of [sql`select ${`a${NUL}b`}::text`, sql`select ${JSON.stringify({ a: `b${NUL}` })}::jsonb`]) {
      try {
        await query.execute(db);
        codes.push('none');
      } catch (error) {
        expect(fromDatabaseError(error)?.status, String(error)).toBe(400);
        codes.push((error as { code: string }).code);
      }
    }
    expect(
      codes.every((c) => c === '22021' || c === '22P05'),
      codes.join(),
    ).toBe(true);
  });
});
