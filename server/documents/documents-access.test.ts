import { describe, expect, it } from 'vitest';
import type { Role } from '../../common/roles.ts';
import { ZDocument, ZStoredFile } from '../../common/schemas/documents.ts';
import { anonymous, expectOk, type Session, setupTest, signIn, type TestContext } from '../test/harness.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { documentBody, SAMPLE, upload } from './test-helpers.ts';

async function as(t: TestContext, grants: Array<{ role: Role; unitId: number }>): Promise<Session> {
  const user = await buildUser(t.db, { grants });
  return signIn(t.app, user.username, DEFAULT_PASSWORD);
}

/** Documents in a1, a2 and b1, each with an attachment. */
async function world() {
  const t = await setupTest();
  const tree = await buildTree(t.db);
  const admin = await as(t, [{ role: 'admin', unitId: tree.root }]);
  const add = async (ownerUnitId: number, symbol: string, name: string) => {
    const file = expectOk(await upload(t.app, admin, name, SAMPLE.pdf), ZStoredFile, 201);
    const response = await admin.post('/api/v1/documents', documentBody(ownerUnitId, { symbol, fileId: file.id }));
    return expectOk(response, ZDocument, 201);
  };
  const docs = {
    a1: await add(tree.a1, '1-CV/ĐUK', 'Công văn số 1 (bản ký).pdf'),
    a2: await add(tree.a2, '2-CV/ĐUK', 'cv2.pdf'),
    b1: await add(tree.b1, '3-CV/ĐUK', 'cv3.pdf'),
  };
  return { t, tree, docs };
}

const ids = (r: { body: string }) => (JSON.parse(r.body).items as Array<{ id: number }>).map((d) => d.id).sort();

