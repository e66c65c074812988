import { describe, expect, it } from 'vitest';
import { json, setupTest, signIn } from '../test/harness.ts';
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
    const revision = async (id: number) => json(await api.get(`/api/v1/org/units/${id}`)).revision as number;

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
    expect(merge.statusCode, merge.body).toBe(200);
    const merged = json(merge);
    expect(merged.name).toBe('Đảng bộ Khối Nội chính');

    // 2024-06-01: the bloc B unit b1 moves to bloc A.
    const move = await api.post(`/api/v1/org/units/${tree.b1}/move`, {
      parentId: tree.blocA,
      effectiveDate: '2024-06-01',
      revision: await revision(tree.b1),
    });
    expect(move.statusCode, move.body).toBe(200);

    const childrenOf = async (id: number, asOf: string) =>
      json(await api.get(`/api/v1/org/units?parentId=${id}&asOf=${asOf}`));
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
      json(await api.get(`/api/v1/org/stats?rootId=${id}&asOf=${asOf}`)).total;
    expect(await stats(tree.root, '2022-06-30')).toBe(7);
    expect(await stats(tree.root, '2023-06-30')).toBe(6); // two became one
    expect(await stats(tree.blocA, '2022-06-30')).toBe(3);
    expect(await stats(tree.blocA, '2023-06-30')).toBe(2);
    expect(await stats(tree.blocA, '2024-06-30')).toBe(3);
    expect(await stats(tree.blocB, '2024-06-30')).toBe(2);

    // The merged units point to their successor and keep their own history.
    const a1 = json(await api.get(`/api/v1/org/units/${tree.a1}`));
    expect(a1.endedOn).toBe('2023-01-01');
    expect(a1.endReason).toBe('merged');
    expect(a1.successors).toEqual([
      expect.objectContaining({ id: merged.id, name: 'Đảng bộ Khối Nội chính', date: '2023-01-01' }),
    ]);
    expect(a1.canWrite).toBe(false);
    const history = json(await api.get(`/api/v1/org/units/${tree.b1}/history`));
    expect(
      history.versions.map((v: { parentName: string; validFrom: string; validTo: string | null }) => [
        v.parentName,
        v.validFrom,
        v.validTo,
      ]),
    ).toEqual([
      ['Đảng ủy Khối B', '2020-01-01', '2024-06-01'],
      ['Đảng ủy Khối A', '2024-06-01', null],
    ]);
    expect(history.events.map((e: { kind: string }) => e.kind)).toEqual(['create', 'move']);
    const target = json(await api.get(`/api/v1/org/units/${merged.id}`));
    expect(target.predecessors.map((p: { id: number }) => p.id).sort()).toEqual([tree.a1, tree.a2].sort());
  });

  it('moves a whole subtree: descendants follow, and the past is unchanged', async () => {
    const { api, tree, db } = await adminSession();
    const cell = await buildUnit(db, {
      name: 'Chi bộ Phòng Hành chính',
      parentId: tree.a1,
      typeCode: 'chi_bo',
      levelCode: 'chi_bo',
    });
    const rev = json(await api.get(`/api/v1/org/units/${tree.a1}`)).revision;
    expect(
      (
        await api.post(`/api/v1/org/units/${tree.a1}/move`, {
          parentId: tree.blocB,
          effectiveDate: '2025-07-01',
          revision: rev,
        })
      ).statusCode,
    ).toBe(200);
    const before = json(await api.get(`/api/v1/org/units/${cell}?asOf=2025-06-30`));
    const after = json(await api.get(`/api/v1/org/units/${cell}?asOf=2025-07-01`));
    expect(before.ancestors.map((a: { name: string }) => a.name)).toEqual([
      'Tỉnh ủy Thử nghiệm',
      'Đảng ủy Khối A',
      'Đảng bộ Sở Tư pháp',
    ]);
    expect(after.ancestors.map((a: { name: string }) => a.name)).toEqual([
      'Tỉnh ủy Thử nghiệm',
      'Đảng ủy Khối B',
      'Đảng bộ Sở Tư pháp',
    ]);
    expect(json(await api.get(`/api/v1/org/stats?rootId=${tree.blocB}&asOf=2025-07-01`)).total).toBe(5);
  });

  it('renames from an effective date; the old name remains for earlier dates and search finds both without diacritics', async () => {
    const { api, tree } = await adminSession();
    const rev = json(await api.get(`/api/v1/org/units/${tree.blocA}`)).revision;
    const renamed = await api.post(`/api/v1/org/units/${tree.blocA}/change`, {
      name: 'Đảng bộ các cơ quan Đảng tỉnh',
      effectiveDate: '2025-07-01',
      revision: rev,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(json(await api.get(`/api/v1/org/units/${tree.blocA}?asOf=2025-06-30`)).name).toBe('Đảng ủy Khối A');
    expect(json(await api.get(`/api/v1/org/units/${tree.blocA}?asOf=2025-07-01`)).name).toBe(
      'Đảng bộ các cơ quan Đảng tỉnh',
    );
    expect(names(json(await api.get('/api/v1/org/units?q=dang%20bo%20cac%20co%20quan')))).toEqual([
      'Đảng bộ các cơ quan Đảng tỉnh',
    ]);
    expect(names(json(await api.get('/api/v1/org/units?q=KHOI%20A&asOf=2024-01-01')))).toEqual(['Đảng ủy Khối A']);
  });

  it('splits a unit into two: children go where they are told, grants pass to both successors', async () => {
    const { api, tree, db, app } = await adminSession();
    const operator = await buildUser(db, { grants: [{ role: 'operator', unitId: tree.blocB }] });
    const type = await typeIdOf(db, 'dang_uy_khoi');
    const level = await levelIdOf(db, 'tren_co_so');
    const rev = json(await api.get(`/api/v1/org/units/${tree.blocB}`)).revision;
    const split = await api.post(`/api/v1/org/units/${tree.blocB}/split`, {
      targets: [
        { name: 'Đảng bộ các cơ quan Đảng tỉnh', typeId: type, levelId: level },
        { name: 'Đảng bộ Ủy ban nhân dân tỉnh', typeId: type, levelId: level },
      ],
      childTargets: { [tree.b2]: 1 },
      effectiveDate: '2025-07-01',
      revision: rev,
    });
    expect(split.statusCode, split.body).toBe(200);
    const [first, second] = json(split).ids;
    const childrenOf = async (id: number) =>
      names(json(await api.get(`/api/v1/org/units?parentId=${id}&asOf=2025-07-01`)));
    expect(await childrenOf(first)).toEqual(['Đảng bộ Công ty Thủy điện Thác Bà']);
    expect(await childrenOf(second)).toEqual(['Chi bộ Hội Liên hiệp Phụ nữ tỉnh']);
    const ended = json(await api.get(`/api/v1/org/units/${tree.blocB}`));
    expect(ended.endReason).toBe('split');
    expect(ended.successors.map((s: { id: number }) => s.id).sort()).toEqual([first, second].sort());
    const me = json(await (await signIn(app, operator.username, DEFAULT_PASSWORD)).get('/api/v1/auth/me'));
    expect(me.grants.map((g: { unitId: number }) => g.unitId).sort()).toEqual([first, second].sort());
  });

  it('refuses changes out of date order, into its own subtree, stale revisions, and dissolving a unit with sub-units', async () => {
    const { api, tree } = await adminSession();
    const rev = json(await api.get(`/api/v1/org/units/${tree.blocA}`)).revision;
    const early = await api.post(`/api/v1/org/units/${tree.blocA}/change`, {
      name: 'Tên mới',
      effectiveDate: '2019-01-01',
      revision: rev,
    });
    expect(early.statusCode).toBe(400);
    expect(json(early).error.fields[0].field).toBe('effectiveDate');
    const cycle = await api.post(`/api/v1/org/units/${tree.blocA}/move`, {
      parentId: tree.a1,
      effectiveDate: '2024-01-01',
      revision: rev,
    });
    expect(cycle.statusCode).toBe(400);
    expect(json(cycle).error.message).toMatch(/chính nó/);
    const future = await api.post(`/api/v1/org/units/${tree.blocA}/change`, {
      name: 'Tên mới',
      effectiveDate: '2999-01-01',
      revision: rev,
    });
    expect(future.statusCode).toBe(400);
    const ok = await api.post(`/api/v1/org/units/${tree.blocA}/change`, {
      name: 'Tên mới',
      effectiveDate: '2024-01-01',
      revision: rev,
    });
    expect(ok.statusCode).toBe(200);
    const stale = await api.post(`/api/v1/org/units/${tree.blocA}/change`, {
      name: 'Tên khác',
      effectiveDate: '2024-02-01',
      revision: rev,
    });
    expect(stale.statusCode).toBe(409);
    expect(json(stale).error.message).toMatch(/vừa được người khác thay đổi/);
    const dissolve = await api.post(`/api/v1/org/units/${tree.blocA}/dissolve`, {
      effectiveDate: '2024-03-01',
      revision: rev + 1,
    });
    expect(dissolve.statusCode).toBe(409);
    expect(json(dissolve).error.message).toMatch(/còn 2 đơn vị trực thuộc/);
    const leaf = json(await api.get(`/api/v1/org/units/${tree.a1}`));
    const gone = await api.post(`/api/v1/org/units/${tree.a1}/dissolve`, {
      effectiveDate: '2024-03-01',
      revision: leaf.revision,
    });
    expect(gone.statusCode, gone.body).toBe(200);
    expect(json(gone).endReason).toBe('dissolved');
    expect(names(json(await api.get(`/api/v1/org/units?parentId=${tree.blocA}&asOf=2024-03-01`)))).toEqual([
      'Đảng bộ Trường Cao đẳng nghề',
    ]);
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
      expect(response.statusCode, JSON.stringify(c)).toBe(400);
      expect(json(response).error.fields.map((f: { field: string }) => f.field)).toContain(c.field);
    }
    expect((await api.get('/api/v1/org/units/abc')).statusCode).toBe(400);
    expect((await api.get('/api/v1/org/units/99999')).statusCode).toBe(404);
    expect(await count()).toBe(before);
  });
});
