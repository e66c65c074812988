/** Export of the registry list to .xlsx: filters, scope, order, dates, names as of a date, the file's shape. */
import { describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../common/dates.ts';
import { writeTransaction } from '../lib/audit.ts';
import { systemContext } from '../lib/context.ts';
import { changeUnit } from '../org/commands/change-unit.ts';
import { registerEntries } from '../registry/commands/register-entries.ts';
import type { RegisterEntryInput } from '../registry/commands/resolve-entries.ts';
import { buildTree, buildUser, levelIdOf } from '../test/factories.ts';
import { anonymous, setupTest, signIn } from '../test/harness.ts';
import { buildCatalogue, buildPerson, download, readWorkbook } from './test-helpers.ts';

const input = (
  over: Partial<RegisterEntryInput> & Pick<RegisterEntryInput, 'kind' | 'fieldId' | 'levelId'>,
): RegisterEntryInput => ({
  name: null,
  content: null,
  goals: null,
  commitments: null,
  ownerUnitId: null,
  personId: null,
  position: null,
  partyUnitId: null,
  planId: null,
  responsibleUnitId: null,
  startedOn: null,
  replicatesId: null,
  ...over,
});

async function world() {
  const t = await setupTest();
  const tree = await buildTree(t.db);
  const fields = await buildCatalogue(t.db);
  const coSo = await levelIdOf(t.db, 'co_so');
  const hoa = await buildPerson(t.db, tree.a1, 'Nguyễn Thị Hoa', 'Chánh Văn phòng');
  const an = await buildPerson(t.db, tree.a1, 'Trần Văn An', 'Phó Giám đốc');
  const register = (inputs: RegisterEntryInput[], options: Parameters<typeof registerEntries>[4]) =>
    writeTransaction(t.db, systemContext, ({ trx, audit }) =>
      registerEntries(trx, systemContext, audit, inputs, options),
    );
  // models of a1 and a2 on the list from 05/03/2024; one submitted; exemplars of a1
  await register(
    [
      input({
        kind: 'model',
        name: 'Vườn ươm khởi nghiệp',
        ownerUnitId: tree.a1,
        fieldId: fields.economy,
        levelId: coSo,
        startedOn: '2023-01-10',
      }),
      input({
        kind: 'model',
        name: 'Ánh sáng đường quê',
        ownerUnitId: tree.a1,
        fieldId: fields.culture,
        levelId: coSo,
      }),
      input({ kind: 'model', name: 'Bếp ăn nghĩa tình', ownerUnitId: tree.a2, fieldId: fields.culture, levelId: coSo }),
      input({ kind: 'exemplar', personId: hoa, ownerUnitId: tree.a1, fieldId: fields.admin, levelId: coSo }),
      input({ kind: 'exemplar', personId: an, ownerUnitId: tree.a1, fieldId: fields.admin, levelId: coSo }),
    ],
    { accept: { date: '2024-03-05', documentId: null } },
  );
  await register(
    [input({ kind: 'model', name: 'Dân vận khéo', ownerUnitId: tree.b1, fieldId: fields.admin, levelId: coSo })],
    { submit: true },
  );
  const operator = await buildUser(t.db, { grants: [{ role: 'operator', unitId: tree.root }] });
  const reporter = await buildUser(t.db, { grants: [{ role: 'reporter', unitId: tree.a1 }] });
  return {
    t,
    tree,
    fields,
    op: await signIn(t.app, operator.username, operator.password),
    rep: await signIn(t.app, reporter.username, reporter.password),
  };
}

async function sheetOf(buffer: Buffer) {
  const workbook = await readWorkbook(buffer);
  const sheet = workbook.getWorksheet('Danh sách')!;
  const header = (sheet.getRow(4).values as unknown[]).slice(1);
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 4) rows.push((row.values as unknown[]).slice(1));
  });
  return { sheet, header, rows };
}

