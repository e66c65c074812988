/**
 * subtreeOnSql: the subtree of a unit as it stood on a day, on a tree built
 * and restructured with the real org commands (create, move, dissolve, split).
 */
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../db/schema.ts';
import { systemContext } from '../lib/context.ts';
import { setupTest } from '../test/harness.ts';
import { buildTree, buildUnit, levelIdOf, typeIdOf } from '../test/factories.ts';
import { dissolveUnit } from './commands/dissolve-unit.ts';
import { moveUnit } from './commands/move-unit.ts';
import { splitUnit } from './commands/split-unit.ts';
import { subtreeOnSql } from './subtree-on.ts';

const revisionOf = async (db: Kysely<DB>, id: number) =>
  (await db.selectFrom('org_unit').select('revision').where('id', '=', id).executeTakeFirstOrThrow()).revision;

const move = async (db: Kysely<DB>, id: number, parentId: number, effectiveDate: string) =>
  moveUnit(db, systemContext, id, {
    parentId,
    effectiveDate,
    revision: await revisionOf(db, id),
    documentId: null,
    note: null,
  });

const dissolve = async (db: Kysely<DB>, id: number, effectiveDate: string) =>
  dissolveUnit(db, systemContext, id, {
    effectiveDate,
    revision: await revisionOf(db, id),
    documentId: null,
    note: null,
  });

/** The unit ids of subtreeOnSql, sorted. */
async function subtree(db: Kysely<DB>, unitId: number, on: string): Promise<number[]> {
  const { rows } = await subtreeOnSql(unitId, on).execute(db);
  return rows.map((r) => Number(r.unit_id)).sort((a, b) => a - b);
}

