/**
 * Archive grants: a user with a subtree-wide grant on a unit that took over
 * the work of an ENDED unit (split, merge — through a chain of them) reads
 * that unit's remaining subtree (its history), never writes it; a surviving
 * source (split keeping the source) gives nothing; a single-unit grant
 * (reporter) gives nothing.
 */
import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../db/schema.ts';
import { pathInScope, scopeOf, systemContext } from '../lib/context.ts';
import { dissolveUnit } from '../org/commands/dissolve-unit.ts';
import { mergeUnits } from '../org/commands/merge-units.ts';
import { splitUnit } from '../org/commands/split-unit.ts';
import { buildTree, buildUnit, buildUser, levelIdOf, typeIdOf } from '../test/factories.ts';
import { setupTest } from '../test/harness.ts';
import { loadActor } from './load-actor.ts';

const revisionOf = async (db: Kysely<DB>, id: number) =>
  (await db.selectFrom('org_unit').select('revision').where('id', '=', id).executeTakeFirstOrThrow()).revision;
const pathOf = async (db: Kysely<DB>, id: number) =>
  (await db.selectFrom('org_unit').select('current_path').where('id', '=', id).executeTakeFirstOrThrow()).current_path;

async function split(
  db: Kysely<DB>,
  unitId: number,
  childIds: number[],
  keepSource: boolean,
  date: string,
  parentId: number,
) {
  const typeId = await typeIdOf(db, 'dang_uy_khoi');
  const levelId = await levelIdOf(db, 'tren_co_so');
  return splitUnit(db, systemContext, unitId, {
    targets: [
      { name: `Đảng bộ kế thừa A ${date}`, typeId, levelId, parentId },
      { name: `Đảng bộ kế thừa B ${date}`, typeId, levelId, parentId },
    ],
    childTargets: Object.fromEntries(childIds.map((id, i) => [String(id), i % 2])),
    keepSource,
    revision: await revisionOf(db, unitId),
    effectiveDate: date,
    documentId: null,
    note: null,
  });
}

describe('archive grants', () => {
  it('reach the ended predecessors through splits and merges, read-only, and only them', async () => {
    const { db } = await setupTest();
    const tree = await buildTree(db);
    // A unit that left blocA before the split stays under it: its history is blocA's archive.
    const gone = await buildUnit(db, { name: 'Đảng bộ Ngân hàng chi nhánh tỉnh', parentId: tree.blocA });
    await dissolveUnit(db, systemContext, gone, {
      revision: await revisionOf(db, gone),
      effectiveDate: '2022-10-01',
      documentId: null,
      note: null,
    });
    // blocA ends by a split; its successor A is later merged with blocB into a new bloc.
    const [succA, succB] = await split(db, tree.blocA, [tree.a1, tree.a2], false, '2025-07-01', tree.root);
    const mergedId = await mergeUnits(db, systemContext, {
      sourceIds: [succA!, tree.blocB],
      targetId: null,
      newTarget: {
        name: 'Đảng bộ hợp nhất',
        code: null,
        typeId: await typeIdOf(db, 'dang_uy_khoi'),
        levelId: await levelIdOf(db, 'tren_co_so'),
        parentId: tree.root,
      },
      effectiveDate: '2025-09-01',
      documentId: null,
      note: null,
    });

    const operator = await buildUser(db, { grants: [{ role: 'operator', unitId: mergedId }] });
    const actor = (await loadActor(db, operator.id, 'session', null))!;
    const archive = actor.grants
      .filter((g) => g.archive)
      .map((g) => g.unitId)
      .sort((a, b) => a - b);
    // succA and blocB merged (ended) into the new bloc; blocA ended by the split into succA: all three, read-only.
    expect(archive).toEqual([tree.blocA, tree.blocB, succA!].sort((a, b) => a - b));
    expect(actor.grants.filter((g) => g.archive).every((g) => g.role === 'viewer')).toBe(true);
    const gonePath = await pathOf(db, gone);
    expect(pathInScope(scopeOf(actor, 'registry.read'), gone, gonePath)).toBe(true);
    expect(pathInScope(scopeOf(actor, 'registry.write'), gone, gonePath)).toBe(false);
    expect(pathInScope(scopeOf(actor, 'org.write'), gone, gonePath)).toBe(false);
    // The other successor of blocA is alive and not the user's: not reached.
    expect(pathInScope(scopeOf(actor, 'registry.read'), succB!, await pathOf(db, succB!))).toBe(false);

    // A reporter of the merged bloc (one unit, not its subtree) inherits nothing.
    const reporter = await buildUser(db, { grants: [{ role: 'reporter', unitId: mergedId }] });
    expect((await loadActor(db, reporter.id, 'session', null))!.grants.some((g) => g.archive)).toBe(false);

    // A split that keeps its source: the source lives on, it is nobody's archive.
    const kept = await buildUnit(db, { name: 'Đảng ủy Khối còn hoạt động', parentId: tree.root });
    const child = await buildUnit(db, { name: 'Chi bộ tách ra', parentId: kept });
    const [fromKept] = await split(db, kept, [child], true, '2025-10-01', tree.root);
    const heir = await buildUser(db, { grants: [{ role: 'viewer', unitId: fromKept! }] });
    expect((await loadActor(db, heir.id, 'session', null))!.grants.some((g) => g.archive)).toBe(false);
  });
});
