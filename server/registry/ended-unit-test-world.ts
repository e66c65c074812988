/**
 * A world where Khối A ended on 01/07/2024 by merging into Khối B: three models registered under Khối A in 2022 (one
 * removed in 2023), one under Khối B, and one registered after the merger under a grassroots organisation that came
 * from Khối A. Shared by the tests of an ended unit's list, overview and ledger.
 */
import { expect } from 'vitest';
import { ZEntryDetail } from '../../common/schemas/registry.ts';
import { expectOk, setupTest } from '../test/harness.ts';
import { modelEntry, registerAccepted, registryWorld } from './test-helpers.ts';

export const MERGED_ON = '2024-07-01';
export const LAST_DAY = '2024-06-30';

export async function mergedWorld() {
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
  const b1 = await accepted(w.tree.b1, 'Mô hình "Ca vận hành an toàn" ở Thủy điện Thác Bà', '2022-04-10');
  // Khối A passes into Khối B: its grassroots organisations now stand under Khối B.
  const merged = await w.admin.s.post('/api/v1/org/merges', {
    sourceIds: [w.tree.blocA],
    targetId: w.tree.blocB,
    effectiveDate: MERGED_ON,
    documentId: null,
    note: 'Sáp nhập Khối A vào Khối B',
  });
  expect(merged.statusCode, merged.body).toBe(200);
  // After the merger: a new model under a grassroots organisation that came from Khối A — not part of Khối A's past.
  const later = await accepted(w.tree.a1, 'Mô hình "Một cửa thân thiện" ở Sở Tư pháp', '2024-08-01');
  return { t, w, entries: { a1, a2, gone, b1, later } };
}