/** As used by the reports: inside `x in (…)`. */
async function subtreeViaIn(db: Kysely<DB>, unitId: number, on: string): Promise<number[]> {
  const { rows } = await sql<{
    id: number;
  }>`select u.id from org_unit u where u.id in (${subtreeOnSql(unitId, on)})`.execute(db);
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

const ids = (...xs: number[]) => [...xs].sort((a, b) => a - b);

/**
 * Timeline (all units founded 2020-01-01 unless said):
 *   root ─ blocA ─ a1 ─ c
 *        │       ├ a2
 *        │       └ d
 *        └ blocB ─ b1, b2
 *   2021-03-01  d moves blocA → blocB;   2021-09-01  d is dissolved (under blocB)
 *   2022-01-01  a3 is created under blocA
 *   2022-06-01  a1 (with c) moves blocA → blocB
 *   2022-09-01  a2 is dissolved (under blocA)
 *   2023-03-01  blocB is split (ends) into n1 (gets b1, b2) and n2 (gets a1 with c), both under root
 */
async function world() {
  const t = await setupTest();
  const { db } = t;
  const tree = await buildTree(db);
  const c = await buildUnit(db, {
    name: 'Chi bộ Phòng Hành chính',
    parentId: tree.a1,
    typeCode: 'chi_bo',
    levelCode: 'chi_bo',
  });
  const d = await buildUnit(db, { name: 'Đảng bộ Ban Quản lý dự án', parentId: tree.blocA });

  await move(db, d, tree.blocB, '2021-03-01');
  await dissolve(db, d, '2021-09-01');
  const a3 = await buildUnit(db, { name: 'Đảng bộ Sở Khoa học', parentId: tree.blocA, effectiveDate: '2022-01-01' });
  await move(db, tree.a1, tree.blocB, '2022-06-01');
  await dissolve(db, tree.a2, '2022-09-01');

  const typeId = await typeIdOf(db, 'dang_uy_khoi');
  const levelId = await levelIdOf(db, 'tren_co_so');
  const [n1, n2] = await splitUnit(db, systemContext, tree.blocB, {
    targets: [
      { name: 'Đảng ủy Khối Doanh nghiệp', typeId, levelId, parentId: tree.root },
      { name: 'Đảng ủy Khối Cơ quan', typeId, levelId, parentId: tree.root },
    ],
    childTargets: { [String(tree.b1)]: 0, [String(tree.b2)]: 0, [String(tree.a1)]: 1 },
    keepSource: false,
    revision: await revisionOf(db, tree.blocB),
    effectiveDate: '2023-03-01',
    documentId: null,
    note: null,
  });
  return { db, ...tree, c, d, a3, n1: n1!, n2: n2! };
}

describe('subtreeOnSql: the subtree of a unit as it stood on a day', () => {
  it('follows moves, dissolutions, creations and a split, day by day', async () => {
    const w = await world();
    const { db, root, blocA, blocB, a1, a2, a3, b1, b2, c, d, n1, n2 } = w;

    // Sanity: the commands did what the timeline says.
    const ended = await db
      .selectFrom('org_unit')
      .select(['id', 'ended_on'])
      .where('id', 'in', [blocB, a2, d])
      .orderBy('id')
      .execute();
    expect(Object.fromEntries(ended.map((u) => [u.id, u.ended_on]))).toEqual({
      [blocB]: '2023-03-01',
      [a2]: '2022-09-01',
      [d]: '2021-09-01',
    });

    // Before the recorded history begins, every unit counts where it first stood (a tree recorded later than its registry).
    expect(await subtree(db, blocA, '2019-12-31')).toEqual(ids(blocA, a1, a2, a3, c, d));
    expect(await subtree(db, n1, '2019-12-31')).toEqual([n1]);

    // Before any change: the root and all its descendants; a3 (created 2022) where it first stood, under blocA;
    // n1 and n2 (created by the split in 2023, under the root) likewise.
    expect(await subtree(db, root, '2020-12-31')).toEqual(ids(root, blocA, blocB, a1, a2, a3, b1, b2, c, d, n1, n2));
    expect(await subtree(db, blocA, '2020-01-01')).toEqual(ids(blocA, a1, a2, a3, c, d));
    expect(await subtree(db, blocB, '2020-12-31')).toEqual(ids(blocB, b1, b2));
    expect(await subtree(db, a1, '2020-12-31')).toEqual(ids(a1, c));
    expect(await subtree(db, c, '2020-12-31')).toEqual([c]);

    // d moves to blocB on 2021-03-01: the day before it is in blocA, from that day in blocB.
    expect(await subtree(db, blocA, '2021-02-28')).toEqual(ids(blocA, a1, a2, a3, c, d));
    expect(await subtree(db, blocB, '2021-02-28')).toEqual(ids(blocB, b1, b2));
    expect(await subtree(db, blocA, '2021-03-01')).toEqual(ids(blocA, a1, a2, a3, c));
    expect(await subtree(db, blocB, '2021-03-01')).toEqual(ids(blocB, b1, b2, d));
    // d was dissolved under blocB: it stays where it last was (blocB), never back in blocA.
    expect(await subtree(db, blocB, '2021-12-31')).toEqual(ids(blocB, b1, b2, d));
    expect(await subtree(db, blocA, '2021-12-31')).toEqual(ids(blocA, a1, a2, a3, c));

    // a3 is created on 2022-01-01 under blocA: there before (where it first stood) and after.
    expect(await subtree(db, blocA, '2022-01-01')).toEqual(ids(blocA, a1, a2, a3, c));
    expect(await subtree(db, a3, '2021-12-31')).toEqual([a3]);
    expect(await subtree(db, a3, '2022-01-01')).toEqual([a3]);

    // a1 (and its child c) move to blocB on 2022-06-01.
    expect(await subtree(db, blocA, '2022-05-31')).toEqual(ids(blocA, a1, a2, a3, c));
    expect(await subtree(db, blocB, '2022-05-31')).toEqual(ids(blocB, b1, b2, d));
    expect(await subtree(db, blocA, '2022-06-01')).toEqual(ids(blocA, a2, a3));
    expect(await subtree(db, blocB, '2022-06-01')).toEqual(ids(blocB, a1, b1, b2, c, d));
    expect(await subtree(db, a1, '2022-06-01')).toEqual(ids(a1, c));
    // A report on a past window, asked after the move, still sees the old membership.
    expect(await subtree(db, blocA, '2021-12-31')).toContain(a1);
    expect(await subtree(db, blocB, '2021-12-31')).not.toContain(a1);

    // a2 is dissolved on 2022-09-01: it counts in blocA on the days after too (its last version).
    expect(await subtree(db, blocA, '2022-08-31')).toEqual(ids(blocA, a2, a3));
    expect(await subtree(db, blocA, '2022-09-01')).toEqual(ids(blocA, a2, a3));
    expect(await subtree(db, blocA, '2025-06-30')).toEqual(ids(blocA, a2, a3));
    expect(await subtree(db, a2, '2025-06-30')).toEqual([a2]);
    expect(await subtree(db, blocB, '2022-09-01')).not.toContain(a2);

    // blocB is split on 2023-03-01 into n1 (b1, b2) and n2 (a1, c).
    expect(await subtree(db, blocB, '2023-02-28')).toEqual(ids(blocB, a1, b1, b2, c, d));
    // n1 and n2 before they existed: themselves (where they first stood), not their future children.
    expect(await subtree(db, n1, '2023-02-28')).toEqual([n1]);
    expect(await subtree(db, n2, '2023-02-28')).toEqual([n2]);
    // After the split the children are under the new units; blocB (ended) keeps itself and d (dissolved under it earlier).
    expect(await subtree(db, blocB, '2023-03-01')).toEqual(ids(blocB, d));
    expect(await subtree(db, blocB, '2025-06-30')).toEqual(ids(blocB, d));
    expect(await subtree(db, n1, '2023-03-01')).toEqual(ids(n1, b1, b2));
    expect(await subtree(db, n2, '2023-03-01')).toEqual(ids(n2, a1, c));
    expect(await subtree(db, a1, '2023-03-01')).toEqual(ids(a1, c));
    // The root sees every unit that existed by then (ended ones where they last were).
    expect(await subtree(db, root, '2023-03-01')).toEqual(ids(root, blocA, blocB, a1, a2, a3, b1, b2, c, d, n1, n2));
    expect(await subtree(db, root, '2022-12-31')).toEqual(ids(root, blocA, blocB, a1, a2, a3, b1, b2, c, d, n1, n2));

    // Used as `x in (…)`, as the reports do, it gives the same sets.
    expect(await subtreeViaIn(db, blocA, '2022-05-31')).toEqual(ids(blocA, a1, a2, a3, c));
    expect(await subtreeViaIn(db, blocB, '2023-02-28')).toEqual(ids(blocB, a1, b1, b2, c, d));
    expect(await subtreeViaIn(db, n2, '2023-03-01')).toEqual(ids(n2, a1, c));
  });

  it('agrees, for every unit and every boundary day, with the definition computed from the versions', async () => {
    const w = await world();
    const { db } = w;
    const versions = await db
      .selectFrom('org_unit_version')
      .select(['unit_id', 'valid_from', 'valid_to', sql<string>`path::text`.as('path')])
      .orderBy('unit_id')
      .orderBy('valid_from')
      .execute();
    const units = [...new Set(versions.map((v) => v.unit_id))];
    const boundaries = new Set<string>(['2019-12-31', '2030-01-01']);
    const dayBefore = (date: string) => {
      const x = new Date(`${date}T00:00:00Z`);
      x.setUTCDate(x.getUTCDate() - 1);
      return x.toISOString().slice(0, 10);
    };
    for (const v of versions) {
      for (const date of [v.valid_from, v.valid_to]) {
        if (!date) continue;
        boundaries.add(date);
        boundaries.add(dayBefore(date));
      }
    }
    // The definition: the version valid that day ([valid_from, valid_to)), or for a unit ended by then its last version,
    // or for a unit whose history begins later its first version.
    const expected = (x: number, on: string) =>
      units
        .filter((u) => {
          const mine = versions.filter((v) => v.unit_id === u);
          const valid = mine.find((v) => v.valid_from <= on && (v.valid_to === null || v.valid_to > on));
          const last = mine[mine.length - 1]!;
          const version =
            valid ??
            (last.valid_to !== null && last.valid_to <= on ? last : mine[0]!.valid_from > on ? mine[0] : undefined);
          return version !== undefined && version.path.split('.').includes(String(x));
        })
        .sort((a, b) => a - b);
    let checked = 0;
    for (const x of units) {
      for (const on of boundaries) {
        expect(await subtree(db, x, on), `subtree of ${x} on ${on}`).toEqual(expected(x, on));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
