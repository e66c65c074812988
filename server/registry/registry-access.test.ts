/**
 * Who may see and change what, for every registry endpoint: unauthenticated
 * 401; outside the read scope 404; readable but not writable 403; monitors
 * see (read only) what they are assigned.
 */
import { describe, expect, it } from 'vitest';
import { ZLedger, ZLedgerEntries } from '../../common/schemas/registry-ledger.ts';
import { ZEntryDetail, ZEntryPage } from '../../common/schemas/registry.ts';
import { anonymous, expectOk, type Session, setupTest } from '../test/harness.ts';
import { modelEntry, register, registerAccepted, registryWorld, type World } from './test-helpers.ts';

const E = '/api/v1/registry/entries';
const WINDOW = 'from=2021-01-01&to=2023-12-31';

type Call = (s: Session) => ReturnType<Session['get']>;

async function world() {
  const t = await setupTest();
  const w = await registryWorld(t);
  const active = await registerAccepted(
    w,
    w.reporterA1.s,
    w.operatorA.s,
    modelEntry(w, w.tree.a1, { name: 'Mô hình đang triển khai' }),
    '2022-01-10',
  );
  const draft = await register(w.reporterA1.s, modelEntry(w, w.tree.a1, { name: 'Mô hình nháp' }));
  const submitted = await register(w.reporterA1.s, modelEntry(w, w.tree.a1, { name: 'Mô hình chờ duyệt' }), {
    submit: true,
  });
  const assigned = expectOk(
    await w.operatorA.s.post(`${E}/${active.id}/monitors`, {
      userId: w.monitor.id,
      assignedOn: '2022-02-01',
      revision: active.revision,
    }),
    ZEntryDetail,
    201,
  );
  // A second monitor assignment to exercise unassignment.
  const withTwo = expectOk(
    await w.operatorA.s.post(`${E}/${active.id}/monitors`, {
      userId: w.viewerA.id,
      assignedOn: '2022-02-01',
      revision: assigned.revision,
    }),
    ZEntryDetail,
    201,
  );
  const monitorId = withTwo.monitors.find((m) => m.userId === w.viewerA.id)!.id;
  return { t, w, active: withTwo, draft, submitted, monitorId };
}

/** Every endpoint, called with a valid body on an a1 entry (so that only access decides). */
function endpoints(
  w: World,
  x: {
    active: { id: number; revision: number };
    draft: { id: number; revision: number };
    submitted: { id: number; revision: number };
    monitorId: number;
  },
) {
  const a = x.active;
  return {
    list: ((s) => s.get(E)) as Call,
    myAssignments: ((s) => s.get('/api/v1/registry/my-assignments')) as Call,
    create: ((s) => s.post(E, { entry: modelEntry(w, w.tree.a1) })) as Call,
    detail: ((s) => s.get(`${E}/${a.id}`)) as Call,
    detailOfDraft: ((s) => s.get(`${E}/${x.draft.id}`)) as Call,
    patch: ((s) => s.patch(`${E}/${x.draft.id}`, { goals: 'Mới', revision: x.draft.revision })) as Call,
    submit: ((s) => s.post(`${E}/${x.draft.id}/submit`, { revision: x.draft.revision })) as Call,
    return: ((s) =>
      s.post(`${E}/${x.submitted.id}/return`, { reason: 'Bổ sung', revision: x.submitted.revision })) as Call,
    accept: ((s) =>
      s.post(`${E}/${x.submitted.id}/accept`, { effectiveDate: '2022-05-01', revision: x.submitted.revision })) as Call,
    rename: ((s) =>
      s.post(`${E}/${a.id}/events`, {
        kind: 'renamed',
        name: 'Tên mới',
        reason: 'Điều chỉnh',
        effectiveDate: '2022-06-01',
        revision: a.revision,
      })) as Call,
    remove: ((s) =>
      s.post(`${E}/${a.id}/events`, {
        kind: 'removed',
        reason: 'Không đạt',
        effectiveDate: '2022-06-01',
        revision: a.revision,
      })) as Call,
    activity: ((s) =>
      s.post(`${E}/${a.id}/activities`, {
        kind: 'launched',
        effectiveDate: '2022-01-05',
        revision: a.revision,
      })) as Call,
    timeline: ((s) => s.get(`${E}/${a.id}/timeline`)) as Call,
    assign: ((s) =>
      s.post(`${E}/${a.id}/monitors`, {
        userId: w.operatorB.id,
        assignedOn: '2022-03-01',
        revision: a.revision,
      })) as Call,
    unassign: ((s) =>
      s.post(`${E}/${a.id}/monitors/${x.monitorId}/unassign`, {
        unassignedOn: '2022-04-01',
        revision: a.revision,
      })) as Call,
    ledger: ((s) => s.get(`/api/v1/registry/ledger?${WINDOW}`)) as Call,
    ledgerOfA1: ((s) => s.get(`/api/v1/registry/ledger?${WINDOW}&unitId=${w.tree.a1}`)) as Call,
    ledgerEntries: ((s) => s.get(`/api/v1/registry/ledger/entries?${WINDOW}&bucket=end`)) as Call,
    ledgerEntriesOfA1: ((s) =>
      s.get(`/api/v1/registry/ledger/entries?${WINDOW}&bucket=end&unitId=${w.tree.a1}`)) as Call,
  };
}
type Name = keyof ReturnType<typeof endpoints>;

