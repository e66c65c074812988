/**
 * Evaluation through the API: the period list with proposals, deciding
 * (confirm, override needs a reason, stale revision), confirming many, the
 * phase, and the timeline item.
 */
import { describe, expect, it } from 'vitest';
import { ZConfirmManyResult, ZEvaluationDetail, ZEvaluationPage } from '../../common/schemas/evaluation.ts';
import { ZTimeline } from '../../common/schemas/registry-timeline.ts';
import { expectError, expectOk, setupTest } from '../test/harness.ts';
import { acceptedModel, decidePeriod, EV, evaluationWorld, FAIL, PASS, report } from './test-helpers.ts';

async function world() {
  const t = await setupTest();
  const x = await evaluationWorld(t);
  const { w } = x;
  const passing = await acceptedModel(x, w.tree.a1, w.reporterA1.s, w.operatorA.s, { name: 'Mô hình đạt' });
  const failing = await acceptedModel(x, w.tree.a1, w.reporterA1.s, w.operatorA.s, { name: 'Mô hình không đạt' });
  const missing = await acceptedModel(x, w.tree.a2, w.reporterA2.s, w.operatorA.s, { name: 'Mô hình thiếu số liệu' });
  const submittedOnly = await acceptedModel(x, w.tree.a2, w.reporterA2.s, w.operatorA.s, {
    name: 'Mô hình chưa được tiếp nhận',
  });
  const P = x.periods.h1_2022;
  await report(t.db, x, passing.id, P, PASS);
  await report(t.db, x, failing.id, P, FAIL);
  await report(t.db, x, missing.id, P, { bool: true, num: null, text: 'x' });
  await report(t.db, x, submittedOnly.id, P, PASS, 'submitted');
  return { t, x, w, passing, failing, missing, submittedOnly, P };
}

describe('the period list and its proposals', () => {
  it('lists the expected entries with the proposal from accepted reports only', async () => {
    const { w, P, passing, failing, missing, submittedOnly } = await world();
    const page = expectOk(await w.operatorA.s.get(`${EV}/periods/${P}`), ZEvaluationPage);
    expect(page.total).toBe(4);
    const by = new Map(page.items.map((r) => [r.entry.id, r]));
    expect(by.get(passing.id)?.proposal).toEqual({ met: true, metCount: 2, judgedCount: 2, missingCount: 0 });
    expect(by.get(failing.id)?.proposal).toMatchObject({ met: false, metCount: 1 });
    expect(by.get(missing.id)?.proposal).toMatchObject({ met: null, metCount: 1, missingCount: 1 });
    // A submitted (not accepted) report does not feed the evaluation.
    expect(by.get(submittedOnly.id)?.proposal).toMatchObject({ met: null, metCount: 0, missingCount: 2 });
    expect(by.get(submittedOnly.id)?.report?.status).toBe('submitted');
    expect(page.items.every((r) => r.decision === null && r.canDecide)).toBe(true);
    // Filters.
    expect(expectOk(await w.operatorA.s.get(`${EV}/periods/${P}?unitId=${w.tree.a2}`), ZEvaluationPage).total).toBe(2);
    expect(
      expectOk(await w.operatorA.s.get(`${EV}/periods/${P}?result=no_report`), ZEvaluationPage).items.map(
        (r) => r.entry.id,
      ),
    ).toEqual([submittedOnly.id]);
    expect(
      expectOk(await w.operatorA.s.get(`${EV}/periods/${P}?search=khong%20dat`), ZEvaluationPage).items.map(
        (r) => r.entry.id,
      ),
    ).toEqual([failing.id]);
    expect(expectOk(await w.operatorA.s.get(`${EV}/periods/${P}?result=undecided`), ZEvaluationPage).total).toBe(4);
    expectError(await w.operatorA.s.get(`${EV}/periods/999999`), 404, 'NOT_FOUND');
  });

  it('the detail shows criteria with values, proposed and decided', async () => {
    const { w, x, P, failing } = await world();
    const d = expectOk(await w.operatorA.s.get(`${EV}/entries/${failing.id}?periodId=${P}`), ZEvaluationDetail);
    expect(d.onList).toBe(true);
    expect(d.can.decide).toBe(true);
    expect(d.revision).toBe(null);
    expect(d.criteria.map((c) => [c.criterionId, c.value, c.judged, c.proposed])).toEqual([
      [x.c.bool, true, true, true],
      [x.c.num, 3, true, false],
      [x.c.text, 'Chưa tốt', false, null],
    ]);
    expect((await w.operatorA.s.get(`${EV}/entries/${failing.id}`)).statusCode).toBe(400);
    expect((await w.operatorA.s.get(`${EV}/entries/${failing.id}?periodId=${P}&phaseId=${x.phase}`)).statusCode).toBe(
      400,
    );
  });
});

