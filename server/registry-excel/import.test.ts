/** Import from Excel: the template round trip, for models and for exemplars. */
import { describe, expect, it } from 'vitest';
import { ZImportCommitResult, ZImportInfo, ZImportPreview } from '../../common/schemas/registry-excel.ts';
import { anonymous, expectError, expectOk } from '../test/harness.ts';
import { buildPerson, download, readWorkbook, uploadImport, xlsx } from './test-helpers.ts';
import { counts, d, world } from './import-test-world.ts';

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
    guide.eachRow((row) => guideText.push(row.getCell(1).text));
    expect(guideText).toContain('Ngày đưa vào danh sách');
    const lists = workbook.getWorksheet('Danh mục')!;
    expect(lists.state).toBe('hidden');
    const fieldList: string[] = [];
    lists.getColumn(1).eachCell((c, n) => n > 1 && fieldList.push(c.text));
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
    const p = expectOk(preview, ZImportPreview, 201);
    expect(p.rows).toHaveLength(3);
    expect(p.rows.flatMap((r) => r.problems)).toEqual([]);
    expect(p.summary).toEqual({ rows: 3, clean: 3, withProblems: 0, toAccept: 2, toSubmit: 1 });
    expect(p.rows[0]!.values.listedOn).toBe('05/03/2024');
    expect(p.rows[0]!.rowNumber).toBe(3);
    expect(p.fileName).toBe('Danh sách mô hình 2024.xlsx');
    const afterPreview = await counts(t);
    expect(afterPreview.entries).toBe(before.entries);
    expect(afterPreview.imports).toBe(before.imports + 1);

    const commit = await op.post(`/api/v1/registry/import/${p.importId}/commit`, {});
    expect(expectOk(commit, ZImportCommitResult)).toEqual({
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
    expect(expectOk(info, ZImportInfo)).toMatchObject({ status: 'committed', createdCount: 3, rowCount: 3 });

    // committing twice is refused
    const again = await op.post(`/api/v1/registry/import/${p.importId}/commit`, {});
    expectError(again, 409, 'INVALID_STATE');
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
    const previewed = expectOk(preview, ZImportPreview, 201);
    const rows = previewed.rows;
    expect(rows[0]!.problems).toEqual([]);
    expect(rows[1]!.problems).toEqual([
      { field: 'name', message: expect.stringContaining('Không có người tên "Trần Văn Không"') },
    ]);
    expect(rows[2]!.problems).toEqual([
      { field: 'name', message: expect.stringContaining('Có 2 người tên "Lê Văn Nam"') },
    ]);

    const commit = await op.post(`/api/v1/registry/import/${previewed.importId}/commit`, { skip: [1, 2] });
    expect(expectOk(commit, ZImportCommitResult)).toMatchObject({ createdCount: 1, accepted: 1, skipped: 2 });
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
