import { describe, expect, it } from 'vitest';
import { ZFieldDetail } from '../../common/schemas/catalogue.ts';
import { expectError, expectOk, setupTest, type TestContext } from '../test/harness.ts';
import { buildTree } from '../test/factories.ts';
import { as, fieldBody, fieldsOf, SXKD_CRITERIA } from './test-helpers.ts';

const counts = async (t: TestContext) => {
  const n = async (table: 'model_field' | 'criteria_set' | 'criterion' | 'audit_event') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    fields: await n('model_field'),
    sets: await n('criteria_set'),
    criteria: await n('criterion'),
    audit: await n('audit_event'),
  };
};

describe('catalogue: bad input and concurrency', () => {
  it('answers bad input with 400 naming each field path in Vietnamese, and writes nothing', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const s = await as(t, [{ role: 'operator', unitId: tree.blocA }]);
    const field = expectOk(await s.post('/api/v1/catalogue/fields', fieldBody(tree.blocA)), ZFieldDetail, 201);
    const before = await counts(t);
    const post = (body: Record<string, unknown>) =>
      s.post('/api/v1/catalogue/fields', { ...fieldBody(tree.blocA, { name: 'Lĩnh vực mới' }), ...body });

    const missing = await s.post('/api/v1/catalogue/fields', {});
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing)).toEqual(['appliesTo', 'criteria', 'effectiveFrom', 'name', 'ownerUnitId']);

    const criteria = [
      { code: 'TC1', title: 'Hoàn thành kế hoạch', measure: 'percent', rule: 'gte' }, // 0: no target
      { code: 'tc1', title: 'Trùng mã', measure: 'boolean', rule: 'yes' }, // 1: duplicate code
      { code: 'TC3', title: 'Điểm', measure: 'score', rule: 'gte', target: 8 }, // 2: no scale
      { code: 'TC4', title: 'Điểm', measure: 'score', rule: 'lte', target: 12, scaleMax: 10 }, // 3: target above scale
      { code: 'TC5', title: 'Nhận xét', measure: 'text', rule: 'yes' }, // 4: text is never judged
      { code: 'TC6', title: 'Có/không', measure: 'boolean', rule: 'gte', target: 1 }, // 5: wrong rule
      { code: 'TC7', parentCode: 'TC9', title: 'Con', measure: 'number', rule: 'none', target: 3, scaleMax: 5 }, // 6: unknown parent, target and scale without use
    ];
    const bad = await post({ criteria });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual([
      'criteria.0.target',
      'criteria.1.code',
      'criteria.2.scaleMax',
      'criteria.3.target',
      'criteria.4.rule',
      'criteria.5.rule',
      'criteria.6.parentCode',
      'criteria.6.scaleMax',
      'criteria.6.target',
    ]);
    // Each criterion's own shape is checked first (the combinations only once every criterion reads).
    const shape = await post({ criteria: [...criteria, { code: 'T C8', title: '', measure: 'đếm', rule: 'bằng' }] });
    expect(fieldsOf(shape)).toEqual(['criteria.7.code', 'criteria.7.measure', 'criteria.7.rule', 'criteria.7.title']);
    expect(expectError(shape, 400, 'VALIDATION').message).toMatch(/Mã tiêu chí chỉ gồm chữ, số/);
    const messages = expectError(bad, 400, 'VALIDATION').fields ?? [];
    const message = (f: string) => messages.find((m) => m.field === f)!.message;
    expect(message('criteria.0.target')).toMatch(/Tiêu chí thứ 1 cần có mức yêu cầu/);
    expect(message('criteria.1.code')).toMatch(/"tc1" bị trùng với tiêu chí thứ 1/);
    expect(message('criteria.2.scaleMax')).toMatch(/thang điểm tối đa/);
    expect(message('criteria.3.target')).toMatch(/từ 0 đến 10/);
    expect(message('criteria.6.parentCode')).toMatch(/tiêu chí cha mã "TC9"/);

    const others = [
      [{ criteria: [] }, ['criteria']],
      [{ effectiveFrom: '2021-02-30' }, ['effectiveFrom']],
      [{ appliesTo: 'mo-hinh' }, ['appliesTo']],
      [{ code: 'mã có dấu' }, ['code']],
      [{ sortOrder: -1 }, ['sortOrder']],
      [{ ownerUnitId: 'abc' }, ['ownerUnitId']],
      [{ ownerUnitId: 99999 }, []], // 404, not 400
      [
        { criteria: [{ code: 'A', parentCode: 'A', title: 'Tự tham chiếu', measure: 'boolean', rule: 'yes' }] },
        ['criteria.0.parentCode'],
      ],
      [
        {
          criteria: [
            { code: 'B', parentCode: 'A', title: 'Con trước cha', measure: 'boolean', rule: 'yes' },
            { code: 'A', title: 'Cha', measure: 'text', rule: 'none' },
          ],
        },
        ['criteria.0.parentCode'],
      ],
    ] as const;
    for (const [body, expected] of others) {
      const response = await post(body);
      if (expected.length === 0) expect(response.statusCode).toBe(404);
      else {
        expect(response.statusCode, JSON.stringify(body)).toBe(400);
        expect(fieldsOf(response)).toEqual(expected);
      }
    }

    const badPatch = await s.patch(`/api/v1/catalogue/fields/${field.id}`, { name: '  ', active: 'có', revision: 1 });
    expect(badPatch.statusCode).toBe(400);
    expect(fieldsOf(badPatch)).toEqual(['active', 'name']);
    const noRevision = await s.patch(`/api/v1/catalogue/fields/${field.id}`, { name: 'X' });
    expect(fieldsOf(noRevision)).toEqual(['revision']);
    const criteriaInPatch = await s.patch(`/api/v1/catalogue/fields/${field.id}`, {
      criteria: SXKD_CRITERIA,
      revision: 1,
    });
    expect(criteriaInPatch.statusCode).toBe(200); // unknown keys are ignored: criteria change only by a new version
    const badSet = await s.post(`/api/v1/catalogue/fields/${field.id}/criteria-sets`, {
      effectiveFrom: '2024-01-01',
      criteria: [{ ...SXKD_CRITERIA[0], target: null }],
      revision: 1,
    });
    expect(fieldsOf(badSet)).toEqual(['criteria.0.target']);

    expect(await counts(t)).toEqual(before);
    const stored = expectOk(await s.get(`/api/v1/catalogue/fields/${field.id}`), ZFieldDetail);
    expect(stored.criteriaSets).toEqual(field.criteriaSets);
    expect(stored.revision).toBe(1);
  });

  it('refuses the second of two changes made from the same revision', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const s = await as(t, [{ role: 'operator', unitId: tree.blocA }]);
    const field = expectOk(await s.post('/api/v1/catalogue/fields', fieldBody(tree.blocA)), ZFieldDetail, 201);
    expect((await s.patch(`/api/v1/catalogue/fields/${field.id}`, { name: 'Tên mới', revision: 1 })).statusCode).toBe(
      200,
    );
    const stale = await s.patch(`/api/v1/catalogue/fields/${field.id}`, { name: 'Tên khác', revision: 1 });
    expect(expectError(stale, 409, 'CONFLICT').message).toMatch(/vừa được người khác thay đổi/);
    const staleSet = await s.post(`/api/v1/catalogue/fields/${field.id}/criteria-sets`, {
      effectiveFrom: '2024-01-01',
      criteria: SXKD_CRITERIA,
      revision: 1,
    });
    expect(staleSet.statusCode).toBe(409);

    // Two new versions issued from the same revision at once: exactly one becomes version 2.
    const racing = await Promise.all([
      s.post(`/api/v1/catalogue/fields/${field.id}/criteria-sets`, {
        effectiveFrom: '2024-01-01',
        criteria: SXKD_CRITERIA,
        revision: 2,
      }),
      s.post(`/api/v1/catalogue/fields/${field.id}/criteria-sets`, {
        effectiveFrom: '2024-02-01',
        criteria: SXKD_CRITERIA.slice(0, 2),
        revision: 2,
      }),
    ]);
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const sets = await t.db
      .selectFrom('criteria_set')
      .select(['version'])
      .where('field_id', '=', field.id)
      .orderBy('version')
      .execute();
    expect(sets.map((x) => x.version)).toEqual([1, 2]);
    const row = await t.db
      .selectFrom('model_field')
      .select(['name', 'revision'])
      .where('id', '=', field.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Tên mới', revision: 3 });
  });
});
