import { describe, expect, it } from 'vitest';
import { ZCriteriaSet, ZField, ZFieldDetail } from '../../common/schemas/catalogue.ts';
import { z } from '../../common/zod-setup.ts';
import { expectError, expectOk, setupTest, type TestContext } from '../test/harness.ts';
import { buildTree } from '../test/factories.ts';
import { assertFieldUsable } from './field-usage.ts';
import { currentCriteriaSetId, getCriteriaSet } from './queries.ts';
import { as, fieldBody, SXKD_CRITERIA } from './test-helpers.ts';

const criterionRows = (t: TestContext, setId: number) =>
  t.db.selectFrom('criterion').selectAll().where('criteria_set_id', '=', setId).orderBy('sort_order').execute();
/** The field list route's response (declared inline in routes.ts). */
const ZFieldList = z.object({ items: z.array(ZField) });

describe('catalogue: fields and their criteria', () => {
  it('creates a field with its first criteria set, reads it, edits it, and audits each step', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const s = await as(t, [{ role: 'operator', unitId: tree.root }]);
    const created = await s.post(
      '/api/v1/catalogue/fields',
      fieldBody(tree.root, { description: 'Lĩnh vực theo Kế hoạch 24-KH/TU', note: 'Ban hành kèm Kế hoạch 24-KH/TU' }),
    );
    const field = expectOk(created, ZFieldDetail, 201);
    expect(field).toMatchObject({
      ownerUnitId: tree.root,
      ownerUnitName: 'Tỉnh ủy Thử nghiệm',
      code: 'TIEN-TIEN-TRONG-SAN-XUAT-KINH-DOANH',
      name: 'Tiên tiến trong sản xuất - kinh doanh',
      appliesTo: 'model',
      active: true,
      revision: 1,
      canWrite: true,
      currentCriteriaSet: { version: 1, effectiveFrom: '2021-03-17', criterionCount: 5 },
    });
    expect(field.criteriaSets).toHaveLength(1);
    expect(field.criteriaSets[0]).toMatchObject({
      version: 1,
      note: 'Ban hành kèm Kế hoạch 24-KH/TU',
      fieldName: field.name,
    });
    expect(field.criteriaSets[0]!.criteria.map((c) => c.code)).toEqual(['TC1', 'TC2', 'TC3', 'TC4', 'TC5']);
    expect(field.criteriaSets[0]!.criteria[0]).toMatchObject({
      measure: 'percent',
      rule: 'gte',
      target: 100,
      scaleMax: null,
      parentCode: null,
      sortOrder: 0,
    });
    expect(expectOk(await s.get(`/api/v1/catalogue/fields/${field.id}`), ZFieldDetail)).toEqual(field);

    const edited = expectOk(
      await s.patch(`/api/v1/catalogue/fields/${field.id}`, {
        name: 'Mô hình tiên tiến trong sản xuất - kinh doanh',
        sortOrder: 10,
        revision: 1,
      }),
      ZFieldDetail,
    );
    expect(edited).toMatchObject({
      name: 'Mô hình tiên tiến trong sản xuất - kinh doanh',
      sortOrder: 10,
      revision: 2,
      code: field.code,
    });
    const unchanged = expectOk(
      await s.patch(`/api/v1/catalogue/fields/${field.id}`, { sortOrder: 10, revision: 2 }),
      ZFieldDetail,
    );
    expect(unchanged.revision).toBe(2);
    const retired = expectOk(
      await s.patch(`/api/v1/catalogue/fields/${field.id}`, { active: false, revision: 2 }),
      ZFieldDetail,
    );
    expect(retired).toMatchObject({ active: false, revision: 3 });

    const events = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_type', '=', 'model_field')
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.action, e.unit_id])).toEqual([
      ['field.created', tree.root],
      ['criteria.versioned', tree.root],
      ['field.updated', tree.root],
      ['field.updated', tree.root],
    ]);
    expect(events[1]!.summary).toMatch(/phiên bản 1 .*5 tiêu chí.*17\/03\/2021/);
    expect(events[3]!.summary).toMatch(/ngừng sử dụng/);
  });

  it('refuses a second field of the same name or code for the same owner, but another owner may reuse both', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const admin = await as(t, [{ role: 'admin', unitId: tree.root }]);
    expect((await admin.post('/api/v1/catalogue/fields', fieldBody(tree.blocA, { code: 'SXKD' }))).statusCode).toBe(
      201,
    );
    const sameName = await admin.post(
      '/api/v1/catalogue/fields',
      fieldBody(tree.blocA, { name: 'TIÊN TIẾN trong sản xuất -  kinh doanh' }),
    );
    expectError(sameName, 409, 'DUPLICATE', ['name']);
    const sameCode = await admin.post(
      '/api/v1/catalogue/fields',
      fieldBody(tree.blocA, { name: 'Khác', code: 'sxkd' }),
    );
    expectError(sameCode, 409, 'DUPLICATE', ['code']);
    expect((await admin.post('/api/v1/catalogue/fields', fieldBody(tree.blocB, { code: 'SXKD' }))).statusCode).toBe(
      201,
    );
    const global = await admin.post('/api/v1/catalogue/fields', fieldBody(null, { code: 'SXKD' }));
    expect(expectOk(global, ZFieldDetail, 201)).toMatchObject({
      ownerUnitId: null,
      ownerUnitName: null,
      canWrite: true,
    });
    // A derived code never collides: the second global field of a similar name gets a suffix.
    const second = expectOk(
      await admin.post('/api/v1/catalogue/fields', fieldBody(null, { name: 'Tiên tiến trong sản xuất, kinh doanh' })),
      ZFieldDetail,
      201,
    );
    const third = expectOk(
      await admin.post('/api/v1/catalogue/fields', fieldBody(null, { name: 'Tiên tiến trong sản xuất – kinh doanh!' })),
      ZFieldDetail,
      201,
    );
    expect([second.code, third.code]).toEqual([
      'TIEN-TIEN-TRONG-SAN-XUAT-KINH-DOANH',
      'TIEN-TIEN-TRONG-SAN-XUAT-KINH-DOANH-2',
    ]);
  });

  it('keeps sub-criteria under their parent (5S: S1–S5 under one heading)', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const s = await as(t, [{ role: 'operator', unitId: tree.blocA }]);
    const s5 = ['Sàng lọc', 'Sắp xếp', 'Sạch sẽ', 'Săn sóc', 'Sẵn sàng'].map((title, i) => ({
      code: `S${i + 1}`,
      parentCode: '5S',
      title,
      measure: 'score',
      rule: 'gte',
      target: 8,
      scaleMax: 10,
    }));
    const response = await s.post('/api/v1/catalogue/fields', {
      ownerUnitId: tree.blocA,
      code: '5S',
      name: 'Thi đua thực hiện chương trình "5S"',
      appliesTo: 'model',
      effectiveFrom: '2021-03-26',
      criteria: [
        {
          code: '5S',
          title: 'Thực hiện đầy đủ 5 nội dung "Sạch hơn - Đẹp hơn - Năng suất cao hơn"',
          measure: 'text',
          rule: 'none',
        },
        ...s5,
      ],
    });
    const criteria = expectOk(response, ZFieldDetail, 201).criteriaSets[0]!.criteria;
    expect(criteria.map((c) => [c.code, c.parentCode])).toEqual([
      ['5S', null],
      ['S1', '5S'],
      ['S2', '5S'],
      ['S3', '5S'],
      ['S4', '5S'],
      ['S5', '5S'],
    ]);
    expect(criteria[1]).toMatchObject({ measure: 'score', rule: 'gte', target: 8, scaleMax: 10 });
  });

  it('lists the fields visible to the actor, filtered by kind, words without diacritics, state and unit', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const admin = await as(t, [{ role: 'admin', unitId: tree.root }]);
    const add = async (ownerUnitId: number | null, name: string, appliesTo = 'model') =>
      expectOk(
        await admin.post('/api/v1/catalogue/fields', fieldBody(ownerUnitId, { name, appliesTo })),
        ZFieldDetail,
        201,
      ).id;
    const ids = {
      global: await add(null, 'Mô hình khác'),
      province: await add(tree.root, 'Tiên tiến trong lĩnh vực y tế, chăm sóc sức khỏe nhân dân'),
      person: await add(tree.root, 'Cá nhân điển hình tiên tiến', 'exemplar'),
      bloc: await add(tree.blocA, 'Văn hóa công sở', 'both'),
      a1: await add(tree.a1, 'Cải cách thủ tục hành chính'),
      blocB: await add(tree.blocB, 'Trách nhiệm xã hội của doanh nghiệp'),
    };
    const s = await as(t, [{ role: 'operator', unitId: tree.blocA }]);
    const list = async (query = '') =>
      expectOk(await s.get(`/api/v1/catalogue/fields${query}`), ZFieldList).items.map((f) => f.id);
    // Global first, then the province's, then the bloc's, then its grassroots unit's.
    expect(await list()).toEqual([ids.global, ids.province, ids.person, ids.bloc, ids.a1]);
    expect(await list('?appliesTo=exemplar')).toEqual([ids.person, ids.bloc]);
    expect(await list('?appliesTo=model')).toEqual([ids.global, ids.province, ids.bloc, ids.a1]);
    expect(await list('?appliesTo=both')).toEqual([ids.bloc]);
    expect(await list('?q=SUC%20KHOE')).toEqual([ids.province]);
    expect(await list(`?q=${encodeURIComponent('công sở')}`)).toEqual([ids.bloc]);
    expect(await list('?q=trach%20nhiem')).toEqual([]);
    expect(await list(`?forUnitId=${tree.a2}`)).toEqual([ids.global, ids.province, ids.person, ids.bloc]);
    expect(await list(`?forUnitId=${tree.a1}`)).toEqual([ids.global, ids.province, ids.person, ids.bloc, ids.a1]);
    expect(await list(`?forUnitId=${tree.root}`)).toEqual([ids.global, ids.province, ids.person]);
    await admin.patch(`/api/v1/catalogue/fields/${ids.a1}`, { active: false, revision: 1 });
    expect(await list('?active=false')).toEqual([ids.a1]);
    expect(await list('?active=true&appliesTo=model')).toEqual([ids.global, ids.province, ids.bloc]);

    // What the registry checks before an entry uses a field.
    const a1 = { id: tree.a1, name: 'Đảng bộ Sở Tư pháp' };
    const a2 = { id: tree.a2, name: 'Đảng bộ Trường Cao đẳng nghề' };
    expect(await assertFieldUsable(t.db, { fieldId: ids.province, unit: a2, kind: 'model' })).toMatchObject({
      id: ids.province,
    });
    expect(await assertFieldUsable(t.db, { fieldId: ids.bloc, unit: a2, kind: 'exemplar' })).toMatchObject({
      applies_to: 'both',
    });
    await expect(
      assertFieldUsable(t.db, { fieldId: ids.person, unit: a2, kind: 'model', path: 'fieldId' }),
    ).rejects.toThrow(/không dùng cho mô hình/);
    await expect(assertFieldUsable(t.db, { fieldId: ids.a1, unit: a2, kind: 'model' })).rejects.toMatchObject({
      fields: [{ field: 'fieldId' }],
    });
    await expect(assertFieldUsable(t.db, { fieldId: ids.blocB, unit: a1, kind: 'model' })).rejects.toThrow(
      /Không tìm thấy lĩnh vực/,
    );
    await expect(assertFieldUsable(t.db, { fieldId: ids.a1, unit: a1, kind: 'model' })).rejects.toThrow(
      /ngừng sử dụng/,
    );
    expect(
      await assertFieldUsable(t.db, { fieldId: ids.a1, unit: a1, kind: 'model', allowInactive: true }),
    ).toMatchObject({ active: false });
  });
});

