import { describe, expect, it } from 'vitest';
import { ZFieldDetail } from '../../common/schemas/catalogue.ts';
import { ZDocument } from '../../common/schemas/documents.ts';
import { ZPlan, ZPlanSummary } from '../../common/schemas/plans.ts';
import { ZPage } from '../../common/schemas/shared.ts';
import { expectError, expectOk, setupTest } from '../test/harness.ts';

const ZPlanPage = ZPage(ZPlanSummary);
import { buildTree, levelIdOf } from '../test/factories.ts';
import { documentBody } from '../documents/test-helpers.ts';
import { as, fieldBody, planBody } from '../catalogue/test-helpers.ts';

describe('plans', () => {
  it('creates a plan citing its document, with phases and targets; edits, replaces its sets, closes it; audits each step', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const s = await as(t, [{ role: 'operator', unitId: tree.root }]);
    const doc = expectOk(
      await s.post(
        '/api/v1/documents',
        documentBody(tree.root, { symbol: '24-KH/TU', issuedOn: '2021-03-17', issuerName: 'Tỉnh ủy Thử nghiệm' }),
      ),
      ZDocument,
      201,
    );
    const field = expectOk(await s.post('/api/v1/catalogue/fields', fieldBody(tree.root)), ZFieldDetail, 201);
    const provinceLevel = await levelIdOf(t.db, 'tinh');
    const body = planBody(tree.root, { documentId: doc.id, note: 'Theo Chỉ thị 05-CT/TW' });
    body.targets[0] = { ...body.targets[0]!, levelId: provinceLevel } as never;
    body.targets.push({
      subject: 'model',
      fieldId: field.id,
      levelId: provinceLevel,
      value: 8,
      measure: 'count',
      description: null,
    } as never);
    const created = await s.post('/api/v1/plans', body);
    const plan = expectOk(created, ZPlan, 201);
    expect(plan).toMatchObject({
      ownerUnitId: tree.root,
      ownerUnitName: 'Tỉnh ủy Thử nghiệm',
      document: { id: doc.id, symbol: '24-KH/TU', issuedOn: '2021-03-17', readable: true },
      startsOn: '2021-03-17',
      endsOn: '2025-12-31',
      status: 'active',
      revision: 1,
      canWrite: true,
    });
    expect(
      plan.phases.map((p: { name: string; kind: string; reviewOn: string | null }) => [p.name, p.kind, p.reviewOn]),
    ).toEqual([
      ['Sơ kết 01 năm', 'year_review', '2022-06-15'],
      ['Sơ kết 02 năm', 'midterm_review', '2023-06-15'],
      ['Tổng kết giai đoạn 2021-2025', 'final_review', null],
    ]);
    expect(plan.targets).toHaveLength(4);
    expect(plan.targets[0]).toMatchObject({
      subject: 'model',
      value: 20,
      measure: 'count',
      levelId: provinceLevel,
      levelName: 'Cấp tỉnh',
      description: '20 mô hình cấp tỉnh',
    });
    expect(plan.targets[2]).toMatchObject({ subject: 'unit_plan_coverage', value: 100, measure: 'percent' });
    expect(plan.targets[3]).toMatchObject({ fieldId: field.id, fieldName: field.name, value: 8 });
    expect(expectOk(await s.get(`/api/v1/plans/${plan.id}`), ZPlan)).toEqual(plan);

    // Phases are replaced as a set: a kept phase keeps its id, a dropped one goes, a new one comes.
    const first = plan.phases[0]!;
    const second = plan.phases[1]!;
    const edited = expectOk(
      await s.patch(`/api/v1/plans/${plan.id}`, {
        title: 'Kế hoạch 24-KH/TU giai đoạn 2021-2025',
        phases: [
          {
            id: second.id,
            name: 'Sơ kết 02 năm (giữa kỳ)',
            kind: 'midterm_review',
            startsOn: '2021-03-17',
            endsOn: '2023-03-16',
            reviewOn: '2023-06-15',
          },
          {
            name: 'Tổng kết 5 năm',
            kind: 'final_review',
            startsOn: '2021-03-17',
            endsOn: '2025-12-31',
            reviewOn: '2025-11-30',
          },
        ],
        targets: [
          {
            id: plan.targets[1]!.id,
            subject: 'exemplar',
            value: 12,
            measure: 'count',
            description: '12 điển hình tiên tiến cấp tỉnh',
          },
        ],
        revision: 1,
      }),
      ZPlan,
    );
    expect(edited).toMatchObject({ title: 'Kế hoạch 24-KH/TU giai đoạn 2021-2025', revision: 2 });
    expect(edited.phases.map((p: { id: number; name: string }) => p.name)).toEqual([
      'Sơ kết 02 năm (giữa kỳ)',
      'Tổng kết 5 năm',
    ]);
    expect(edited.phases[0]!.id).toBe(second.id);
    expect(edited.phases.map((p: { id: number }) => p.id)).not.toContain(first.id);
    expect(edited.targets).toEqual([
      expect.objectContaining({ id: plan.targets[1]!.id, value: 12, description: '12 điển hình tiên tiến cấp tỉnh' }),
    ]);

    // Sending the same content again changes nothing, not even the revision.
    const same = expectOk(
      await s.patch(`/api/v1/plans/${plan.id}`, {
        title: edited.title,
        phases: edited.phases.map(({ id: _id, sortOrder: _s, ...p }: Record<string, unknown>) => p),
        revision: 2,
      }),
      ZPlan,
    );
    expect(same.revision).toBe(2);
    expect(same.phases.map((p: { id: number }) => p.id)).toEqual(edited.phases.map((p: { id: number }) => p.id));

    const closed = await s.post(`/api/v1/plans/${plan.id}/close`, { revision: 2 });
    expect(expectOk(closed, ZPlan)).toMatchObject({ status: 'closed', revision: 3 });
    const again = await s.post(`/api/v1/plans/${plan.id}/close`, { revision: 3 });
    expectError(again, 409, 'INVALID_STATE');
    const late = await s.patch(`/api/v1/plans/${plan.id}`, { title: 'X', revision: 3 });
    expect(expectError(late, 409, 'INVALID_STATE').message).toMatch(/đã kết thúc/);

    const events = await t.db
      .selectFrom('audit_event')
      .selectAll()
      .where('entity_type', '=', 'plan')
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.action, e.unit_id])).toEqual([
      ['plan.created', tree.root],
      ['plan.updated', tree.root],
      ['plan.updated', tree.root],
    ]);
    expect(events[0]!.summary).toMatch(/\(24-KH\/TU\).*17\/03\/2021 – 31\/12\/2025/);
    expect(events[1]!.summary).toMatch(/\(tên, giai đoạn, mốc sơ kết, chỉ tiêu\)/);
    expect(events[1]!.before).toMatchObject({
      targets: expect.arrayContaining([expect.objectContaining({ value: 10 })]),
    });
    expect(events[2]!.summary).toMatch(/^Kết thúc kế hoạch/);
  });

  it('lists plans the latest first, by words without diacritics (title or document symbol), subtree, date and status', async () => {
    const t = await setupTest();
    const tree = await buildTree(t.db);
    const s = await as(t, [{ role: 'admin', unitId: tree.root }]);
    const doc = expectOk(
      await s.post(
        '/api/v1/documents',
        documentBody(tree.root, { symbol: '24-KH/TU', issuedOn: '2021-03-17', issuerName: 'Tỉnh ủy' }),
      ),
      ZDocument,
      201,
    );
    const add = async (
      ownerUnitId: number,
      title: string,
      startsOn: string,
      endsOn: string,
      extra: Record<string, unknown> = {},
    ) => {
      const response = await s.post('/api/v1/plans', { ownerUnitId, title, startsOn, endsOn, ...extra });
      return expectOk(response, ZPlan, 201).id;
    };
    const province = await add(
      tree.root,
      'Kế hoạch xây dựng, nhân rộng các mô hình, điển hình tiên tiến',
      '2021-03-17',
      '2025-12-31',
      { documentId: doc.id },
    );
    const bloc = await add(tree.blocA, 'Chương trình thi đua "5S" năm 2022', '2022-01-01', '2022-12-31');
    const grassroots = await add(tree.a1, 'Kế hoạch học tập và làm theo Bác năm 2023', '2023-01-01', '2023-12-31');
    const other = await add(tree.blocB, 'Kế hoạch tuyên truyền năm 2023', '2023-01-01', '2023-12-31');
    const list = async (query = '') =>
      expectOk(await s.get(`/api/v1/plans${query}`), ZPlanPage).items.map((p: { id: number }) => p.id);
    expect(await list()).toEqual([other, grassroots, bloc, province]); // same start: the newer first
    expect(await list('?q=NHAN%20RONG%20mo%20hinh')).toEqual([province]);
    expect(await list(`?q=${encodeURIComponent('24-kh/tu')}`)).toEqual([province]);
    expect(await list(`?q=${encodeURIComponent('học tập và làm theo')}`)).toEqual([grassroots]);
    expect(await list('?q=%25')).toEqual([]);
    expect(await list(`?ownerUnitId=${tree.blocA}`)).toEqual([grassroots, bloc]);
    expect(await list('?activeOn=2022-06-30')).toEqual([bloc, province]);
    expect(await list('?activeOn=2026-01-01')).toEqual([]);
    await s.post(`/api/v1/plans/${bloc}/close`, { revision: 1 });
    expect(await list('?status=closed')).toEqual([bloc]);
    expect(await list('?status=active&activeOn=2022-06-30')).toEqual([province]);
    const page = expectOk(await s.get('/api/v1/plans?page=2&pageSize=3'), ZPlanPage);
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page.items.map((p: { id: number }) => p.id)).toEqual([province]);
  });
});
