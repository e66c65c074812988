import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildUnit } from '../test/factories.ts';
import { ZCoverageUnitPage, ZOverview } from '../../common/schemas/registry-overview.ts';
import { ZEntryPage } from '../../common/schemas/registry.ts';
import { anonymous, expectOk, setupTest } from '../test/harness.ts';
import { modelEntry, registerAccepted, registryWorld } from './test-helpers.ts';

/** Counts on a date and their drill-down lists: every number equals the total of the list behind it. */
describe('registry overview (dashboards as of a date)', () => {
  it('counts what was on the list on a day, by field and the level of that day, and each count equals its list', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const a = await registerAccepted(
      w,
      w.reporterA1.s,
      w.operatorA.s,
      modelEntry(w, w.tree.a1, { name: 'A1 mô hình' }),
      '2022-01-10',
    );
    await registerAccepted(
      w,
      w.reporterA2.s,
      w.operatorA.s,
      modelEntry(w, w.tree.a2, { name: 'A2 mô hình' }),
      '2022-03-01',
    );
    const b = await registerAccepted(
      w,
      w.operatorB.s,
      w.operatorB.s,
      modelEntry(w, w.tree.b1, { name: 'B1 mô hình' }),
      '2022-02-01',
    );
    expect(
      (
        await w.operatorB.s.post(`/api/v1/registry/entries/${b.id}/events`, {
          kind: 'removed',
          reason: 'Không đạt',
          effectiveDate: '2022-11-30',
          revision: b.revision,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await w.operatorA.s.post(`/api/v1/registry/entries/${a.id}/events`, {
          kind: 'level_changed',
          toLevelId: w.levels.trenCoSo,
          reason: 'Nâng cấp',
          effectiveDate: '2023-06-01',
          revision: a.revision,
        })
      ).statusCode,
    ).toBe(200);

    const mid2022 = expectOk(await w.operatorRoot.s.get('/api/v1/registry/overview?asOf=2022-06-30'), ZOverview);
    expect(mid2022.activeTotal).toEqual({ models: 3, exemplars: 0 });
    expect(mid2022.active).toEqual([
      {
        field: { id: w.field.id, name: 'Văn hóa công sở' },
        level: { id: w.levels.coSo, name: 'Cấp cơ sở' },
        models: 3,
        exemplars: 0,
      },
    ]);

    const end2023 = expectOk(await w.operatorRoot.s.get('/api/v1/registry/overview?asOf=2023-12-31'), ZOverview);
    // B1 removed; A1 at the higher level since 01/06/2023.
    expect(end2023.active.map((r: { level: { id: number }; models: number }) => [r.level.id, r.models])).toEqual([
      [w.levels.trenCoSo, 1],
      [w.levels.coSo, 1],
    ]);
    for (const row of end2023.active) {
      const list = expectOk(
        await w.operatorRoot.s.get(
          `/api/v1/registry/entries?onDate=2023-12-31&fieldId=${row.field.id}&levelId=${row.level.id}&kind=model`,
        ),
        ZEntryPage,
      );
      expect(list.total).toBe(row.models);
    }
    // The level on a past day is that day's, not today's.
    expect(
      expectOk(
        await w.operatorRoot.s.get(`/api/v1/registry/entries?onDate=2022-06-30&levelId=${w.levels.coSo}`),
        ZEntryPage,
      ).total,
    ).toBe(3);

    // Movement per year, each year's ledger identity, chained years.
    expect(
      end2023.movement.map((m: { year: number; start: number; added: number; removed: number; end: number }) => [
        m.year,
        m.start,
        m.added,
        m.removed,
        m.end,
      ]),
    ).toEqual([
      [2022, 0, 3, 1, 2],
      [2023, 2, 0, 0, 2],
    ]);

    // Bloc A sees only its own.
    expect(
      expectOk(await w.operatorA.s.get('/api/v1/registry/overview?asOf=2022-06-30'), ZOverview).activeTotal.models,
    ).toBe(2);
  });

  it('shows which grassroots organisations have no model yet, with the list behind every number', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    // a1, a2 (co_so) under bloc A; a chi bộ under a1 owns a model → a1 covered; a2 not.
    const cb = await buildUnit(t.db, {
      name: 'Chi bộ Phòng Hành chính',
      parentId: w.tree.a1,
      typeCode: 'chi_bo',
      levelCode: 'chi_bo',
    });
    await registerAccepted(
      w,
      w.operatorA.s,
      w.operatorA.s,
      modelEntry(w, cb, { name: 'Mô hình chi bộ' }),
      '2022-01-10',
    );
    const a3 = await buildUnit(t.db, {
      name: 'Đảng bộ Sở Xây dựng',
      parentId: w.tree.blocA,
      effectiveDate: '2023-01-01',
    });

    const before = expectOk(
      await w.operatorA.s.get(`/api/v1/registry/overview?unitId=${w.tree.blocA}&asOf=2022-06-30`),
      ZOverview,
    );
    expect(before.coverage).toMatchObject({ units: 2, covered: 1 });
    const after = expectOk(
      await w.operatorA.s.get(`/api/v1/registry/overview?unitId=${w.tree.blocA}&asOf=2023-06-30`),
      ZOverview,
    );
    expect(after.coverage.units).toBe(3);
    expect(after.coverage.covered).toBe(1);
    expect(
      after.coverage.byChild
        .map((r: { unit: { id: number }; units: number; covered: number }) => [r.unit.id, r.units, r.covered])
        .sort(),
    ).toEqual(
      [
        [w.tree.a1, 1, 1],
        [w.tree.a2, 1, 0],
        [a3, 1, 0],
      ].sort(),
    );
    const uncovered = expectOk(
      await w.operatorA.s.get(`/api/v1/registry/coverage/units?unitId=${w.tree.blocA}&asOf=2023-06-30`),
      ZCoverageUnitPage,
    );
    expect(uncovered.total).toBe(after.coverage.units - after.coverage.covered);
    expect(uncovered.items.map((u: { name: string }) => u.name)).toEqual([
      'Đảng bộ Sở Xây dựng',
      'Đảng bộ Trường Cao đẳng nghề',
    ]);
    const covered = expectOk(
      await w.operatorA.s.get(`/api/v1/registry/coverage/units?unitId=${w.tree.blocA}&asOf=2023-06-30&covered=true`),
      ZCoverageUnitPage,
    );
    expect(covered).toMatchObject({ total: 1, items: [{ id: w.tree.a1, models: 1, parent: { id: w.tree.blocA } }] });
    const underA2 = expectOk(
      await w.operatorA.s.get(
        `/api/v1/registry/coverage/units?unitId=${w.tree.blocA}&childId=${w.tree.a2}&asOf=2023-06-30`,
      ),
      ZCoverageUnitPage,
    );
    expect(underA2.total).toBe(1);
  });

  it("exports every chart's data as .xlsx with Vietnamese headers, and keeps to the reader's subtree", async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    await registerAccepted(
      w,
      w.reporterA1.s,
      w.operatorA.s,
      modelEntry(w, w.tree.a1, { name: 'A1 mô hình' }),
      '2022-01-10',
    );
    const response = await w.operatorA.s.get(
      `/api/v1/registry/overview.xlsx?unitId=${w.tree.blocA}&asOf=2022-06-30&sheet=coverage`,
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Độ phủ']);
    const values = wb.worksheets[0]!.getSheetValues()
      .flat()
      .filter((v) => v !== undefined && v !== null);
    expect(values).toEqual(
      expect.arrayContaining(['Đơn vị', 'Chưa có mô hình', 'Đảng bộ Sở Tư pháp', 'Tổng cộng', 2, 1]),
    );

    const all = await w.operatorA.s.get('/api/v1/registry/overview.xlsx?asOf=2022-06-30');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(all.rawPayload as unknown as ArrayBuffer);
    expect(wb2.worksheets.map((s) => s.name)).toEqual(['Theo lĩnh vực và cấp', 'Độ phủ', 'Biến động theo năm']);

    expect((await w.operatorB.s.get(`/api/v1/registry/overview?unitId=${w.tree.blocA}`)).statusCode).toBe(404);
    expect((await w.operatorB.s.get(`/api/v1/registry/coverage/units?unitId=${w.tree.blocA}`)).statusCode).toBe(404);
    expect((await w.operatorB.s.get(`/api/v1/registry/overview.xlsx?unitId=${w.tree.blocA}`)).statusCode).toBe(404);
    expect((await anonymous(t.app).get('/api/v1/registry/overview')).statusCode).toBe(401);
    expect((await anonymous(t.app).get('/api/v1/registry/coverage/units')).statusCode).toBe(401);
    expect((await w.operatorA.s.get('/api/v1/registry/overview?asOf=2999-01-01')).statusCode).toBe(400);
    // Bloc B's operator sees none of bloc A's organisations in the coverage.
    const bView = expectOk(await w.operatorB.s.get('/api/v1/registry/overview?asOf=2022-06-30'), ZOverview);
    expect(bView.coverage.byChild.map((r: { unit: { name: string } }) => r.unit.name)).not.toContain(
      'Đảng bộ Sở Tư pháp',
    );
  });
});
