import { describe, expect, it } from 'vitest';
import { ZDocument } from '../../common/schemas/documents.ts';
import { expectError, expectOk, setupTest, signIn, type TestContext } from '../test/harness.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { documentBody, fieldsOf } from './test-helpers.ts';

const counts = async (t: TestContext) => ({
  documents: Number(
    (
      await t.db
        .selectFrom('document')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  ),
  audit: Number(
    (
      await t.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('entity_type', '=', 'document')
        .executeTakeFirstOrThrow()
    ).n,
  ),
});

describe('document registry: concurrency and bad input', () => {
  it('refuses the second of two edits made from the same revision and keeps the first', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const user = await buildUser(t.db, { grants: [{ role: 'operator', unitId: tree.blocA }] });
    const s = await signIn(t.app, user.username, DEFAULT_PASSWORD);
    const doc = expectOk(await s.post('/api/v1/documents', documentBody(tree.a1)), ZDocument, 201);
    expect((await s.patch(`/api/v1/documents/${doc.id}`, { signer: 'Lê Thị Hoa', revision: 1 })).statusCode).toBe(200);
    const second = await s.patch(`/api/v1/documents/${doc.id}`, { signer: 'Trần Văn Nam', revision: 1 });
    expect(expectError(second, 409, 'CONFLICT').message).toMatch(/^Văn bản 384-CV\/ĐUK vừa được người khác thay đổi/);
    const stale = await s.post(`/api/v1/documents/${doc.id}/revoke`, {
      revokedOn: '2021-10-01',
      reason: 'Nhầm',
      revision: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(
      await t.db
        .selectFrom('document')
        .select(['signer', 'revision', 'status'])
        .where('id', '=', doc.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      signer: 'Lê Thị Hoa',
      revision: 2,
      status: 'active',
    });
  });

  it('answers bad input with 400 naming the field, never 500, and writes nothing', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const user = await buildUser(t.db, { grants: [{ role: 'operator', unitId: tree.blocA }] });
    const other = await buildUser(t.db, { grants: [{ role: 'operator', unitId: tree.blocB }] });
    const s = await signIn(t.app, user.username, DEFAULT_PASSWORD);
    const doc = expectOk(await s.post('/api/v1/documents', documentBody(tree.a1)), ZDocument, 201);
    const before = await counts(t);
    const post = (o: Record<string, unknown>) =>
      s.post('/api/v1/documents', documentBody(tree.a1, { symbol: '5-CV/ĐUK', ...o }));

    const missing = await s.post('/api/v1/documents', {});
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing)).toEqual(['issuedOn', 'issuerName', 'ownerUnitId', 'summary', 'symbol']);
    expect(expectError(missing, 400, 'VALIDATION').message).toMatch(/Trích yếu/);

    const feb30 = await post({ issuedOn: '2021-02-30' });
    expect(feb30.statusCode).toBe(400);
    expect(fieldsOf(feb30)).toEqual(['issuedOn']);
    expect(fieldsOf(await post({ issuedOn: '09/09/2021' }))).toEqual(['issuedOn']);
    expect(fieldsOf(await post({ issuedOn: '2999-01-01' }))).toEqual(['issuedOn']);

    const badSymbol = await post({ symbol: 'Công văn 384' });
    expect(badSymbol.statusCode).toBe(400);
    expect(fieldsOf(badSymbol)).toEqual(['symbol']);
    expect(expectError(badSymbol, 400, 'VALIDATION').message).toMatch(/ví dụ: 384-CV\/ĐUK/);
    const unknownType = await post({ symbol: '5-XYZ/ĐUK' });
    expect(expectError(unknownType, 400, 'VALIDATION', ['symbol']).message).toMatch(/Loại văn bản "XYZ"/);

    expect(fieldsOf(await post({ issuerUnitId: 999999 }))).toEqual(['issuerUnitId']);
    expect(fieldsOf(await post({ issuerUnitId: 'abc' }))).toEqual(['issuerUnitId']);
    // A file uploaded by someone else cannot be attached (nor read through this document).
    const theirs = await t.db
      .insertInto('stored_file')
      .values({
        sha256: 'a'.repeat(64),
        storage_key: `aa/aa/${'a'.repeat(64)}`,
        original_name: 'mat.pdf',
        mime_type: 'application/pdf',
        size_bytes: 5,
        created_by: other.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(fieldsOf(await post({ fileId: theirs.id }))).toEqual(['fileId']);
    expect(fieldsOf(await s.patch(`/api/v1/documents/${doc.id}`, { fileId: theirs.id, revision: 1 }))).toEqual([
      'fileId',
    ]);

    expect(fieldsOf(await s.get('/api/v1/documents/abc'))).toEqual(['id']);
    expect(fieldsOf(await s.get('/api/v1/documents?from=2021-13-01'))).toEqual(['from']);
    expect((await s.get('/api/v1/documents?status=deleted')).statusCode).toBe(400);
    expect((await s.get('/api/v1/documents/999999')).statusCode).toBe(404);
    expect((await s.get(`/api/v1/documents/${doc.id}/file`)).statusCode).toBe(404);
    expect((await post({ ownerUnitId: 999999 })).statusCode).toBe(404);

    const early = await s.post(`/api/v1/documents/${doc.id}/revoke`, {
      revokedOn: '2021-01-01',
      reason: 'Nhầm',
      revision: 1,
    });
    expect(fieldsOf(early)).toEqual(['revokedOn']);
    expect(
      fieldsOf(await s.post(`/api/v1/documents/${doc.id}/revoke`, { revokedOn: '2021-10-01', revision: 1 })),
    ).toEqual(['reason']);

    expect(await counts(t)).toEqual(before);
    expect(expectOk(await s.get(`/api/v1/documents/${doc.id}`), ZDocument)).toMatchObject({
      revision: 1,
      status: 'active',
      file: null,
    });
  });
});
