/** Inspections after they start: findings per criterion, conclusions and follow-ups to closure, the entries' timeline. */
import { describe, expect, it } from 'vitest';
import { ZFollowupPage, ZInspectionDetail, ZInspectionPage } from '../../common/schemas/inspections.ts';
import { ZTimeline } from '../../common/schemas/registry-timeline.ts';
import { expectError, expectOk } from '../test/harness.ts';
import { openInspectionIssues } from './open-issues.ts';
import { createInspection, I, inspectionBody, inspectionWorld } from './test-helpers.ts';

describe('inspections', () => {
  it('records findings per criterion of the entry’s own set, replacing them per entry', async () => {
    const { w, a1, a2, criteria, foreignCriterion } = await inspectionWorld();
    const insp = await createInspection(w.operatorA.s, inspectionBody(w.tree.blocA, [a1.id, a2.id]));
    const put = (body: Record<string, unknown>) => w.operatorA.s.put(`${I}/${insp.id}/findings`, body);
    const first = await put({
      entryId: a1.id,
      findings: [
        { criterionId: criteria[0], assessment: 'met', note: 'Đầy đủ minh chứng' },
        { criterionId: criteria[1], assessment: 'not_met', note: 'Chưa có kế hoạch' },
        { criterionId: null, assessment: 'partly_met', note: 'Đạt một phần' },
      ],
      revision: 1,
    });
    const f = expectOk(first, ZInspectionDetail);
    // Recording findings starts the inspection.
    expect(f.status).toBe('in_progress');
    expect(
      f.findings.map((x: { criterionId: number | null; assessment: string }) => [x.criterionId, x.assessment]),
    ).toEqual([
      [null, 'partly_met'],
      [criteria[0], 'met'],
      [criteria[1], 'not_met'],
    ]);
    // Replaced, for that entry only.
    await put({ entryId: a2.id, findings: [{ criterionId: null, assessment: 'met' }], revision: f.revision });
    const replaced = expectOk(
      await put({
        entryId: a1.id,
        findings: [{ criterionId: criteria[0], assessment: 'not_met' }],
        revision: f.revision + 1,
      }),
      ZInspectionDetail,
    );
    expect(
      replaced.findings.map((x: { entryId: number; assessment: string }) => [x.entryId, x.assessment]).sort(),
    ).toEqual(
      [
        [a1.id, 'not_met'],
        [a2.id, 'met'],
      ].sort(),
    );

    const foreign = await put({
      entryId: a1.id,
      findings: [{ criterionId: foreignCriterion, assessment: 'met' }],
      revision: replaced.revision,
    });
    expect(expectError(foreign, 400, 'VALIDATION', ['findings.0.criterionId']).message).toContain(
      'không thuộc bộ tiêu chí',
    );
    const twice = await put({
      entryId: a1.id,
      findings: [
        { criterionId: null, assessment: 'met' },
        { criterionId: null, assessment: 'not_met' },
      ],
      revision: replaced.revision,
    });
    expect(twice.statusCode).toBe(400);
    const notSubject = await put({ entryId: 999999, findings: [], revision: replaced.revision });
    expectError(notSubject, 400, 'VALIDATION', ['entryId']);
    const badAssessment = await put({
      entryId: a1.id,
      findings: [{ criterionId: null, assessment: 'excellent' }],
      revision: replaced.revision,
    });
    expect(badAssessment.statusCode).toBe(400);
    const stale = await put({ entryId: a1.id, findings: [], revision: 1 });
    expect(stale.statusCode).toBe(409);
    // Nothing of the refused calls was written.
    expect(expectOk(await w.operatorA.s.get(`${I}/${insp.id}`), ZInspectionDetail).findings).toHaveLength(2);

    // Dropping an entry from the inspection drops its findings.
    const dropped = expectOk(
      await w.operatorA.s.patch(`${I}/${insp.id}`, { entryIds: [a1.id], revision: replaced.revision }),
      ZInspectionDetail,
    );
    expect(dropped.findings.map((x: { entryId: number }) => x.entryId)).toEqual([a1.id]);
  });

  it('concludes, then only follow-ups move: they are tracked to closure, with the open and overdue lists', async () => {
    const { w, a1, a2 } = await inspectionWorld();
    const insp = await createInspection(w.operatorA.s, inspectionBody(w.tree.blocA, [a1.id]));
    const tomorrow = new Date(Date.now() + 2 * 86400_000).toISOString().slice(0, 10);
    const future = await w.operatorA.s.post(`${I}/${insp.id}/conclude`, {
      conclusions: 'Đạt',
      concludedOn: tomorrow,
      revision: 1,
    });
    expectError(future, 400, 'VALIDATION', ['concludedOn']);
    const early = await w.operatorA.s.post(`${I}/${insp.id}/conclude`, {
      conclusions: 'Đạt',
      concludedOn: '2023-03-01',
      revision: 1,
    });
    expect(early.statusCode).toBe(400);
    const concluded = await w.operatorA.s.post(`${I}/${insp.id}/conclude`, {
      conclusions: 'Mô hình triển khai đúng kế hoạch',
      recommendations: 'Bổ sung minh chứng',
      concludedOn: '2023-05-10',
      revision: 1,
    });
    const c = expectOk(concluded, ZInspectionDetail);
    expect(c).toMatchObject({
      status: 'concluded',
      concludedOn: '2023-05-10',
      conclusions: 'Mô hình triển khai đúng kế hoạch',
      recommendations: 'Bổ sung minh chứng',
    });
    expect(c.can).toEqual({ edit: false, conclude: false, addFollowup: true });
    // Closed to edits.
    const edit = await w.operatorA.s.patch(`${I}/${insp.id}`, { title: 'Khác', revision: c.revision });
    expectError(edit, 409, 'INVALID_STATE');
    expect(
      (await w.operatorA.s.put(`${I}/${insp.id}/findings`, { entryId: a1.id, findings: [], revision: c.revision }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await w.operatorA.s.post(`${I}/${insp.id}/conclude`, {
          conclusions: 'Lại',
          concludedOn: '2023-05-11',
          revision: c.revision,
        })
      ).statusCode,
    ).toBe(409);

    // Follow-ups: the entry must be covered by the inspection; the unit must exist for the actor.
    const notSubject = await w.operatorA.s.post(`${I}/${insp.id}/followups`, { action: 'Sửa', entryId: a2.id });
    expectError(notSubject, 400, 'VALIDATION', ['entryId']);
    const foreignUnit = await w.operatorA.s.post(`${I}/${insp.id}/followups`, {
      action: 'Sửa',
      responsibleUnitId: w.tree.b1,
    });
    expectError(foreignUnit, 400, 'VALIDATION', ['responsibleUnitId']);
    const add = (body: Record<string, unknown>) => w.operatorA.s.post(`${I}/${insp.id}/followups`, body);
    expect(
      (
        await add({
          action: 'Bổ sung hồ sơ minh chứng',
          entryId: a1.id,
          responsibleUnitId: w.tree.a1,
          dueOn: '2023-06-30',
        })
      ).statusCode,
    ).toBe(201);
    expect((await add({ action: 'Tổ chức sơ kết', entryId: a1.id, dueOn: '2099-12-31' })).statusCode).toBe(201);
    const withThree = expectOk(
      await add({ action: 'Báo cáo kết quả khắc phục', responsibleUnitId: w.tree.a1 }),
      ZInspectionDetail,
      201,
    );
    expect(withThree).toMatchObject({ openFollowups: 3, overdueFollowups: 1 });
    const overdue = withThree.followups.find((f) => f.action === 'Bổ sung hồ sơ minh chứng')!;
    expect(overdue).toMatchObject({
      overdue: true,
      status: 'open',
      entry: { id: a1.id },
      responsibleUnit: { id: w.tree.a1, name: 'Đảng bộ Sở Tư pháp' },
      canClose: true,
    });

    const openOverdue = expectOk(await w.viewerA.s.get(`${I}/followups?status=open&overdue=true`), ZFollowupPage);
    expect(openOverdue.items.map((f: { id: number }) => f.id)).toEqual([overdue.id]);
    expect(expectOk(await w.viewerA.s.get(`${I}/followups?status=open&unitId=${w.tree.a1}`), ZFollowupPage).total).toBe(
      3,
    );
    expect(expectOk(await w.viewerA.s.get(`${I}/followups?status=open&unitId=${w.tree.a2}`), ZFollowupPage).total).toBe(
      0,
    );
    expect(expectOk(await w.viewerA.s.get(`${I}/followups?status=open&overdue=false`), ZFollowupPage).total).toBe(2);
    // The inspected unit's reporter follows its own list.
    expect(expectOk(await w.reporterA1.s.get(`${I}/followups?status=open`), ZFollowupPage).total).toBe(3);

    const close = (id: number, body: Record<string, unknown>) => w.operatorA.s.post(`${I}/followups/${id}/close`, body);
    const cancelNoNote = await close(overdue.id, {
      status: 'cancelled',
      closedOn: '2023-07-01',
      revision: overdue.revision,
    });
    expectError(cancelNoNote, 400, 'VALIDATION', ['closingNote']);
    expect(
      (await close(overdue.id, { status: 'done', closedOn: tomorrow, revision: overdue.revision })).statusCode,
    ).toBe(400);
    expect(
      (await close(overdue.id, { status: 'done', closedOn: '2023-07-01', revision: overdue.revision + 5 })).statusCode,
    ).toBe(409);
    const done = await close(overdue.id, {
      status: 'done',
      closedOn: '2023-07-01',
      closingNote: 'Đã bổ sung',
      revision: overdue.revision,
    });
    const closed = expectOk(done, ZInspectionDetail).followups.find((f) => f.id === overdue.id)!;
    expect(closed).toMatchObject({
      status: 'done',
      closedOn: '2023-07-01',
      closingNote: 'Đã bổ sung',
      overdue: false,
      canClose: false,
    });
    const again = await close(overdue.id, { status: 'done', closedOn: '2023-07-02', revision: closed.revision });
    expectError(again, 409, 'INVALID_STATE');

    expect(expectOk(await w.viewerA.s.get(`${I}/followups?status=open&overdue=true`), ZFollowupPage).total).toBe(0);
    expect(
      expectOk(await w.viewerA.s.get(`${I}/followups?status=done`), ZFollowupPage).items.map(
        (f: { id: number }) => f.id,
      ),
    ).toEqual([overdue.id]);
    expect(expectOk(await w.viewerA.s.get(I), ZInspectionPage).items[0]).toMatchObject({
      openFollowups: 2,
      overdueFollowups: 0,
    });
  });

  it('shows inspections on the timeline of each covered entry, and counts open issues per entry', async () => {
    const { t, w, a1, a2, b1, criteria } = await inspectionWorld();
    const early = await createInspection(
      w.operatorA.s,
      inspectionBody(w.tree.blocA, [a1.id, a2.id], { startsOn: '2023-04-01', endsOn: null }),
    );
    const late = await createInspection(
      w.operatorA.s,
      inspectionBody(w.tree.blocA, [a1.id], {
        kind: 'supervision',
        title: 'Giám sát lần 2',
        startsOn: '2024-03-01',
        endsOn: null,
      }),
    );
    const put = (id: number, entryId: number, findings: unknown[], revision: number) =>
      w.operatorA.s.put(`${I}/${id}/findings`, { entryId, findings, revision });
    const e1 = expectOk(
      await put(
        early.id,
        a1.id,
        [
          { criterionId: criteria[0], assessment: 'not_met' },
          { criterionId: criteria[1], assessment: 'not_met' },
        ],
        1,
      ),
      ZInspectionDetail,
    );
    await put(
      early.id,
      a2.id,
      [
        { criterionId: criteria[0], assessment: 'not_met' },
        { criterionId: null, assessment: 'not_met' },
      ],
      e1.revision,
    );
    // The later inspection of a1 supersedes the earlier findings on a1.
    await put(
      late.id,
      a1.id,
      [
        { criterionId: criteria[0], assessment: 'met' },
        { criterionId: criteria[1], assessment: 'not_met' },
      ],
      1,
    );
    await w.operatorA.s.post(`${I}/${early.id}/followups`, {
      action: 'Khắc phục tiêu chí 1',
      entryId: a1.id,
      dueOn: '2023-06-30',
    });
    await w.operatorA.s.post(`${I}/${late.id}/followups`, { action: 'Khắc phục tiêu chí 2', entryId: a1.id });
    const withGeneral = expectOk(
      await w.operatorA.s.post(`${I}/${late.id}/followups`, { action: 'Việc chung' }),
      ZInspectionDetail,
      201,
    );
    const toClose = withGeneral.followups.find((f) => f.action === 'Khắc phục tiêu chí 2')!;
    await w.operatorA.s.post(`${I}/followups/${toClose.id}/close`, {
      status: 'done',
      closedOn: '2024-04-01',
      revision: toClose.revision,
    });

    const issues = await openInspectionIssues(t.db, [a1.id, a2.id, b1.id]);
    expect(Object.fromEntries(issues)).toEqual({
      [a1.id]: { openFollowups: 1, notMetFindings: 1 },
      [a2.id]: { openFollowups: 0, notMetFindings: 2 },
      [b1.id]: { openFollowups: 0, notMetFindings: 0 },
    });
    expect((await openInspectionIssues(t.db, [])).size).toBe(0);

    const timeline = expectOk(await w.reporterA1.s.get(`/api/v1/registry/entries/${a1.id}/timeline`), ZTimeline);
    const items = timeline.items.filter((i: { type: string }) => i.type === 'inspection');
    expect(items).toEqual([
      {
        type: 'inspection',
        id: early.id,
        kind: 'inspection',
        label: 'Kiểm tra',
        date: '2023-04-01',
        title: early.title,
        status: 'in_progress',
        ownerUnit: { id: w.tree.blocA, name: 'Đảng ủy Khối A' },
        openFollowups: 1,
      },
      {
        type: 'inspection',
        id: late.id,
        kind: 'supervision',
        label: 'Giám sát',
        date: '2024-03-01',
        title: 'Giám sát lần 2',
        status: 'in_progress',
        ownerUnit: { id: w.tree.blocA, name: 'Đảng ủy Khối A' },
        openFollowups: 0,
      },
    ]);
    const b1Timeline = expectOk(await w.operatorB.s.get(`/api/v1/registry/entries/${b1.id}/timeline`), ZTimeline);
    expect(b1Timeline.items.filter((i: { type: string }) => i.type === 'inspection')).toEqual([]);
  });
});
