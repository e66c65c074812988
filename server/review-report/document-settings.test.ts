/**
 * Thể thức văn bản per unit: a unit's settings reach the reports of the units
 * under it (margins in the .docx, the default place), the nearest unit wins,
 * the report's own layout goes on top, and a signed report keeps its layout.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ZDocumentSettings, ZReviewReport } from '../../common/schemas/review-reports.ts';
import { anonymous, expectOk, type Session, setupTest } from '../test/harness.ts';
import { AS_OF, FROM, reviewWorld, TO } from './test-helpers.ts';

const RR = '/api/v1/review-reports';
const settingsUrl = (unitId: number) => `/api/v1/units/${unitId}/document-settings`;

async function create(s: Session, unitId: number, extra: Record<string, unknown> = {}) {
  const res = await s.post(RR, {
    unitId,
    kind: 'annual',
    title: 'Báo cáo năm 2023',
    from: FROM,
    to: TO,
    snapshotOn: AS_OF,
    ...extra,
  });
  return expectOk(res, ZReviewReport, 201);
}

/** Page margins of the .docx as written (twips). */
async function pageMargins(s: Session, reportId: number) {
  const res = await s.get(`${RR}/${reportId}/docx`);
  expect(res.statusCode, res.body).toBe(200);
  const xml = await (await JSZip.loadAsync(res.rawPayload)).file('word/document.xml')!.async('string');
  const tag = /<w:pgMar [^>]*\/>/.exec(xml)![0];
  const attr = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(tag)![1]);
  return { top: attr('top'), bottom: attr('bottom'), left: attr('left'), right: attr('right') };
}
const twips = (mm: number) => Math.round((mm * 1440) / 25.4);

