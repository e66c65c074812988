/** Import from Excel: row problems and fixes, all-or-nothing, and a 10,000-row file. */
import { describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../common/dates.ts';
import { buildUnit, levelIdOf } from '../test/factories.ts';
import { ZImportCommitResult, ZImportPreview } from '../../common/schemas/registry-excel.ts';
import { expectError, expectOk } from '../test/harness.ts';
import { MODEL_HEADER, uploadImport, xlsx } from './test-helpers.ts';
import { counts, d, world } from './import-test-world.ts';

describe('row problems, fixes and all-or-nothing', () => {
  it('names every problem per row and column, in Vietnamese, and commits after fixes and skips', async () => {
    const { t, tree, op, rep } = await world();
    // two units with the same name, and an entry already registered for a1
    await buildUnit(t.db, { name: 'Chi bộ Văn phòng', parentId: tree.a1, typeCode: 'chi_bo', levelCode: 'chi_bo' });
    await buildUnit(t.db, { name: 'Chi bộ Văn phòng', parentId: tree.a2, typeCode: 'chi_bo', levelCode: 'chi_bo' });
    const seed = await uploadImport(
      t.app,
      rep,
      { kind: 'model', ownerUnitId: tree.a1 },
      await xlsx({ header: MODEL_HEADER, rows: [[1, 'Mô hình đã có', null, 'CCHC', 'Cấp cơ sở']] }),
    );
    expect(
      (await rep.post(`/api/v1/registry/import/${expectOk(seed, ZImportPreview, 201).importId}/commit`, {})).statusCode,
    ).toBe(200);

    const rows = [
      /* 0 */ [1, null, null, 'CCHC', 'Cấp cơ sở', 'không có tên'],
      /* 1 */ [2, 'Mô hình A', 'Đơn vị ma', 'CCHC', 'Cấp cơ sở'],
      /* 2 */ [3, 'Mô hình B', 'Chi bộ Văn phòng', 'CCHC', 'Cấp cơ sở'],
      /* 3 */ [4, 'Mô hình C', null, 'Thể thao', 'Cấp cơ sở'],
      /* 4 */ [5, 'Mô hình D', null, 'CCHC', 'Cấp vũ trụ'],
      /* 5 */ [6, 'Mô hình E', null, 'CCHC', 'Cấp cơ sở', null, '31/02/2023'],
      /* 6 */ [7, 'Mô hình E', null, 'CCHC', 'Cấp cơ sở'],
      /* 7 */ [8, 'mo hinh da co', 'Đảng bộ Sở Tư pháp', 'CCHC', 'Cấp cơ sở'],
      /* 8 */ [9, { formula: 'CONCATENATE("Mô hình ","F")' }, null, 'CCHC', 'Cấp cơ sở'],
      /* 9 */ [
        10,
        { formula: 'CONCATENATE("Mô hình ","G")', result: 'Mô hình G' },
        null,
        'CCHC',
        'Cấp cơ sở',
        null,
        45000,
      ],
      /* 10 */ [11, 'Mô hình H', null, 'CCHC', 'Cấp cơ sở', null, '2099-01-01'],
      /* 11 */ [12, 'Mô hình I', 'Đảng bộ Công ty Thủy điện Thác Bà', 'CCHC', 'Cấp cơ sở'],
    ];
    const file = await xlsx({ header: MODEL_HEADER, rows });
    const before = await counts(t);
    const preview = await uploadImport(t.app, op, { kind: 'model', ownerUnitId: tree.blocA }, file);
    const p = expectOk(preview, ZImportPreview, 201);
    const problems = (i: number) => p.rows[i]!.problems.map((x) => `${x.field}: ${x.message}`);
    expect(problems(0)).toEqual(['name: Thiếu tên mô hình.']);
    expect(problems(1)).toEqual([expect.stringMatching(/^unit: Đơn vị "Đơn vị ma" không tồn tại hoặc ngoài phạm vi/)]);
    expect(problems(2)).toEqual([expect.stringMatching(/^unit: Có 2 đơn vị cùng tên "Chi bộ Văn phòng"/)]);
    expect(problems(3)).toEqual([expect.stringMatching(/^field: Lĩnh vực "Thể thao" không có trong danh mục/)]);
    expect(problems(4)).toEqual([expect.stringMatching(/^level: Cấp "Cấp vũ trụ" không có/)]);
    expect(problems(5)).toEqual(['startedOn: Ngày không hợp lệ: "31/02/2023" không có trong lịch.']);
    expect(problems(6)).toEqual([expect.stringMatching(/^name: Trùng lặp: trùng với dòng 7 trong tệp/)]);
    expect(problems(7)).toEqual([
      expect.stringMatching(/^name: Trùng lặp: "Đảng bộ Sở Tư pháp" đã có mô hình "mo hinh da co" trong hệ thống/),
    ]);
    expect(problems(8)).toEqual([expect.stringMatching(/^name: Ô B10 chứa công thức .* chưa có kết quả/)]);
    expect(problems(9)).toEqual([]);
    expect(p.rows[9]!.values).toMatchObject({ name: 'Mô hình G', startedOn: '15/03/2023' });
    expect(problems(10)).toEqual([expect.stringMatching(/^startedOn: Ngày 01\/01\/2099 ở tương lai/)]);
    expect(problems(11)).toEqual([
      expect.stringMatching(/^unit: Đơn vị "Đảng bộ Công ty Thủy điện Thác Bà" không tồn tại hoặc ngoài phạm vi/),
    ]);
    expect(p.summary).toMatchObject({ rows: 12, clean: 1, withProblems: 11 });

    // committing as is: refused, nothing written, every problem named by row and column
    const refused = await op.post(`/api/v1/registry/import/${p.importId}/commit`, {});
    const refusal = expectError(refused, 400, 'VALIDATION');
    const fields = (refusal.fields ?? []).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['rows.0.name', 'rows.1.unit', 'rows.5.startedOn', 'rows.8.name']));
    expect(refusal.message).toContain('Chưa ghi gì vào danh sách');
    expect(await counts(t)).toEqual({ ...before, imports: before.imports + 1, files: before.files + 1 });

    // fix what can be fixed, skip the rest
    const fixes = {
      0: { name: 'Mô hình không tên' },
      1: { unit: 'dang bo truong cao dang nghe' },
      2: { unit: 'Đảng bộ Trường Cao đẳng nghề' },
      3: { field: 'Văn hóa - xã hội' },
      4: { level: 'co_so' },
      5: { startedOn: '28/2/2023' },
      6: { name: 'Mô hình E2' },
      8: { name: 'Mô hình F' },
      10: { startedOn: null },
    };
    const commit = await op.post(`/api/v1/registry/import/${p.importId}/commit`, { skip: [7, 11], fixes });
    expect(expectOk(commit, ZImportCommitResult)).toMatchObject({
      createdCount: 10,
      skipped: 2,
      submitted: 10,
      accepted: 0,
    });
    const names = (
      await t.db
        .selectFrom('registry_entry')
        .select('name')
        .where('name', '!=', 'Mô hình đã có')
        .orderBy('id')
        .execute()
    ).map((r) => r.name);
    expect(names).toEqual([
      'Mô hình không tên',
      'Mô hình A',
      'Mô hình B',
      'Mô hình C',
      'Mô hình D',
      'Mô hình E',
      'Mô hình E2',
      'Mô hình F',
      'Mô hình G',
      'Mô hình H',
    ]);
    const started = await t.db
      .selectFrom('registry_entry')
      .select('started_on')
      .where('name', '=', 'Mô hình E')
      .executeTakeFirstOrThrow();
    expect(started.started_on).toBe('2023-02-28');
  });

  it('writes nothing when one row fails at commit', async () => {
    const { t, tree, op } = await world();
    const file = await xlsx({
      header: MODEL_HEADER,
      rows: [
        [1, 'Mô hình một', null, 'CCHC', 'Cấp cơ sở', null, null, '01/02/2024'],
        [2, 'Mô hình hai', null, 'CCHC', 'Cấp cơ sở'],
        [3, 'Mô hình ba', null, 'KT', 'Cấp cơ sở'],
      ],
    });
    const preview = await uploadImport(t.app, op, { kind: 'model', ownerUnitId: tree.blocA }, file);
    const { importId, summary } = expectOk(preview, ZImportPreview, 201);
    expect(summary.clean).toBe(3);
    const before = await counts(t);
    // the catalogue changed since the preview: the field of row 3 is no longer in use
    await t.db.updateTable('model_field').set({ active: false }).where('code', '=', 'KT').execute();
    const commit = await op.post(`/api/v1/registry/import/${importId}/commit`, {});
    expect(expectError(commit, 400, 'VALIDATION', ['rows.2.field']).fields).toEqual([
      { field: 'rows.2.field', message: expect.stringContaining('Dòng 4: Lĩnh vực "KT" không có') },
    ]);
    expect(await counts(t)).toEqual(before);
    const imp = await t.db.selectFrom('registry_import').select('status').executeTakeFirstOrThrow();
    expect(imp.status).toBe('previewed');

    // a fix that introduces a problem fails the same way
    await t.db.updateTable('model_field').set({ active: true }).where('code', '=', 'KT').execute();
    const bad = await op.post(`/api/v1/registry/import/${importId}/commit`, {
      fixes: { 1: { listedOn: '30/02/2024' } },
    });
    expectError(bad, 400, 'VALIDATION', ['rows.1.listedOn']);
    expect(await counts(t)).toEqual(before);
    const unknownRow = await op.post(`/api/v1/registry/import/${importId}/commit`, { skip: [99] });
    expect(unknownRow.statusCode).toBe(400);
  });
});