describe('deciding', () => {
  it('confirms a proposal; an override needs a reason naming the field; re-deciding needs the current revision', async () => {
    const { t, w, x, P, passing, failing, missing } = await world();
    // Confirm.
    const confirmed = await decidePeriod(w.operatorA.s, passing.id, P);
    expect(confirmed.decision).toMatchObject({
      decidedMet: true,
      proposedMet: true,
      overridden: false,
      reason: null,
      decidedBy: 'Cán bộ nghiệp vụ Khối A',
    });
    expect(confirmed.criteria.map((c) => c.decided)).toEqual([true, true, null]);
    expect(confirmed.revision).toBe(1);

    // Override without a reason → 400 naming `reason`.
    const base = {
      entryId: failing.id,
      periodId: P,
      decidedMet: true,
      criteria: [],
      reason: null,
      decidedOn: '2023-01-15',
      revision: null,
    };
    const noReason = await w.operatorA.s.post(`${EV}/decisions`, base);
    expectError(noReason, 400, 'VALIDATION', ['reason']);
    // Overriding a criterion needs that criterion's reason.
    const critNoReason = await w.operatorA.s.post(`${EV}/decisions`, {
      ...base,
      reason: 'Đã khắc phục',
      criteria: [{ criterionId: x.c.num, decidedMet: true, reason: null }],
    });
    expectError(critNoReason, 400, 'VALIDATION', ['criteria.0.reason']);
    // Deciding where the system could not propose is an override too.
    const unproposed = await w.operatorA.s.post(`${EV}/decisions`, { ...base, entryId: missing.id, decidedMet: false });
    expectError(unproposed, 400, 'VALIDATION', ['reason']);
    // Nothing was written.
    expect(
      await t.db.selectFrom('evaluation').select('id').where('entry_id', 'in', [failing.id, missing.id]).execute(),
    ).toEqual([]);

    // With the reasons: recorded as an override, with the proposal snapshot.
    const ok = await w.operatorA.s.post(`${EV}/decisions`, {
      ...base,
      reason: 'Đoàn kiểm tra xác nhận đã đạt',
      criteria: [{ criterionId: x.c.num, decidedMet: true, reason: 'Số liệu bổ sung sau kỳ' }],
      recognitionLevelId: w.levels.coSo,
    });
    const d = expectOk(ok, ZEvaluationDetail);
    expect(d.decision).toMatchObject({
      decidedMet: true,
      proposedMet: false,
      overridden: true,
      reason: 'Đoàn kiểm tra xác nhận đã đạt',
      recognitionLevel: { id: w.levels.coSo },
    });
    expect(d.criteria.find((c) => c.criterionId === x.c.num)).toMatchObject({
      proposed: false,
      decided: true,
      reason: 'Số liệu bổ sung sau kỳ',
    });
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'summary'])
      .where('action', '=', 'evaluation.decided')
      .execute();
    expect(audit).toHaveLength(2);

    // Re-deciding: without the revision → 409; with a stale one → 409; with the current one → 200.
    const again = { ...base, decidedMet: false, reason: null, criteria: [] };
    expect((await w.operatorA.s.post(`${EV}/decisions`, again)).statusCode).toBe(409);
    expect((await w.operatorA.s.post(`${EV}/decisions`, { ...again, revision: 7 })).statusCode).toBe(409);
    const redecided = await w.operatorA.s.post(`${EV}/decisions`, { ...again, revision: d.revision });
    const redecidedDetail = expectOk(redecided, ZEvaluationDetail);
    expect(redecidedDetail.decision).toMatchObject({
      decidedMet: false,
      overridden: false,
      reason: null,
      recognitionLevel: null,
    });
    expect(redecidedDetail.revision).toBe(2);

    // The list shows the decisions; result filters follow them.
    expect(
      expectOk(await w.operatorA.s.get(`${EV}/periods/${P}?result=met`), ZEvaluationPage).items.map((r) => r.entry.id),
    ).toEqual([passing.id]);
    expect(
      expectOk(await w.operatorA.s.get(`${EV}/periods/${P}?result=not_met`), ZEvaluationPage).items.map(
        (r) => r.entry.id,
      ),
    ).toEqual([failing.id]);
    expect(expectOk(await w.operatorA.s.get(`${EV}/periods/${P}?result=decided`), ZEvaluationPage).total).toBe(2);

    // The timeline of the entry carries the evaluation.
    const timeline = expectOk(await w.reporterA1.s.get(`/api/v1/registry/entries/${passing.id}/timeline`), ZTimeline);
    const item = timeline.items.find((i) => i.type === 'evaluation');
    expect(item).toMatchObject({
      label: 'Đánh giá kỳ 6 tháng đầu năm 2022: Đạt',
      date: '2023-01-15',
      decidedMet: true,
      overridden: false,
    });
  });

  it('rejects bad input with 4xx naming the field', async () => {
    const { w, x, P, passing } = await world();
    const base = {
      entryId: passing.id,
      periodId: P,
      decidedMet: true,
      criteria: [],
      reason: null,
      decidedOn: '2023-01-15',
      revision: null,
    };
    const future = await w.operatorA.s.post(`${EV}/decisions`, { ...base, decidedOn: '2999-01-01' });
    expectError(future, 400, 'VALIDATION', ['decidedOn']);
    const both = await w.operatorA.s.post(`${EV}/decisions`, { ...base, phaseId: x.phase });
    expectError(both, 400, 'VALIDATION', ['periodId']);
    const neither = await w.operatorA.s.post(`${EV}/decisions`, { ...base, periodId: null });
    expect(neither.statusCode).toBe(400);
    const foreign = await w.operatorA.s.post(`${EV}/decisions`, {
      ...base,
      criteria: [{ criterionId: 999999, decidedMet: true, reason: null }],
    });
    expectError(foreign, 400, 'VALIDATION', ['criteria.0.criterionId']);
    const notMetRecognised = await w.operatorA.s.post(`${EV}/decisions`, {
      ...base,
      decidedMet: false,
      reason: 'Không đạt',
      recognitionLevelId: w.levels.coSo,
    });
    expectError(notMetRecognised, 400, 'VALIDATION', ['recognitionLevelId']);
    const noDocument = await w.operatorA.s.post(`${EV}/decisions`, { ...base, documentId: 999999 });
    expectError(noDocument, 400, 'VALIDATION', ['documentId']);
    // Recognition above the evaluator's level → 403.
    expect(
      (await w.operatorA.s.post(`${EV}/decisions`, { ...base, recognitionLevelId: w.levels.tinh })).statusCode,
    ).toBe(403);
    // After all that, a valid confirmation still goes through.
    expect(expectOk(await w.operatorA.s.post(`${EV}/decisions`, base), ZEvaluationDetail).decision!.decidedMet).toBe(
      true,
    );
  });

  it('an entry not on the period list cannot be decided (409)', async () => {
    const { t, w, x } = await world();
    const later = await acceptedModel(x, w.tree.a1, w.reporterA1.s, w.operatorA.s, { name: 'Mô hình mới' });
    // Put its span after H1 2022.
    await t.db
      .updateTable('registry_span')
      .set({ valid_from: '2022-08-01' })
      .where('entry_id', '=', later.id)
      .execute();
    const r = await w.operatorA.s.post(`${EV}/decisions`, {
      entryId: later.id,
      periodId: x.periods.h1_2022,
      decidedMet: true,
      reason: 'x',
      decidedOn: '2023-01-15',
      revision: null,
    });
    expect(r.statusCode).toBe(409);
    expect(
      expectOk(await w.operatorA.s.get(`${EV}/entries/${later.id}?periodId=${x.periods.h1_2022}`), ZEvaluationDetail),
    ).toMatchObject({
      onList: false,
      can: { decide: false },
    });
  });
});

