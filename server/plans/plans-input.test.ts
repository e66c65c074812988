import { describe, expect, it } from 'vitest';
import { ZDocument } from '../../common/schemas/documents.ts';
import { ZFieldDetail } from '../../common/schemas/catalogue.ts';
import { ZPlan } from '../../common/schemas/plans.ts';
import { expectError, expectOk, setupTest, type TestContext } from '../test/harness.ts';
import { buildTree } from '../test/factories.ts';
import { documentBody } from '../documents/test-helpers.ts';
import { as, fieldBody, fieldsOf, planBody } from '../catalogue/test-helpers.ts';

const counts = async (t: TestContext) => {
  const n = async (table: 'plan' | 'plan_phase' | 'plan_target' | 'audit_event') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    plans: await n('plan'),
    phases: await n('plan_phase'),
    targets: await n('plan_target'),
    audit: await n('audit_event'),
  };
};

const phase = (name: string, startsOn: string, endsOn: string, extra: Record<string, unknown> = {}) => ({
  name,
  kind: 'period',
  startsOn,
  endsOn,
  ...extra,
});

describe('plans: bad input and concurrency', () => {
  it('answers bad input with 400 naming each field, and writes nothing', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const admin = await as(t, [{ role: 'admin', unitId: tree.root }]);
    const exemplarField = expectOk(
      await admin.post(
        '/api/v1/catalogue/fields',
        fieldBody(tree.root, { name: 'Cá nhân điển hình tiên tiến', appliesTo: 'exemplar' }),
      ),
      ZFieldDetail,
      201,
    );
    const siblingField = expectOk(
      await admin.post('/api/v1/catalogue/fields', fieldBody(tree.blocB, { name: 'Trách nhiệm xã hội' })),
      ZFieldDetail,
      201,
    );
    const revoked = expectOk(
      await admin.post('/api/v1/documents', documentBody(tree.blocA, { symbol: '9-KH/ĐUK' })),
      ZDocument,
      201,
    );
    await admin.post(`/api/v1/documents/${revoked.id}/revoke`, {
      revokedOn: '2022-01-01',
      reason: 'Ban hành nhầm',
      revision: 1,
    });
    const s = await as(t, [{ role: 'operator', unitId: tree.blocA }]);
    const plan = expectOk(await s.post('/api/v1/plans', planBody(tree.blocA)), ZPlan, 201);
    const before = await counts(t);
    const post = (overrides: Record<string, unknown>) => s.post('/api/v1/plans', planBody(tree.blocA, overrides));

    const missing = await s.post('/api/v1/plans', {});
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing)).toEqual(['endsOn', 'ownerUnitId', 'startsOn', 'title']);

    const cases: Array<[Record<string, unknown>, string[], RegExp?]> = [
      [{ startsOn: '2025-01-01', endsOn: '2021-01-01' }, ['endsOn'], /không sớm hơn ngày bắt đầu/],
      [{ startsOn: '2021-02-29' }, ['startsOn']],
      [
        { phases: [phase('Năm 2020', '2020-01-01', '2020-12-31'), phase('Năm 2026', '2025-01-01', '2026-06-30')] },
        ['phases.0.startsOn', 'phases.1.endsOn'],
        /thời gian của kế hoạch \(17\/03\/2021 – 31\/12\/2025\)/,
      ],
      [
        { phases: [phase('Sơ kết', '2021-03-17', '2022-03-16'), phase('SƠ KẾT', '2022-03-17', '2023-03-16')] },
        ['phases.1.name'],
        /bị trùng với giai đoạn thứ 1/,
      ],
      [
        { phases: [phase('Đảo ngược', '2022-01-01', '2021-12-31', { reviewOn: '2021-01-01' })] },
        ['phases.0.endsOn', 'phases.0.reviewOn'],
      ],
      [{ phases: [{ ...phase('Sai loại', '2022-01-01', '2022-12-31'), kind: 'so_ket' }] }, ['phases.0.kind']],
      [{ targets: [{ subject: 'model', value: 120, measure: 'percent' }] }, ['targets.0.value'], /từ 0 đến 100/],
      [{ targets: [{ subject: 'model', value: 2.5, measure: 'count' }] }, ['targets.0.value'], /số nguyên/],
      [{ targets: [{ subject: 'model', value: -1, measure: 'count' }] }, ['targets.0.value']],
      [{ targets: [{ subject: 'other', value: 1, measure: 'count' }] }, ['targets.0.description']],
      [
        {
          targets: [
            { subject: 'model', value: 20, measure: 'count' },
            { subject: 'model', value: 22, measure: 'count' },
          ],
        },
        ['targets.1.subject'],
        /trùng với chỉ tiêu thứ 1/,
      ],
      [
        { targets: [{ subject: 'model', value: 20, measure: 'count', levelId: 9999 }] },
        ['targets.0.levelId'],
        /Không có cấp/,
      ],
      [
        { targets: [{ subject: 'model', value: 20, measure: 'count', fieldId: siblingField.id }] },
        ['targets.0.fieldId'],
        /Không tìm thấy lĩnh vực/,
      ],
      [
        { targets: [{ subject: 'model', value: 20, measure: 'count', fieldId: exemplarField.id }] },
        ['targets.0.fieldId'],
        /không dùng cho mô hình/,
      ],
      [{ documentId: 99999 }, ['documentId']],
      [{ documentId: revoked.id }, ['documentId'], /đã bị thu hồi/],
    ];
    for (const [overrides, expected, message] of cases) {
      const response = await post(overrides);
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(fieldsOf(response), JSON.stringify(overrides)).toEqual(expected);
      if (message) expect(expectError(response, 400, 'VALIDATION', expected).message).toMatch(message);
    }

    // PATCH: the phases must fit the new dates even when they are not sent.
    const shrink = await s.patch(`/api/v1/plans/${plan.id}`, { startsOn: '2022-01-01', revision: 1 });
    expect(shrink.statusCode).toBe(400);
    expect(fieldsOf(shrink)).toEqual(['phases.0.startsOn', 'phases.1.startsOn', 'phases.2.startsOn']);
    const reversed = await s.patch(`/api/v1/plans/${plan.id}`, { endsOn: '2020-12-31', revision: 1 });
    expect(fieldsOf(reversed)).toEqual(['endsOn']);
    const otherPlan = expectOk(await admin.post('/api/v1/plans', planBody(tree.blocB)), ZPlan, 201);
    const stolen = await s.patch(`/api/v1/plans/${plan.id}`, {
      phases: [{ ...phase('Mượn', '2021-03-17', '2021-12-31'), id: otherPlan.phases[0]!.id }],
      revision: 1,
    });
    expect(fieldsOf(stolen)).toEqual(['phases.0.id']);
    const twice = await s.patch(`/api/v1/plans/${plan.id}`, {
      targets: [plan.targets[0], plan.targets[0]].map((x) => ({ ...x, description: 'x' })),
      revision: 1,
    });
    expect(fieldsOf(twice)).toEqual(['targets.1.id', 'targets.1.subject']);

    expect(await counts(t)).toEqual({
      ...before,
      plans: before.plans + 1,
      phases: before.phases + 3,
      targets: before.targets + 3,
      audit: before.audit + 1,
    });
    expect(expectOk(await s.get(`/api/v1/plans/${plan.id}`), ZPlan)).toEqual(plan);
  });

  it('refuses the second of two edits made from the same revision and keeps the first', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const s = await as(t, [{ role: 'operator', unitId: tree.blocA }]);
    const plan = expectOk(await s.post('/api/v1/plans', planBody(tree.blocA)), ZPlan, 201);
    expect((await s.patch(`/api/v1/plans/${plan.id}`, { title: 'Tên thứ nhất', revision: 1 })).statusCode).toBe(200);
    const stale = await s.patch(`/api/v1/plans/${plan.id}`, { title: 'Tên thứ hai', revision: 1 });
    expect(expectError(stale, 409, 'CONFLICT').message).toMatch(/vừa được người khác thay đổi/);
    expect((await s.post(`/api/v1/plans/${plan.id}/close`, { revision: 1 })).statusCode).toBe(409);

    const racing = await Promise.all([
      s.patch(`/api/v1/plans/${plan.id}`, { targets: [{ subject: 'model', value: 5, measure: 'count' }], revision: 2 }),
      s.patch(`/api/v1/plans/${plan.id}`, {
        targets: [{ subject: 'exemplar', value: 7, measure: 'count' }],
        revision: 2,
      }),
    ]);
    expect(racing.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const winner = expectOk(
      racing.find((r) => r.statusCode === 200)!,
      ZPlan,
    );
    const stored = expectOk(await s.get(`/api/v1/plans/${plan.id}`), ZPlan);
    expect(stored).toMatchObject({ title: 'Tên thứ nhất', revision: 3 });
    expect(stored.targets).toEqual(winner.targets);
    expect(stored.targets).toHaveLength(1);
  });
});
