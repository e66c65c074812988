/**
 * The seed reproduced: the demo's bloc generates its 2-year report (17/3/2021
 * – 16/3/2023) from the registry and gets the seed's consistent figures; the
 * demo's copy of the seed report, with the seed's texts and hand-typed
 * figures, shows as warnings exactly where the seed's own figures cannot all
 * be true. The bloc ended in 2025: its successors' operator reads and
 * generates its reports, a unit elsewhere does not.
 */
import { describe, expect, it } from 'vitest';
import { readDocx } from '../docgen/read-docx.ts';
import { ZMe } from '../../common/schemas/accounts.ts';
import { ZOverview } from '../../common/schemas/registry-overview.ts';
import { ZReportUnitList, ZReviewReport, ZReviewReportPage } from '../../common/schemas/review-reports.ts';
import { expectOk, setupTest, signIn } from '../test/harness.ts';
import { loadDemoData } from './demo.ts';
import { DEMO_ACCOUNTS, DEMO_PEOPLE } from './demo-data.ts';
import { SEED_WINDOW } from './demo-seed-registry.ts';
import { SEED_REPORT_TITLE } from './demo-seed-report.ts';

const RR = '/api/v1/review-reports';
const account = (u: string) => DEMO_ACCOUNTS.find((a) => a.username === u)!;

interface Warning {
  code: string;
  message: string;
}

