import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ZStoredFile } from '../../common/schemas/documents.ts';
import { anonymous, expectError, expectOk, setupTest, signIn, type TestContext } from '../test/harness.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { multipartBody, SAMPLE, upload } from './test-helpers.ts';

async function operator(t: TestContext, unitId: number) {
  const user = await buildUser(t.db, { grants: [{ role: 'operator', unitId }] });
  return { user, session: await signIn(t.app, user.username, DEFAULT_PASSWORD) };
}

const countFiles = async (t: TestContext) =>
  Number(
    (
      await t.db
        .selectFrom('stored_file')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

function filesOnDisk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe('file uploads', () => {
  it('stores a file by its content hash, records who uploaded it and audits it', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const { user, session } = await operator(t, tree.blocA);
    const response = await upload(t.app, session, 'Kế hoạch 46-KH-ĐUK.pdf', SAMPLE.pdf);
    const body = expectOk(response, ZStoredFile, 201);
    expect(body).toEqual({
      id: expect.any(Number),
      originalName: 'Kế hoạch 46-KH-ĐUK.pdf',
      mimeType: 'application/pdf',
      sizeBytes: SAMPLE.pdf.length,
    });
    const sha = createHash('sha256').update(SAMPLE.pdf).digest('hex');
    const filesDir = t.app.config.filesDir;
    expect(readFileSync(path.join(filesDir, sha.slice(0, 2), sha.slice(2, 4), sha))).toEqual(SAMPLE.pdf);
    const row = await t.db.selectFrom('stored_file').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      sha256: sha,
      created_by: user.id,
      storage_key: `${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`,
    });
    const audit = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'file.uploaded')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_user_id: user.id, entity_id: String(body.id) });

    // The same content again: a second record, one copy on disk, no temporary files left.
    expect((await upload(t.app, session, 'ban-sao.pdf', SAMPLE.pdf)).statusCode).toBe(201);
    expect(filesOnDisk(filesDir)).toEqual([path.join(sha.slice(0, 2), sha.slice(2, 4), sha)]);
    expect((await upload(t.app, session, 'Bao cao.DOCX', SAMPLE.docx)).statusCode).toBe(201);
    expect((await upload(t.app, session, 'anh.png', SAMPLE.png)).statusCode).toBe(201);
  });

  it('never uses the client file name as a path', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const { session } = await operator(t, tree.blocA);
    for (const name of ['../../x.pdf', '..\\..\\evil.pdf', '/etc/passwd.pdf', '.an.pdf']) {
      const response = await upload(t.app, session, name, SAMPLE.pdf);
      expect(response.statusCode, name).toBe(201);
      expect(expectOk(response, ZStoredFile, 201).originalName).not.toMatch(/[/\\]|^\./);
    }
    expect(existsSync(path.join(t.app.config.filesDir, '..', '..', 'x.pdf'))).toBe(false);
    expect(existsSync(path.join(t.dataDir, 'x.pdf'))).toBe(false);
    const names = (await t.db.selectFrom('stored_file').select('original_name').orderBy('id').execute()).map(
      (r) => r.original_name,
    );
    expect(names).toEqual(['x.pdf', 'evil.pdf', 'passwd.pdf', 'an.pdf']);
    expect(filesOnDisk(t.app.config.filesDir).every((f) => /^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(f))).toBe(
      true,
    );
  });

  it('refuses empty, too large and disallowed files, writing nothing', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const { session } = await operator(t, tree.blocA);

    const empty = await upload(t.app, session, 'rong.pdf', Buffer.alloc(0));
    expect(expectError(empty, 400, 'VALIDATION', ['file']).message).toMatch(/rỗng/);

    const big = await upload(
      t.app,
      session,
      'lon.pdf',
      Buffer.concat([SAMPLE.pdf, Buffer.alloc(t.app.config.maxUploadBytes + 10)]),
    );
    expectError(big, 413, 'PAYLOAD_TOO_LARGE');

    const exe = await upload(t.app, session, 'virus.exe', Buffer.from('MZ\x90\x00'));
    expect(expectError(exe, 415, 'UNSUPPORTED_MEDIA_TYPE').message).toMatch(/PDF, Word/);
    const fakePdf = await upload(t.app, session, 'gia.pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(expectError(fakePdf, 415, 'UNSUPPORTED_MEDIA_TYPE').message).toMatch(/không khớp/);
    const pngAsDocx = await upload(t.app, session, 'anh.docx', SAMPLE.png);
    expect(pngAsDocx.statusCode).toBe(415);
    const noExtension = await upload(t.app, session, 'tailieu', SAMPLE.pdf);
    expect(noExtension.statusCode).toBe(415);

    const wrongField = await upload(t.app, session, 'a.pdf', SAMPLE.pdf, 'tep');
    expect(wrongField.statusCode).toBe(400);
    const notMultipart = await session.post('/api/v1/files', { file: 'abc' });
    expect(notMultipart.statusCode).toBe(415);
    const none = multipartBody([]);
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...session.headers, 'content-type': none.contentType },
      payload: none.payload,
    });
    expect(noFile.statusCode).toBe(400);

    expect(await countFiles(t)).toBe(0);
    expect(filesOnDisk(t.app.config.filesDir)).toEqual([]);
    expect(await t.db.selectFrom('audit_event').select('id').where('action', '=', 'file.uploaded').execute()).toEqual(
      [],
    );
  });

  it('needs a signed-in user who may write documents', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const viewer = await buildUser(t.db, { grants: [{ role: 'viewer', unitId: tree.blocA }] });
    const viewerSession = await signIn(t.app, viewer.username, DEFAULT_PASSWORD);
    expect((await upload(t.app, viewerSession, 'a.pdf', SAMPLE.pdf)).statusCode).toBe(403);
    expect((await upload(t.app, anonymous(t.app), 'a.pdf', SAMPLE.pdf)).statusCode).toBe(401);
    const reporter = await buildUser(t.db, { grants: [{ role: 'reporter', unitId: tree.a1 }] });
    expect(
      (await upload(t.app, await signIn(t.app, reporter.username, DEFAULT_PASSWORD), 'a.pdf', SAMPLE.pdf)).statusCode,
    ).toBe(201);
    expect(await countFiles(t)).toBe(1);
  });

  it('lets the uploader, and readers of a document it is attached to, download it — nobody else', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const a = await operator(t, tree.blocA);
    const b = await operator(t, tree.blocB);
    const uploaded = expectOk(
      await upload(t.app, a.session, 'Quyết định khen thưởng.pdf', SAMPLE.pdf),
      ZStoredFile,
      201,
    );
    const own = await a.session.get(`/api/v1/files/${uploaded.id}`);
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload).toEqual(SAMPLE.pdf);
    expect(own.headers['content-disposition']).toContain("filename*=UTF-8''Quy%E1%BA%BFt");
    expect((await b.session.get(`/api/v1/files/${uploaded.id}`)).statusCode).toBe(404);
    const viewer = await buildUser(t.db, { grants: [{ role: 'viewer', unitId: tree.blocA }] });
    const viewerSession = await signIn(t.app, viewer.username, DEFAULT_PASSWORD);
    expect((await viewerSession.get(`/api/v1/files/${uploaded.id}`)).statusCode).toBe(404);
    const doc = await a.session.post('/api/v1/documents', {
      symbol: '12-QĐ/ĐUK',
      issuedOn: '2023-05-10',
      issuerName: 'Đảng ủy Khối A',
      ownerUnitId: tree.blocA,
      summary: 'Khen thưởng',
      fileId: uploaded.id,
    });
    expect(doc.statusCode, doc.body).toBe(201);
    expect((await viewerSession.get(`/api/v1/files/${uploaded.id}`)).statusCode).toBe(200);
    expect((await b.session.get(`/api/v1/files/${uploaded.id}`)).statusCode).toBe(404);
    expect((await anonymous(t.app).get(`/api/v1/files/${uploaded.id}`)).statusCode).toBe(401);
  });
});