describe('document settings per unit (thể thức văn bản)', () => {
  it("a parent's settings apply to a child's reports: margins in the .docx, the default place; the nearest unit wins", async () => {
    const t = await setupTest();
    const x = await reviewWorld(t);
    const s = x.w.operatorA.s;
    const { blocA, a1, a2 } = x.w.tree;

    const none = expectOk(await s.get(settingsUrl(a1)), ZDocumentSettings);
    expect(none.own).toBeNull();
    expect(none.effective).toMatchObject({
      place: null,
      inheritedFrom: null,
      layout: { margins: { topMm: 20, bottomMm: 20, leftMm: 30, rightMm: 15 }, font: 'Times New Roman' },
    });

    const saved = await s.put(settingsUrl(blocA), {
      layout: { margins: { leftMm: 35, topMm: 25 }, sizes: { body: 13 }, partyHeading: 'ĐẢNG CỘNG SẢN VIỆT NAM' },
      place: 'Yên Bái',
      revision: null,
    });
    expect(expectOk(saved, ZDocumentSettings).own).toEqual({
      layout: { margins: { leftMm: 35, topMm: 25 }, sizes: { body: 13 }, partyHeading: 'ĐẢNG CỘNG SẢN VIỆT NAM' },
      place: 'Yên Bái',
      revision: 1,
    });

    const child = expectOk(await s.get(settingsUrl(a1)), ZDocumentSettings);
    expect(child.own).toBeNull();
    expect(child.effective.inheritedFrom).toEqual({ id: blocA, name: expect.any(String) });
    expect(child.effective.place).toBe('Yên Bái');
    expect(child.effective.layout.margins).toEqual({ topMm: 25, bottomMm: 20, leftMm: 35, rightMm: 15 });
    expect(child.effective.layout.sizes.body).toBe(13);

    // A child's report: the parent's margins in the .docx, its place by default (a place given wins).
    const report = await create(s, a1);
    expect(report.place).toBe('Yên Bái');
    expect((await create(s, a1, { place: 'Nghĩa Lộ' })).place).toBe('Nghĩa Lộ');
    expect(await pageMargins(s, report.id)).toEqual({
      top: twips(25),
      bottom: twips(20),
      left: twips(35),
      right: twips(15),
    });

    // The report's own layout goes on top of the unit's.
    const own = expectOk(
      await s.patch(`${RR}/${report.id}`, { revision: report.revision, layout: { margins: { rightMm: 20 } } }),
      ZReviewReport,
    );
    expect(await pageMargins(s, report.id)).toEqual({
      top: twips(25),
      bottom: twips(20),
      left: twips(35),
      right: twips(20),
    });

    // A unit with its own settings: the nearest wins, for it only.
    const a2Saved = expectOk(
      await s.put(settingsUrl(a2), { layout: { margins: { leftMm: 28 } }, place: 'Mù Cang Chải', revision: null }),
      ZDocumentSettings,
    );
    expect(a2Saved.effective).toMatchObject({
      place: 'Mù Cang Chải',
      inheritedFrom: null,
      layout: { margins: { leftMm: 28, topMm: 20 } },
    });
    expect((await create(s, a2)).place).toBe('Mù Cang Chải');
    expect(expectOk(await s.get(settingsUrl(a1)), ZDocumentSettings).effective.inheritedFrom?.id).toBe(blocA);

    // Signed, the report keeps the layout it was signed with.
    const ready = expectOk(
      await s.patch(`${RR}/${report.id}`, {
        revision: own.revision,
        number: '12-BC/ĐU',
        reportDate: '2024-02-05',
        signerName: 'Cao Xuân Chiểu',
      }),
      ZReviewReport,
    );
    const signed = await s.post(`${RR}/${report.id}/finalize`, { revision: ready.revision });
    expectOk(signed, ZReviewReport);
    await s.put(settingsUrl(blocA), { layout: { margins: { leftMm: 40 } }, place: 'Yên Bái', revision: 1 });
    expect(await pageMargins(s, report.id)).toEqual({
      top: twips(25),
      bottom: twips(20),
      left: twips(35),
      right: twips(20),
    });

    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'entity_id'])
      .where('action', '=', 'document_settings.updated')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'document_settings.updated', entity_id: String(blocA) },
      { action: 'document_settings.updated', entity_id: String(a2) },
      { action: 'document_settings.updated', entity_id: String(blocA) },
    ]);
  });

  it('stale revisions are refused; bad layout values are 400', async () => {
    const t = await setupTest();
    const x = await reviewWorld(t);
    const s = x.w.operatorA.s;
    const url = settingsUrl(x.w.tree.blocA);
    expect((await s.put(url, { layout: {}, place: 'Yên Bái', revision: null })).statusCode).toBe(200);
    // Someone else created them first.
    expect((await s.put(url, { layout: {}, place: 'Văn Chấn', revision: null })).statusCode).toBe(409);
    const second = await s.put(url, { layout: { font: 'Arial' }, place: 'Văn Chấn', revision: 1 });
    expect(expectOk(second, ZDocumentSettings).own?.revision).toBe(2);
    const stale = await s.put(url, { layout: {}, place: 'Trạm Tấu', revision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(expectOk(await s.get(url), ZDocumentSettings).own).toEqual({
      layout: { font: 'Arial' },
      place: 'Văn Chấn',
      revision: 2,
    });
    expect((await s.put(url, { layout: { margins: { leftMm: -3 } }, revision: 2 })).statusCode).toBe(400);
    expect((await s.put(url, { layout: { margins: { gutterMm: 3 } }, revision: 2 })).statusCode).toBe(400);
    expect((await s.put(url, { layout: {}, revision: 'x' })).statusCode).toBe(400);
  });

  it('permissions: unauthenticated 401, other bloc 404, viewer reads but may not write', async () => {
    const t = await setupTest();
    const x = await reviewWorld(t);
    const { operatorB, viewerA } = x.w;
    const url = settingsUrl(x.w.tree.blocA);
    const anon = anonymous(t.app);
    expect((await anon.get(url)).statusCode).toBe(401);
    expect((await anon.put(url, { layout: {}, revision: null })).statusCode).toBe(401);
    expect((await operatorB.s.get(url)).statusCode).toBe(404);
    expect((await operatorB.s.put(url, { layout: {}, revision: null })).statusCode).toBe(404);
    expect((await viewerA.s.get(url)).statusCode).toBe(200);
    expect((await viewerA.s.put(url, { layout: {}, revision: null })).statusCode).toBe(403);
    expect((await x.w.operatorA.s.get(settingsUrl(999999))).statusCode).toBe(404);
    expect(await t.db.selectFrom('unit_document_settings').selectAll().execute()).toEqual([]);
  });
});
