/**
 * Ký ban hành: a signed review report is registered in its unit's document
 * registry in the same transaction, becomes final and immutable, and its
 * exports keep the figures it was signed with.
 */
import { describe, expect, it } from 'vitest';
import { readDocx } from '../docgen/read-docx.ts';
import { ZDocument } from '../../common/schemas/documents.ts';
import { ZReviewReport, ZReviewReportPage } from '../../common/schemas/review-reports.ts';
import { ZPage } from '../../common/schemas/shared.ts';
import { anonymous, expectError, expectOk, type Session, setupTest } from '../test/harness.ts';
import { AS_OF, FROM, insertEntry, insertSpan, reviewWorld, TO } from './test-helpers.ts';

const RR = '/api/v1/review-reports';

async function create(s: Session, unitId: number, extra: Record<string, unknown> = {}) {
  const res = await s.post(RR, {
    unitId,
    kind: 'so_ket',
    title: 'Sơ kết 02 năm thực hiện Kế hoạch số 24-KH/TU',
    from: FROM,
    to: TO,
    snapshotOn: AS_OF,
    number: 'Số 125-BC/ĐUK',
    place: 'Yên Bái',
    reportDate: '2024-02-05',
    signerAuthority: 'T/M BAN THƯỜNG VỤ',
    signerTitle: 'PHÓ BÍ THƯ',
    signerName: 'Cao Xuân Chiểu',
    recipients: ['Lưu Văn phòng ĐUK'],
    ...extra,
  });
  return expectOk(res, ZReviewReport, 201);
}