describe('catalogue: versioned criteria sets', () => {
  it('a new version never changes an earlier one; the version in effect is chosen by date', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const s = await as(t, [{ role: 'operator', unitId: tree.root }]);
    const field = expectOk(await s.post('/api/v1/catalogue/fields', fieldBody(tree.root)), ZFieldDetail, 201);
    const v1 = field.criteriaSets[0]!;
    const v1Rows = await criterionRows(t, v1.id);

    const v2Criteria = [
      { ...SXKD_CRITERIA[0], target: 105 },
      ...SXKD_CRITERIA.slice(1, 4),
      { code: 'TC6', title: 'Không để xảy ra tai nạn lao động, cháy nổ', measure: 'number', rule: 'lte', target: 0 },
    ];
    const response = await s.post(`/api/v1/catalogue/fields/${field.id}/criteria-sets`, {
      effectiveFrom: '2023-06-15',
      note: 'Điều chỉnh sau sơ kết 02 năm',
      criteria: v2Criteria,
      revision: 1,
    });
    const after = expectOk(response, ZFieldDetail, 201);
    expect(after.revision).toBe(2);
    expect(after.criteriaSets.map((c) => [c.version, c.effectiveFrom])).toEqual([
      [1, '2021-03-17'],
      [2, '2023-06-15'],
    ]);
    expect(after.criteriaSets[0]).toEqual(v1);
    expect(await criterionRows(t, v1.id)).toEqual(v1Rows);
    const v2 = after.criteriaSets[1]!;
    expect(v2.criteria.map((c) => c.code)).toEqual(['TC1', 'TC2', 'TC3', 'TC4', 'TC6']);
    expect(after.currentCriteriaSet).toMatchObject({ id: v2.id, version: 2, criterionCount: 5 });

    expect(await currentCriteriaSetId(t.db, field.id, '2021-03-16')).toBeNull();
    expect(await currentCriteriaSetId(t.db, field.id, '2021-03-17')).toBe(v1.id);
    expect(await currentCriteriaSetId(t.db, field.id, '2023-06-14')).toBe(v1.id);
    expect(await currentCriteriaSetId(t.db, field.id, '2023-06-15')).toBe(v2.id);
    expect(await currentCriteriaSetId(t.db, field.id, '2030-01-01')).toBe(v2.id);
    expect(await getCriteriaSet(t.db, v1.id)).toEqual(v1);
    expect(await getCriteriaSet(t.db, 999999)).toBeNull();
    expect(expectOk(await s.get(`/api/v1/catalogue/criteria-sets/${v1.id}`), ZCriteriaSet)).toEqual(v1);

    const asOf = expectOk(await s.get('/api/v1/catalogue/fields?asOf=2022-01-01'), ZFieldList).items[0]!;
    expect(asOf.currentCriteriaSet).toMatchObject({ id: v1.id, version: 1 });
    expect(
      expectOk(await s.get('/api/v1/catalogue/fields?asOf=2020-01-01'), ZFieldList).items[0]!.currentCriteriaSet,
    ).toBeNull();

    // A version may not take effect before the one in force; on the same day the newer version wins.
    const early = await s.post(`/api/v1/catalogue/fields/${field.id}/criteria-sets`, {
      effectiveFrom: '2023-06-14',
      criteria: v2Criteria,
      revision: 2,
    });
    expect(expectError(early, 400, 'VALIDATION', ['effectiveFrom']).message).toMatch(/15\/06\/2023/);
    const sameDay = expectOk(
      await s.post(`/api/v1/catalogue/fields/${field.id}/criteria-sets`, {
        effectiveFrom: '2023-06-15',
        criteria: SXKD_CRITERIA,
        revision: 2,
      }),
      ZFieldDetail,
      201,
    );
    expect(await currentCriteriaSetId(t.db, field.id, '2023-06-15')).toBe(sameDay.criteriaSets[2]!.id);
    expect(await criterionRows(t, v1.id)).toEqual(v1Rows);

    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'summary'])
      .where('action', '=', 'criteria.versioned')
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.summary.match(/phiên bản (\d)/)![1])).toEqual(['1', '2', '3']);
  });
});
