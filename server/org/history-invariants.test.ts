/**
 * Property test: whatever sequence of restructurings is recorded, on every
 * date the history describes one consistent tree — each unit has at most one
 * version, each version's path is its parent's path (on that date) plus its
 * own id, and current paths match the latest versions.
 */
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { DB } from '../db/schema.ts';
import { systemContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { createTestDatabase } from '../test/test-db.ts';
import { buildUnit, levelIdOf, typeIdOf } from '../test/factories.ts';
import { changeUnit } from './commands/change-unit.ts';
import { createUnit } from './commands/create-unit.ts';
import { dissolveUnit } from './commands/dissolve-unit.ts';
import { mergeUnits } from './commands/merge-units.ts';
import { moveUnit } from './commands/move-unit.ts';
import { splitUnit } from './commands/split-unit.ts';

const op = fc.record({
  kind: fc.constantFrom('create', 'rename', 'move', 'merge', 'split', 'dissolve'),
  a: fc.nat(50),
  b: fc.nat(50),
  days: fc.integer({ min: 0, max: 40 }),
});

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function active(db: Kysely<DB>) {
  return db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .select(['v.unit_id', sql<string>`v.path::text`.as('path'), 'v.parent_id', 'u.revision'])
    .where('v.valid_to', 'is', null)
    .orderBy('v.unit_id')
    .execute();
}

async function checkInvariants(db: Kysely<DB>, dates: string[]) {
  for (const date of dates) {
    const rows = await db
      .selectFrom('org_unit_version as v')
      .select(['v.unit_id', 'v.parent_id', sql<string>`v.path::text`.as('path')])
      .where(sql<boolean>`v.valid_from <= ${date}::date and (v.valid_to is null or v.valid_to > ${date}::date)`)
      .execute();
    const byUnit = new Map<number, (typeof rows)[number]>();
    for (const r of rows) {
      expect(byUnit.has(r.unit_id), `unit ${r.unit_id} has two versions on ${date}`).toBe(false);
      byUnit.set(r.unit_id, r);
    }
    for (const r of rows) {
      if (r.parent_id === null) {
        expect(r.path).toBe(String(r.unit_id));
      } else {
        const parent = byUnit.get(r.parent_id);
        expect(parent, `parent ${r.parent_id} of ${r.unit_id} missing on ${date}`).toBeDefined();
        expect(r.path).toBe(`${parent!.path}.${r.unit_id}`);
      }
    }
  }
  const mismatched = await db
    .selectFrom('org_unit as u')
    .innerJoin('org_unit_version as v', (j) =>
      j
        .onRef('v.unit_id', '=', 'u.id')
        .on(sql<boolean>`v.id = (select max(x.id) from org_unit_version x where x.unit_id = u.id)`),
    )
    .select('u.id')
    .where(sql<boolean>`u.ended_on is null and u.current_path <> v.path`)
    .execute();
  expect(mismatched).toEqual([]);
}

describe('org history invariants', () => {
  it('hold after any sequence of restructurings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 3, maxLength: 14 }), async (ops) => {
        const database = await createTestDatabase();
        const db = database.db;
        try {
          const type = await typeIdOf(db, 'dang_bo_co_so');
          const level = await levelIdOf(db, 'co_so');
          const root = await buildUnit(db, { name: 'Gốc', effectiveDate: '2020-01-01' });
          for (let i = 0; i < 3; i++)
            await buildUnit(db, { name: `Khối ${i}`, parentId: root, effectiveDate: '2020-01-01' });
          let date = '2020-01-02';
          const dates = ['2020-01-01'];
          for (const [i, o] of ops.entries()) {
            date = addDays(date, o.days);
            dates.push(date);
            const units = await active(db);
            const nonRoot = units.filter((u) => u.parent_id !== null);
            const pick = <T>(list: T[], n: number) => list[n % list.length]!;
            const change = { effectiveDate: date, documentId: null, note: null };
            try {
              if (o.kind === 'create') {
                await createUnit(db, systemContext, {
                  name: `Mới ${i}`,
                  typeId: type,
                  levelId: level,
                  parentId: pick(units, o.a).unit_id,
                  ...change,
                });
              } else if (o.kind === 'rename' && nonRoot.length) {
                const u = pick(nonRoot, o.a);
                await changeUnit(db, systemContext, u.unit_id, { name: `Tên ${i}`, revision: u.revision, ...change });
              } else if (o.kind === 'move' && nonRoot.length) {
                const u = pick(nonRoot, o.a);
                const targets = units.filter(
                  (t) => !(t.path === u.path || t.path.startsWith(`${u.path}.`)) && t.unit_id !== u.parent_id,
                );
                if (targets.length)
                  await moveUnit(db, systemContext, u.unit_id, {
                    parentId: pick(targets, o.b).unit_id,
                    revision: u.revision,
                    ...change,
                  });
              } else if (o.kind === 'merge' && nonRoot.length >= 2) {
                const s = pick(nonRoot, o.a);
                const targets = units.filter(
                  (t) =>
                    t.unit_id !== s.unit_id && !t.path.startsWith(`${s.path}.`) && !s.path.startsWith(`${t.path}.`),
                );
                if (targets.length)
                  await mergeUnits(db, systemContext, {
                    sourceIds: [s.unit_id],
                    targetId: pick(targets, o.b).unit_id,
                    newTarget: null,
                    ...change,
                  });
              } else if (o.kind === 'split' && nonRoot.length) {
                const u = pick(nonRoot, o.a);
                await splitUnit(db, systemContext, u.unit_id, {
                  targets: [
                    { name: `Tách A ${i}`, typeId: type, levelId: level, parentId: null },
                    { name: `Tách B ${i}`, typeId: type, levelId: level, parentId: null },
                  ],
                  childTargets: {},
                  keepSource: o.b % 2 === 0,
                  revision: u.revision,
                  ...change,
                });
              } else if (o.kind === 'dissolve' && nonRoot.length) {
                const u = pick(nonRoot, o.a);
                await dissolveUnit(db, systemContext, u.unit_id, { revision: u.revision, ...change });
              }
            } catch (error) {
              if (!(error instanceof AppError)) throw error; // refusals are fine; faults are not
            }
          }
          await checkInvariants(db, [...new Set(dates)]);
        } finally {
          await database.close();
        }
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 12), endOnFailure: true },
    );
  }, 300_000);
});
