/**
 * An ended unit's registry list and overview, as it stood on its last day (unit-view.ts): read by its successor's
 * staff through the archive grant, counted like the ledger, refused to others; an active unit's view unchanged.
 */
import { describe, expect, it } from 'vitest';
import { todayInVietnam } from '../../common/dates.ts';
import { ZEntryDetail, ZEntryPage } from '../../common/schemas/registry.ts';
import { ZOverview, ZViewUnitList } from '../../common/schemas/registry-overview.ts';
import { loadActor } from '../accounts/load-actor.ts';
import { expectError, expectOk } from '../test/harness.ts';
import { computeLedger } from './ledger.ts';
import { LAST_DAY, MERGED_ON, mergedWorld } from './ended-unit-test-world.ts';

describe('registry: an ended unit as it stood on its last day', { timeout: 180_000 }, () => {
  it("lets the successor's staff list what the ended unit held on its last day, as the ledger counts it", async () => {
    const { t, w, entries } = await mergedWorld();
    const list = expectOk(
      await w.operatorB.s.get(`/api/v1/registry/entries?unitId=${w.tree.blocA}&pageSize=50`),
      ZEntryPage,
    );
    expect(list.asOf).toBe(LAST_DAY);
    expect(list.endedOn).toBe(MERGED_ON);
    expect(list.items.map((e) => e.id).sort((a, b) => a - b)).toEqual([entries.a1.id, entries.a2.id]);
    expect(list.total).toBe(2);
    // The other filters still apply.
    const exemplars = expectOk(
      await w.operatorB.s.get(`/api/v1/registry/entries?unitId=${w.tree.blocA}&kind=exemplar`),
      ZEntryPage,
    );
    expect(exemplars.total).toBe(0);

    // The movement ledger of the unit's subtree as it stood on its last day ends with the same number.
    const actor = await loadActor(t.db, w.operatorB.id, 'session', null);
    const ledger = await computeLedger(t.db, actor, {
      from: '2022-01-01',
      to: LAST_DAY,
      subtreeOn: { unitId: w.tree.blocA, on: LAST_DAY },
    });
    expect(ledger.total.end).toBe(list.total);
    expect(ledger.total.removed).toBe(1);

    // Its Excel export holds the same rows.
    const exported = await w.operatorB.s.get(`/api/v1/registry/export.xlsx?unitId=${w.tree.blocA}`);
    expect(exported.statusCode, exported.body).toBe(200);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'registry.exported')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.summary).toMatch(/^Xuất 2 dòng/);
  });

  it('shows the overview of the ended unit as of its last day, whatever date the client asks for', async () => {
    const { w } = await mergedWorld();
    const today = todayInVietnam();
    const o = expectOk(
      await w.operatorB.s.get(`/api/v1/registry/overview?unitId=${w.tree.blocA}&asOf=${today}`),
      ZOverview,
    );
    expect(o.asOf).toBe(LAST_DAY);
    expect(o.endedOn).toBe(MERGED_ON);
    expect(o.activeTotal).toEqual({ models: 2, exemplars: 0 });
    // Its two grassroots organisations then, both with a model, grouped under themselves (Khối A's children then).
    expect(o.coverage.units).toBe(2);
    expect(o.coverage.covered).toBe(2);
    expect(o.coverage.byChild.map((c) => c.unit.id).sort((a, b) => a - b)).toEqual(
      [w.tree.a1, w.tree.a2].sort((a, b) => a - b),
    );
    expect(o.movement.at(-1)).toMatchObject({ year: 2024, to: LAST_DAY, end: 2 });
    // An earlier day of its history may be asked for.
    const earlier = expectOk(
      await w.operatorB.s.get(`/api/v1/registry/overview?unitId=${w.tree.blocA}&asOf=2022-02-15`),
      ZOverview,
    );
    expect(earlier.asOf).toBe('2022-02-15');
    expect(earlier.activeTotal.models).toBe(2);
  });

  it('offers the ended unit in the picker to those who may read it, found whatever the word order or accents', async () => {
    const { w } = await mergedWorld();
    const pick = async (s: typeof w.operatorB.s, q: string) =>
      expectOk(await s.get(`/api/v1/registry/units?q=${encodeURIComponent(q)}`), ZViewUnitList).items;
    const blocs = await pick(w.operatorB.s, 'khoi dang uy');
    // The active bloc first, then the one that ended, with its last day.
    expect(blocs.map((u) => [u.name, u.endedOn, u.lastDay])).toEqual([
      ['Đảng ủy Khối B', null, null],
      ['Đảng ủy Khối A', MERGED_ON, LAST_DAY],
    ]);
    expect((await pick(w.operatorB.s, 'Ủy Khối Đảng')).map((u) => u.id)).toEqual([w.tree.blocB, w.tree.blocA]);
    // Its grassroots organisations are named under the parent they have today.
    const a1 = (await pick(w.operatorB.s, 'tư pháp'))[0];
    expect(a1).toMatchObject({ id: w.tree.a1, parentName: 'Đảng ủy Khối B', endedOn: null });
    // A reporter of one of them reads no archive: the ended bloc is not offered.
    expect(await pick(w.reporterA1.s, 'khoi')).toEqual([]);
  });

  it('counts an entry under the unit that held it on the day, before and after a change of owner', async () => {
    const { w, entries } = await mergedWorld();
    const today = todayInVietnam();
    const entry = expectOk(await w.operatorRoot.s.get(`/api/v1/registry/entries/${entries.a1.id}`), ZEntryDetail);
    const moved = await w.operatorRoot.s.post(`/api/v1/registry/entries/${entry.id}/owner`, {
      unitId: w.tree.b2,
      effectiveDate: '2024-09-01',
      reason: 'Chuyển đơn vị quản lý theo phân công',
      revision: entry.revision,
    });
    expectOk(moved, ZEntryDetail);
    const models = async (unitId: number, asOf: string) =>
      expectOk(await w.operatorB.s.get(`/api/v1/registry/overview?unitId=${unitId}&asOf=${asOf}`), ZOverview)
        .activeTotal.models;
    const listed = async (unitId: number, onDate: string) =>
      expectOk(
        await w.operatorB.s.get(`/api/v1/registry/entries?unitId=${unitId}&onDate=${onDate}&pageSize=50`),
        ZEntryPage,
      ).items.map((e) => e.id);
    // Before the change the entry counts where it was then; after, where it went — in the overview and its list alike.
    expect(await models(w.tree.b2, '2024-08-15')).toBe(0);
    expect(await listed(w.tree.b2, '2024-08-15')).toEqual([]);
    expect(await models(w.tree.a1, '2024-08-15')).toBe(2);
    expect(await listed(w.tree.a1, '2024-08-15')).toContain(entry.id);
    expect(await models(w.tree.b2, today)).toBe(1);
    expect(await listed(w.tree.b2, today)).toEqual([entry.id]);
    expect(await listed(w.tree.a1, today)).not.toContain(entry.id);
  });

  it('refuses the ended unit to users without its archive', async () => {
    const { w } = await mergedWorld();
    // A reporter of a grassroots organisation under the successor holds no subtree-wide grant: no archive.
    expectError(await w.reporterA1.s.get(`/api/v1/registry/entries?unitId=${w.tree.blocA}`), 404, 'NOT_FOUND');
    // A user of an unrelated unit neither.
    expectError(await w.monitor.s.get(`/api/v1/registry/overview?unitId=${w.tree.blocA}`), 404, 'NOT_FOUND');
  });

  it("leaves an active unit's view on today's tree", async () => {
    const { w, entries } = await mergedWorld();
    const today = todayInVietnam();
    const list = expectOk(
      await w.operatorB.s.get(`/api/v1/registry/entries?unitId=${w.tree.blocB}&pageSize=50`),
      ZEntryPage,
    );
    expect(list.asOf).toBe(today);
    expect(list.endedOn ?? null).toBeNull();
    // Today's tree: Khối B holds the grassroots organisations that came from Khối A, the removed entry included.
    expect(list.items.map((e) => e.id).sort((a, b) => a - b)).toEqual(
      [entries.a1.id, entries.a2.id, entries.gone.id, entries.b1.id, entries.later.id].sort((a, b) => a - b),
    );
    const o = expectOk(await w.operatorB.s.get(`/api/v1/registry/overview?unitId=${w.tree.blocB}`), ZOverview);
    expect(o.asOf).toBe(today);
    expect(o.endedOn).toBeNull();
    expect(o.activeTotal.models).toBe(4);
  });
});
