/** The periodic report flow: every transition and which entries report at all. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ZEntryDetail } from '../../common/schemas/registry.ts';
import { ZReport } from '../../common/schemas/reporting.ts';
import { expectError, expectOk, setupTest } from '../test/harness.ts';
import { fullValues, R, reportingWorld, saveBody, startReport } from './test-helpers.ts';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});

async function world() {
  const t = await setupTest();
  const x = await reportingWorld(t);
  return { t, x };
}

const kinds = (report: { events: Array<{ kind: string }> }) => report.events.map((e) => e.kind);

describe('report flow', () => {
  it('goes draft → submitted → returned → resubmitted → accepted → changed → re-accepted, refusing illegal steps', async () => {
    const { t, x } = await world();
    const { w } = x;
    const rep = w.reporterA1.s;
    const op = w.operatorA.s;
    const draft = await startReport(rep, x.entries.a1.id, x.period.id);
    expect(draft).toMatchObject({
      status: 'draft',
      criteriaSet: { id: x.field.criteriaSetId },
      can: { edit: true, submit: true, review: false },
      late: false,
    });
    expect(draft.criteria.map((c: { code: string }) => c.code)).toEqual(['1', '2', '3', '4', '5', '6']);
    // Starting again returns the same report (200).
    const again = await rep.post(R, { entryId: x.entries.a1.id, periodId: x.period.id });
    expect(expectOk(again, ZReport).id).toBe(draft.id);

    // Nothing to accept or return yet.
    expectError(await op.post(`${R}/${draft.id}/accept`, { revision: draft.revision }), 409, 'INVALID_STATE');
    expect((await op.post(`${R}/${draft.id}/return`, { reason: 'Bổ sung', revision: draft.revision })).statusCode).toBe(
      409,
    );

    const saved = expectOk(await rep.put(`${R}/${draft.id}`, saveBody(fullValues(x.crit), draft.revision)), ZReport);
    expect(saved.status).toBe('draft');
    expect(saved.criteria.map((c: { met: boolean | null }) => c.met)).toEqual([true, true, true, true, null, true]);
    const sent = expectOk(await rep.post(`${R}/${draft.id}/submit`, { revision: saved.revision }), ZReport);
    expect(sent).toMatchObject({
      status: 'submitted',
      submittedBy: 'Cán bộ báo cáo A1',
      late: false,
      can: { submit: false },
    });
    const twice = await rep.post(`${R}/${draft.id}/submit`, { revision: sent.revision });
    expect(expectError(twice, 409, 'INVALID_STATE').message).toMatch(/đã được gửi/);
    // The reporter cannot review.
    expect((await rep.post(`${R}/${draft.id}/accept`, { revision: sent.revision })).statusCode).toBe(403);

    // Return with notes next to a criterion of this set; a criterion of another set is refused.
    const foreign = await op.post(`${R}/${draft.id}/return`, {
      reason: 'Bổ sung',
      notes: [{ field: 'criterion:999999', note: 'x' }],
      revision: sent.revision,
    });
    expectError(foreign, 400, 'VALIDATION', ['notes.0.field']);
    const returned = expectOk(
      await op.post(`${R}/${draft.id}/return`, {
        reason: 'Cần bổ sung minh chứng',
        notes: [
          { field: `criterion:${x.crit.pct}`, note: 'Tỷ lệ chưa có số liệu gốc' },
          { field: 'files', note: 'Thiếu ảnh' },
        ],
        revision: sent.revision,
      }),
      ZReport,
    );
    expect(returned).toMatchObject({
      status: 'returned',
      returnReason: 'Cần bổ sung minh chứng',
      returnNotes: [
        { field: `criterion:${x.crit.pct}`, note: 'Tỷ lệ chưa có số liệu gốc' },
        { field: 'files', note: 'Thiếu ảnh' },
      ],
    });
    const notes = await t.db.selectFrom('notification').selectAll().where('kind', '=', 'report.returned').execute();
    expect(notes.map((n) => n.user_id)).toEqual([w.reporterA1.id]);
    expect(notes[0]).toMatchObject({ link: `/bao-cao-dinh-ky/${draft.id}`, body: 'Cần bổ sung minh chứng' });
    // The reporter sees the reason.
    expect(expectOk(await rep.get(`${R}/${draft.id}`), ZReport)).toMatchObject({
      returnReason: 'Cần bổ sung minh chứng',
      can: { edit: true, submit: true },
    });

    const fixed = expectOk(
      await rep.put(
        `${R}/${draft.id}`,
        saveBody(fullValues(x.crit), returned.revision, { results: 'Đã bổ sung số liệu' }),
      ),
      ZReport,
    );
    expect(fixed.status).toBe('returned');
    const resent = expectOk(await rep.post(`${R}/${draft.id}/submit`, { revision: fixed.revision }), ZReport);
    expect(resent).toMatchObject({ status: 'submitted', returnReason: null, returnNotes: [] });
    const accepted = expectOk(await op.post(`${R}/${draft.id}/accept`, { revision: resent.revision }), ZReport);
    expect(accepted).toMatchObject({
      status: 'accepted',
      acceptedBy: 'Cán bộ nghiệp vụ Khối A',
      changedAfterAcceptance: false,
    });
    expect(
      (await t.db.selectFrom('notification').select('user_id').where('kind', '=', 'report.accepted').execute()).map(
        (n) => n.user_id,
      ),
    ).toEqual([w.reporterA1.id]);
    expect(
      expectError(
        await op.post(`${R}/${draft.id}/return`, { reason: 'Muộn', revision: accepted.revision }),
        409,
        'INVALID_STATE',
      ).message,
    ).toMatch(/đã được tiếp nhận/);
    expectError(await rep.post(`${R}/${draft.id}/submit`, { revision: accepted.revision }), 409, 'INVALID_STATE');

    // A change after acceptance: back to waiting, flagged.
    const changed = expectOk(
      await rep.put(
        `${R}/${draft.id}`,
        saveBody(fullValues(x.crit), accepted.revision, { results: 'Cập nhật kết quả tháng 6' }),
      ),
      ZReport,
    );
    expect(changed).toMatchObject({
      status: 'submitted',
      changedAfterAcceptance: true,
      results: 'Cập nhật kết quả tháng 6',
      can: { review: false },
    });
    expect(expectOk(await op.get(`${R}/${draft.id}`), ZReport).can.review).toBe(true);
    const reaccepted = expectOk(await op.post(`${R}/${draft.id}/accept`, { revision: changed.revision }), ZReport);
    expect(reaccepted).toMatchObject({ status: 'accepted', changedAfterAcceptance: false });
    expect(kinds(reaccepted)).toEqual([
      'created',
      'submitted',
      'returned',
      'resubmitted',
      'accepted',
      'changed',
      'reaccepted',
    ]);
    const audits = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('entity_type', '=', 'period_report')
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toEqual([
      'report.created',
      'report.saved',
      'report.submitted',
      'report.returned',
      'report.saved',
      'report.submitted',
      'report.accepted',
      'report.changed',
      'report.accepted',
    ]);
  });

  it('only reports for entries expected in the period', async () => {
    const { t, x } = await world();
    // An entry still in draft is not on the list.
    const reg = await x.w.reporterA1.s.post('/api/v1/registry/entries', {
      entry: {
        kind: 'model',
        name: 'Mô hình nháp',
        ownerUnitId: x.w.tree.a1,
        fieldId: x.field.id,
        planId: x.w.plan,
        levelId: x.w.levels.coSo,
      },
    });
    const response = await x.w.reporterA1.s.post(R, {
      entryId: expectOk(reg, ZEntryDetail, 201).id,
      periodId: x.period.id,
    });
    expect(expectError(response, 400, 'VALIDATION').message).toMatch(
      /không có trong danh sách vào ngày cuối kỳ \(30\/06\/2022\)/,
    );
    // A period of another plan the entry does not belong to.
    const other = await t.db
      .insertInto('plan')
      .values({
        owner_unit_id: x.w.tree.blocB,
        title: 'Kế hoạch Khối B',
        starts_on: '2021-01-01',
        ends_on: '2025-12-31',
        search_text: 'ke hoach khoi b',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const period = await t.db
      .insertInto('report_period')
      .values({
        plan_id: other.id,
        kind: 'half_year',
        name: 'Khối B 6 tháng',
        starts_on: '2022-01-01',
        ends_on: '2022-06-30',
        due_on: '2022-07-15',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const wrongPlan = await x.w.reporterA1.s.post(R, { entryId: x.entries.a1.id, periodId: period.id });
    expect(expectError(wrongPlan, 400, 'VALIDATION').message).toMatch(/không thuộc kế hoạch/);
    expect((await x.w.reporterA1.s.post(R, { entryId: x.entries.a1.id, periodId: 999999 })).statusCode).toBe(404);
    expect(await t.db.selectFrom('period_report').select('id').execute()).toEqual([]);
  });
});