describe('confirming many', () => {
  it('confirms the proposals that exist, for entries the actor may approve, and says why the others were skipped', async () => {
    const { t, w, x, P, passing, failing, missing, submittedOnly } = await world();
    const other = await acceptedModel(x, w.tree.b1, w.operatorB.s, w.operatorB.s);
    await report(t.db, x, other.id, P, PASS);
    await decidePeriod(w.operatorA.s, passing.id, P);
    const r = await w.operatorA.s.post(`${EV}/periods/${P}/confirm-many`, {
      entryIds: [passing.id, failing.id, missing.id, submittedOnly.id, other.id, 999999],
    });
    const body = expectOk(r, ZConfirmManyResult);
    expect(body.confirmed).toBe(1);
    expect(Object.fromEntries(body.skipped.map((s) => [s.entryId, s.reason]))).toEqual({
      [passing.id]: 'already_decided',
      [missing.id]: 'no_proposal',
      [submittedOnly.id]: 'no_proposal',
      [other.id]: 'not_found',
      999999: 'not_found',
    });
    const d = expectOk(await w.operatorA.s.get(`${EV}/entries/${failing.id}?periodId=${P}`), ZEvaluationDetail);
    expect(d.decision).toMatchObject({ decidedMet: false, proposedMet: false, overridden: false });
    expect(d.criteria.map((c) => c.decided)).toEqual([true, false, null]);
  });
});

