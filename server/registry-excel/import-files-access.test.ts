/** Import from Excel: malformed files (400, nothing written) and who may import what. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildUser } from '../test/factories.ts';
import { ZImportCommitResult, ZImportPreview } from '../../common/schemas/registry-excel.ts';
import { anonymous, expectError, expectOk, signIn } from '../test/harness.ts';
import { MODEL_HEADER, uploadImport, xlsx } from './test-helpers.ts';
import { counts, world } from './import-test-world.ts';

describe('malformed files: 400 with a clear message, nothing written', () => {
  const cases: Array<[string, () => Promise<Buffer>, RegExp, string?]> = [
    [
      'a CSV renamed to .xlsx',
      () => Promise.resolve(Buffer.from('STT,Tên mô hình,Lĩnh vực,Cấp\n1,Mô hình,CCHC,Cấp cơ sở\n')),
      /không phải bảng tính Excel \(\.xlsx\)/,
    ],
    [
      'random bytes',
      () => Promise.resolve(Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919) % 256))),
      /không phải bảng tính Excel/,
    ],
    ['an empty file', () => Promise.resolve(Buffer.alloc(0)), /rỗng \(0 byte\)/],
    [
      'an Excel 97-2003 file',
      () =>
        Promise.resolve(
          Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]),
        ),
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
      expect(expectError(r, 400, 'VALIDATION', ['file']).message).toMatch(message);
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
    const preview = expectOk(r, ZImportPreview, 201);
    expect(preview).toMatchObject({ sheetName: 'Sheet1', summary: { rows: 1, clean: 1 } });
    expect(preview.rows[0]!.rowNumber).toBe(5);
  });

  it('refuses missing form fields and a missing file', async () => {
    const { t, tree, op } = await world();
    const file = await xlsx({ header: MODEL_HEADER, rows: [[1, 'A', null, 'CCHC', 'Cấp cơ sở']] });
    const noKind = await uploadImport(t.app, op, { kind: 'nhom', ownerUnitId: tree.blocA }, file);
    expectError(noKind, 400, 'VALIDATION', ['kind']);
    const { multipart } = await import('./test-helpers.ts');
    const body = multipart({ kind: 'model', ownerUnitId: String(tree.blocA) }, null);
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/v1/registry/import',
      headers: { ...op.headers, 'content-type': body.contentType },
      payload: body.payload,
    });
    expectError(noFile, 400, 'VALIDATION', ['file']);
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
    const ownRows = expectOk(own, ZImportPreview, 201).rows;
    expect(ownRows[0]!.problems).toEqual([]);
    expect(ownRows[1]!.problems[0]!.message).toMatch(/không tồn tại hoặc ngoài phạm vi/);
  });

  it('a reporter cannot put rows on the list directly: the row says to leave the date empty', async () => {
    const { t, tree, rep } = await world();
    const file = await xlsx({
      header: MODEL_HEADER,
      rows: [[1, 'Mô hình', null, 'CCHC', 'Cấp cơ sở', null, null, '01/02/2024']],
    });
    const r = await uploadImport(t.app, rep, { kind: 'model', ownerUnitId: tree.a1 }, file);
    const preview = expectOk(r, ZImportPreview, 201);
    expect(preview.rows[0]!.problems).toEqual([
      { field: 'level', message: expect.stringContaining('Hãy để trống "Ngày đưa vào danh sách"') },
    ]);
    const commit = await rep.post(`/api/v1/registry/import/${preview.importId}/commit`, {
      fixes: { 0: { listedOn: null } },
    });
    expect(expectOk(commit, ZImportCommitResult)).toMatchObject({ createdCount: 1, submitted: 1 });
  });

  it('others cannot see or commit an import; viewers cannot import; anonymous is 401', async () => {
    const { t, tree, op, out } = await world();
    const viewer = await buildUser(t.db, { grants: [{ role: 'viewer', unitId: tree.blocA }] });
    const view = await signIn(t.app, viewer.username, viewer.password);
    const file = await xlsx({ header: MODEL_HEADER, rows: [[1, 'Mô hình', null, 'CCHC', 'Cấp cơ sở']] });
    const r = await uploadImport(t.app, op, { kind: 'model', ownerUnitId: tree.blocA }, file);
    const id = expectOk(r, ZImportPreview, 201).importId;
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