describe('10,000 rows', () => {
  it('previews and commits a 10,000-row file', async () => {
    const { t, tree, op } = await world();
    const level = await levelIdOf(t.db, 'co_so');
    expect(level).toBeGreaterThan(0);
    const units = ['Đảng bộ Sở Tư pháp', 'Đảng bộ Trường Cao đẳng nghề', null];
    const fieldNames = ['Cải cách hành chính', 'Phát triển kinh tế', 'van hoa - xa hoi'];
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      i + 1,
      `Mô hình số ${i + 1}`,
      units[i % 3],
      fieldNames[i % 3],
      i % 2 ? 'Cấp cơ sở' : 'Cấp trên cơ sở',
      `Nội dung ${i}`,
      d('2023-01-01'),
      i % 4 === 0 ? null : d(['2024-01-15', '2024-06-30', '2025-02-01'][i % 3]!),
    ]);
    const file = await xlsx({ header: MODEL_HEADER, rows });
    const preview = await uploadImport(t.app, op, { kind: 'model', ownerUnitId: tree.blocA }, file);
    const previewed = expectOk(preview, ZImportPreview, 201);
    expect(previewed.summary).toMatchObject({ rows: 10_000, clean: 10_000 });
    const commit = await op.post(`/api/v1/registry/import/${previewed.importId}/commit`, {});
    expect(expectOk(commit, ZImportCommitResult)).toMatchObject({
      createdCount: 10_000,
      accepted: 7_500,
      submitted: 2_500,
    });
    const c = await counts(t);
    expect(c).toMatchObject({ entries: 10_000, spans: 7_500, audits: 1 });
    expect(todayInVietnam() >= '2025-02-01').toBe(true);
  });
});
