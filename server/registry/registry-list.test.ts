/** Lists: filters, diacritic-insensitive search, Vietnamese order, unit names as of a date, pagination. */
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { systemContext } from '../lib/context.ts';
import { changeUnit } from '../org/commands/change-unit.ts';
import { buildUnit } from '../test/factories.ts';
import { ZPerson } from '../../common/schemas/people.ts';
import { ZEntryDetail, ZEntryPage } from '../../common/schemas/registry.ts';
import { expectOk, setupTest } from '../test/harness.ts';
import { buildField, buildPerson, modelEntry, register, registerAccepted, registryWorld } from './test-helpers.ts';

const E = '/api/v1/registry/entries';
const names = (r: LightMyRequestResponse) => expectOk(r, ZEntryPage).items.map((i) => i.name);

describe('registry lists', () => {
  it('filters, searches without diacritics, sorts in Vietnamese order and shows unit names as of a date', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const op = w.operatorRoot.s;
    const health = await buildField(t.db, { name: 'Y tế', appliesTo: 'model' });
    const m1 = await registerAccepted(
      w,
      op,
      op,
      modelEntry(w, w.tree.a1, { name: 'Trường học hạnh phúc' }),
      '2022-01-10',
    );
    await registerAccepted(
      w,
      op,
      op,
      modelEntry(w, w.tree.b1, {
        name: 'An toàn - tiết kiệm',
        fieldId: health.id,
        levelId: w.levels.tinh,
        planId: null,
      }),
      '2022-03-01',
    );
    await register(op, modelEntry(w, w.tree.a2, { name: 'Đẩy mạnh cải cách hành chính' }));
    await register(op, modelEntry(w, w.tree.b2, { name: 'Ăn uống lành mạnh' }));
    const p1 = await buildPerson(t.db, w.tree.a1, 'Trần Thanh Tùng', 'Phó Bí thư Chi bộ');
    const p2 = await buildPerson(t.db, w.tree.b1, 'Đỗ Tuấn Lương');
    const p3 = await buildPerson(t.db, w.tree.b1, 'Nguyễn Trương Lương');
    for (const personId of [p1, p2, p3])
      await register(op, { kind: 'exemplar', personId, fieldId: w.exemplarField.id, levelId: w.levels.coSo });

    // Models by name (a ă â … đ …), exemplars by given name, middle, family name.
    expect(names(await op.get(`${E}?kind=model`))).toEqual([
      'An toàn - tiết kiệm',
      'Ăn uống lành mạnh',
      'Đẩy mạnh cải cách hành chính',
      'Trường học hạnh phúc',
    ]);
    expect(names(await op.get(`${E}?kind=exemplar`))).toEqual([
      'Nguyễn Trương Lương',
      'Đỗ Tuấn Lương',
      'Trần Thanh Tùng',
    ]);

    // Search: name, owner unit name, person name, position; case and diacritics ignored.
    expect(names(await op.get(`${E}?q=truong%20hoc`))).toEqual(['Trường học hạnh phúc']);
    expect(names(await op.get(`${E}?q=${encodeURIComponent('THỦY ĐIỆN')}`))).toEqual([
      'An toàn - tiết kiệm',
      'Nguyễn Trương Lương',
      'Đỗ Tuấn Lương',
    ]);
    expect(names(await op.get(`${E}?q=do%20tuan`))).toEqual(['Đỗ Tuấn Lương']);
    expect(names(await op.get(`${E}?q=pho%20bi%20thu`))).toEqual(['Trần Thanh Tùng']);
    expect(names(await op.get(`${E}?q=%25`))).toEqual([]);

    // Filters.
    expect(names(await op.get(`${E}?status=active`))).toEqual(['An toàn - tiết kiệm', 'Trường học hạnh phúc']);
    expect(names(await op.get(`${E}?levelId=${w.levels.tinh}`))).toEqual(['An toàn - tiết kiệm']);
    expect(names(await op.get(`${E}?fieldId=${health.id}`))).toEqual(['An toàn - tiết kiệm']);
    expect(names(await op.get(`${E}?planId=${w.plan}&kind=model`))).toEqual([
      'Ăn uống lành mạnh',
      'Đẩy mạnh cải cách hành chính',
      'Trường học hạnh phúc',
    ]);
    expect(names(await op.get(`${E}?unitId=${w.tree.blocA}`))).toEqual([
      'Đẩy mạnh cải cách hành chính',
      'Trường học hạnh phúc',
      'Trần Thanh Tùng',
    ]);
    expect(names(await op.get(`${E}?onDate=2022-02-01`))).toEqual(['Trường học hạnh phúc']);
    expect(names(await op.get(`${E}?onDate=2021-12-31`))).toEqual([]);
    const page = expectOk(await op.get(`${E}?page=2&pageSize=3`), ZEntryPage);
    expect(page).toMatchObject({ total: 7, page: 2, pageSize: 3 });
    expect(page.items).toHaveLength(3);

    // The owner unit is renamed in 2024: today's list shows the new name, a list as of 2023 the old one; search finds both.
    const unit = await t.db
      .selectFrom('org_unit')
      .select('revision')
      .where('id', '=', w.tree.a1)
      .executeTakeFirstOrThrow();
    await changeUnit(t.db, systemContext, w.tree.a1, {
      name: 'Đảng bộ Sở Tư pháp tỉnh Lào Cai',
      revision: unit.revision,
      effectiveDate: '2025-07-01',
      documentId: null,
      note: null,
    });
    const owner = (r: LightMyRequestResponse, id: number) =>
      expectOk(r, ZEntryPage).items.find((i) => i.id === id)!.ownerUnit.name;
    expect(owner(await op.get(`${E}?kind=model`), m1.id)).toBe('Đảng bộ Sở Tư pháp tỉnh Lào Cai');
    expect(owner(await op.get(`${E}?kind=model&asOf=2023-01-01`), m1.id)).toBe('Đảng bộ Sở Tư pháp');
    expect(expectOk(await op.get(`${E}/${m1.id}?asOf=2023-01-01`), ZEntryDetail).ownerUnit.name).toBe(
      'Đảng bộ Sở Tư pháp',
    );
    expect(names(await op.get(`${E}?q=lao%20cai&kind=model`))).toEqual(['Trường học hạnh phúc']);
    expect(names(await op.get(`${E}?q=so%20tu%20phap&kind=model`))).toEqual(['Trường học hạnh phúc']);
  });

  it('a unit filter lists the whole subtree only for a subtree grant; a unit grant still sees only its unit', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const cell = await buildUnit(t.db, {
      name: 'Chi bộ Phòng Hành chính',
      parentId: w.tree.a1,
      typeCode: 'chi_bo',
      levelCode: 'chi_bo',
    });
    await registerAccepted(w, w.reporterA1.s, w.operatorA.s, modelEntry(w, w.tree.a1, { name: 'Mô hình của đảng bộ' }));
    await registerAccepted(w, w.operatorA.s, w.operatorA.s, modelEntry(w, cell, { name: 'Mô hình của chi bộ' }));
    const names = async (s: typeof w.operatorA.s) =>
      expectOk(await s.get(`/api/v1/registry/entries?unitId=${w.tree.a1}`), ZEntryPage)
        .items.map((e: { name: string }) => e.name)
        .sort();
    expect(await names(w.operatorA.s)).toEqual(['Mô hình của chi bộ', 'Mô hình của đảng bộ']);
    expect(expectOk(await w.operatorA.s.get(`/api/v1/registry/entries?unitId=${w.tree.a1}`), ZEntryPage).total).toBe(2);
    // The reporter of a1 (a unit grant) lists a1's own entry only, not the cell's below it.
    expect(await names(w.reporterA1.s)).toEqual(['Mô hình của đảng bộ']);
    expect(expectOk(await w.reporterA1.s.get(`/api/v1/registry/entries?unitId=${w.tree.a1}`), ZEntryPage).total).toBe(
      1,
    );
  });

  it("finds and sorts an exemplar by the person's current name after the person is renamed", async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const op = w.operatorRoot.s;
    const person = await buildPerson(t.db, w.tree.a1, 'Trần Thị Hoa');
    await register(op, { kind: 'exemplar', personId: person, fieldId: w.exemplarField.id, levelId: w.levels.coSo });
    const other = await buildPerson(t.db, w.tree.a1, 'Lê Văn Bình');
    await register(op, { kind: 'exemplar', personId: other, fieldId: w.exemplarField.id, levelId: w.levels.coSo });
    const revision = expectOk(await op.get(`/api/v1/people/${person}`), ZPerson).revision;
    const renamed = await op.patch(`/api/v1/people/${person}`, { fullName: 'Trần Thị An', revision });
    expectOk(renamed, ZPerson);
    expect(expectOk(await op.get(`${E}?kind=exemplar&q=tran%20thi%20an`), ZEntryPage).total).toBe(1);
    const order = expectOk(await op.get(`${E}?kind=exemplar`), ZEntryPage).items.map((i) => i.person?.id);
    expect(order).toEqual([person, other]); // An before Bình
  });
});