describe('document registry: who may see and change what', () => {
  it('an operator of bloc A never sees bloc B: 404 on its documents and file, nothing in lists, searches or filters', async () => {
    const { t, tree, docs } = await world();
    const s = await as(t, [{ role: 'operator', unitId: tree.blocA }]);
    const b = docs.b1;
    expect(ids(await s.get('/api/v1/documents'))).toEqual([docs.a1.id, docs.a2.id].sort());
    expect(ids(await s.get('/api/v1/documents?q=3-cv'))).toEqual([]);
    expect(ids(await s.get('/api/v1/documents?issuer=DUK&typeCode=CV'))).toEqual([docs.a1.id, docs.a2.id].sort());
    expect((await s.get(`/api/v1/documents?ownerUnitId=${tree.blocB}`)).statusCode).toBe(404);
    expect((await s.get(`/api/v1/documents?ownerUnitId=${tree.root}`)).statusCode).toBe(404);

    expect((await s.get(`/api/v1/documents/${b.id}`)).statusCode).toBe(404);
    expect((await s.get(`/api/v1/documents/${b.id}/file`)).statusCode).toBe(404);
    expect((await s.patch(`/api/v1/documents/${b.id}`, { summary: 'X', revision: 1 })).statusCode).toBe(404);
    expect(
      (await s.post(`/api/v1/documents/${b.id}/revoke`, { revokedOn: '2022-01-01', reason: 'X', revision: 1 }))
        .statusCode,
    ).toBe(404);
    expect((await s.post('/api/v1/documents', documentBody(tree.b1, { symbol: '9-CV/ĐUK' }))).statusCode).toBe(404);
    expect((await s.patch(`/api/v1/documents/${docs.a1.id}`, { ownerUnitId: tree.b1, revision: 1 })).statusCode).toBe(
      404,
    );
    // b1's attachment cannot be borrowed by attaching it to a document of bloc A.
    const borrow = await s.post('/api/v1/documents', documentBody(tree.a1, { symbol: '9-CV/ĐUK', fileId: b.file!.id }));
    expect(borrow.statusCode).toBe(400);
    expect(expectOk(await s.get(`/api/v1/documents/${docs.a1.id}`), ZDocument)).toMatchObject({
      ownerUnitId: tree.a1,
      revision: 1,
    });
  });

  it('downloads an attachment with its Vietnamese name intact', async () => {
    const { t, tree, docs } = await world();
    const s = await as(t, [{ role: 'viewer', unitId: tree.blocA }]);
    const response = await s.get(`/api/v1/documents/${docs.a1.id}/file`);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload).toEqual(SAMPLE.pdf);
    expect(response.headers['content-type']).toBe('application/pdf');
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="Cong van so 1 \(ban ky\)\.pdf"; filename\*=UTF-8''/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!;
    expect(decodeURIComponent(encoded)).toBe('Công văn số 1 (bản ký).pdf');
    expect(encoded).not.toMatch(/[()' ]/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect((await s.get('/api/openapi.json')).statusCode).toBe(200);
  });

  it('a viewer reads its subtree but gets 403 on every write there', async () => {
    const { t, tree, docs } = await world();
    const s = await as(t, [{ role: 'viewer', unitId: tree.blocA }]);
    const a = docs.a1;
    expect(expectOk(await s.get(`/api/v1/documents/${a.id}`), ZDocument)).toMatchObject({
      symbol: '1-CV/ĐUK',
      canWrite: false,
    });
    expect((await s.post('/api/v1/documents', documentBody(tree.a1, { symbol: '9-CV/ĐUK' }))).statusCode).toBe(403);
    expect((await s.patch(`/api/v1/documents/${a.id}`, { summary: 'X', revision: 1 })).statusCode).toBe(403);
    expect(
      (await s.post(`/api/v1/documents/${a.id}/revoke`, { revokedOn: '2022-01-01', reason: 'X', revision: 1 }))
        .statusCode,
    ).toBe(403);
    expect((await upload(t.app, s, 'a.pdf', SAMPLE.pdf)).statusCode).toBe(403);
  });

  it('moving a document to another registry needs write access there: 403 when it is only readable', async () => {
    const { t, tree, docs } = await world();
    const s = await as(t, [
      { role: 'operator', unitId: tree.a1 },
      { role: 'viewer', unitId: tree.blocA },
    ]);
    expect((await s.patch(`/api/v1/documents/${docs.a1.id}`, { ownerUnitId: tree.a2, revision: 1 })).statusCode).toBe(
      403,
    );
    expect((await s.patch(`/api/v1/documents/${docs.a1.id}`, { signer: 'Lê Văn Tám', revision: 1 })).statusCode).toBe(
      200,
    );
  });

  it('a reporter granted on one unit sees and writes only that unit', async () => {
    const { t, tree, docs } = await world();
    const s = await as(t, [{ role: 'reporter', unitId: tree.a1 }]);
    expect(ids(await s.get('/api/v1/documents'))).toEqual([docs.a1.id]);
    expect(ids(await s.get('/api/v1/documents?q=2-cv'))).toEqual([]);
    expect((await s.get(`/api/v1/documents?ownerUnitId=${tree.a2}`)).statusCode).toBe(404);
    expect((await s.get(`/api/v1/documents/${docs.a2.id}`)).statusCode).toBe(404);
    expect((await s.get(`/api/v1/documents/${docs.a2.id}/file`)).statusCode).toBe(404);
    expect((await s.post('/api/v1/documents', documentBody(tree.a2, { symbol: '9-CV/ĐUK' }))).statusCode).toBe(404);
    const file = expectOk(await upload(t.app, s, 'bao-cao.docx', SAMPLE.docx), ZStoredFile, 201);
    const mine = await s.post('/api/v1/documents', documentBody(tree.a1, { symbol: '9-BC/ĐUK', fileId: file.id }));
    expect(expectOk(mine, ZDocument, 201).file).toMatchObject({ originalName: 'bao-cao.docx' });
  });

  it('refuses every endpoint without signing in', async () => {
    const { t, tree, docs } = await world();
    const s = anonymous(t.app);
    const id = docs.a1.id;
    const responses = await Promise.all([
      s.get('/api/v1/document-types'),
      s.get('/api/v1/documents'),
      s.get(`/api/v1/documents/${id}`),
      s.get(`/api/v1/documents/${id}/file`),
      s.post('/api/v1/documents', documentBody(tree.a1, { symbol: '9-CV/ĐUK' })),
      s.patch(`/api/v1/documents/${id}`, { summary: 'X', revision: 1 }),
      s.post(`/api/v1/documents/${id}/revoke`, { revokedOn: '2022-01-01', reason: 'X', revision: 1 }),
      upload(t.app, s, 'a.pdf', SAMPLE.pdf),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([401, 401, 401, 401, 401, 401, 401, 401]);
  });
});