describe('phase', () => {
  it('proposes from every evaluated period of the phase, decisions first', async () => {
    const { t, w, x, passing, failing } = await world();
    // passing: passes H1, H2 2022 and the year; failing: fails H1 (decided met with a reason), passes the others.
    for (const p of [x.periods.h2_2022, x.periods.y2022, x.periods.h1_2023, x.periods.h2_2023]) {
      await report(t.db, x, passing.id, p, PASS);
      await report(t.db, x, failing.id, p, PASS);
    }
    let page = expectOk(await w.operatorA.s.get(`${EV}/phases/${x.phase}`), ZEvaluationPage);
    let by = new Map(page.items.map((r) => [r.entry.id, r]));
    expect(by.get(passing.id)?.proposal.met).toBe(true);
    expect(by.get(failing.id)?.proposal.met).toBe(false);
    expect(by.get(passing.id)?.acceptedReports).toBe(5);
    expect(page.scope).toMatchObject({ type: 'phase', name: 'Sơ kết 2 năm 2022-2023' });

    await w.operatorA.s.post(`${EV}/decisions`, {
      entryId: failing.id,
      periodId: x.periods.h1_2022,
      decidedMet: true,
      reason: 'Đã bổ sung số liệu',
      criteria: [{ criterionId: x.c.num, decidedMet: true, reason: 'Số liệu bổ sung' }],
      decidedOn: '2022-08-01',
      revision: null,
    });
    page = expectOk(await w.operatorA.s.get(`${EV}/phases/${x.phase}`), ZEvaluationPage);
    by = new Map(page.items.map((r) => [r.entry.id, r]));
    expect(by.get(failing.id)?.proposal).toMatchObject({ met: true, metCount: 2 });
    const d = expectOk(await w.operatorA.s.get(`${EV}/entries/${failing.id}?phaseId=${x.phase}`), ZEvaluationDetail);
    expect(d.periods.map((p) => [p.name, p.met, p.source])).toEqual([
      ['6 tháng đầu năm 2022', true, 'decision'],
      ['6 tháng cuối năm 2022', true, 'proposal'],
      ['Năm 2022', true, 'proposal'],
      ['6 tháng đầu năm 2023', true, 'proposal'],
      ['6 tháng cuối năm 2023', true, 'proposal'],
    ]);
    // Decide the phase: confirm.
    const decided = await w.operatorA.s.post(`${EV}/decisions`, {
      entryId: failing.id,
      phaseId: x.phase,
      decidedMet: true,
      decidedOn: '2024-01-20',
      revision: null,
      recognitionLevelId: w.levels.trenCoSo,
    });
    expect(expectOk(decided, ZEvaluationDetail).decision).toMatchObject({
      decidedMet: true,
      overridden: false,
      recognitionLevel: { id: w.levels.trenCoSo },
    });
    expect(
      expectOk(await w.operatorA.s.get(`${EV}/phases/${x.phase}?result=met`), ZEvaluationPage).items.map(
        (r) => r.entry.id,
      ),
    ).toEqual([failing.id]);
    const timeline = expectOk(await w.operatorA.s.get(`/api/v1/registry/entries/${failing.id}/timeline`), ZTimeline);
    expect(timeline.items.filter((i) => i.type === 'evaluation').map((i) => i.label)).toEqual([
      'Đánh giá kỳ 6 tháng đầu năm 2022: Đạt',
      'Đánh giá giai đoạn Sơ kết 2 năm 2022-2023: Đạt',
    ]);
  });
});