describe('export.xlsx', () => {
  it('exports models in Vietnamese order with a title, the filter, real dates, frozen header and autofilter', async () => {
    const { t, tree, op } = await world();
    const r = await download(t.app, op, `/api/v1/registry/export.xlsx?kind=model&unitId=${tree.blocA}&status=active`);
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const today = todayInVietnam();
    expect(r.headers['content-disposition']).toBe(
      `attachment; filename="Danh-sach-mo-hinh-${today}.xlsx"; filename*=UTF-8''${encodeURIComponent(`Danh-sách-mô-hình-${today}.xlsx`)}`,
    );
    const { sheet, header, rows } = await sheetOf(r.rawPayload);
    expect(sheet.getRow(1).getCell(1).value).toBe('DANH SÁCH MÔ HÌNH');
    expect(sheet.getRow(2).getCell(1).value).toBe(
      `Loại: Mô hình (tập thể); Đơn vị: Đảng ủy Khối A (kể cả các đơn vị trực thuộc); Trạng thái: Trong danh sách; Tên đơn vị theo ngày ${today.split('-').reverse().join('/')}`,
    );
    expect(header).toEqual([
      'STT',
      'Tên mô hình',
      'Đơn vị',
      'Lĩnh vực',
      'Cấp',
      'Trạng thái',
      'Ngày bắt đầu thực hiện',
      'Ngày đưa vào danh sách',
      'Người theo dõi',
    ]);
    // "Ánh" < "Bếp" < "Vườn" in Vietnamese order (A, Ă, Â, B …)
    expect(rows.map((row) => row[1])).toEqual(['Ánh sáng đường quê', 'Bếp ăn nghĩa tình', 'Vườn ươm khởi nghiệp']);
    const vuon = rows[2]!;
    expect(vuon[0]).toBe(3);
    expect(vuon.slice(2, 6)).toEqual(['Đảng bộ Sở Tư pháp', 'Phát triển kinh tế', 'Cấp cơ sở', 'Trong danh sách']);
    expect(vuon[6]).toEqual(new Date('2023-01-10T00:00:00Z'));
    expect(vuon[7]).toEqual(new Date('2024-03-05T00:00:00Z'));
    expect(sheet.getRow(7).getCell(8).numFmt).toBe('dd/mm/yyyy');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.autoFilter).toBe('A4:I4');
    expect(sheet.getColumn(2).width).toBeGreaterThan(30);
  });

  it('exports exemplars by given name, with positions; unit names as of the chosen date', async () => {
    const { t, tree, op } = await world();
    const unit = await t.db
      .selectFrom('org_unit')
      .select('revision')
      .where('id', '=', tree.a1)
      .executeTakeFirstOrThrow();
    await changeUnit(t.db, systemContext, tree.a1, {
      name: 'Đảng bộ Sở Tư pháp và Nội vụ',
      revision: unit.revision,
      effectiveDate: '2025-03-01',
      documentId: null,
      note: null,
    });

    const now = await sheetOf((await download(t.app, op, '/api/v1/registry/export.xlsx?kind=exemplar')).rawPayload);
    expect(now.header).toEqual([
      'STT',
      'Họ và tên',
      'Chức vụ',
      'Đơn vị',
      'Lĩnh vực',
      'Cấp',
      'Trạng thái',
      'Ngày bắt đầu thực hiện',
      'Ngày đưa vào danh sách',
      'Người theo dõi',
    ]);
    // An before Hoa: by given name
    expect(now.rows.map((row) => row.slice(1, 4))).toEqual([
      ['Trần Văn An', 'Phó Giám đốc', 'Đảng bộ Sở Tư pháp và Nội vụ'],
      ['Nguyễn Thị Hoa', 'Chánh Văn phòng', 'Đảng bộ Sở Tư pháp và Nội vụ'],
    ]);
    const then = await sheetOf(
      (await download(t.app, op, '/api/v1/registry/export.xlsx?kind=exemplar&asOf=2024-06-01')).rawPayload,
    );
    expect(then.rows.map((row) => row[3])).toEqual(['Đảng bộ Sở Tư pháp', 'Đảng bộ Sở Tư pháp']);
    expect(then.sheet.getRow(2).getCell(1).value).toContain('Tên đơn vị theo ngày 01/06/2024');
  });

  it('exports both kinds with a kind column, filters by date on the list and by search words', async () => {
    const { t, op } = await world();
    const all = await sheetOf((await download(t.app, op, '/api/v1/registry/export.xlsx')).rawPayload);
    expect(all.sheet.getRow(1).getCell(1).value).toBe('DANH SÁCH MÔ HÌNH, ĐIỂN HÌNH TIÊN TIẾN');
    expect(all.header.slice(0, 3)).toEqual(['STT', 'Loại', 'Tên mô hình / Họ và tên']);
    expect(all.rows).toHaveLength(6);
    const before = await sheetOf(
      (await download(t.app, op, '/api/v1/registry/export.xlsx?onDate=2024-01-01')).rawPayload,
    );
    expect(before.rows).toHaveLength(0);
    const on = await sheetOf((await download(t.app, op, '/api/v1/registry/export.xlsx?onDate=2024-03-05')).rawPayload);
    expect(on.rows).toHaveLength(5);
    const q = await sheetOf((await download(t.app, op, '/api/v1/registry/export.xlsx?q=vuon%20uom')).rawPayload);
    expect(q.rows.map((row) => row[2])).toEqual(['Vườn ươm khởi nghiệp']);
  });

  it('a reporter of a1 gets only what it may read: a2 and b1 entries are absent', async () => {
    const { t, tree, rep } = await world();
    const r = await download(t.app, rep, '/api/v1/registry/export.xlsx?kind=model');
    expect(r.statusCode).toBe(200);
    const { rows } = await sheetOf(r.rawPayload);
    expect(rows.map((row) => row[1])).toEqual(['Ánh sáng đường quê', 'Vườn ươm khởi nghiệp']);
    expect((await download(t.app, rep, `/api/v1/registry/export.xlsx?unitId=${tree.a2}`)).statusCode).toBe(404);
  });

  it('a large list streams in pages, numbered in order', async () => {
    const { t, tree, fields, op } = await world();
    const coSo = await levelIdOf(t.db, 'co_so');
    const inputs = Array.from({ length: 4500 }, (_, i) =>
      input({
        kind: 'model',
        name: `Mô hình ${String(i).padStart(4, '0')}`,
        ownerUnitId: tree.b2,
        fieldId: fields.admin,
        levelId: coSo,
      }),
    );
    await writeTransaction(t.db, systemContext, ({ trx, audit }) =>
      registerEntries(trx, systemContext, audit, inputs, { submit: true }),
    );
    const r = await download(t.app, op, `/api/v1/registry/export.xlsx?unitId=${tree.b2}`);
    expect(r.headers['x-total-count']).toBe('4500');
    const { rows } = await sheetOf(r.rawPayload);
    expect(rows).toHaveLength(4500);
    expect(rows[0]!.slice(0, 3)).toEqual([1, 'Mô hình', 'Mô hình 0000']);
    expect(rows[4499]!.slice(0, 3)).toEqual([4500, 'Mô hình', 'Mô hình 4499']);
    expect(rows.every((row, i) => row[0] === i + 1)).toBe(true);
  });

  it('unauthenticated is 401; bad filters are 400', async () => {
    const { t, op } = await world();
    expect((await anonymous(t.app).get('/api/v1/registry/export.xlsx')).statusCode).toBe(401);
    expect((await op.get('/api/v1/registry/export.xlsx?status=nonsense')).statusCode).toBe(400);
    expect((await op.get('/api/v1/registry/export.xlsx?levelId=9999')).statusCode).toBe(400);
  });
});
