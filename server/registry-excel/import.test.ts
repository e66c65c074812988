/** Import from Excel: template round trip, row problems, fixes, all-or-nothing, permissions. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../common/dates.ts';
import { buildTree, buildUnit, buildUser, levelIdOf } from '../test/factories.ts';
import { anonymous, json, setupTest, signIn, type TestContext } from '../test/harness.ts';
import {
  MODEL_HEADER,
  buildCatalogue,
  buildPerson,
  download,
  readWorkbook,
  uploadImport,
  xlsx,
} from './test-helpers.ts';

async function world() {
  const t = await setupTest();
  const tree = await buildTree(t.db);
  const fields = await buildCatalogue(t.db);
  const operator = await buildUser(t.db, { grants: [{ role: 'operator', unitId: tree.blocA }] });
  const reporter = await buildUser(t.db, { grants: [{ role: 'reporter', unitId: tree.a1 }] });
  const outsider = await buildUser(t.db, { grants: [{ role: 'operator', unitId: tree.blocB }] });
  return {
    t,
    tree,
    fields,
    op: await signIn(t.app, operator.username, operator.password),
    rep: await signIn(t.app, reporter.username, reporter.password),
    out: await signIn(t.app, outsider.username, outsider.password),
  };
}

async function counts(t: TestContext) {
  const n = async (table: 'registry_entry' | 'registry_import' | 'stored_file' | 'registry_span' | 'registry_event') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audits = Number(
    (
      await t.db
        .selectFrom('audit_event')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'registry.imported')
        .executeTakeFirstOrThrow()
    ).n,
  );
  return {
    entries: await n('registry_entry'),
    imports: await n('registry_import'),
    files: await n('stored_file'),
    spans: await n('registry_span'),
    audits,
  };
}

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('import template round trip', () => {
  it('downloads the template, fills 3 rows, previews clean, commits all, keeps the file in scope', async () => {
    const { t, tree, op, rep, out } = await world();
    const tpl = await download(t.app, op, `/api/v1/registry/import/template.xlsx?kind=model&ownerUnitId=${tree.blocA}`);
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-type']).toContain('spreadsheetml');
    expect(String(tpl.headers['content-disposition'])).toContain("filename*=UTF-8''");

    const workbook = await readWorkbook(tpl.rawPayload);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Hướng dẫn', 'Danh mục', 'Danh sách']);
    const guide = workbook.getWorksheet('Hướng dẫn')!;
    const guideText: string[] = [];
    guide.eachRow((row) => guideText.push(String(row.getCell(1).value ?? '')));
    expect(guideText).toContain('Ngày đưa vào danh sách');
    const lists = workbook.getWorksheet('Danh mục')!;
    expect(lists.state).toBe('hidden');
    const fieldList: string[] = [];
    lists.getColumn(1).eachCell((c, n) => n > 1 && fieldList.push(String(c.value)));
    expect(fieldList).toEqual(expect.arrayContaining(['Cải cách hành chính', 'Phát triển kinh tế']));
    const sheet = workbook.getWorksheet('Danh sách')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'STT',
      'Tên mô hình *',
      'Đơn vị',
      'Lĩnh vực *',
      'Cấp *',
      'Nội dung',
      'Mục tiêu',
      'Cam kết',
      'Ngày bắt đầu thực hiện',
      'Ngày đưa vào danh sách',
    ]);
    expect(sheet.getRow(2).getCell(1).value).toBe('Ví dụ');
    const validations = (
      sheet as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }
    ).dataValidations.model;
    expect(validations.D2?.type).toBe('list');
    expect(validations.E2?.formulae[0]).toContain('Danh mục');

    // fill three rows below the example, as a person would in Excel
    sheet.getRow(3).values = [
      1,
      'Dân vận khéo trong cải cách hành chính',
      'dang bo so tu phap',
      'cai cach hanh chinh',
      'Cấp cơ sở',
      'Một cửa liên thông',
      null,
      null,
      d('2023-01-10'),
      d('2024-03-05'),
    ];
    sheet.getRow(4).values = [
      2,
      'Vườn ươm khởi nghiệp',
      'Đảng bộ Trường Cao đẳng nghề',
      'KT',
      'cơ sở',
      null,
      null,
      null,
      '5/3/2023',
      '05/03/2024',
    ];
    sheet.getRow(5).values = [
      3,
      'Khu dân cư văn hóa kiểu mẫu',
      null,
      'Văn hóa - xã hội',
      'Cấp trên cơ sở',
      null,
      null,
      null,
      null,
      null,
    ];
    const filled = Buffer.from(await workbook.xlsx.writeBuffer());

    const before = await counts(t);
    const preview = await uploadImport(
      t.app,
      op,
      { kind: 'model', ownerUnitId: tree.blocA },
      filled,
      'Danh sách mô hình 2024.xlsx',
    );
    expect(preview.statusCode, preview.body).toBe(201);
    const p = json(preview);
    expect(p.rows).toHaveLength(3);
    expect(p.rows.flatMap((r: { problems: unknown[] }) => r.problems)).toEqual([]);
    expect(p.summary).toEqual({ rows: 3, clean: 3, withProblems: 0, toAccept: 2, toSubmit: 1 });
    expect(p.rows[0].values.listedOn).toBe('05/03/2024');
    expect(p.rows[0].rowNumber).toBe(3);
    expect(p.fileName).toBe('Danh sách mô hình 2024.xlsx');
    const afterPreview = await counts(t);
    expect(afterPreview.entries).toBe(before.entries);
    expect(afterPreview.imports).toBe(before.imports + 1);

    const commit = await op.post(`/api/v1/registry/import/${p.importId}/commit`, {});
    expect(commit.statusCode, commit.body).toBe(200);
    expect(json(commit)).toEqual({
      importId: p.importId,
      status: 'committed',
      createdCount: 3,
      accepted: 2,
      submitted: 1,
      skipped: 0,
    });

    const entries = await t.db
      .selectFrom('registry_entry')
      .select(['name', 'owner_unit_id', 'status', 'started_on'])
      .orderBy('id')
      .execute();
    expect(entries).toEqual([
      {
        name: 'Dân vận khéo trong cải cách hành chính',
        owner_unit_id: tree.a1,
        status: 'active',
        started_on: '2023-01-10',
      },
      { name: 'Vườn ươm khởi nghiệp', owner_unit_id: tree.a2, status: 'active', started_on: '2023-03-05' },
      { name: 'Khu dân cư văn hóa kiểu mẫu', owner_unit_id: tree.blocA, status: 'submitted', started_on: null },
    ]);
    const spans = await t.db.selectFrom('registry_span').select(['valid_from', 'began']).execute();
    expect(spans).toEqual([
      { valid_from: '2024-03-05', began: 'imported' },
      { valid_from: '2024-03-05', began: 'imported' },
    ]);
    const audits = await t.db.selectFrom('audit_event').selectAll().where('action', '=', 'registry.imported').execute();
    expect(audits).toHaveLength(1);
    expect(audits[0]!.entity_id).toBe(String(p.importId));
    expect(audits[0]!.after).toMatchObject({ fileId: p.fileId, createdCount: 3, accepted: 2, submitted: 1 });
    const imp = await t.db
      .selectFrom('registry_import')
      .selectAll()
      .where('id', '=', p.importId)
      .executeTakeFirstOrThrow();
    expect(imp).toMatchObject({
      status: 'committed',
      row_count: 3,
      created_count: 3,
      owner_unit_id: tree.blocA,
      kind: 'model',
    });

    // the kept file: the same bytes, for readers of the owner unit only
    const file = await download(t.app, op, `/api/v1/registry/import/${p.importId}/file`);
    expect(file.statusCode).toBe(200);
    expect(Buffer.compare(file.rawPayload, filled)).toBe(0);
    expect((await download(t.app, out, `/api/v1/registry/import/${p.importId}/file`)).statusCode).toBe(404);
    expect((await download(t.app, rep, `/api/v1/registry/import/${p.importId}/file`)).statusCode).toBe(404);
    expect((await anonymous(t.app).get(`/api/v1/registry/import/${p.importId}/file`)).statusCode).toBe(401);
    const info = await op.get(`/api/v1/registry/import/${p.importId}`);
    expect(json(info)).toMatchObject({ status: 'committed', createdCount: 3, rowCount: 3 });

    // committing twice is refused
    const again = await op.post(`/api/v1/registry/import/${p.importId}/commit`, {});
    expect(again.statusCode).toBe(409);
    expect((await counts(t)).entries).toBe(3);
  });

  it('serves an exemplar template and imports exemplars by the person’s name within the unit', async () => {
    const { t, tree, op } = await world();
    const tpl = await download(t.app, op, '/api/v1/registry/import/template.xlsx?kind=exemplar');
    expect(tpl.statusCode).toBe(200);
    const sheet = (await readWorkbook(tpl.rawPayload)).getWorksheet('Danh sách')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['STT', 'Họ và tên *', 'Chức vụ']);

    const hoa = await buildPerson(t.db, tree.a1, 'Nguyễn Thị Hoa', 'Chánh Văn phòng');
    await buildPerson(t.db, tree.a2, 'Lê Văn Nam');
    await buildPerson(t.db, tree.a2, 'Lê  Văn Nam');
    const file = await xlsx({
      header: ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Lĩnh vực', 'Cấp', 'Ngày đưa vào danh sách'],
      rows: [
        [1, 'nguyen thi hoa', null, 'Đảng bộ Sở Tư pháp', 'CCHC', 'Cấp cơ sở', '01/06/2024'],
        [2, 'Trần Văn Không', null, 'Đảng bộ Sở Tư pháp', 'CCHC', 'Cấp cơ sở', null],
        [3, 'Lê Văn Nam', null, 'Đảng bộ Trường Cao đẳng nghề', 'CCHC', 'Cấp cơ sở', null],
      ],
    });
    const preview = await uploadImport(t.app, op, { kind: 'exemplar', ownerUnitId: tree.blocA }, file);
    expect(preview.statusCode, preview.body).toBe(201);
    const rows = json(preview).rows;
    expect(rows[0].problems).toEqual([]);
    expect(rows[1].problems).toEqual([
      { field: 'name', message: expect.stringContaining('Không có người tên "Trần Văn Không"') },
    ]);
    expect(rows[2].problems).toEqual([
      { field: 'name', message: expect.stringContaining('Có 2 người tên "Lê Văn Nam"') },
    ]);

    const commit = await op.post(`/api/v1/registry/import/${json(preview).importId}/commit`, { skip: [1, 2] });
    expect(commit.statusCode, commit.body).toBe(200);
    expect(json(commit)).toMatchObject({ createdCount: 1, accepted: 1, skipped: 2 });
    const entry = await t.db.selectFrom('registry_entry').selectAll().executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      kind: 'exemplar',
      person_id: hoa,
      name: 'Nguyễn Thị Hoa',
      position: 'Chánh Văn phòng',
      status: 'active',
    });
  });
});

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
    expect(seed.statusCode, seed.body).toBe(201);
    expect((await rep.post(`/api/v1/registry/import/${json(seed).importId}/commit`, {})).statusCode).toBe(200);

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
    expect(preview.statusCode, preview.body).toBe(201);
    const p = json(preview);
    const problems = (i: number) =>
      p.rows[i].problems.map((x: { field: string; message: string }) => `${x.field}: ${x.message}`);
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
    expect(p.rows[9].values).toMatchObject({ name: 'Mô hình G', startedOn: '15/03/2023' });
    expect(problems(10)).toEqual([expect.stringMatching(/^startedOn: Ngày 01\/01\/2099 ở tương lai/)]);
    expect(problems(11)).toEqual([
      expect.stringMatching(/^unit: Đơn vị "Đảng bộ Công ty Thủy điện Thác Bà" không tồn tại hoặc ngoài phạm vi/),
    ]);
    expect(p.summary).toMatchObject({ rows: 12, clean: 1, withProblems: 11 });

    // committing as is: refused, nothing written, every problem named by row and column
    const refused = await op.post(`/api/v1/registry/import/${p.importId}/commit`, {});
    expect(refused.statusCode).toBe(400);
    const fields = json(refused).error.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['rows.0.name', 'rows.1.unit', 'rows.5.startedOn', 'rows.8.name']));
    expect(json(refused).error.message).toContain('Chưa ghi gì vào danh sách');
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
    expect(commit.statusCode, commit.body).toBe(200);
    expect(json(commit)).toMatchObject({ createdCount: 10, skipped: 2, submitted: 10, accepted: 0 });
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
    expect(json(preview).summary.clean).toBe(3);
    const before = await counts(t);
    // the catalogue changed since the preview: the field of row 3 is no longer in use
    await t.db.updateTable('model_field').set({ active: false }).where('code', '=', 'KT').execute();
    const commit = await op.post(`/api/v1/registry/import/${json(preview).importId}/commit`, {});
    expect(commit.statusCode).toBe(400);
    expect(json(commit).error.fields).toEqual([
      { field: 'rows.2.field', message: expect.stringContaining('Dòng 4: Lĩnh vực "KT" không có') },
    ]);
    expect(await counts(t)).toEqual(before);
    const imp = await t.db.selectFrom('registry_import').select('status').executeTakeFirstOrThrow();
    expect(imp.status).toBe('previewed');

    // a fix that introduces a problem fails the same way
    await t.db.updateTable('model_field').set({ active: true }).where('code', '=', 'KT').execute();
    const bad = await op.post(`/api/v1/registry/import/${json(preview).importId}/commit`, {
      fixes: { 1: { listedOn: '30/02/2024' } },
    });
    expect(bad.statusCode).toBe(400);
    expect(json(bad).error.fields.map((f: { field: string }) => f.field)).toEqual(['rows.1.listedOn']);
    expect(await counts(t)).toEqual(before);
    const unknownRow = await op.post(`/api/v1/registry/import/${json(preview).importId}/commit`, { skip: [99] });
    expect(unknownRow.statusCode).toBe(400);
  });
});

describe('malformed files: 400 with a clear message, nothing written', () => {
  const cases: Array<[string, () => Promise<Buffer>, RegExp, string?]> = [
    [
      'a CSV renamed to .xlsx',
      async () => Buffer.from('STT,Tên mô hình,Lĩnh vực,Cấp\n1,Mô hình,CCHC,Cấp cơ sở\n'),
      /không phải bảng tính Excel \(\.xlsx\)/,
    ],
    [
      'random bytes',
      async () => Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256)),
      /không phải bảng tính Excel/,
    ],
    ['an empty file', async () => Buffer.alloc(0), /rỗng \(0 byte\)/],
    [
      'an Excel 97-2003 file',
      async () => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
      /Excel 97-2003 \(\.xls\)/,
      'cu.xls',
    ],
    [
      'a ZIP that is not a workbook',
      async () => {
        const wb = await xlsx({ header: MODEL_HEADER, rows: [[1, 'A', null, 'CCHC', 'Cấp cơ sở']] });
        return Buffer.from(wb.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmm'), 'latin1');
      },
      /không phải bảng tính Excel/,
    ],
    [
      'no data sheet and a first sheet without the headers',
      async () => xlsx({ sheet: 'Sheet1', header: ['STT', 'Tên mô hình', 'Ghi chú'], rows: [[1, 'A', 'x']] }),
      /không có trang "Danh sách".*trang đầu tiên "Sheet1" thiếu các cột: Lĩnh vực, Cấp/,
    ],
    [
      'a data sheet without the headers',
      async () => xlsx({ header: ['STT', 'Tên', 'Lĩnh vực'], rows: [[1, 'A', 'CCHC']] }),
      /Trang "Danh sách" thiếu các cột: Cấp/,
    ],
    [
      'an empty sheet',
      async () => {
        const wb = new ExcelJS.Workbook();
        wb.addWorksheet('Danh sách');
        return Buffer.from(await wb.xlsx.writeBuffer());
      },
      /trống: không có tiêu đề cột/,
    ],
    ['headers but no rows', async () => xlsx({ header: MODEL_HEADER, rows: [] }), /không có dòng dữ liệu nào/],
    [
      'merged cells in the data area',
      async () =>
        xlsx({
          header: MODEL_HEADER,
          rows: [
            [1, 'A', null, 'CCHC', 'Cấp cơ sở'],
            [2, 'B', null, 'CCHC', null],
            [3, 'C', null, 'CCHC', null],
          ],
          merge: ['E3:E4'],
        }),
      /ô gộp \(Merge\).*các dòng 3, 4.*bỏ gộp ô/,
    ],
    [
      'more than 20,000 rows',
      async () =>
        xlsx({
          header: ['Tên mô hình', 'Lĩnh vực', 'Cấp'],
          rows: Array.from({ length: 20_001 }, (_, i) => [`M${i}`, 'CCHC', 'co_so']),
        }),
      /quá nhiều dòng: mỗi lần nhập tối đa 20\.000 dòng/,
    ],
  ];
  for (const [what, make, message, name] of cases) {
    it(what, async () => {
      const { t, tree, op } = await world();
      const before = await counts(t);
      const r = await uploadImport(t.app, op, { kind: 'model', ownerUnitId: tree.blocA }, await make(), name);
      expect(r.statusCode, r.body).toBe(400);
      expect(json(r).error.code).toBe('VALIDATION');
      expect(json(r).error.message).toMatch(message);
      expect(json(r).error.fields[0].field).toBe('file');
      expect(await counts(t)).toEqual(before);
    });
  }

  it('accepts the first sheet under another name when its headers match, below a title', async () => {
    const { t, tree, op } = await world();
    const file = await xlsx({
      sheet: 'Sheet1',
      above: [['DANH SÁCH MÔ HÌNH NĂM 2024'], ['(kèm theo Báo cáo số 12-BC/ĐU)'], []],
      header: ['TT', 'TÊN MÔ HÌNH', 'LINH VUC', 'Cấp (công nhận)', 'Ghi chú'],
      rows: [[1, 'Mô hình một', 'cchc', 'cơ sở', 'x']],
      merge: ['A1:E1'],
    });
    const r = await uploadImport(t.app, op, { kind: 'model', ownerUnitId: tree.blocA }, file, 'bao-cao.xlsx');
    expect(r.statusCode, r.body).toBe(201);
    expect(json(r)).toMatchObject({ sheetName: 'Sheet1', summary: { rows: 1, clean: 1 } });
    expect(json(r).rows[0].rowNumber).toBe(5);
  });

  it('refuses missing form fields and a missing file', async () => {
    const { t, tree, op } = await world();
    const file = await xlsx({ header: MODEL_HEADER, rows: [[1, 'A', null, 'CCHC', 'Cấp cơ sở']] });
    const noKind = await uploadImport(t.app, op, { kind: 'nhom', ownerUnitId: tree.blocA }, file);
    expect(noKind.statusCode).toBe(400);
    expect(json(noKind).error.fields[0].field).toBe('kind');
    const { multipart } = await import('./test-helpers.ts');
    const body = multipart({ kind: 'model', ownerUnitId: String(tree.blocA) }, null);
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registry/import',
      headers: { ...op.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(noFile.statusCode).toBe(400);
    expect(json(noFile).error.fields[0].field).toBe('file');
  });
});

describe('permissions', () => {
  it('a reporter imports into its own unit only; outside units are 404, units outside the scope are row problems', async () => {
    const { t, tree, rep } = await world();
    const file = await xlsx({
      header: MODEL_HEADER,
      rows: [
        [1, 'Mô hình', null, 'CCHC', 'Cấp cơ sở'],
        [2, 'Mô hình 2', 'Đảng bộ Trường Cao đẳng nghề', 'CCHC', 'Cấp cơ sở'],
      ],
    });
    const before = await counts(t);
    const a2 = await uploadImport(t.app, rep, { kind: 'model', ownerUnitId: tree.a2 }, file);
    expect(a2.statusCode).toBe(404);
    expect(await counts(t)).toEqual(before);
    const bloc = await uploadImport(t.app, rep, { kind: 'model', ownerUnitId: tree.blocA }, file);
    expect(bloc.statusCode).toBe(404);
    const own = await uploadImport(t.app, rep, { kind: 'model', ownerUnitId: tree.a1 }, file);
    expect(own.statusCode, own.body).toBe(201);
    expect(json(own).rows[0].problems).toEqual([]);
    expect(json(own).rows[1].problems[0].message).toMatch(/không tồn tại hoặc ngoài phạm vi/);
  });

  it('a reporter cannot put rows on the list directly: the row says to leave the date empty', async () => {
    const { t, tree, rep } = await world();
    const file = await xlsx({
      header: MODEL_HEADER,
      rows: [[1, 'Mô hình', null, 'CCHC', 'Cấp cơ sở', null, null, '01/02/2024']],
    });
    const r = await uploadImport(t.app, rep, { kind: 'model', ownerUnitId: tree.a1 }, file);
    expect(json(r).rows[0].problems).toEqual([
      { field: 'level', message: expect.stringContaining('Hãy để trống "Ngày đưa vào danh sách"') },
    ]);
    const commit = await rep.post(`/api/v1/registry/import/${json(r).importId}/commit`, {
      fixes: { 0: { listedOn: null } },
    });
    expect(commit.statusCode, commit.body).toBe(200);
    expect(json(commit)).toMatchObject({ createdCount: 1, submitted: 1 });
  });

  it('others cannot see or commit an import; viewers cannot import; anonymous is 401', async () => {
    const { t, tree, op, out } = await world();
    const viewer = await buildUser(t.db, { grants: [{ role: 'viewer', unitId: tree.blocA }] });
    const view = await signIn(t.app, viewer.username, viewer.password);
    const file = await xlsx({ header: MODEL_HEADER, rows: [[1, 'Mô hình', null, 'CCHC', 'Cấp cơ sở']] });
    const r = await uploadImport(t.app, op, { kind: 'model', ownerUnitId: tree.blocA }, file);
    const id = json(r).importId;
    expect((await out.get(`/api/v1/registry/import/${id}`)).statusCode).toBe(404);
    expect((await out.post(`/api/v1/registry/import/${id}/commit`, {})).statusCode).toBe(404);
    expect((await view.get(`/api/v1/registry/import/${id}`)).statusCode).toBe(200);
    expect((await view.post(`/api/v1/registry/import/${id}/commit`, {})).statusCode).toBe(403);
    expect((await uploadImport(t.app, view, { kind: 'model', ownerUnitId: tree.blocA }, file)).statusCode).toBe(403);
    expect((await view.get('/api/v1/registry/import/template.xlsx?kind=model')).statusCode).toBe(403);

    const anon = anonymous(t.app);
    expect((await anon.get('/api/v1/registry/import/template.xlsx?kind=model')).statusCode).toBe(401);
    expect((await anon.get(`/api/v1/registry/import/${id}`)).statusCode).toBe(401);
    expect((await anon.post(`/api/v1/registry/import/${id}/commit`, {})).statusCode).toBe(401);
    expect((await uploadImport(t.app, anon, { kind: 'model', ownerUnitId: tree.blocA }, file)).statusCode).toBe(401);
    expect((await counts(t)).entries).toBe(0);
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
    expect(preview.statusCode, preview.body.slice(0, 500)).toBe(201);
    expect(json(preview).summary).toMatchObject({ rows: 10_000, clean: 10_000 });
    const commit = await op.post(`/api/v1/registry/import/${json(preview).importId}/commit`, {});
    expect(commit.statusCode, commit.body.slice(0, 500)).toBe(200);
    expect(json(commit)).toMatchObject({ createdCount: 10_000, accepted: 7_500, submitted: 2_500 });
    const c = await counts(t);
    expect(c).toMatchObject({ entries: 10_000, spans: 7_500, audits: 1 });
    expect(todayInVietnam() >= '2025-02-01').toBe(true);
  });
});
