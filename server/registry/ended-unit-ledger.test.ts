/**
 * The movement ledger (/bien-dong) of an ended unit counts its subtree as it stood on its last day (unit-view.ts),
 * as its registry list does — not today's tree, where its former grassroots organisations stand under another bloc.
 */
import { describe, expect, it } from 'vitest';
import { ZEntryDetail } from '../../common/schemas/registry.ts';
import { ZLedger, ZLedgerEntries } from '../../common/schemas/registry-ledger.ts';
import { expectOk, setupTest } from '../test/harness.ts';
import { modelEntry, registerAccepted, registryWorld } from './test-helpers.ts';

const MERGED_ON = '2024-07-01';
const LAST_DAY = '2024-06-30';

describe('registry: the ledger of an ended unit', { timeout: 180_000 }, () => {
  it("counts the ended bloc's subtree as it stood on its last day, for the totals and the lists behind them", async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const accepted = async (unitId: number, name: string, date: string) =>
      registerAccepted(w, w.operatorRoot.s, w.operatorRoot.s, modelEntry(w, unitId, { name }), date);
    const a1 = await accepted(w.tree.a1, 'Mô hình "Dân vận khéo" ở Sở Tư pháp', '2022-01-10');
    const a2 = await accepted(w.tree.a2, 'Mô hình "Xưởng học xanh" ở Trường Cao đẳng nghề', '2022-02-10');
    const gone = await accepted(w.tree.a2, 'Mô hình "Thư viện mở" ở Trường Cao đẳng nghề', '2022-03-10');
    const removed = await w.operatorRoot.s.post(`/api/v1/registry/entries/${gone.id}/events`, {
      kind: 'removed',
      effectiveDate: '2023-05-01',
      reason: 'Không duy trì',
      revision: gone.revision,
    });
    expectOk(removed, ZEntryDetail);
    await accepted(w.tree.b1, 'Mô hình "Ca vận hành an toàn" ở Thủy điện Thác Bà', '2022-04-10');
    const merged = await w.admin.s.post('/api/v1/org/merges', {
      sourceIds: [w.tree.blocA],
      targetId: w.tree.blocB,
      effectiveDate: MERGED_ON,
      documentId: null,
      note: 'Sáp nhập Khối A vào Khối B',
    });
    expect(merged.statusCode, merged.body).toBe(200);

    const window = `from=2022-01-01&to=${LAST_DAY}`;
    // Read by the successor's staff through the archive grant: Khối A's two grassroots organisations then.
    const ledger = expectOk(
      await w.operatorB.s.get(`/api/v1/registry/ledger?${window}&unitId=${w.tree.blocA}`),
      ZLedger,
    );
    expect(ledger.total).toMatchObject({ start: 0, added: 3, removed: 1, movedIn: 0, movedOut: 0, end: 2 });
    const end = expectOk(
      await w.operatorB.s.get(`/api/v1/registry/ledger/entries?${window}&bucket=end&unitId=${w.tree.blocA}`),
      ZLedgerEntries,
    );
    expect(end.items.map((e) => e.id).sort((x, y) => x - y)).toEqual([a1.id, a2.id]);

    // The bloc that stands today keeps counting by today's tree: its own model plus the two that came with Khối A.
    const blocB = expectOk(
      await w.operatorB.s.get(`/api/v1/registry/ledger?from=2022-01-01&to=2024-12-31&unitId=${w.tree.blocB}`),
      ZLedger,
    );
    expect(blocB.total.end).toBe(3);
  });
});
