/** Revocation (the honour kept, marked revoked) and certificates read back. */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../docgen/read-docx.ts';
import { ZHonour } from '../../../common/schemas/honours-decisions.ts';
import { ZTimeline } from '../../../common/schemas/registry-timeline.ts';
import { ZHonourPage } from '../test-schemas.ts';
import { expectError, expectOk } from '../../test/harness.ts';
import { modelEntry, registerAccepted } from '../../registry/test-helpers.ts';
import { insertCandidate } from '../test-helpers.ts';
import { decide, doc, internal, world } from './test-helpers.ts';

describe('revocation', () => {
  it('keeps the honour, marked revoked, on the register and the timeline; certificates are refused', async () => {
    const x = await world();
    const { t, w } = x;
    const model = await registerAccepted(w, w.reporterA1.s, w.operatorA.s, modelEntry(w, w.tree.a1));
    const c = await insertCandidate(t.db, {
      proposalId: x.proposalId,
      awardFormId: w.forms.giayKhen,
      unitId: w.tree.a1,
      entryId: model.id,
      status: 'approved',
    });
    const r = await decide(w.operatorA.s, internal(w, [{ candidateId: c }]));
    const id = r.honourIds[0];
    const h = expectOk(await w.operatorA.s.get(`/api/v1/honours/${id}`), ZHonour);
    const early = await w.operatorA.s.post(`/api/v1/honours/${id}/revoke`, {
      revokedOn: '2024-05-01',
      reason: 'Khai man thành tích',
      documentId: null,
      revision: h.revision,
    });
    expect(early.statusCode).toBe(400);
    const stale = await w.operatorA.s.post(`/api/v1/honours/${id}/revoke`, {
      revokedOn: '2024-07-01',
      reason: 'Khai man thành tích',
      documentId: null,
      revision: h.revision + 1,
    });
    expect(stale.statusCode).toBe(409);
    const res = await w.operatorA.s.post(`/api/v1/honours/${id}/revoke`, {
      revokedOn: '2024-07-01',
      reason: 'Khai man thành tích',
      documentId: r.document.id,
      revision: h.revision,
    });
    expect(expectOk(res, ZHonour)).toMatchObject({
      status: 'revoked',
      revokedOn: '2024-07-01',
      revokeReason: 'Khai man thành tích',
      revokeDocument: { symbol: '125-QĐ/ĐUK' },
      abilities: { revoke: false },
    });
    expect(expectOk(await w.operatorA.s.get('/api/v1/honours?status=revoked'), ZHonourPage).total).toBe(1);
    const again = await w.operatorA.s.post(`/api/v1/honours/${id}/revoke`, {
      revokedOn: '2024-07-02',
      reason: 'Lần hai',
      documentId: null,
      revision: expectOk(res, ZHonour).revision,
    });
    expect(again.statusCode).toBe(409);
    const item = expectOk(
      await w.operatorA.s.get(`/api/v1/registry/entries/${model.id}/timeline`),
      ZTimeline,
    ).items.find((i) => i.type === 'honour')!;
    expect(item).toMatchObject({ status: 'revoked', revokedOn: '2024-07-01', revokeReason: 'Khai man thành tích' });
    expect(item.label).toContain('thu hồi');
    expect((await w.operatorA.s.get(`/api/v1/honours/${id}/certificate.docx`)).statusCode).toBe(409);
    expect(
      (await w.operatorA.s.get(`/api/v1/honours/certificates.docx?decisionDocumentId=${r.document.id}`)).statusCode,
    ).toBe(409);
    expect(
      await t.db.selectFrom('audit_event').select('id').where('action', '=', 'honour.revoked').execute(),
    ).toHaveLength(1);
  });
});

describe('certificates', () => {
  it('one certificate as .docx with the Vietnamese name, the award and the decision; all of a decision, one per page', async () => {
    const x = await world();
    const { t, w } = x;
    const c1 = await insertCandidate(t.db, {
      proposalId: x.proposalId,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a1,
      status: 'approved',
      achievement: 'Hoàn thành xuất sắc nhiệm vụ năm 2023',
    });
    const c2 = await insertCandidate(t.db, {
      proposalId: x.proposalId,
      awardFormId: w.forms.giayKhen,
      personId: w.people.a1b,
      status: 'approved',
    });
    const c3 = await insertCandidate(t.db, {
      proposalId: x.proposalId,
      awardFormId: w.forms.giayKhen,
      unitId: w.tree.a1,
      status: 'approved',
    });
    const r = await decide(
      w.operatorA.s,
      internal(w, [{ candidateId: c1 }, { candidateId: c2 }, { candidateId: c3 }], {
        document: doc('125-QĐ/ĐUK', '2024-02-05'),
      }),
    );
    const luong = expectOk(await w.operatorA.s.get('/api/v1/honours?q=luong'), ZHonourPage).items[0]!;

    const one = await w.viewerA.s.get(`/api/v1/honours/${luong.id}/certificate.docx`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.headers['content-disposition']).toContain(encodeURIComponent('Giấy-khen'));
    const text = (await readDocx(one.rawPayload)).paragraphs;
    expect(text).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(text).toContain('ĐẢNG ỦY KHỐI A');
    expect(text).toContain('TẶNG GIẤY KHEN');
    expect(text).toContain('Ông Đỗ Tuấn Lương');
    expect(text).toContain('Phó Giám đốc Sở Tư pháp');
    expect(text).toContain('Đã có thành tích hoàn thành xuất sắc nhiệm vụ năm 2023.');
    expect(text).toContain('Quyết định số 125-QĐ/ĐUK, ngày 05 tháng 02 năm 2024');
    expect(text).toContain('Thử nghiệm, ngày 05 tháng 02 năm 2024');
    expect(text).toContain('T/M BAN THƯỜNG VỤ');
    expect(text).toContain('Nguyễn Văn Bí Thư');

    const all = await w.viewerA.s.get(`/api/v1/honours/certificates.docx?decisionDocumentId=${r.document.id}`);
    expect(all.statusCode, all.body).toBe(200);
    const allText = (await readDocx(all.rawPayload)).paragraphs;
    expect(allText.filter((p) => p === 'TẶNG GIẤY KHEN')).toHaveLength(3);
    expect(allText).toContain('Ông Đỗ Tuấn Lương');
    expect(allText).toContain('Nguyễn Thị Hoa'); // gender unknown: the name alone
    expect(allText).toContain('Đảng bộ Sở Tư pháp');
    // Each certificate is its own landscape A4 section (a new page).
    const zip = await JSZip.loadAsync(all.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml.match(/<w:sectPr/g)).toHaveLength(3);
    expect(xml).toContain('w:orient="landscape"');

    // All at once as PDF (with LibreOffice): three landscape pages.
    const allPdf = await w.viewerA.s.get(`/api/v1/honours/certificates.pdf?decisionDocumentId=${r.document.id}`);
    expect([200, 503]).toContain(allPdf.statusCode);
    if (allPdf.statusCode === 200) {
      const raw = allPdf.rawPayload.toString('latin1');
      expect(raw.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(3);
      expect(raw).toMatch(/\/MediaBox\s*\[\s*0 0 841\.\d+ 595\.\d+/);
    }

    // PDF: 503 without LibreOffice, a PDF with it.
    const pdf = await w.viewerA.s.get(`/api/v1/honours/${luong.id}/certificate.pdf`);
    expect([200, 503]).toContain(pdf.statusCode);
    if (pdf.statusCode === 503) expect(expectError(pdf, 503, 'UNAVAILABLE').message).toContain('LibreOffice');
    else expect(pdf.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });
});
