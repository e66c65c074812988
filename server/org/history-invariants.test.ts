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
import { createTestDatabase } from '../test/test-db.ts';
import { buildUnit, levelIdOf, typeIdOf } from '../test/factories.ts';
import { addDays, applyOrgOp, opArbitrary, openVersions, ORG_OPS } from './restructure-ops-test-world.ts';

const op = opArbitrary(ORG_OPS, 0);

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
            const units = await openVersions(db);
            const nonRoot = units.filter((u) => u.parent_id !== null);
            await applyOrgOp(db, o, i, date, { type, level, units, nonRoot, keepSource: (b) => b % 2 === 0 });
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
