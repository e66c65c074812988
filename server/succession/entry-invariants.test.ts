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
import { addDays, applyOrgOp, opArbitrary, openVersions, type OpenUnit } from '../org/restructure-ops-test-world.ts';
import { subtreeOnSql } from '../org/subtree-on.ts';
import { changeEntryOwner } from '../registry/commands/change-owner.ts';
import { recordLifeEvent } from '../registry/commands/record-life-event.ts';
import { computeLedger } from '../registry/ledger.ts';
import { buildField, buildPerson } from '../registry/test-helpers.ts';
import { buildUnit, levelIdOf, typeIdOf } from '../test/factories.ts';
import { createTestDatabase } from '../test/test-db.ts';
import { carryEntries } from './carry-entries.ts';

const op = opArbitrary(['entry', 'entry', 'create', 'move', 'merge', 'split', 'dissolve'] as const, 1);

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

/** A split's routing: the source's models alternate between the two new units; exemplars follow their person. */
async function modelRouting(db: Kysely<DB>, unitId: number, b: number): Promise<Record<string, number>> {
  const models = await db
    .selectFrom('registry_entry')
    .select('id')
    .where('owner_unit_id', '=', unitId)
    .where('status', '=', 'active')
    .where('kind', '=', 'model')
    .execute();
  return Object.fromEntries(models.map((m, k) => [String(m.id), (b + k) % 2]));
}

/** Before a dissolution: a model passes to the parent, an exemplar is taken off the list (its person stays). */
async function moveEntriesAway(db: Kysely<DB>, u: OpenUnit, date: string): Promise<void> {
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
            const units = await openVersions(db);
            const owners = new Set(
              (
                await db.selectFrom('registry_entry').select('owner_unit_id').where('status', '=', 'active').execute()
              ).map((e) => e.owner_unit_id),
            );
            // Half the time the restructured unit is one that holds entries, so carrying them is exercised.
            const all = units.filter((u) => u.parent_id !== null);
            const holding = all.filter((u) => owners.has(u.unit_id));
            const nonRoot = o.b % 2 === 0 && holding.length > 0 ? holding : all;
            if (o.kind === 'entry') {
              await putOnList(db, { unitId: units[o.a % units.length]!.unit_id, date, exemplar: o.b % 2 === 0, field });
              continue;
            }
            await applyOrgOp(db, { ...o, kind: o.kind }, i, date, {
              type,
              level,
              units,
              nonRoot,
              keepSource: (b) => b % 3 === 0,
              onSuccession: carryEntries,
              entryTargets: (unitId, b) => modelRouting(db, unitId, b),
              beforeDissolve: (u) => moveEntriesAway(db, u, date),
            });
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
