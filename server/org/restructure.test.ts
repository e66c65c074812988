import { describe, expect, it } from 'vitest';
import { ZMe } from '../../common/schemas/accounts.ts';
import { ZCreatedUnits, ZOrgStats, ZUnitDetail, ZUnitHistory, ZUnitPage } from '../../common/schemas/org.ts';
import { expectError, expectOk, setupTest, signIn } from '../test/harness.ts';
import { buildTree, buildUnit, buildUser, DEFAULT_PASSWORD, levelIdOf, typeIdOf } from '../test/factories.ts';

async function adminSession() {
  const t = await setupTest();
  const tree = await buildTree(t.db);
  const admin = await buildUser(t.db, { grants: [{ role: 'admin', unitId: tree.root }] });
  const api = await signIn(t.app, admin.username, DEFAULT_PASSWORD);
  return { ...t, tree, api };
}

const names = (page: { items: Array<{ name: string }> }) => page.items.map((i) => i.name).sort();

describe('restructuring keeps history', () => {
  it('merges two units, moves one, and answers counts and lists as of before and after', async () => {
    const { api, tree, db } = await adminSession();
    const revision = async (id: number) => expectOk(await api.get(`/api/v1/org/units/${id}`), ZUnitDetail).revision;

    // 2023-01-01: the two units of bloc A merge into a new one.
    const merge = await api.post('/api/v1/org/merges', {
      sourceIds: [tree.a1, tree.a2],
      newTarget: {
        name: 'Đảng bộ Khối Nội chính',
        typeId: await typeIdOf(db, 'dang_bo_co_so'),
        levelId: await levelIdOf(db, 'co_so'),
        parentId: tree.blocA,
      },
      effectiveDate: '2023-01-01',
    });
    const merged = expectOk(merge, ZUnitDetail);
    expect(merged.name).toBe('Đảng bộ Khối Nội chính');

    // 2024-06-01: the bloc B unit b1 moves to bloc A.
    const move = await api.post(`/api/v1/org/units/${tree.b1}/move`, {
      parentId: tree.blocA,
      effectiveDate: '2024-06-01',
      revision: await revision(tree.b1),
    });
    expect(move.statusCode, move.body).toBe(200);

    const childrenOf = async (id: number, asOf: string) =>
      expectOk(await api.get(`/api/v1/org/units?parentId=${id}&asOf=${asOf}`), ZUnitPage);
    expect(names(await childrenOf(tree.blocA, '2022-12-31'))).toEqual([
      'Đảng bộ Sở Tư pháp',
      'Đảng bộ Trường Cao đẳng nghề',
    ]);
    expect(names(await childrenOf(tree.blocA, '2023-01-01'))).toEqual(['Đảng bộ Khối Nội chính']);
    expect(names(await childrenOf(tree.blocA, '2024-06-01'))).toEqual([
      'Đảng bộ Công ty Thủy điện Thác Bà',
      'Đảng bộ Khối Nội chính',
    ]);
    expect(names(await childrenOf(tree.blocB, '2024-05-31'))).toEqual([
      'Chi bộ Hội Liên hiệp Phụ nữ tỉnh',
      'Đảng bộ Công ty Thủy điện Thác Bà',
    ]);
    expect(names(await childrenOf(tree.blocB, '2024-06-01'))).toEqual(['Chi bộ Hội Liên hiệp Phụ nữ tỉnh']);

    const stats = async (id: number, asOf: string) =>
      expectOk(await api.get(`/api/v1/org/stats?rootId=${id}&asOf=${asOf}`), ZOrgStats).total;
    expect(await stats(tree.root, '2022-06-30')).toBe(7);
    expect(await stats(tree.root, '2023-06-30')).toBe(6); // two became one
    expect(await stats(tree.blocA, '2022-06-30')).toBe(3);
    expect(await stats(tree.blocA, '2023-06-30')).toBe(2);
    expect(await stats(tree.blocA, '2024-06-30')).toBe(3);
    expect(await stats(tree.blocB, '2024-06-30')).toBe(2);

    // The merged units point to their successor and keep their own history.
    const a1 = expectOk(await api.get(`/api/v1/org/units/${tree.a1}`), ZUnitDetail);
    expect(a1.endedOn).toBe('2023-01-01');
    expect(a1.endReason).toBe('merged');
    expect(a1.successors).toEqual([
      expect.objectContaining({ id: merged.id, name: 'Đảng bộ Khối Nội chính', date: '2023-01-01' }),
    ]);
    expect(a1.canWrite).toBe(false);
    const history = expectOk(await api.get(`/api/v1/org/units/${tree.b1}/history`), ZUnitHistory);
    expect(history.versions.map((v) => [v.parentName, v.validFrom, v.validTo])).toEqual([
      ['Đảng ủy Khối B', '2020-01-01', '2024-06-01'],
      ['Đảng ủy Khối A', '2024-06-01', null],
    ]);
    expect(history.events.map((e) => e.kind)).toEqual(['create', 'move']);
    const target = expectOk(await api.get(`/api/v1/org/units/${merged.id}`), ZUnitDetail);
    expect(target.predecessors.map((p) => p.id).sort()).toEqual([tree.a1, tree.a2].sort());
  });

  it('moves a whole subtree: descendants follow, and the past is unchanged', async () => {
    const { api, tree, db } = await adminSession();
    const cell = await buildUnit(db, {
      name: 'Chi bộ Phòng Hành chính',
      parentId: tree.a1,
      typeCode: 'chi_bo',
      levelCode: 'chi_bo',
    });
    const rev = expectOk(await api.get(`/api/v1/org/units/${tree.a1}`), ZUnitDetail).revision;
    expect(
      (
        await api.post(`/api/v1/org/units/${tree.a1}/move`, {
          parentId: tree.blocB,
          effectiveDate: '2025-07-01',
          revision: rev,
        })
      ).statusCode,
    ).toBe(200);
    const before = expectOk(await api.get(`/api/v1/org/units/${cell}?asOf=2025-06-30`), ZUnitDetail);
    const after = expectOk(await api.get(`/api/v1/org/units/${cell}?asOf=2025-07-01`), ZUnitDetail);
    expect(before.ancestors.map((a) => a.name)).toEqual(['Tỉnh ủy Thử nghiệm', 'Đảng ủy Khối A', 'Đảng bộ Sở Tư pháp']);
    expect(after.ancestors.map((a) => a.name)).toEqual(['Tỉnh ủy Thử nghiệm', 'Đảng ủy Khối B', 'Đảng bộ Sở Tư pháp']);
    expect(expectOk(await api.get(`/api/v1/org/stats?rootId=${tree.blocB}&asOf=2025-07-01`), ZOrgStats).total).toBe(5);
  });

  it('renames from an effective date; the old name remains for earlier dates and search finds both without diacritics', async () => {
    const { api, tree } = await adminSession();
    const rev = expectOk(await api.get(`/api/v1/org/units/${tree.blocA}`), ZUnitDetail).revision;
    const renamed = await api.post(`/api/v1/org/units/${tree.blocA}/change`, {
      name: 'Đảng bộ các cơ quan Đảng tỉnh',
      effectiveDate: '2025-07-01',
      revision: rev,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(expectOk(await api.get(`/api/v1/org/units/${tree.blocA}?asOf=2025-06-30`), ZUnitDetail).name).toBe(
      'Đảng ủy Khối A',
    );
    expect(expectOk(await api.get(`/api/v1/org/units/${tree.blocA}?asOf=2025-07-01`), ZUnitDetail).name).toBe(
      'Đảng bộ các cơ quan Đảng tỉnh',
    );
    expect(names(expectOk(await api.get('/api/v1/org/units?q=dang%20bo%20cac%20co%20quan'), ZUnitPage))).toEqual([
      'Đảng bộ các cơ quan Đảng tỉnh',
    ]);
    expect(names(expectOk(await api.get('/api/v1/org/units?q=KHOI%20A&asOf=2024-01-01'), ZUnitPage))).toEqual([
      'Đảng ủy Khối A',
    ]);
  });

  it('splits a unit into two: children go where they are told, grants pass to both successors', async () => {
    const { api, tree, db, app } = await adminSession();
    const operator = await buildUser(db, { grants: [{ role: 'operator', unitId: tree.blocB }] });
    const type = await typeIdOf(db, 'dang_uy_khoi');
    const level = await levelIdOf(db, 'tren_co_so');
    const rev = expectOk(await api.get(`/api/v1/org/units/${tree.blocB}`), ZUnitDetail).revision;
    const split = await api.post(`/api/v1/org/units/${tree.blocB}/split`, {
      targets: [
        { name: 'Đảng bộ các cơ quan Đảng tỉnh', typeId: type, levelId: level },
        { name: 'Đảng bộ Ủy ban nhân dân tỉnh', typeId: type, levelId: level },
      ],
      childTargets: { [tree.b2]: 1 },
      effectiveDate: '2025-07-01',
      revision: rev,
    });
    const { ids } = expectOk(split, ZCreatedUnits);
    expect(ids).toHaveLength(2);
    const [first, second] = ids as [number, number]; // the line above proves both are there
    const childrenOf = async (id: number) =>
      names(expectOk(await api.get(`/api/v1/org/units?parentId=${id}&asOf=2025-07-01`), ZUnitPage));
    expect(await childrenOf(first)).toEqual(['Đảng bộ Công ty Thủy điện Thác Bà']);
    expect(await childrenOf(second)).toEqual(['Chi bộ Hội Liên hiệp Phụ nữ tỉnh']);
    const ended = expectOk(await api.get(`/api/v1/org/units/${tree.blocB}`), ZUnitDetail);
    expect(ended.endReason).toBe('split');
    expect(ended.successors.map((s) => s.id).sort()).toEqual([first, second].sort());
    const me = expectOk(await (await signIn(app, operator.username, DEFAULT_PASSWORD)).get('/api/v1/auth/me'), ZMe);
    expect(me.grants.map((g) => g.unitId).sort()).toEqual([first, second].sort());
  });

  it('refuses changes out of date order, into its own subtree, stale revisions, and dissolving a unit with sub-units', async () => {
    const { api, tree } = await adminSession();
    const rev = expectOk(await api.get(`/api/v1/org/units/${tree.blocA}`), ZUnitDetail).revision;
    const early = await api.post(`/api/v1/org/units/${tree.blocA}/change`, {
      name: 'Tên mới',
      effectiveDate: '2019-01-01',
      revision: rev,
    });
    expect(expectError(early, 400, 'VALIDATION', ['effectiveDate']).fields?.[0]?.field).toBe('effectiveDate');
    const cycle = await api.post(`/api/v1/org/units/${tree.blocA}/move`, {
      parentId: tree.a1,
      effectiveDate: '2024-01-01',
      revision: rev,
    });
    expect(expectError(cycle, 400, 'VALIDATION', ['parentId']).message).toMatch(/chính nó/);
    const future = await api.post(`/api/v1/org/units/${tree.blocA}/change`, {
      name: 'Tên mới',
      effectiveDate: '2999-01-01',
      revision: rev,
    });
    expectError(future, 400, 'VALIDATION', ['effectiveDate']);
    const ok = await api.post(`/api/v1/org/units/${tree.blocA}/change`, {
      name: 'Tên mới',
      effectiveDate: '2024-01-01',
      revision: rev,
    });
    expectOk(ok, ZUnitDetail);
    const stale = await api.post(`/api/v1/org/units/${tree.blocA}/change`, {
      name: 'Tên khác',
      effectiveDate: '2024-02-01',
      revision: rev,
    });
    expect(expectError(stale, 409, 'CONFLICT').message).toMatch(/vừa được người khác thay đổi/);
    const dissolve = await api.post(`/api/v1/org/units/${tree.blocA}/dissolve`, {
      effectiveDate: '2024-03-01',
      revision: rev + 1,
    });
    expect(expectError(dissolve, 409, 'INVALID_STATE').message).toMatch(/còn 2 đơn vị trực thuộc/);
    const leaf = expectOk(await api.get(`/api/v1/org/units/${tree.a1}`), ZUnitDetail);
    const gone = await api.post(`/api/v1/org/units/${tree.a1}/dissolve`, {
      effectiveDate: '2024-03-01',
      revision: leaf.revision,
    });
    expect(expectOk(gone, ZUnitDetail).endReason).toBe('dissolved');
    expect(
      names(expectOk(await api.get(`/api/v1/org/units?parentId=${tree.blocA}&asOf=2024-03-01`), ZUnitPage)),
    ).toEqual(['Đảng bộ Trường Cao đẳng nghề']);
  });

  it('answers bad input with 400 naming the field and writes nothing', async () => {
    const { api, tree, db } = await adminSession();
    const count = async () =>
      Number(
        (
          await db
            .selectFrom('org_unit')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const cases = [
      { body: { name: '', typeId: 1, levelId: 1, parentId: tree.root, effectiveDate: '2024-01-01' }, field: 'name' },
      {
        body: { name: 'X', typeId: 1, levelId: 1, parentId: tree.root, effectiveDate: '2024-02-30' },
        field: 'effectiveDate',
      },
      {
        body: { name: 'X', typeId: 99999, levelId: 1, parentId: tree.root, effectiveDate: '2024-01-01' },
        field: 'typeId',
      },
      {
        body: { name: 'X', typeId: 'abc', levelId: 1, parentId: tree.root, effectiveDate: '2024-01-01' },
        field: 'typeId',
      },
      {
        body: {
          name: 'X',
          typeId: 1,
          levelId: 1,
          parentId: tree.root,
          effectiveDate: '2024-01-01',
          documentId: 424242,
        },
        field: 'documentId',
      },
    ];
    for (const c of cases) {
      const response = await api.post('/api/v1/org/units', c.body);
      const error = expectError(response, 400, 'VALIDATION');
      expect(
        (error.fields ?? []).map((f) => f.field),
        JSON.stringify(c),
      ).toContain(c.field);
    }
    expectError(await api.get('/api/v1/org/units/abc'), 400, 'VALIDATION', ['id']);
    expectError(await api.get('/api/v1/org/units/99999'), 404, 'NOT_FOUND');
    expect(await count()).toBe(before);
  });
});
