/**
 * Property test: whatever sequence of creations, moves, mergers, splits (entries routed) and dissolutions (entries
 * moved away first) is recorded while models and exemplars are put on the list, then for every unit and every date
 * - the movement ledger balances (start + added + movedIn − movedOut − removed − transferred − replaced = end),
 *   and its end equals an independent count of spans on the list whose owner lay in the subtree that day;
 * - every span lies within its owner's life: an active entry always belongs to a unit alive that day;
 * - an exemplar on the list and its person belong to the same unit (none of the differences here is recorded).
 */
import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { foldVietnamese } from '../../common/vn-text.ts';
import type { DB } from '../db/schema.ts';
import { writeTransaction } from '../lib/audit.ts';
import { systemContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { createUnit } from '../org/commands/create-unit.ts';
import { dissolveUnit } from '../org/commands/dissolve-unit.ts';
import { mergeUnits } from '../org/commands/merge-units.ts';
import { moveUnit } from '../org/commands/move-unit.ts';
import { splitUnit } from '../org/commands/split-unit.ts';
import { subtreeOnSql } from '../org/subtree-on.ts';
import { changeEntryOwner } from '../registry/commands/change-owner.ts';
import { recordLifeEvent } from '../registry/commands/record-life-event.ts';
import { computeLedger } from '../registry/ledger.ts';
import { buildField, buildPerson } from '../registry/test-helpers.ts';
import { buildUnit, levelIdOf, typeIdOf } from '../test/factories.ts';
import { createTestDatabase } from '../test/test-db.ts';
import { carryEntries } from './carry-entries.ts';

const op = fc.record({
  kind: fc.constantFrom('entry', 'entry', 'create', 'move', 'merge', 'split', 'dissolve'),
  a: fc.nat(50),
  b: fc.nat(50),
  days: fc.integer({ min: 1, max: 40 }),
});

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

async function alive(db: Kysely<DB>) {
  return db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .select(['v.unit_id', sql<string>`v.path::text`.as('path'), 'v.parent_id', 'u.revision'])
    .where('v.valid_to', 'is', null)
    .orderBy('v.unit_id')
    .execute();
}

let seq = 0;
/** An entry accepted on `date` (a fixture: the registry's own commands are tested elsewhere). */
async function putOnList(
  db: Kysely<DB>,
  o: { unitId: number; date: string; exemplar: boolean; field: { id: number; criteriaSetId: number | null } },
) {
  const level = await levelIdOf(db, 'co_so');
  const name = `${o.exemplar ? 'Người' : 'Mô hình'} ${++seq}`;
  const personId = o.exemplar ? await buildPerson(db, o.unitId, name) : null;
  const entry = await db
    .insertInto('registry_entry')
    .values({
      kind: o.exemplar ? 'exemplar' : 'model',
      name,
      owner_unit_id: o.unitId,
      person_id: personId,
      field_id: o.field.id,
      criteria_set_id: o.field.criteriaSetId!,
      level_id: level,
      status: 'active',
      search_text: foldVietnamese(name),
      sort_key: foldVietnamese(name),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('registry_span')
    .values({ entry_id: entry.id, level_id: level, owner_unit_id: o.unitId, valid_from: o.date, began: 'accepted' })
    .execute();
}

async function checkInvariants(db: Kysely<DB>, dates: string[]) {
  const units = (await db.selectFrom('org_unit').select('id').execute()).map((u) => u.id);
  for (let i = 1; i < dates.length; i++) {
    const [from, to] = [addDays(dates[i - 1]!, 1), dates[i]!];
    for (const unitId of units) {
      const l = await computeLedger(db, null, { from, to, subtreeOn: { unitId, on: to } });
      for (const row of [...l.levels, l.total]) {
        expect(
          row.start + row.added + row.movedIn - row.movedOut - row.removed - row.transferred - row.replaced,
          `ledger of unit ${unitId} for ${from}–${to}`,
        ).toBe(row.end);
      }
      const onList = await sql<{ n: number }>`select count(*)::int as n from registry_span s
        where s.valid_from <= ${to}::date and (s.valid_to is null or s.valid_to > ${to}::date)
          and s.owner_unit_id in (${subtreeOnSql(unitId, to)})`.execute(db);
      expect(l.total.end, `on the list in unit ${unitId} on ${to}`).toBe(onList.rows[0]!.n);
    }
  }
  const outsideLife = await sql<{
    id: number;
  }>`select s.id from registry_span s join org_unit u on u.id = s.owner_unit_id
    where s.valid_from < u.created_on
      or (u.ended_on is not null and coalesce(s.valid_to, 'infinity'::date) > u.ended_on)`.execute(db);
  expect(outsideLife.rows, 'spans outside their owner unit life').toEqual([]);
  const diverging = await db
    .selectFrom('registry_entry as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .select(['e.id', 'e.owner_unit_id', 'p.unit_id'])
    .where('e.status', '=', 'active')
    .whereRef('p.unit_id', '<>', 'e.owner_unit_id')
    .execute();
  expect(diverging, 'exemplars whose person is in another unit').toEqual([]);
}

describe('succession invariants', () => {
  it('hold for entries after any sequence of restructurings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 12 }), async (ops) => {
        const database = await createTestDatabase();
        const db = database.db;
        try {
          const type = await typeIdOf(db, 'dang_bo_co_so');
          const level = await levelIdOf(db, 'co_so');
          const field = await buildField(db, { name: 'Lĩnh vực' });
          const root = await buildUnit(db, { name: 'Gốc', effectiveDate: '2020-01-01' });
          for (let i = 0; i < 3; i++) {
            const bloc = await buildUnit(db, { name: `Khối ${i}`, parentId: root, effectiveDate: '2020-01-01' });
            for (const exemplar of [false, true])
              await putOnList(db, { unitId: bloc, date: '2020-01-01', exemplar, field });
          }
          let date = '2020-01-02';
          const dates = ['2020-01-01'];
          for (const [i, o] of ops.entries()) {
            date = addDays(date, o.days);
            dates.push(date);
            const units = await alive(db);
            const owners = new Set(
              (
                await db.selectFrom('registry_entry').select('owner_unit_id').where('status', '=', 'active').execute()
              ).map((e) => e.owner_unit_id),
            );
            // Half the time the restructured unit is one that holds entries, so carrying them is exercised.
            const all = units.filter((u) => u.parent_id !== null);
            const holding = all.filter((u) => owners.has(u.unit_id));
            const nonRoot = o.b % 2 === 0 && holding.length > 0 ? holding : all;
            const pick = <T>(list: T[], n: number) => list[n % list.length]!;
            const change = { effectiveDate: date, documentId: null, note: null };
            try {
              if (o.kind === 'entry') {
                await putOnList(db, { unitId: pick(units, o.a).unit_id, date, exemplar: o.b % 2 === 0, field });
              } else if (o.kind === 'create') {
                const parentId = pick(units, o.a).unit_id;
                await createUnit(db, systemContext, {
                  name: `Mới ${i}`,
                  typeId: type,
                  levelId: level,
                  parentId,
                  ...change,
                });
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
                  await mergeUnits(
                    db,
                    systemContext,
                    { sourceIds: [s.unit_id], targetId: pick(targets, o.b).unit_id, newTarget: null, ...change },
                    carryEntries,
                  );
              } else if (o.kind === 'split' && nonRoot.length) {
                const u = pick(nonRoot, o.a);
                const models = await db
                  .selectFrom('registry_entry')
                  .select('id')
                  .where('owner_unit_id', '=', u.unit_id)
                  .where('status', '=', 'active')
                  .where('kind', '=', 'model')
                  .execute();
                await splitUnit(
                  db,
                  systemContext,
                  u.unit_id,
                  {
                    targets: [
                      { name: `Tách A ${i}`, typeId: type, levelId: level, parentId: null },
                      { name: `Tách B ${i}`, typeId: type, levelId: level, parentId: null },
                    ],
                    childTargets: {},
                    entryTargets: Object.fromEntries(models.map((m, k) => [String(m.id), (o.b + k) % 2])),
                    keepSource: o.b % 3 === 0,
                    revision: u.revision,
                    ...change,
                  },
                  carryEntries,
                );
              } else if (o.kind === 'dissolve' && nonRoot.length) {
                const u = pick(nonRoot, o.a);
                // Entries first: a model passes to the parent, an exemplar is taken off the list (its person stays).
                const owned = await db
                  .selectFrom('registry_entry')
                  .select(['id', 'kind', 'revision'])
                  .where('owner_unit_id', '=', u.unit_id)
                  .where('status', '=', 'active')
                  .execute();
                for (const e of owned) {
                  if (e.kind === 'exemplar') {
                    await recordLifeEvent(db, systemContext, e.id, {
                      kind: 'removed',
                      effectiveDate: date,
                      reason: 'Đơn vị giải thể',
                      documentId: null,
                      fileIds: [],
                      revision: e.revision,
                    });
                  } else {
                    await writeTransaction(db, systemContext, ({ trx, audit }) =>
                      changeEntryOwner(trx, systemContext, audit, {
                        entryId: e.id,
                        toUnitId: u.parent_id!,
                        date,
                        reason: 'Chuyển trước khi giải thể',
                        orgEventId: null,
                      }),
                    );
                  }
                }
                const revision = (
                  await db
                    .selectFrom('org_unit')
                    .select('revision')
                    .where('id', '=', u.unit_id)
                    .executeTakeFirstOrThrow()
                ).revision;
                await dissolveUnit(db, systemContext, u.unit_id, { revision, ...change }, carryEntries);
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
      { numRuns: Number(process.env.FC_RUNS ?? 6), endOnFailure: true },
    );
  }, 600_000);
});
