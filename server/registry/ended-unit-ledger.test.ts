/**
 * The movement ledger (/bien-dong) of an ended unit counts its subtree as it stood on its last day (unit-view.ts),
 * as its registry list does — not today's tree, where its former grassroots organisations stand under another bloc.
 */
import { describe, expect, it } from 'vitest';
import { ZLedger, ZLedgerEntries } from '../../common/schemas/registry-ledger.ts';
import { expectOk } from '../test/harness.ts';
import { LAST_DAY, mergedWorld } from './ended-unit-test-world.ts';

describe('registry: the ledger of an ended unit', { timeout: 180_000 }, () => {
  it("counts the ended bloc's subtree as it stood on its last day, for the totals and the lists behind them", async () => {
    const { w, entries } = await mergedWorld();
    const { a1, a2 } = entries;
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

    // The bloc that stands today keeps counting by today's tree: its own model, the two that came with Khối A and the
    // one registered under a former Khối A organisation after the merger.
    const blocB = expectOk(
      await w.operatorB.s.get(`/api/v1/registry/ledger?from=2022-01-01&to=2024-12-31&unitId=${w.tree.blocB}`),
      ZLedger,
    );
    expect(blocB.total.end).toBe(4);
  });
});