describe('signing a review report (ký ban hành)', () => {
  it('registers the document, makes the report final and immutable; exports keep the signed figures', async () => {
    const t = await setupTest();
    const x = await reviewWorld(t);
    const s = x.w.operatorA.s;
    const report = await create(s, x.w.tree.blocA);
    expect(report).toMatchObject({ status: 'draft', signedBy: null, signedAt: null, document: null });
    const docxBefore = await readDocx((await s.get(`${RR}/${report.id}/docx`)).rawPayload);

    const signed = await s.post(`${RR}/${report.id}/finalize`, { revision: report.revision });
    const r = expectOk(signed, ZReviewReport);
    expect(r.status).toBe('final');
    expect(r.signedBy?.name).toBe('Cán bộ nghiệp vụ Khối A');
    expect(r.signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(r.document).toMatchObject({ symbol: '125-BC/ĐUK', issuedOn: '2024-02-05' });

    // The document is in the unit's registry with the number and the date.
    const docs = expectOk(await s.get(`/api/v1/documents?ownerUnitId=${x.w.tree.blocA}&typeCode=BC`), ZPage(ZDocument));
    expect(docs.items).toHaveLength(1);
    expect(docs.items[0]).toMatchObject({
      id: r.document?.id,
      symbol: '125-BC/ĐUK',
      issuedOn: '2024-02-05',
      signer: 'Cao Xuân Chiểu',
      ownerUnitId: x.w.tree.blocA,
      issuerUnitId: x.w.tree.blocA,
    });
    expect(docs.items[0]!.summary).toContain('Sơ kết 02 năm thực hiện Kế hoạch số 24-KH/TU');

    // The registry changes afterwards: the signed report's text and numbers do not.
    const late = await insertEntry(t.db, { kind: 'model', unit: x.w.tree.a1, field: x.f1, level: x.w.levels.coSo });
    await insertSpan(t.db, late, x.w.levels.coSo, '2023-05-01');
    await t.db
      .updateTable('document')
      .set({ status: 'revoked', revoked_on: '2024-05-01', revoke_reason: 'thử' })
      .where('symbol', '=', '384-CV/ĐUK')
      .execute();
    const docxAfter = await s.get(`${RR}/${report.id}/docx`);
    expect(docxAfter.statusCode, docxAfter.body).toBe(200);
    const after = await readDocx(docxAfter.rawPayload);
    expect(after).toEqual(docxBefore);
    expect(after.paragraphs).toContain('Số 125-BC/ĐUK');
    expect((await s.get(`${RR}/${report.id}/annex.xlsx`)).statusCode).toBe(200);
    expect(expectOk(await s.get(`${RR}/${report.id}`), ZReviewReport).figures).toEqual(r.figures);

    // Final is final: no edit, refresh, acknowledgement or second signing.
    const refused = [
      await s.patch(`${RR}/${report.id}`, { revision: r.revision, title: 'Khác' }),
      await s.post(`${RR}/${report.id}/refresh`, { revision: r.revision }),
      await s.post(`${RR}/${report.id}/acknowledge`, { revision: r.revision }),
      await s.post(`${RR}/${report.id}/finalize`, { revision: r.revision }),
    ];
    for (const res of refused) {
      expect(expectError(res, 409, 'INVALID_STATE').message).toContain('Báo cáo đã ký ban hành');
    }
    expect(expectOk(await s.get(`${RR}/${report.id}`), ZReviewReport).title).toBe(report.title);

    const list = expectOk(await s.get(`${RR}?unitId=${x.w.tree.blocA}`), ZReviewReportPage);
    expect(list.items[0]).toMatchObject({ id: report.id, status: 'final' });
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'entity_id'])
      .where('action', 'in', ['review_report.finalized', 'document.created'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'document.created', entity_id: String(r.document?.id) },
      { action: 'review_report.finalized', entity_id: String(report.id) },
    ]);
  });

  it('refuses to sign without acknowledged warnings, a number, a date or a signer, each named; nothing is registered', async () => {
    const t = await setupTest();
    const x = await reviewWorld(t);
    const s = x.w.operatorA.s;
    const unit = x.w.tree.blocA;

    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ number: '' }, 'number', 'số, ký hiệu'],
      [{ reportDate: null }, 'reportDate', 'ngày ban hành'],
      [{ signerName: '' }, 'signerName', 'người ký'],
    ];
    for (const [extra, field, words] of cases) {
      const report = await create(s, unit, extra);
      const res = await s.post(`${RR}/${report.id}/finalize`, { revision: report.revision });
      expect(expectError(res, 409, 'INVALID_STATE', [field]).message).toContain(words);
    }

    // Warnings: refused until acknowledged, then signed.
    const report = await create(s, unit, { number: '126-BC/ĐUK' });
    const warned = expectOk(
      await s.patch(`${RR}/${report.id}`, { revision: report.revision, overrides: { 'models.movement.end': 5 } }),
      ZReviewReport,
    );
    expect(warned.warningsAcknowledged).toBe(false);
    const res = await s.post(`${RR}/${report.id}/finalize`, { revision: warned.revision });
    expect(expectError(res, 409, 'INVALID_STATE', ['warnings']).message).toContain('cảnh báo');
    const acked = expectOk(
      await s.post(`${RR}/${report.id}/acknowledge`, { revision: warned.revision }),
      ZReviewReport,
    );

    // A stale revision, a number that does not read and a number already taken are refused too.
    expect((await s.post(`${RR}/${report.id}/finalize`, { revision: warned.revision })).statusCode).toBe(409);
    const bad = await create(s, unit, { number: 'báo cáo số mười' });
    const badRes = await s.post(`${RR}/${bad.id}/finalize`, { revision: bad.revision });
    expectError(badRes, 400, 'VALIDATION', ['number']);
    const other = await s.post('/api/v1/documents', {
      ownerUnitId: unit,
      symbol: '127-BC/ĐUK',
      issuedOn: '2024-01-10',
      issuerName: 'Đảng ủy Khối',
      summary: 'Báo cáo khác',
    });
    expectOk(other, ZDocument, 201);
    const taken = await create(s, unit, { number: 'Số 127-BC/ĐUK' });
    const takenRes = await s.post(`${RR}/${taken.id}/finalize`, { revision: taken.revision });
    expect(expectError(takenRes, 409, 'DUPLICATE').message).toContain('127-BC/ĐUK');
    expect(expectOk(await s.get(`${RR}/${taken.id}`), ZReviewReport).status).toBe('draft');

    const before = await t.db.selectFrom('document').select('id').execute();
    const ok = await s.post(`${RR}/${report.id}/finalize`, { revision: acked.revision });
    expect(expectOk(ok, ZReviewReport).document?.symbol).toBe('126-BC/ĐUK');
    expect((await t.db.selectFrom('document').select('id').execute()).length).toBe(before.length + 1);
    expect(
      await t.db.selectFrom('audit_event').select('action').where('action', '=', 'review_report.finalized').execute(),
    ).toHaveLength(1);
  });

  it('permissions: unauthenticated 401, other bloc 404, viewer and reporter refused', async () => {
    const t = await setupTest();
    const x = await reviewWorld(t);
    const { operatorA, operatorB, viewerA, reporterA1 } = x.w;
    const report = await create(operatorA.s, x.w.tree.blocA);
    const url = `${RR}/${report.id}/finalize`;
    expect((await anonymous(t.app).post(url, { revision: report.revision })).statusCode).toBe(401);
    expect((await operatorB.s.post(url, { revision: report.revision })).statusCode).toBe(404);
    expect((await reporterA1.s.post(url, { revision: report.revision })).statusCode).toBe(404);
    expect((await viewerA.s.post(url, { revision: report.revision })).statusCode).toBe(403);
    expect(expectOk(await viewerA.s.get(`${RR}/${report.id}`), ZReviewReport).status).toBe('draft');
    expect(
      await t.db
        .selectFrom('document')
        .select('id')
        .where('type_id', '=', t.db.selectFrom('document_type').select('id').where('code', '=', 'BC'))
        .execute(),
    ).toEqual([]);
  });
});