describe('the seed report reproduced from the demo data', { timeout: 240_000 }, () => {
  it('computes the seed’s consistent figures and warns where the seed’s own figures contradict each other', async () => {
    const { app, db } = await setupTest();
    await loadDemoData(db);
    const operator = await signIn(app, 'btg.duk', account('btg.duk').password);

    // The saved copy: the bloc ended in 2025, its successors' operator still reads it.
    const list = expectOk(await operator.get(RR), ZReviewReportPage);
    const copy = list.items.find((r) => r.title === SEED_REPORT_TITLE)!;
    expect(copy, 'the demo ships the seed report').toBeTruthy();
    expect(copy.unit.name).toBe('Đảng ủy Khối cơ quan và doanh nghiệp tỉnh');
    const seed = expectOk(await operator.get(`${RR}/${copy.id}`), ZReviewReport);
    const f = seed.figures;

    // Registry on 16/3/2023 (seed II.2, III.3.1): 309 models and 568 exemplars; 26 models (20 province + 6 bloc) and 12 exemplars above grassroots.
    const level = (code: string) => f.levels.find((l) => l.code === code)!.id;
    const at = (kind: 'model' | 'exemplar', code: string) =>
      f.counts[kind].byLevel.find((b: { levelId: number }) => b.levelId === level(code))?.count ?? 0;
    expect([f.counts.model.total, f.counts.exemplar.total]).toEqual([309, 568]);
    expect([at('model', 'tinh'), at('model', 'tren_co_so'), at('model', 'co_so')]).toEqual([20, 6, 283]);
    expect([at('exemplar', 'tinh'), at('exemplar', 'co_so')]).toEqual([12, 556]);
    // Movement: 324 + 6 registered, 2 removed in the 2022 review, 19 with the banks; exemplars 597, 2 raised to province level, 29 with the banks.
    expect(f.movements.model.total).toMatchObject({ start: 0, added: 330, removed: 2, transferred: 19, end: 309 });
    expect(f.movements.exemplar.total).toMatchObject({
      start: 0,
      added: 597,
      movedIn: 2,
      movedOut: 2,
      transferred: 29,
      end: 568,
    });

    // Criteria met (seed III.3.1): 26/26 models by field 8/3/3/9/3; 11/12 exemplars, the eleven named.
    type Row = { kind: string; levelId: number; fieldName: string; met: number; evaluated: number; onList: number };
    const upper = f.criteria.filter((c: Row) => c.kind === 'model' && c.levelId !== level('co_so'));
    const byField = new Map<string, [number, number]>();
    for (const c of upper as Row[]) {
      const [m, e] = byField.get(c.fieldName) ?? [0, 0];
      byField.set(c.fieldName, [m + c.met, e + c.evaluated]);
    }
    expect(Object.fromEntries(byField)).toEqual({
      'Tiên tiến trong sản xuất - kinh doanh': [8, 8],
      'Tiên tiến trong lĩnh vực giáo dục - đào tạo': [3, 3],
      'Tiên tiến trong lĩnh vực y tế, chăm sóc sức khỏe nhân dân': [3, 3],
      'Tiên tiến trong khối cơ quan, đơn vị': [9, 9],
      'Tổ chức cơ sở đảng điển hình tiên tiến': [3, 3],
    });
    const upperEx = f.criteria.find((c: Row) => c.kind === 'exemplar' && c.levelId === level('tinh'))!;
    expect([upperEx.met, upperEx.evaluated]).toEqual([11, 12]);
    expect(f.exemplarsMet.map((e: { name: string }) => e.name).sort()).toEqual(
      DEMO_PEOPLE.slice(0, 11)
        .map((p) => p.fullName)
        .sort(),
    );
    // Grassroots (seed III.3.2): 146 models evaluated, 145 met, health 11/12.
    const grass = (f.criteria as Row[]).filter((c) => c.kind === 'model' && c.levelId === level('co_so'));
    expect([grass.reduce((s, c) => s + c.evaluated, 0), grass.reduce((s, c) => s + c.met, 0)]).toEqual([146, 145]);
    const health = grass.find((c) => c.fieldName.includes('y tế'))!;
    expect([health.met, health.evaluated]).toEqual([11, 12]);
    // Honours (seed III.4): 54/69 commended, 23/29 proposed, 20/20 decided, 2 collectives and 4 individuals proposed up.
    const stage = (s: string) => f.honours!.stages.find((x) => x.stage === s)!;
    expect(
      [stage('self_granted'), stage('proposed'), stage('decided'), stage('proposed_outside')].map((s) => [
        s.collectives,
        s.individuals,
      ]),
    ).toEqual([
      [54, 69],
      [23, 29],
      [20, 20],
      [2, 4],
    ]);

    // The seed's hand-typed figures and texts: a warning for each contradiction.
    const messages = (seed.warnings as Warning[]).map((w) => `${w.code}: ${w.message}`);
    const has = (code: string, text: string) =>
      expect(
        messages.some((m) => m.startsWith(code) && m.includes(text)),
        `${code} ${text}\n${messages.join('\n')}`,
      ).toBe(true);
    has('breakdown_sum', 'tổng các thành phần là 302, khác số tổng 146'); // grassroots evaluated by field: 318-style breakdown vs 146
    has('breakdown_sum', 'tổng các thành phần là 301, khác số tổng 145');
    has('breakdown_sum', 'tổng các thành phần là 315, khác số tổng 309'); // "26 mô hình cấp tỉnh" while 6 are the bloc's
    has('breakdown_sum', 'tổng các thành phần là 580, khác số tổng 568'); // "568 điển hình cấp cơ sở" is the whole list
    has('citation_bad_date', '29/9/2-21');
    has('citation_date_conflict', '384-CV/ĐUK');
    has('citation_unknown', '95-KH/HU');
    has('foreign_term', 'Huyện ủy');
    has('foreign_term', 'Đại hội Đảng bộ huyện');
    expect(seed.numbers.filter((n: { overridden: boolean }) => n.overridden).length).toBe(8);

    // The create dialog's unit search: the ended bloc as of 2023 for its successors' operator, not today, not for others.
    const units = (session: typeof operator, query: string) =>
      session.get(`${RR}/units?q=${encodeURIComponent('khoi co quan va doanh nghiep')}${query}`);
    const then = expectOk(await units(operator, '&asOf=2023-03-16'), ZReportUnitList).items;
    expect(then.map((u: { id: number; endedOn: string | null }) => [u.id, u.endedOn])).toEqual([
      [copy.unit.id, '2025-07-01'],
    ]);
    expect(expectOk(await units(operator, ''), ZReportUnitList).items).toEqual([]);

    // Generated afresh by the successors' operator: the same numbers, and only the warnings its inherited texts carry.
    const created = await operator.post(RR, {
      unitId: copy.unit.id,
      kind: 'so_ket',
      title: 'Sơ kết 02 năm (lập lại từ dữ liệu)',
      from: SEED_WINDOW.from,
      to: SEED_WINDOW.to,
      snapshotOn: '2023-10-05',
      planId: seed.planId,
    });
    const fresh = expectOk(created, ZReviewReport, 201);
    expect(fresh.figures).toEqual(f);
    expect(fresh.texts).toEqual(seed.texts);
    const freshCodes = new Set((fresh.warnings as Warning[]).map((w) => w.code));
    expect(freshCodes.has('breakdown_sum')).toBe(false);
    expect([...freshCodes].sort()).toEqual([
      'citation_bad_date',
      'citation_date_conflict',
      'citation_unknown',
      'foreign_term',
    ]);
    const ack = expectOk(
      await operator.post(`${RR}/${fresh.id}/acknowledge`, { revision: fresh.revision }),
      ZReviewReport,
    );
    const docx = await operator.get(`${RR}/${fresh.id}/docx`);
    expect(docx.statusCode).toBe(200);
    const text = (await readDocx(docx.rawPayload)).paragraphs.join('\n');
    expect(text).toContain(
      'Đến nay có 309 mô hình tập thể và 568 điển hình tiên tiến cá nhân đăng ký, trong đó có 20 mô hình và 12 điển hình tiên tiến cấp tỉnh; 6 mô hình và 0 điển hình tiên tiến cấp trên cơ sở',
    );
    expect(text).toContain('Có 11/12 đồng chí đạt các tiêu chí');
    expect(text).toContain('qua đánh giá 146 mô hình, có 145 mô hình đạt các tiêu chí');
    expect(text).toContain('đã có 54 tập thể và 69 cá nhân được các cấp ủy cơ sở tuyên dương, khen thưởng');
    expect(ack.warningsAcknowledged).toBe(true);

    // The successors' staff inherit the ended bloc's archive, read-only: on 31/12/2021 their registry counts the
    // seed's 324 models and 597 exemplars — the banks' too, which left in 2022 and never moved under a successor.
    const on2021 = expectOk(await operator.get('/api/v1/registry/overview?asOf=2021-12-31'), ZOverview);
    expect(on2021.activeTotal).toEqual({ models: 324, exemplars: 597 });
    const bankEntry = await db
      .selectFrom('registry_entry as e')
      .innerJoin('org_unit_version as v', 'v.unit_id', 'e.owner_unit_id')
      .select(['e.id', 'e.revision'])
      .where('v.name', 'like', 'Đảng bộ Ngân hàng%')
      .where('e.kind', '=', 'model')
      .orderBy('e.id')
      .executeTakeFirstOrThrow();
    expect((await operator.get(`/api/v1/registry/entries/${bankEntry.id}`)).statusCode).toBe(200);
    const edit = await operator.patch(`/api/v1/registry/entries/${bankEntry.id}`, {
      revision: bankEntry.revision,
      content: 'Sửa thử',
    });
    expect(edit.statusCode, edit.body).toBe(403);
    const me = expectOk(await operator.get('/api/v1/auth/me'), ZMe);
    expect(me.grants.map((g: { unitName: string }) => g.unitName).sort()).toEqual([
      'Đảng bộ các cơ quan Đảng tỉnh',
      'Đảng bộ Ủy ban nhân dân tỉnh',
    ]);

    // Nobody outside the successors reaches the ended bloc's reports.
    const reporter = await signIn(app, 'nguyenhue', account('nguyenhue').password);
    expect((await reporter.get(`${RR}/${copy.id}`)).statusCode).toBe(404);
    expect(
      expectOk(await reporter.get(RR), ZReviewReportPage).items.some((r: { id: number }) => r.id === copy.id),
    ).toBe(false);
    expect(expectOk(await units(reporter, '&asOf=2023-03-16'), ZReportUnitList).items).toEqual([]);
    // A reporter holds one unit, not a subtree: no archive.
    expect((await reporter.get(`/api/v1/registry/entries/${bankEntry.id}`)).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `${RR}/units` })).statusCode).toBe(401);
    const denied = await reporter.post(RR, {
      unitId: copy.unit.id,
      kind: 'so_ket',
      title: 'x',
      from: SEED_WINDOW.from,
      to: SEED_WINDOW.to,
      snapshotOn: '2023-10-05',
    });
    expect(denied.statusCode).toBe(404);
    // The viewer of the bloc reads, but may not generate.
    const viewer = await signIn(app, 'lanhdao', account('lanhdao').password);
    expect((await viewer.get(`${RR}/${copy.id}`)).statusCode).toBe(200);
    const viewerCreate = await viewer.post(RR, {
      unitId: copy.unit.id,
      kind: 'so_ket',
      title: 'x',
      from: SEED_WINDOW.from,
      to: SEED_WINDOW.to,
      snapshotOn: '2023-10-05',
    });
    expect(viewerCreate.statusCode).toBe(403);
  });
});
