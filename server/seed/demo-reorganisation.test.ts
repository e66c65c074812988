/**
 * The demo's 2025 reorganisation as the successors' staff see it: the planning department's party organisation merged
 * into the finance department's (with the models and exemplars it held), and the ended bloc's registry as it stood
 * on its last day (server/registry/unit-view.ts).
 */
import { describe, expect, it } from 'vitest';
import { ZUnitDetail } from '../../common/schemas/org.ts';
import { ZEntryPage } from '../../common/schemas/registry.ts';
import { ZViewUnitList } from '../../common/schemas/registry-overview.ts';
import { loadActor } from '../accounts/load-actor.ts';
import { computeLedger } from '../registry/ledger.ts';
import { expectOk, setupTest, signIn } from '../test/harness.ts';
import { DEMO_ACCOUNTS, DEMO_REORGANISATION } from './demo-data.ts';
import { loadDemoData } from './demo.ts';

describe('demo data: the 2025 merger and the ended bloc', { timeout: 480_000 }, () => {
  it("merges two grassroots organisations holding entries; the bloc's staff read the ended bloc as it stood", async () => {
    const { app, db } = await setupTest();
    await loadDemoData(db);
    const unitNamed = async (name: string) =>
      (await db.selectFrom('org_unit_version').select('unit_id').where('name', '=', name).executeTakeFirstOrThrow())
        .unit_id;
    const planning = await unitNamed('Đảng bộ Sở Kế hoạch và Đầu tư');
    const finance = await unitNamed('Đảng bộ Sở Tài chính');
    const bloc = await unitNamed('Đảng ủy Khối cơ quan và doanh nghiệp tỉnh');
    const account = DEMO_ACCOUNTS[1]!;
    const operator = await signIn(app, account.username, account.password);

    const { date } = DEMO_REORGANISATION.mergeFinance;
    const merged = expectOk(await operator.get(`/api/v1/org/units/${planning}`), ZUnitDetail);
    expect(merged).toMatchObject({ endedOn: date, endReason: 'merged' });
    expect(merged.successors.map((s) => s.id)).toEqual([finance]);
    // On its last day it held models and exemplars on the list: what the merger passes on.
    const held = expectOk(await operator.get(`/api/v1/registry/entries?unitId=${planning}&pageSize=100`), ZEntryPage);
    expect(held.asOf).toBe('2025-02-28');
    expect(held.items.filter((e) => e.kind === 'model').length).toBeGreaterThan(0);
    expect(held.items.filter((e) => e.kind === 'exemplar').length).toBeGreaterThan(0);
    // They passed to the finance department's organisation on the day: on its list now, not on its list the day before.
    const financeList = async (query: string) =>
      expectOk(
        await operator.get(`/api/v1/registry/entries?unitId=${finance}&pageSize=500${query}`),
        ZEntryPage,
      ).items.map((e) => e.id);
    const heldIds = held.items.map((e) => e.id);
    expect(await financeList('')).toEqual(expect.arrayContaining(heldIds));
    expect((await financeList('&onDate=2025-02-28')).filter((id) => heldIds.includes(id))).toEqual([]);
    expect(await financeList(`&onDate=${date}`)).toEqual(expect.arrayContaining(heldIds));

    // The bloc that ended with the split is offered with its last day, and its list is the ledger's end figure then.
    const offered = expectOk(
      await operator.get(`/api/v1/registry/units?q=${encodeURIComponent('doanh nghiệp khối')}`),
      ZViewUnitList,
    );
    expect(offered.items).toContainEqual(expect.objectContaining({ id: bloc, lastDay: '2025-06-30' }));
    const list = expectOk(await operator.get(`/api/v1/registry/entries?unitId=${bloc}&pageSize=1`), ZEntryPage);
    expect(list.asOf).toBe('2025-06-30');
    const user = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', account.username)
      .executeTakeFirstOrThrow();
    const actor = await loadActor(db, user.id, 'session', null);
    const ledger = await computeLedger(db, actor, {
      from: '2025-01-01',
      to: '2025-06-30',
      subtreeOn: { unitId: bloc, on: '2025-06-30' },
    });
    expect(list.total).toBeGreaterThan(0);
    expect(list.total).toBe(ledger.total.end);
  });
});
