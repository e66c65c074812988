/**
 * Review reports through the API: created with a stored snapshot of figures,
 * edited by the operator, checked before export, exported as .docx and .xlsx
 * annex; permissions and stale revisions.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { findSoffice } from '../docgen/pdf.ts';
import { readDocx } from '../docgen/read-docx.ts';
import { ZReviewReport, ZReviewReportPage } from '../../common/schemas/review-reports.ts';
import { anonymous, expectError, expectOk, type Session, setupTest } from '../test/harness.ts';
import { computeReviewFigures } from './figures.ts';
import { AS_OF, FROM, insertEntry, insertSpan, reviewWorld, TO } from './test-helpers.ts';

const RR = '/api/v1/review-reports';

async function create(s: Session, unitId: number, planId: number | null, extra: Record<string, unknown> = {}) {
  return s.post(RR, {
    unitId,
    kind: 'so_ket',
    title: 'Sơ kết 02 năm thực hiện Kế hoạch số 24-KH/TU về xây dựng, nhân rộng các mô hình, điển hình tiên tiến',
    from: FROM,
    to: TO,
    snapshotOn: AS_OF,
    planId,
    number: 'Số 15-BC/ĐUK',
    place: 'Yên Bái',
    reportDate: '2024-02-05',
    signerAuthority: 'T/M BAN THƯỜNG VỤ',
    signerTitle: 'PHÓ BÍ THƯ',
    signerName: 'Cao Xuân Chiểu',
    recipients: ['Ban Tuyên giáo Tỉnh uỷ (B/c)', 'Lưu Văn phòng ĐUK'],
    ...extra,
  });
}

const TEXTS = {
  leadership:
    'Ban Thường vụ Đảng ủy Khối đã ban hành Công văn số 384-CV/ĐUK, ngày 09/9/2022 về việc thực hiện mô hình, điển hình tiên tiến.',
  implementation: 'Các chi, đảng bộ cơ sở đã chủ động xây dựng kế hoạch.',
  strengths: 'Việc triển khai được các cấp ủy quan tâm thực hiện nghiêm túc.',
  weaknesses: 'Một số cấp ủy chưa cụ thể hóa chương trình.',
  causes: 'Công tác đảng ở cơ sở kiêm nhiệm.',
  directions: 'Tiếp tục rà soát, bổ sung các mô hình mới.',
  recommendations: 'Ban hành hướng dẫn đánh giá mô hình.',
};

describe('review reports', () => {
  it('stores a snapshot, exports a .docx with the numbers, names and citations, and an annex whose totals match', async () => {
    const t = await setupTest();
    const x = await reviewWorld(t);
    const { operatorA } = x.w;
    const created = await create(operatorA.s, x.w.tree.blocA, x.w.plan);
    const report = expectOk(created, ZReviewReport, 201);
    const direct = await computeReviewFigures(t.db, {
      unitId: x.w.tree.blocA,
      from: FROM,
      to: TO,
      asOf: AS_OF,
      planId: x.w.plan,
    });
    expect(report.figures).toEqual(direct);
    expect(report.warnings).toEqual([]);
    expect(report.warningsAcknowledged).toBe(true);

    const patched = await operatorA.s.patch(`${RR}/${report.id}`, { revision: report.revision, texts: TEXTS });
    expect(expectOk(patched, ZReviewReport).warnings).toEqual([]);

    // Data changes later: the stored snapshot does not move; a refresh does.
    const late = await insertEntry(t.db, { kind: 'model', unit: x.w.tree.a1, field: x.f1, level: x.w.levels.coSo });
    await insertSpan(t.db, late, x.w.levels.coSo, '2023-05-01');
    const again = expectOk(await operatorA.s.get(`${RR}/${report.id}`), ZReviewReport);
    expect(again.figures).toEqual(direct);

    const docx = await operatorA.s.get(`${RR}/${report.id}/docx`);
    expect(docx.statusCode, docx.body).toBe(200);
    const { paragraphs, footnotes } = await readDocx(docx.rawPayload);
    const text = paragraphs.join('\n');
    for (const h of [
      'I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO',
      'II. CÔNG TÁC TRIỂN KHAI THỰC HIỆN',
      'III. KẾT QUẢ CỤ THỂ',
      'IV. ĐÁNH GIÁ CHUNG',
      'V. PHƯƠNG HƯỚNG NHIỆM VỤ THỜI GIAN TỚI',
      'VI. KIẾN NGHỊ, ĐỀ XUẤT',
    ]) {
      expect(paragraphs).toContain(h);
    }
    expect(text).toContain(
      'Đến nay có 4 mô hình tập thể và 4 điển hình tiên tiến cá nhân đăng ký, trong đó có 1 mô hình và 2 điển hình tiên tiến cấp tỉnh; 1 mô hình và 1 điển hình tiên tiến cấp trên cơ sở',
    );
    expect(text).toContain('Kế hoạch số 24-KH/TU, ngày 17/3/2021');
    expect(text).toContain(
      'Có 2/3 đồng chí đạt các tiêu chí gồm: Đồng chí Trần Thanh Tùng, Phó Bí thư Chi bộ, Đảng bộ Sở Tư pháp; Doãn Thế Công, Đảng viên, Đảng bộ Trường Cao đẳng nghề.',
    );
    expect(text).toContain(
      'Về mô hình tập thể: đầu kỳ 4, bổ sung 2, đưa ra khỏi danh sách 1, chuyển đi 1, thay thế 0; cuối kỳ 4.',
    );
    expect(text).toContain(
      'Có 2 mô hình tập thể cấp cơ sở trong danh sách; qua đánh giá 1 mô hình, có 1 mô hình đạt các tiêu chí, gồm: Văn hóa công sở (1/1 mô hình)',
    );
    expect(text).toContain(TEXTS.weaknesses);
    expect(text).toContain('Cao Xuân Chiểu');
    expect(text).not.toContain('Quách Quang Tuấn');
    expect(footnotes.join('\n')).toContain(
      'Công văn số 384-CV/ĐUK, ngày 09/9/2022 về thực hiện mô hình, điển hình tiên tiến',
    );

    const annex = await operatorA.s.get(`${RR}/${report.id}/annex.xlsx`);
    expect(annex.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(annex.rawPayload as unknown as ArrayBuffer);
    const mv = wb.getWorksheet('Biến động mô hình')!;
    const last = mv.getRow(mv.rowCount);
    expect(last.getCell(1).value).toBe('Tổng cộng');
    expect(last.font?.bold).toBe(true);
    const t0 = direct.movements.model.total;
    expect([2, 3, 4, 5, 6, 7, 8, 9].map((c) => last.getCell(c).value)).toEqual([
      t0.start,
      t0.added,
      t0.movedIn,
      t0.movedOut,
      t0.removed,
      t0.transferred,
      t0.replaced,
      t0.end,
    ]);
    const counts = wb.getWorksheet('Số lượng theo cấp')!;
    const totals = counts.getRow(counts.rowCount);
    expect([totals.getCell(2).value, totals.getCell(3).value]).toEqual([
      direct.counts.model.total,
      direct.counts.exemplar.total,
    ]);
    let levelSum = 0;
    for (let r = 4; r < counts.rowCount; r++) levelSum += Number(counts.getRow(r).getCell(2).value);
    expect(levelSum).toBe(direct.counts.model.total);
    expect(wb.getWorksheet('Đạt tiêu chí')).toBeDefined();
    expect(wb.getWorksheet('Cấp cơ sở theo lĩnh vực')).toBeDefined();

    // Refresh recomputes as of the snapshot date and picks up the late entry.
    const current = expectOk(await operatorA.s.get(`${RR}/${report.id}`), ZReviewReport);
    const refreshed = await operatorA.s.post(`${RR}/${report.id}/refresh`, { revision: current.revision });
    expect(expectOk(refreshed, ZReviewReport).figures.counts.model.total).toBe(5);

    // The next report of the same kind starts from this one's texts.
    const next = expectOk(
      await create(operatorA.s, x.w.tree.blocA, null, {
        from: '2024-01-01',
        to: '2024-12-31',
        snapshotOn: '2025-01-31',
      }),
      ZReviewReport,
      201,
    );
    expect(next.texts).toEqual(TEXTS);
    const list = expectOk(await operatorA.s.get(`${RR}?unitId=${x.w.tree.blocA}`), ZReviewReportPage);
    expect(list.total).toBe(2);
  });

  it('hand-typed numbers that break a breakdown or the movement identity are warned about; exports wait for acknowledgement', async () => {
    const t = await setupTest();
    const x = await reviewWorld(t);
    const s = x.w.operatorA.s;
    const report = expectOk(await create(s, x.w.tree.blocA, x.w.plan), ZReviewReport, 201);

    const r1 = expectOk(
      await s.patch(`${RR}/${report.id}`, { revision: report.revision, overrides: { 'models.movement.end': 5 } }),
      ZReviewReport,
    );
    const codes1 = r1.warnings.map((w: { code: string }) => w.code);
    expect(codes1).toContain('movement_identity');
    expect(codes1).toContain('movement_figure');
    expect(r1.warningsAcknowledged).toBe(false);
    expect(r1.numbers).toContainEqual({ key: 'models.movement.end', computed: 4, value: 5, overridden: true });
    expect(r1.numbers).toContainEqual({ key: 'models.end', computed: 4, value: 4, overridden: false });
    for (const path of ['docx', 'annex.xlsx', 'pdf'])
      expect((await s.get(`${RR}/${report.id}/${path}`)).statusCode).toBe(409);
    const rowOf = async () =>
      expectOk(await s.get(RR), ZReviewReportPage).items.find((i: { id: number }) => i.id === report.id);
    expect(await rowOf()).toMatchObject({ warningCount: r1.warnings.length, warningsAcknowledged: false });

    const ack = await s.post(`${RR}/${report.id}/acknowledge`, { revision: r1.revision });
    const acked = expectOk(ack, ZReviewReport);
    expect(await rowOf()).toMatchObject({ warningCount: r1.warnings.length, warningsAcknowledged: true });
    expect(acked.warningsAcknowledged).toBe(true);
    expect(acked.warningsAcknowledgedBy?.name).toBe('Cán bộ nghiệp vụ Khối A');
    expect((await s.get(`${RR}/${report.id}/docx`)).statusCode).toBe(200);

    // A new mistake needs a new acknowledgement.
    const r2 = expectOk(
      await s.patch(`${RR}/${report.id}`, {
        revision: acked.revision,
        overrides: { [`models.level.${x.w.levels.coSo}.end`]: 3 },
      }),
      ZReviewReport,
    );
    expect(r2.warnings.map((w: { code: string }) => w.code)).toContain('breakdown_sum');
    expect(r2.warningsAcknowledged).toBe(false);
    expect((await s.get(`${RR}/${report.id}/docx`)).statusCode).toBe(409);

    // Text copied from a district report, and a letter cited with a wrong date.
    const r3 = expectOk(
      await s.patch(`${RR}/${report.id}`, {
        revision: r2.revision,
        overrides: {},
        texts: { implementation: 'Huyện ủy đã ban hành Công văn số 384-CV/ĐUK, ngày 29/9/2-21.' },
      }),
      ZReviewReport,
    );
    expect(r3.warnings.map((w: { code: string }) => w.code)).toEqual(
      expect.arrayContaining(['foreign_term', 'citation_bad_date']),
    );

    // Layout parameters are validated, stored and used.
    const badLayout = await s.patch(`${RR}/${report.id}`, {
      revision: r3.revision,
      layout: { margins: { leftMm: 'rộng' } },
    });
    expectError(badLayout, 400, 'VALIDATION', ['layout.margins.leftMm']);
    const r4 = expectOk(
      await s.patch(`${RR}/${report.id}`, {
        revision: r3.revision,
        texts: {},
        layout: { margins: { leftMm: 25 }, sizes: { body: 13 } },
      }),
      ZReviewReport,
    );
    expect(r4.layout).toEqual({ margins: { leftMm: 25 }, sizes: { body: 13 } });
    expect(r4.warnings).toEqual([]);
    expect((await s.get(`${RR}/${report.id}/docx`)).statusCode).toBe(200);

    // Stale revision.
    const stale = await s.patch(`${RR}/${report.id}`, { revision: r2.revision, number: 'Số 16-BC/ĐUK' });
    expectError(stale, 409, 'CONFLICT');
    expect((await s.post(`${RR}/${report.id}/acknowledge`, { revision: r2.revision })).statusCode).toBe(409);
  });

  it('PDF is 404 with a Vietnamese message when LibreOffice is not installed', async () => {
    const t = await setupTest();
    const x = await reviewWorld(t);
    const report = expectOk(await create(x.w.operatorA.s, x.w.tree.blocA, x.w.plan), ZReviewReport, 201);
    const before = process.env.SOFFICE_PATH;
    process.env.SOFFICE_PATH = '/nonexistent/soffice';
    try {
      const pdf = await x.w.operatorA.s.get(`${RR}/${report.id}/pdf`);
      expect(expectError(pdf, 404, 'NOT_FOUND').message).toContain('LibreOffice');
    } finally {
      // Workers run test files one after another in one process: never leave the setting behind.
      if (before === undefined) delete process.env.SOFFICE_PATH;
      else process.env.SOFFICE_PATH = before;
    }
  });

  it.skipIf(!findSoffice())(
    'PDF through LibreOffice when it is installed',
    async () => {
      const t = await setupTest();
      const x = await reviewWorld(t);
      const report = expectOk(await create(x.w.operatorA.s, x.w.tree.blocA, x.w.plan), ZReviewReport, 201);
      const pdf = await x.w.operatorA.s.get(`${RR}/${report.id}/pdf`);
      expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
    180_000,
  );

  it('permissions: unauthenticated 401, other bloc 404, viewer 403 on writes, reporter cannot create', async () => {
    const t = await setupTest();
    const x = await reviewWorld(t);
    const { operatorA, operatorB, viewerA, reporterA1 } = x.w;
    const report = expectOk(await create(operatorA.s, x.w.tree.blocA, x.w.plan), ZReviewReport, 201);
    const anon = anonymous(t.app);
    expect((await anon.get(RR)).statusCode).toBe(401);
    expect((await anon.get(`${RR}/${report.id}`)).statusCode).toBe(401);
    expect((await create(anon, x.w.tree.blocA, null)).statusCode).toBe(401);
    expect((await anon.get(`${RR}/${report.id}/docx`)).statusCode).toBe(401);

    for (const path of ['', '/docx', '/annex.xlsx'])
      expect((await operatorB.s.get(`${RR}/${report.id}${path}`)).statusCode).toBe(404);
    expect((await operatorB.s.patch(`${RR}/${report.id}`, { revision: report.revision })).statusCode).toBe(404);
    expect((await create(operatorB.s, x.w.tree.blocA, null)).statusCode).toBe(404);
    expect(expectOk(await operatorB.s.get(RR), ZReviewReportPage).total).toBe(0);

    expect((await viewerA.s.get(`${RR}/${report.id}`)).statusCode).toBe(200);
    expect((await viewerA.s.get(`${RR}/${report.id}/docx`)).statusCode).toBe(200);
    expect(expectOk(await viewerA.s.get(RR), ZReviewReportPage).total).toBe(1);
    expect((await viewerA.s.patch(`${RR}/${report.id}`, { revision: report.revision, number: 'x' })).statusCode).toBe(
      403,
    );
    expect((await viewerA.s.post(`${RR}/${report.id}/acknowledge`, { revision: report.revision })).statusCode).toBe(
      403,
    );
    expect((await viewerA.s.post(`${RR}/${report.id}/refresh`, { revision: report.revision })).statusCode).toBe(403);
    expect((await create(viewerA.s, x.w.tree.blocA, null)).statusCode).toBe(403);
    expect((await create(reporterA1.s, x.w.tree.a1, null)).statusCode).toBe(403);

    const audit = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_type', '=', 'review_report')
      .execute();
    // The refused writes left nothing; the viewer's download is audited.
    expect(audit.map((a) => a.action)).toEqual(['review_report.created', 'review_report.exported']);
  });
});
