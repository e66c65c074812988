/**
 * The movement ledger: start + added + movedIn − movedOut − removed −
 * transferred − replaced = end, per level and in total, for any history and
 * any window; every number equals the length of its drill-down list; start
 * and end agree with the list "on the list on date D".
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { LEDGER_BUCKETS, type TLedgerRow, ZLedger, ZLedgerEntries } from '../../common/schemas/registry-ledger.ts';
import { writeTransaction } from '../lib/audit.ts';
import { systemContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import { buildTree, levelIdOf } from '../test/factories.ts';
import { expectError, expectOk, setupTest } from '../test/harness.ts';
import { createTestDatabase } from '../test/test-db.ts';
import { acceptEntry } from './commands/accept-entry.ts';
import { recordLifeEvent } from './commands/record-life-event.ts';
import { registerEntries } from './commands/register-entries.ts';
import type { RegisterEntryInput } from './commands/resolve-entries.ts';
import { computeLedger, ledgerEntries, type LedgerFilter } from './ledger.ts';
import { findEntries } from './queries.ts';
import { buildField, modelEntry, registerAccepted, registryWorld } from './test-helpers.ts';

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const identity = (r: TLedgerRow) => r.start + r.added + r.movedIn - r.movedOut - r.removed - r.transferred - r.replaced;

const op = fc.record({
  kind: fc.constantFrom(
    'accept',
    'level_changed',
    'level_changed',
    'removed',
    'transferred_out',
    'replaced',
    'reinstated',
    'reinstated',
    'reinstated',
  ),
  entry: fc.nat(5),
  other: fc.nat(5),
  level: fc.nat(2),
  days: fc.integer({ min: 0, max: 30 }),
});

const windowArb = fc.record({
  start: fc.integer({ min: 0, max: 700 }),
  length: fc.integer({ min: 0, max: 400 }),
  level: fc.option(fc.nat(2), { nil: undefined }),
  kind: fc.option(fc.constantFrom('model' as const, 'exemplar' as const), { nil: undefined }),
});

describe('movement ledger', () => {
  it('balances for any history and any window, and every bucket equals its drill-down list', async () => {
    const database = await createTestDatabase();
    const { db } = database;
    try {
      const tree = await buildTree(db);
      const levels = [await levelIdOf(db, 'co_so'), await levelIdOf(db, 'tren_co_so'), await levelIdOf(db, 'tinh')];
      const field = await buildField(db, { appliesTo: 'model' });
      const owners = [tree.a1, tree.a2, tree.b1, tree.b2];
      const base = '2021-01-01';

      await fc.assert(
        fc.asyncProperty(
          fc.array(op, { minLength: 10, maxLength: 40 }),
          fc.array(windowArb, { minLength: 3, maxLength: 6 }),
          async (ops, windows) => {
            await sql`delete from registry_event_file`.execute(db);
            await sql`delete from registry_span`.execute(db);
            await sql`delete from registry_monitor`.execute(db);
            await sql`delete from registry_event`.execute(db);
            await sql`update registry_entry set replaced_by_id = null, replicates_id = null`.execute(db);
            await sql`delete from registry_entry`.execute(db);

            // Six entries: three imported onto the list from the start (at different levels), three submitted and waiting.
            const inputs: RegisterEntryInput[] = [0, 1, 2, 3, 4, 5].map((i) => ({
              kind: 'model',
              name: `Mô hình ${i}`,
              content: null,
              goals: null,
              commitments: null,
              ownerUnitId: owners[i % owners.length]!,
              personId: null,
              position: null,
              partyUnitId: null,
              fieldId: field.id,
              planId: null,
              levelId: levels[i % 3]!,
              responsibleUnitId: null,
              startedOn: null,
              replicatesId: null,
            }));
            const listed = await writeTransaction(db, systemContext, ({ trx, audit }) =>
              registerEntries(trx, systemContext, audit, inputs.slice(0, 3), {
                accept: { date: base, documentId: null },
                importId: 1,
              }),
            );
            const waiting = await writeTransaction(db, systemContext, ({ trx, audit }) =>
              registerEntries(trx, systemContext, audit, inputs.slice(3), { submit: true }),
            );
            const ids = [...listed, ...waiting];

            let date = base;
            for (const o of ops) {
              date = addDays(date, o.days);
              const id = ids[o.entry]!;
              const { revision } = await db
                .selectFrom('registry_entry')
                .select('revision')
                .where('id', '=', id)
                .executeTakeFirstOrThrow();
              const common = { effectiveDate: date, reason: 'Thử', documentId: null, fileIds: [], revision };
              try {
                if (o.kind === 'accept')
                  await acceptEntry(db, systemContext, id, { effectiveDate: date, documentId: null, revision });
                else if (o.kind === 'level_changed')
                  await recordLifeEvent(db, systemContext, id, {
                    kind: 'level_changed',
                    toLevelId: levels[o.level]!,
                    ...common,
                  });
                else if (o.kind === 'removed')
                  await recordLifeEvent(db, systemContext, id, { kind: 'removed', ...common });
                else if (o.kind === 'transferred_out')
                  await recordLifeEvent(db, systemContext, id, {
                    kind: 'transferred_out',
                    transferredTo: 'Trung ương',
                    ...common,
                  });
                else if (o.kind === 'replaced')
                  await recordLifeEvent(db, systemContext, id, {
                    kind: 'replaced',
                    replacementId: ids[o.other]!,
                    ...common,
                  });
                else
                  await recordLifeEvent(db, systemContext, id, {
                    kind: 'reinstated',
                    levelId: o.level === 0 ? null : levels[o.level]!,
                    ...common,
                  });
              } catch (error) {
                if (!(error instanceof AppError)) throw error; // refused transitions (wrong state, same level…) are expected
              }
            }

            for (const w of windows) {
              const from = addDays(base, w.start - 30);
              const to = addDays(from, w.length);
              const filter: LedgerFilter = {
                from,
                to,
                ...(w.level !== undefined ? { levelId: levels[w.level]! } : {}),
                ...(w.kind ? { kind: w.kind } : {}),
              };
              const ledger = await computeLedger(db, null, filter);
              for (const row of [...ledger.levels, ledger.total])
                expect(identity(row), JSON.stringify({ filter, row })).toBe(row.end);
              for (const bucket of LEDGER_BUCKETS) {
                const drill = await ledgerEntries(db, null, filter, bucket, 1, 5000);
                expect(drill.total, `${bucket} ${JSON.stringify(filter)}`).toBe(ledger.total[bucket]);
                expect(drill.items).toHaveLength(ledger.total[bucket]);
              }
              // Start and end agree with "on the list on that date" (one span per entry per day).
              const onList = async (d: string) =>
                (
                  await findEntries(db, null, {
                    onDate: d,
                    asOf: d,
                    page: 1,
                    pageSize: 500,
                    ...(filter.kind ? { kind: filter.kind } : {}),
                  })
                ).total;
              if (w.level === undefined) {
                expect(ledger.total.start).toBe(await onList(addDays(from, -1)));
                expect(ledger.total.end).toBe(await onList(to));
              }
            }
          },
        ),
        { numRuns: Number(process.env.FC_RUNS ?? 15), endOnFailure: true },
      );
    } finally {
      await database.close();
    }
  });

  it("is served per level with drill-down lists, within the reader's scope", async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const a = await registerAccepted(
      w,
      w.reporterA1.s,
      w.operatorA.s,
      modelEntry(w, w.tree.a1, { name: 'A1 mô hình' }),
      '2022-01-10',
    );
    const b = await registerAccepted(
      w,
      w.operatorB.s,
      w.operatorB.s,
      modelEntry(w, w.tree.b1, { name: 'B1 mô hình' }),
      '2022-02-01',
    );
    const removed = await w.operatorB.s.post(`/api/v1/registry/entries/${b.id}/events`, {
      kind: 'removed',
      reason: 'Không đạt tiêu chí',
      effectiveDate: '2022-11-30',
      revision: b.revision,
    });
    expect(removed.statusCode).toBe(200);
    const up = await w.operatorA.s.post(`/api/v1/registry/entries/${a.id}/events`, {
      kind: 'level_changed',
      toLevelId: w.levels.trenCoSo,
      reason: 'Nâng cấp',
      effectiveDate: '2022-06-01',
      revision: a.revision,
    });
    expect(up.statusCode).toBe(200);

    const ledger = expectOk(
      await w.operatorRoot.s.get('/api/v1/registry/ledger?from=2022-01-01&to=2022-12-31'),
      ZLedger,
    );
    expect(ledger.total).toEqual({
      start: 0,
      added: 2,
      movedIn: 1,
      movedOut: 1,
      removed: 1,
      transferred: 0,
      replaced: 0,
      end: 1,
    });
    expect(ledger.levels.map((l) => [l.level.id, l.start, l.added, l.movedIn, l.movedOut, l.removed, l.end])).toEqual([
      [w.levels.trenCoSo, 0, 0, 1, 0, 0, 1],
      [w.levels.coSo, 0, 2, 0, 1, 1, 0],
    ]);
    const drill = expectOk(
      await w.operatorRoot.s.get(
        `/api/v1/registry/ledger/entries?from=2022-01-01&to=2022-12-31&bucket=removed&levelId=${w.levels.coSo}`,
      ),
      ZLedgerEntries,
    );
    expect(drill).toMatchObject({
      bucket: 'removed',
      total: 1,
      items: [
        { id: b.id, name: 'B1 mô hình', span: { validFrom: '2022-02-01', validTo: '2022-11-30', ended: 'removed' } },
      ],
    });

    // Bloc A sees only its own; a unit filter outside the scope is 404; the reporter sees its unit.
    expect(
      expectOk(await w.operatorA.s.get('/api/v1/registry/ledger?from=2022-01-01&to=2022-12-31'), ZLedger).total,
    ).toMatchObject({
      added: 1,
      removed: 0,
      end: 1,
    });
    expectError(
      await w.operatorA.s.get(`/api/v1/registry/ledger?from=2022-01-01&to=2022-12-31&unitId=${w.tree.blocB}`),
      404,
      'NOT_FOUND',
    );
    expect(
      expectOk(
        await w.operatorRoot.s.get(`/api/v1/registry/ledger?from=2022-01-01&to=2022-12-31&unitId=${w.tree.blocB}`),
        ZLedger,
      ).total,
    ).toMatchObject({ added: 1, removed: 1, end: 0 });
    expect(
      expectOk(await w.reporterA2.s.get('/api/v1/registry/ledger?from=2022-01-01&to=2022-12-31'), ZLedger).total.added,
    ).toBe(0);
    // The window is checked.
    const reversed = await w.operatorRoot.s.get('/api/v1/registry/ledger?from=2022-12-31&to=2022-01-01');
    expect(expectError(reversed, 400, 'VALIDATION', ['to']).fields?.[0]?.field).toBe('to');
    expectError(
      await w.operatorRoot.s.get('/api/v1/registry/ledger/entries?from=2022-01-01&to=2022-12-31&bucket=nope'),
      400,
      'VALIDATION',
      ['bucket'],
    );
  });
});
