import { describe, expect, it } from 'vitest';
import { ZPage } from '../../common/schemas/shared.ts';
import { z } from '../../common/zod-setup.ts';
import { ZDocument, ZDocumentType } from '../../common/schemas/documents.ts';
import { expectError, expectOk, type Session, setupTest, signIn, type TestContext } from '../test/harness.ts';
import { buildTree, buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { documentBody, fieldsOf } from './test-helpers.ts';

/** The list routes' responses (declared inline in routes.ts). */
const ZDocumentPage = ZPage(ZDocument);
const ZDocumentTypeList = z.object({ items: z.array(ZDocumentType) });

async function operatorOn(t: TestContext, unitId: number): Promise<Session> {
  const user = await buildUser(t.db, { grants: [{ role: 'operator', unitId }] });
  return signIn(t.app, user.username, DEFAULT_PASSWORD);
}

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

describe('document registry', () => {
  it('registers, reads, corrects and revokes a document, auditing each step', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const s = await operatorOn(t, tree.blocA);
    const created = await s.post(
      '/api/v1/documents',
      documentBody(tree.blocA, { symbol: 'Số 384 - cv/đuk', issuerUnitId: tree.blocA }),
    );
    const doc = expectOk(created, ZDocument, 201);
    expect(doc).toMatchObject({
      symbol: '384-CV/ĐUK',
      number: 384,
      typeCode: 'CV',
      typeName: 'Công văn',
      issuerCode: 'ĐUK',
      issuerUnitName: 'Đảng ủy Khối A',
      ownerUnitId: tree.blocA,
      ownerUnitName: 'Đảng ủy Khối A',
      issuedOn: '2021-09-09',
      file: null,
      status: 'active',
      revision: 1,
      canWrite: true,
    });
    expect(expectOk(await s.get(`/api/v1/documents/${doc.id}`), ZDocument)).toEqual(doc);

    const edited = expectOk(
      await s.patch(`/api/v1/documents/${doc.id}`, { summary: 'V/v sơ kết 02 năm', ownerUnitId: tree.a1, revision: 1 }),
      ZDocument,
    );
    expect(edited).toMatchObject({
      summary: 'V/v sơ kết 02 năm',
      ownerUnitId: tree.a1,
      ownerUnitName: 'Đảng bộ Sở Tư pháp',
      revision: 2,
    });
    const same = await s.patch(`/api/v1/documents/${doc.id}`, { summary: 'V/v sơ kết 02 năm', revision: 2 });
    expect(expectOk(same, ZDocument).revision).toBe(2);

    const revoked = await s.post(`/api/v1/documents/${doc.id}/revoke`, {
      revokedOn: '2021-10-01',
      reason: 'Ban hành nhầm',
      revision: 2,
    });
    expect(expectOk(revoked, ZDocument)).toMatchObject({
      status: 'revoked',
      revokedOn: '2021-10-01',
      revokeReason: 'Ban hành nhầm',
      revision: 3,
    });
    const afterRevoke = await s.patch(`/api/v1/documents/${doc.id}`, { summary: 'X', revision: 3 });
    expectError(afterRevoke, 409, 'INVALID_STATE');

    const events = await t.db
      .selectFrom('audit_event')
      .select(['action', 'unit_id', 'summary'])
      .where('entity_type', '=', 'document')
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.action, e.unit_id])).toEqual([
      ['document.created', tree.blocA],
      ['document.updated', tree.a1],
      ['document.revoked', tree.a1],
    ]);
    expect(events[1]!.summary).toMatch(/chuyển từ sổ của "Đảng ủy Khối A" sang "Đảng bộ Sở Tư pháp"/);

    const types = expectOk(await s.get('/api/v1/document-types'), ZDocumentTypeList).items.map((x) => x.code);
    expect(types).toEqual(expect.arrayContaining(['NQ', 'QĐ', 'QĐi', 'CTr', 'CV', 'KH', 'GM']));
  });

  it('refuses a number already used by the same issuer and type in the same term, and accepts the others', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const s = await operatorOn(t, tree.blocA);
    expect((await s.post('/api/v1/documents', documentBody(tree.blocA))).statusCode).toBe(201);
    const before = await counts(t);

    const again = await s.post(
      '/api/v1/documents',
      documentBody(tree.a1, { symbol: '384-CV/DUK', issuedOn: '2021-09-29', summary: 'Bản ghi nhầm ngày' }),
    );
    expect(expectError(again, 409, 'DUPLICATE').message).toBe(
      'Số 384-CV/ĐUK đã được đăng ký cho văn bản ngày 09/09/2021 "V/v sơ kết 02 năm thực hiện Kế hoạch 24-KH/TU" trong cùng nhiệm kỳ (Nhiệm kỳ 2020 - 2025).',
    );
    expect(fieldsOf(again)).toEqual(['symbol']);
    expect(await counts(t)).toEqual(before);

    // Someone who cannot read the first one learns only that the number is taken.
    const other = await operatorOn(t, tree.blocB);
    const hidden = await other.post('/api/v1/documents', documentBody(tree.blocB, { symbol: '0384-CV/ĐUK' }));
    const hiddenError = expectError(hidden, 409, 'DUPLICATE');
    expect(hiddenError.message).toMatch(/^Số 384-CV\/ĐUK đã được đăng ký trong sổ văn bản của một đơn vị khác/);
    expect(hiddenError.message).not.toMatch(/sơ kết/);

    const accepted = [
      documentBody(tree.blocA, { issuedOn: '2025-08-01' }), // next term
      documentBody(tree.blocA, { symbol: '384-KH/ĐUK' }), // another type
      documentBody(tree.blocA, { symbol: '384-CV/BTGTU', issuerName: 'Ban Tuyên giáo Tỉnh ủy' }), // another issuer
      documentBody(tree.blocA, { issuedOn: '2014-05-05' }), // before any configured term: numbered by year
    ];
    for (const body of accepted) {
      const response = await s.post('/api/v1/documents', body);
      expect(response.statusCode, response.body).toBe(201);
    }
    const yearly = await s.post('/api/v1/documents', documentBody(tree.blocA, { issuedOn: '2014-12-31' }));
    expect(expectError(yearly, 409, 'DUPLICATE').message).toMatch(/trong cùng năm 2014\.$/);

    // Changing a document into a duplicate is refused too, and nothing changes.
    const kh = expectOk(await s.get('/api/v1/documents?typeCode=KH'), ZDocumentPage).items[0]!;
    const clash = await s.patch(`/api/v1/documents/${kh.id}`, { symbol: '384-CV/ĐUK', revision: kh.revision });
    expect(clash.statusCode).toBe(409);
    expect(expectOk(await s.get(`/api/v1/documents/${kh.id}`), ZDocument)).toMatchObject({
      symbol: '384-KH/ĐUK',
      revision: 1,
    });
  });

  it('searches without diacritics, filters, and lists newest first', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const s = await operatorOn(t, tree.blocA);
    const add = async (o: Record<string, unknown>) =>
      expect((await s.post('/api/v1/documents', documentBody(tree.a1, o))).statusCode).toBe(201);
    await add({ symbol: '46-KH/ĐUK', issuedOn: '2021-03-26', summary: 'Kế hoạch thực hiện Kế hoạch 24-KH/TU' });
    await add({});
    await add({
      symbol: '1141-CV/BTGTU',
      issuedOn: '2023-01-10',
      issuerName: 'Ban Tuyên giáo Tỉnh ủy',
      summary: 'V/v sơ kết 02 năm',
      ownerUnitId: tree.a2,
    });
    const symbols = async (query: string) =>
      expectOk(await s.get(`/api/v1/documents?${query}`), ZDocumentPage).items.map((d) => d.symbol);
    expect(await symbols('')).toEqual(['1141-CV/BTGTU', '384-CV/ĐUK', '46-KH/ĐUK']);
    expect(await symbols('q=so%20ket')).toEqual(['1141-CV/BTGTU', '384-CV/ĐUK']);
    expect(await symbols(`q=${encodeURIComponent('KẾ HOẠCH')}&typeCode=kh`)).toEqual(['46-KH/ĐUK']);
    expect(await symbols('q=384-cv%2Fduk')).toEqual(['384-CV/ĐUK']);
    expect(await symbols('q=ban%20tuyen%20giao')).toEqual(['1141-CV/BTGTU']);
    expect(await symbols('issuer=DUK')).toEqual(['384-CV/ĐUK', '46-KH/ĐUK']);
    expect(await symbols(`issuer=${encodeURIComponent('đuk')}`)).toEqual(['384-CV/ĐUK', '46-KH/ĐUK']);
    expect(await symbols('from=2021-04-01&to=2022-12-31')).toEqual(['384-CV/ĐUK']);
    expect(await symbols(`ownerUnitId=${tree.a2}`)).toEqual(['1141-CV/BTGTU']);
    expect(await symbols(`ownerUnitId=${tree.blocA}&status=active`)).toHaveLength(3);
    expect(await symbols('status=revoked')).toEqual([]);
    expect(expectOk(await s.get('/api/v1/documents?pageSize=1&page=3'), ZDocumentPage)).toMatchObject({
      total: 3,
      items: [{ symbol: '46-KH/ĐUK' }],
    });
    const unknownType = await s.get('/api/v1/documents?typeCode=XYZ');
    expect(unknownType.statusCode).toBe(400);
    expect(fieldsOf(unknownType)).toEqual(['typeCode']);
    const reversed = await s.get('/api/v1/documents?from=2022-01-01&to=2021-01-01');
    expect(fieldsOf(reversed)).toEqual(['to']);
  });
});
