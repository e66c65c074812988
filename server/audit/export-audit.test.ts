/**
 * Documents generated from personal data are audited when downloaded:
 * certificates (one, or all of a decision), the council's minutes, the review
 * report (.docx, .pdf, annex .xlsx). A download refused or not produced (no
 * LibreOffice for .pdf) records nothing.
 */
import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { C, councilBody, councilWorld, createCouncil } from '../honours/council/test-helpers.ts';
import { insertHonour, registerDecision } from '../honours/funnel/fixtures.ts';
import { honoursWorld } from '../honours/test-helpers.ts';
import { AS_OF, FROM, reviewWorld, TO } from '../review-report/test-helpers.ts';
import { ZReviewReport } from '../../common/schemas/review-reports.ts';
import { expectOk, setupTest } from '../test/harness.ts';

const readsOf = (db: Kysely<DB>, action: string) =>
  db
    .selectFrom('audit_event')
    .select(['actor_user_id', 'entity_type', 'entity_id', 'unit_id', 'summary', 'after'])
    .where('action', '=', action)
    .orderBy('seq')
    .execute();

describe('exports of generated documents are audited', () => {
  it('certificates: one honour, all of a decision; the .pdf only when it was produced', async () => {
    const t = await setupTest();
    const w = await honoursWorld(t);
    const decision = await registerDecision(w.operatorA.s, w.tree.blocA, '125-QĐ/ĐUK', '2024-02-05');
    const common = {
      awardFormId: w.forms.giayKhen,
      ownerUnitId: w.tree.blocA,
      grantorUnitId: w.tree.blocA,
      documentId: decision,
      decidedOn: '2024-02-05',
    };
    const luong = await insertHonour(t.db, {
      ...common,
      unitId: w.tree.a1,
      personId: w.people.a1,
      displayName: 'Đỗ Tuấn Lương',
    });
    await insertHonour(t.db, { ...common, unitId: w.tree.a1, personId: w.people.a1b, displayName: 'Nguyễn Thị Hoa' });

    expect((await w.viewerA.s.get(`/api/v1/honours/${luong}/certificate.docx`)).statusCode).toBe(200);
    expect((await w.viewerA.s.get(`/api/v1/honours/certificates.docx?decisionDocumentId=${decision}`)).statusCode).toBe(
      200,
    );
    const rows = await readsOf(t.db, 'certificate.exported');
    expect(rows).toEqual([
      expect.objectContaining({
        actor_user_id: w.viewerA.id,
        entity_type: 'honour',
        entity_id: String(luong),
        unit_id: w.tree.blocA,
        after: { honourIds: [luong] },
      }),
      expect.objectContaining({
        actor_user_id: w.viewerA.id,
        entity_type: 'document',
        entity_id: String(decision),
        unit_id: w.tree.blocA,
      }),
    ]);
    expect(rows[0]!.summary).toContain('1 giấy khen, bằng khen theo quyết định 125-QĐ/ĐUK — Đỗ Tuấn Lương');
    expect(rows[1]!.summary).toContain('2 giấy khen, bằng khen');
    expect(rows[1]!.summary).toContain('Nguyễn Thị Hoa');

    expect((await w.operatorB.s.get(`/api/v1/honours/${luong}/certificate.docx`)).statusCode).toBe(404);
    const pdf = await w.viewerA.s.get(`/api/v1/honours/${luong}/certificate.pdf`);
    expect([200, 503]).toContain(pdf.statusCode);
    expect(await readsOf(t.db, 'certificate.exported')).toHaveLength(pdf.statusCode === 200 ? 3 : 2);
  });

  it('the minutes of a closed council session', async () => {
    const x = await councilWorld();
    const session = await createCouncil(
      x.w.operatorA.s,
      councilBody(x, { memberIds: [x.m.chair.id, x.m.secretary.id], candidateIds: [x.c.tuyenDuong] }),
    );
    const closed = await x.m.chair.s.post(`${C}/${session.id}/close`, { revision: session.revision });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await x.w.operatorB.s.get(`${C}/${session.id}/minutes.docx`)).statusCode).toBe(404);
    expect(await readsOf(x.t.db, 'council_minutes.exported')).toEqual([]);

    expect((await x.w.viewerA.s.get(`${C}/${session.id}/minutes.docx`)).statusCode).toBe(200);
    const rows = await readsOf(x.t.db, 'council_minutes.exported');
    expect(rows).toEqual([
      expect.objectContaining({
        actor_user_id: x.w.viewerA.id,
        entity_type: 'council_session',
        entity_id: String(session.id),
        unit_id: x.w.tree.blocA,
      }),
    ]);
    expect(rows[0]!.summary).toContain('Tải biên bản họp "Phiên họp xét khen thưởng điển hình năm 2026" (1 hồ sơ');
  });

  it('the review report as .docx and its annex as .xlsx (and .pdf when produced)', async () => {
    const t = await setupTest();
    const x = await reviewWorld(t);
    const s = x.w.operatorA.s;
    const created = await s.post('/api/v1/review-reports', {
      unitId: x.w.tree.blocA,
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
    });
    const report = expectOk(created, ZReviewReport, 201);
    expect((await x.w.operatorB.s.get(`/api/v1/review-reports/${report.id}/docx`)).statusCode).toBe(404);

    expect((await x.w.viewerA.s.get(`/api/v1/review-reports/${report.id}/docx`)).statusCode).toBe(200);
    expect((await x.w.viewerA.s.get(`/api/v1/review-reports/${report.id}/annex.xlsx`)).statusCode).toBe(200);
    const pdf = await x.w.viewerA.s.get(`/api/v1/review-reports/${report.id}/pdf`);
    const rows = await readsOf(t.db, 'review_report.exported');
    expect(rows.slice(0, 2)).toEqual([
      expect.objectContaining({
        actor_user_id: x.w.viewerA.id,
        entity_type: 'review_report',
        entity_id: String(report.id),
        unit_id: x.w.tree.blocA,
      }),
      expect.objectContaining({
        actor_user_id: x.w.viewerA.id,
        entity_type: 'review_report',
        entity_id: String(report.id),
        unit_id: x.w.tree.blocA,
      }),
    ]);
    expect(rows[0]!.summary).toBe(
      `Tải "Báo-cáo-${report.id}-Số-125-BC-ĐUK.docx" — Sơ kết 02 năm thực hiện Kế hoạch số 24-KH/TU (Số 125-BC/ĐUK)`,
    );
    expect(rows[1]!.summary).toContain(`Phụ-lục-${report.id}`);
    expect(rows).toHaveLength(pdf.statusCode === 200 ? 3 : 2);
  });
});
