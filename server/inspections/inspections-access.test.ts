/**
 * Who may see and change inspections, for every endpoint: unauthenticated
 * 401; outside the read scope 404; readable but not writable 403; the
 * inspected unit and the entry's monitor see the inspection read-only.
 */
import { describe, expect, it } from 'vitest';
import { ZFollowupPage, ZInspectionDetail, ZInspectionPage } from '../../common/schemas/inspections.ts';
import { anonymous, expectOk, type Session } from '../test/harness.ts';
import { createInspection, I, inspectionBody, inspectionWorld } from './test-helpers.ts';

type Call = (s: Session) => ReturnType<Session['get']>;

async function world() {
  const x = await inspectionWorld();
  const { w } = x;
  const insp = await createInspection(w.operatorA.s, inspectionBody(w.tree.blocA, [x.a1.id, x.a2.id]));
  const withFollowup = expectOk(
    await w.operatorA.s.post(`${I}/${insp.id}/followups`, {
      action: 'Bổ sung hồ sơ minh chứng',
      entryId: x.a1.id,
      dueOn: '2023-06-30',
    }),
    ZInspectionDetail,
    201,
  );
  const followup = withFollowup.followups[0]!;
  const other = await createInspection(
    w.operatorB.s,
    inspectionBody(w.tree.blocB, [x.b1.id], { title: 'Giám sát Khối B', kind: 'supervision' }),
  );
  return { ...x, insp: withFollowup, followup, other };
}
type World = Awaited<ReturnType<typeof world>>;

function endpoints(x: World) {
  const { w, insp, followup } = x;
  return {
    list: ((s) => s.get(I)) as Call,
    followups: ((s) => s.get(`${I}/followups?status=open`)) as Call,
    create: ((s) => s.post(I, inspectionBody(w.tree.blocA, [x.a1.id], { title: 'Đợt mới' }))) as Call,
    detail: ((s) => s.get(`${I}/${insp.id}`)) as Call,
    patch: ((s) => s.patch(`${I}/${insp.id}`, { title: 'Tên mới', revision: insp.revision })) as Call,
    findings: ((s) =>
      s.put(`${I}/${insp.id}/findings`, {
        entryId: x.a1.id,
        findings: [{ criterionId: null, assessment: 'met' }],
        revision: insp.revision,
      })) as Call,
    conclude: ((s) =>
      s.post(`${I}/${insp.id}/conclude`, {
        conclusions: 'Đạt yêu cầu',
        concludedOn: '2023-05-05',
        revision: insp.revision,
      })) as Call,
    addFollowup: ((s) => s.post(`${I}/${insp.id}/followups`, { action: 'Tổ chức sơ kết' })) as Call,
    close: ((s) =>
      s.post(`${I}/followups/${followup.id}/close`, {
        status: 'done',
        closedOn: '2023-06-01',
        revision: followup.revision,
      })) as Call,
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

const readOnly = {
  list: 200,
  followups: 200,
  create: 403,
  detail: 200,
  patch: 403,
  findings: 403,
  conclude: 403,
  addFollowup: 403,
  close: 403,
};

describe('inspection permissions', () => {
  it('answers 401 on every endpoint without signing in', async () => {
    const x = await world();
    const calls = endpoints(x);
    await expectStatuses(anonymous(x.t.app), calls, Object.fromEntries(Object.keys(calls).map((k) => [k, 401])));
  });

  it('a viewer of the inspecting bloc sees everything and changes nothing', async () => {
    const x = await world();
    await expectStatuses(x.w.viewerA.s, endpoints(x), readOnly);
    const detail = expectOk(await x.w.viewerA.s.get(`${I}/${x.insp.id}`), ZInspectionDetail);
    expect(detail.can).toEqual({ edit: false, conclude: false, addFollowup: false });
    expect(detail.followups[0]!.canClose).toBe(false);
    expect(detail.subjects).toHaveLength(2);
  });

  it("another bloc's operator finds nothing (404) and may not inspect outside its subtree", async () => {
    const x = await world();
    await expectStatuses(x.w.operatorB.s, endpoints(x), {
      list: 200,
      followups: 200,
      create: 404,
      detail: 404,
      patch: 404,
      findings: 404,
      conclude: 404,
      addFollowup: 404,
      close: 404,
    });
    const list = expectOk(await x.w.operatorB.s.get(I), ZInspectionPage);
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([x.other.id]);
    expect(expectOk(await x.w.operatorB.s.get(`${I}/followups`), ZFollowupPage).total).toBe(0);
  });

  it("the inspected unit's reporter sees the inspection read-only, with only its own entries", async () => {
    const x = await world();
    await expectStatuses(x.w.reporterA1.s, endpoints(x), readOnly);
    const detail = expectOk(await x.w.reporterA1.s.get(`${I}/${x.insp.id}`), ZInspectionDetail);
    expect(detail.subjects.map((s: { id: number }) => s.id)).toEqual([x.a1.id]);
    expect(detail.hiddenSubjects).toBe(1);
    // It does not see bloc B's supervision.
    expect((await x.w.reporterA1.s.get(`${I}/${x.other.id}`)).statusCode).toBe(404);
    expect(expectOk(await x.w.reporterA1.s.get(I), ZInspectionPage).items.map((i: { id: number }) => i.id)).toEqual([
      x.insp.id,
    ]);
    // The a2 reporter does not see the a1 follow-up.
    const a2 = expectOk(await x.w.reporterA2.s.get(`${I}/${x.insp.id}`), ZInspectionDetail);
    expect(a2.followups).toEqual([]);
    expect(expectOk(await x.w.reporterA2.s.get(`${I}/followups`), ZFollowupPage).total).toBe(0);
    expect(
      (
        await x.w.reporterA2.s.post(`${I}/followups/${x.followup.id}/close`, {
          status: 'done',
          closedOn: '2023-06-01',
          revision: 1,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('a monitor sees inspections of the entries assigned to it only, read-only', async () => {
    const x = await world();
    await expectStatuses(x.w.monitor.s, endpoints(x), readOnly);
    expect(
      expectOk(await x.w.monitor.s.get(`${I}/${x.insp.id}`), ZInspectionDetail).subjects.map(
        (s: { id: number }) => s.id,
      ),
    ).toEqual([x.a1.id]);
    expect((await x.w.monitor.s.get(`${I}/${x.other.id}`)).statusCode).toBe(404);
  });

  it('the operator of the inspecting bloc (and of the province) may change it', async () => {
    const x = await world();
    const calls = endpoints(x);
    expect((await calls.create(x.w.operatorA.s)).statusCode).toBe(201);
    expect((await calls.patch(x.w.operatorRoot.s)).statusCode).toBe(200);
    expect(expectOk(await x.w.operatorA.s.get(`${I}/${x.insp.id}`), ZInspectionDetail).can).toEqual({
      edit: true,
      conclude: true,
      addFollowup: true,
    });
    // A reporter has no inspections.write anywhere.
    expect((await x.w.reporterA1.s.post(I, inspectionBody(x.w.tree.a1, [x.a1.id]))).statusCode).toBe(403);
  });
});