async function expectStatuses(
  s: Session,
  calls: ReturnType<typeof endpoints>,
  expected: Partial<Record<Name, number>>,
) {
  const got: Partial<Record<Name, number>> = {};
  for (const name of Object.keys(expected) as Name[]) got[name] = (await calls[name](s)).statusCode;
  expect(got).toEqual(expected);
}

describe('registry permissions', () => {
  it('answers 401 on every endpoint without signing in', async () => {
    const x = await world();
    const calls = endpoints(x.w, x);
    const all = Object.fromEntries(Object.keys(calls).map((k) => [k, 401])) as Record<Name, number>;
    await expectStatuses(anonymous(x.t.app), calls, all);
  });

  it('a reporter of a2 cannot see or touch a1 entries, nor register for a1', async () => {
    const x = await world();
    const calls = endpoints(x.w, x);
    await expectStatuses(x.w.reporterA2.s, calls, {
      list: 200,
      myAssignments: 200,
      create: 404,
      detail: 404,
      detailOfDraft: 404,
      patch: 404,
      submit: 404,
      return: 403,
      accept: 403,
      rename: 404,
      remove: 403,
      activity: 404,
      timeline: 404,
      assign: 403,
      unassign: 403,
      ledger: 200,
      ledgerOfA1: 404,
      ledgerEntries: 200,
      ledgerEntriesOfA1: 404,
    });
    expect(expectOk(await calls.list(x.w.reporterA2.s), ZEntryPage).total).toBe(0);
    expect(expectOk(await calls.ledgerEntries(x.w.reporterA2.s), ZLedgerEntries).total).toBe(0);
    expect(expectOk(await x.w.reporterA2.s.get(`${E}?q=mo%20hinh`), ZEntryPage).total).toBe(0);
    // And a1's reporter cannot register for a2.
    expect((await x.w.reporterA1.s.post(E, { entry: modelEntry(x.w, x.w.tree.a2) })).statusCode).toBe(404);
  });

  it('an operator of bloc B gets 404 for bloc A entries and sees none of them', async () => {
    const x = await world();
    const calls = endpoints(x.w, x);
    await expectStatuses(x.w.operatorB.s, calls, {
      list: 200,
      create: 404,
      detail: 404,
      detailOfDraft: 404,
      patch: 404,
      submit: 404,
      return: 404,
      accept: 404,
      rename: 404,
      remove: 404,
      activity: 404,
      timeline: 404,
      assign: 404,
      unassign: 404,
      ledger: 200,
      ledgerOfA1: 404,
      ledgerEntriesOfA1: 404,
    });
    expect(expectOk(await calls.list(x.w.operatorB.s), ZEntryPage).total).toBe(0);
    expect(expectOk(await calls.ledger(x.w.operatorB.s), ZLedger).total.end).toBe(0);
  });

  it('a viewer of bloc A reads everything there and gets 403 on every write', async () => {
    const x = await world();
    const calls = endpoints(x.w, x);
    await expectStatuses(x.w.viewerA.s, calls, {
      list: 200,
      myAssignments: 200,
      create: 403,
      detail: 200,
      detailOfDraft: 200,
      patch: 403,
      submit: 403,
      return: 403,
      accept: 403,
      rename: 403,
      remove: 403,
      activity: 403,
      timeline: 200,
      assign: 403,
      unassign: 403,
      ledger: 200,
      ledgerOfA1: 200,
      ledgerEntries: 200,
      ledgerEntriesOfA1: 200,
    });
    expect(expectOk(await calls.list(x.w.viewerA.s), ZEntryPage).total).toBe(3);
    expect(expectOk(await calls.detail(x.w.viewerA.s), ZEntryDetail).can).toEqual({
      edit: false,
      submit: false,
      approve: false,
      record: false,
      assign: false,
    });
  });

  it('a monitor sees only what is assigned to it, read only', async () => {
    const x = await world();
    const calls = endpoints(x.w, x);
    await expectStatuses(x.w.monitor.s, calls, {
      list: 200,
      myAssignments: 200,
      create: 403,
      detail: 200,
      detailOfDraft: 404,
      patch: 403,
      submit: 403,
      return: 403,
      accept: 403,
      rename: 403,
      remove: 403,
      activity: 403,
      timeline: 200,
      assign: 403,
      unassign: 403,
      ledger: 200,
      ledgerOfA1: 404,
      ledgerEntries: 200,
    });
    expect(expectOk(await calls.list(x.w.monitor.s), ZEntryPage).items.map((i: { id: number }) => i.id)).toEqual([
      x.active.id,
    ]);
    expect(
      expectOk(await calls.myAssignments(x.w.monitor.s), ZEntryPage).items.map((i: { id: number }) => i.id),
    ).toEqual([x.active.id]);
    expect(
      expectOk(await calls.ledgerEntries(x.w.monitor.s), ZLedgerEntries).items.map((i: { id: number }) => i.id),
    ).toEqual([x.active.id]);
  });

  it("the reporter of a1 does its unit's work but cannot approve", async () => {
    const x = await world();
    const calls = endpoints(x.w, x);
    await expectStatuses(x.w.reporterA1.s, calls, {
      list: 200,
      detail: 200,
      timeline: 200,
      return: 403,
      accept: 403,
      remove: 403,
      assign: 403,
      unassign: 403,
      ledgerOfA1: 200,
      create: 201,
      patch: 200,
      rename: 200,
    });
    // (the draft's revision moved on; submitting from the fresh one works)
    const fresh = expectOk(await x.w.reporterA1.s.get(`${E}/${x.draft.id}`), ZEntryDetail);
    expect((await x.w.reporterA1.s.post(`${E}/${x.draft.id}/submit`, { revision: fresh.revision })).statusCode).toBe(
      200,
    );
  });

  it('the operator of bloc A approves, assigns and records life events there', async () => {
    const x = await world();
    const calls = endpoints(x.w, x);
    await expectStatuses(x.w.operatorA.s, calls, { accept: 200, assign: 201 });
    const fresh = expectOk(await x.w.operatorA.s.get(`${E}/${x.active.id}`), ZEntryDetail);
    expect(
      (
        await x.w.operatorA.s.post(`${E}/${x.active.id}/monitors/${x.monitorId}/unassign`, {
          unassignedOn: '2022-04-01',
          revision: fresh.revision,
        })
      ).statusCode,
    ).toBe(200);
    const again = expectOk(await x.w.operatorA.s.get(`${E}/${x.active.id}`), ZEntryDetail);
    expect(
      (
        await x.w.operatorA.s.post(`${E}/${x.active.id}/events`, {
          kind: 'removed',
          reason: 'Không đạt',
          effectiveDate: '2022-06-01',
          revision: again.revision,
        })
      ).statusCode,
    ).toBe(200);
    expect((await calls.return(x.w.operatorA.s)).statusCode).toBe(409); // already accepted
    // The system administrator reaches everything.
    expect((await calls.detail(x.w.admin.s)).statusCode).toBe(200);
  });
});
