/** A periodic report's rules: the lock dates and overrides, concurrent edits, value validation. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { ZOverride, ZPeriod, ZWindow } from '../../common/schemas/reporting-periods.ts';
import { ZReport } from '../../common/schemas/reporting.ts';
import { expectError, expectOk, setupTest, signIn } from '../test/harness.ts';
import {
  fullValues,
  keepSessions,
  P,
  R,
  reportingWorld,
  saveBody,
  setToday,
  startReport,
  submitted,
  type RWorld,
} from './test-helpers.ts';

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

describe('lock rules', () => {
  async function secondHalf(x: RWorld) {
    const r = await x.w.operatorRoot.s.post(P, {
      planId: x.w.plan,
      kind: 'half_year',
      name: '6 tháng cuối năm 2022',
      startsOn: '2022-07-01',
      endsOn: '2022-12-31',
      dueOn: '2023-01-15',
    });
    return expectOk(r, ZPeriod, 201);
  }

  it('opens on the first day, accepts a submission on the due date and refuses it the next day', async () => {
    const { x } = await world();
    setToday('2022-06-30');
    const h2 = await secondHalf(x);
    const early = await x.w.reporterA1.s.post(R, { entryId: x.entries.a1.id, periodId: h2.id });
    expect(expectError(early, 409, 'INVALID_STATE').message).toBe(
      'Kỳ báo cáo "6 tháng cuối năm 2022" bắt đầu từ ngày 01/07/2022.',
    );

    setToday('2022-07-10');
    const r1 = await startReport(x.w.reporterA1.s, x.entries.a1.id, x.period.id);
    const r2 = await startReport(x.w.reporterA1.s, x.entries.a1b.id, x.period.id);
    const s1 = expectOk(
      await x.w.reporterA1.s.put(`${R}/${r1.id}`, saveBody(fullValues(x.crit), r1.revision)),
      ZReport,
    );
    const s2 = expectOk(
      await x.w.reporterA1.s.put(`${R}/${r2.id}`, saveBody(fullValues(x.crit), r2.revision)),
      ZReport,
    );

    setToday('2022-07-15');
    const onTime = await x.w.reporterA1.s.post(`${R}/${r1.id}/submit`, { revision: s1.revision });
    expect(expectOk(onTime, ZReport).late).toBe(false);

    setToday('2022-07-16');
    const tooLate = await x.w.reporterA1.s.post(`${R}/${r2.id}/submit`, { revision: s2.revision });
    expect(expectError(tooLate, 409, 'INVALID_STATE').message).toMatch(/đã hết hạn nhận báo cáo ngày 15\/07\/2022/);
    const editLate = await x.w.reporterA1.s.put(`${R}/${r2.id}`, saveBody(fullValues(x.crit), s2.revision));
    expect(editLate.statusCode).toBe(409);
    const closed = expectOk(await x.w.reporterA1.s.get(`${R}/${r2.id}`), ZReport);
    expect(closed).toMatchObject({
      status: 'draft',
      late: true,
      window: { open: false, closingDay: '2022-07-15' },
      can: { edit: false, submit: false },
    });
    // Starting a report after the closing day is refused with the reason.
    const a2 = await x.w.reporterA2.s.post(R, { entryId: x.entries.a2.id, periodId: x.period.id });
    expect(expectError(a2, 409, 'INVALID_STATE').message).toMatch(/hết hạn/);
  });

  it('accepts submissions in the grace window, marked late', async () => {
    const { x } = await world();
    setToday('2022-07-10');
    const r = await startReport(x.w.reporterA1.s, x.entries.a1.id, x.period.id);
    const s = expectOk(await x.w.reporterA1.s.put(`${R}/${r.id}`, saveBody(fullValues(x.crit), r.revision)), ZReport);
    const period = expectOk(await x.w.operatorRoot.s.get(`${P}/${x.period.id}`), ZPeriod);
    const patched = await x.w.operatorRoot.s.patch(`${P}/${x.period.id}`, {
      name: period.name,
      startsOn: period.startsOn,
      endsOn: period.endsOn,
      dueOn: period.dueOn,
      graceUntil: '2022-07-20',
      remindDaysBefore: 5,
      revision: period.revision,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    setToday('2022-07-20');
    const sent = await x.w.reporterA1.s.post(`${R}/${r.id}/submit`, { revision: s.revision });
    expect(expectOk(sent, ZReport)).toMatchObject({ status: 'submitted', late: true });
    setToday('2022-07-21');
    expect(
      expectOk(await x.w.reporterA1.s.get(`${P}/${x.period.id}/window?unitId=${x.w.tree.a1}`), ZWindow),
    ).toMatchObject({
      open: false,
      closingDay: '2022-07-20',
    });
  });

  it('follows overrides: nearest unit wins, the latest on a unit wins', async () => {
    const { x } = await world();
    const { w } = x;
    const win = async (unitId: number) =>
      expectOk(await w.operatorA.s.get(`${P}/${x.period.id}/window?unitId=${unitId}`), ZWindow);
    const override = async (body: Record<string, unknown>) => {
      const r = await w.operatorA.s.post(`${P}/${x.period.id}/overrides`, body);
      return expectOk(r, ZOverride, 201);
    };
    setToday('2022-07-10');
    const r = await startReport(w.reporterA1.s, x.entries.a1.id, x.period.id);
    const s = expectOk(await w.reporterA1.s.put(`${R}/${r.id}`, saveBody(fullValues(x.crit), r.revision)), ZReport);
    setToday('2022-07-25');
    expect((await win(w.tree.a1)).open).toBe(false);
    // Reopened for the bloc: its units may submit.
    const opened = await override({
      unitId: w.tree.blocA,
      state: 'open',
      openUntil: '2022-07-31',
      reason: 'Khối A đề nghị gia hạn',
    });
    expect(opened).toMatchObject({
      unit: { id: w.tree.blocA },
      state: 'open',
      openUntil: '2022-07-31',
      createdBy: 'Cán bộ nghiệp vụ Khối A',
    });
    expect(await win(w.tree.a1)).toMatchObject({ open: true, closingDay: '2022-07-31' });
    // Closed on a1 itself: the nearest unit wins over the bloc.
    await override({ unitId: w.tree.a1, state: 'closed', reason: 'Đơn vị đã báo cáo bằng văn bản' });
    expect(await win(w.tree.a1)).toMatchObject({ open: false, closingDay: null });
    expect(await win(w.tree.a2)).toMatchObject({ open: true, closingDay: '2022-07-31' });
    const refused = await w.reporterA1.s.post(`${R}/${r.id}/submit`, { revision: s.revision });
    expect(expectError(refused, 409, 'INVALID_STATE').message).toMatch(/đã được khóa đối với đơn vị này/);
    // The latest override on the same unit wins.
    await override({ unitId: w.tree.a1, state: 'open', openUntil: '2022-07-27', reason: 'Mở lại cho đơn vị' });
    expect(await win(w.tree.a1)).toMatchObject({ open: true, closingDay: '2022-07-27' });
    const sent = await w.reporterA1.s.post(`${R}/${r.id}/submit`, { revision: s.revision });
    expect(expectOk(sent, ZReport).late).toBe(true);
    expect(expectOk(await w.operatorA.s.get(`${P}/${x.period.id}/overrides`), z.array(ZOverride)).length).toBe(3);
    // Overrides need approval rights on the unit; another bloc's unit is not found.
    expect(
      (await w.reporterA1.s.post(`${P}/${x.period.id}/overrides`, { unitId: w.tree.a1, state: 'closed', reason: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await w.operatorB.s.post(`${P}/${x.period.id}/overrides`, { unitId: w.tree.a1, state: 'closed', reason: 'x' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await w.operatorA.s.post(`${P}/${x.period.id}/overrides`, { unitId: w.tree.a1, state: 'open', reason: 'x' }))
        .statusCode,
    ).toBe(400);
  });

  it('lets a returned report be corrected and resubmitted after the deadline', async () => {
    const { x } = await world();
    setToday('2022-07-10');
    const sent = await submitted(x, x.w.reporterA1.s, x.entries.a1.id);
    setToday('2022-08-20');
    const returned = expectOk(
      await x.w.operatorA.s.post(`${R}/${sent.id}/return`, { reason: 'Sai số liệu', revision: sent.revision }),
      ZReport,
    );
    expect(returned).toMatchObject({ status: 'returned', window: { open: false }, can: { edit: true, submit: true } });
    const fixed = await x.w.reporterA1.s.put(
      `${R}/${sent.id}`,
      saveBody(fullValues(x.crit), returned.revision, { results: 'Đã sửa số liệu' }),
    );
    const resent = await x.w.reporterA1.s.post(`${R}/${sent.id}/submit`, {
      revision: expectOk(fixed, ZReport).revision,
    });
    expect(resent.statusCode, resent.body).toBe(200);
    // Late is judged by the first submission, which was on time.
    expect(expectOk(resent, ZReport)).toMatchObject({ status: 'submitted', late: false });
  });

  it('a submission racing an operator closing the period ends consistent', async () => {
    const { t, x } = await world();
    setToday('2022-07-10');
    const r = await startReport(x.w.reporterA1.s, x.entries.a1.id, x.period.id);
    const s = expectOk(await x.w.reporterA1.s.put(`${R}/${r.id}`, saveBody(fullValues(x.crit), r.revision)), ZReport);
    const [submit, close] = await Promise.all([
      x.w.reporterA1.s.post(`${R}/${r.id}/submit`, { revision: s.revision }),
      x.w.operatorA.s.post(`${P}/${x.period.id}/overrides`, {
        unitId: x.w.tree.a1,
        state: 'closed',
        reason: 'Khóa sổ',
      }),
    ]);
    expect(close.statusCode).toBe(201);
    const row = await t.db.selectFrom('period_report').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    const events = await t.db
      .selectFrom('period_report_event')
      .select('kind')
      .where('report_id', '=', r.id)
      .orderBy('id')
      .execute();
    if (submit.statusCode === 200) {
      expect(row.status).toBe('submitted');
      expect(events.map((e) => e.kind)).toEqual(['created', 'submitted']);
      // It went in before the close: the close is the later override.
      const override = await t.db
        .selectFrom('audit_event')
        .select('id')
        .where('action', '=', 'period.override')
        .executeTakeFirstOrThrow();
      const submitAudit = await t.db
        .selectFrom('audit_event')
        .select('id')
        .where('action', '=', 'report.submitted')
        .executeTakeFirstOrThrow();
      expect(submitAudit.id).toBeLessThan(override.id);
    } else {
      expect(expectError(submit, 409, 'INVALID_STATE').message).toMatch(/khóa/);
      expect(row).toMatchObject({ status: 'draft', submitted_at: null, revision: s.revision });
      expect(events.map((e) => e.kind)).toEqual(['created']);
      expect(
        await t.db.selectFrom('audit_event').select('id').where('action', '=', 'report.submitted').execute(),
      ).toEqual([]);
    }
    // Either way, after the close no further submission is possible.
    const fresh = expectOk(await x.w.reporterA1.s.get(`${R}/${r.id}`), ZReport);
    expect(fresh.window.open).toBe(false);
  });
});

describe('two people editing one report', () => {
  it('the second save with the old revision gets a conflict naming the first editor; nothing is lost', async () => {
    const { t, x } = await world();
    const other = await buildUser(t.db, {
      grants: [{ role: 'reporter', unitId: x.w.tree.a1 }],
      fullName: 'Nguyễn Thị Lan',
    });
    const lan = await signIn(t.app, other.username, DEFAULT_PASSWORD);
    await keepSessions(t);
    setToday('2022-07-10');
    const r = await startReport(x.w.reporterA1.s, x.entries.a1.id, x.period.id);
    const opened = expectOk(await lan.get(`${R}/${r.id}`), ZReport);
    const first = await lan.put(
      `${R}/${r.id}`,
      saveBody(fullValues(x.crit), opened.revision, { results: 'Bản của chị Lan' }),
    );
    expect(first.statusCode, first.body).toBe(200);
    const second = await x.w.reporterA1.s.put(
      `${R}/${r.id}`,
      saveBody([{ criterionId: x.crit.count, value: 3 }], r.revision, { results: 'Bản của cán bộ A1' }),
    );
    const error = expectError(second, 409, 'CONFLICT');
    expect(error.message).toMatch(
      /^Báo cáo này vừa được Nguyễn Thị Lan lưu lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}, sau khi bạn mở\./,
    );
    expect(error.message).toMatch(/vẫn còn trên màn hình/);
    const now = expectOk(await x.w.reporterA1.s.get(`${R}/${r.id}`), ZReport);
    expect(now.results).toBe('Bản của chị Lan');
    expect(now.criteria.find((c) => c.criterionId === x.crit.count)!.value).toBe(25);
    expect(now.updatedBy).toBe('Nguyễn Thị Lan');
  });
});

describe('report values', () => {
  it('must fit each measure and belong to the report criteria set', async () => {
    const { x } = await world();
    setToday('2022-07-10');
    const r = await startReport(x.w.reporterA1.s, x.entries.a1.id, x.period.id);
    const c = x.crit;
    const cases: Array<[number, unknown, RegExp]> = [
      [c.yes, 'có', /"Có kế hoạch thực hiện" cần trả lời có hoặc không/],
      [c.yes, 1, /có hoặc không/],
      [c.count, '12', /"Số đảng viên tham gia" cần một số/],
      [c.count, true, /cần một số/],
      [c.pct, 'tám mươi', /"Tỷ lệ hoàn thành kế hoạch" cần một tỷ lệ/],
      [c.pct, -5, /không được âm/],
      [c.score, 11, /Điểm của tiêu chí "Điểm chấm văn hóa công sở" phải từ 0 đến 10/],
      [c.score, -1, /phải từ 0 đến 10/],
      [c.score, 'tốt', /cần một số điểm/],
      [c.text, 5, /"Nhận xét chung" cần nội dung bằng chữ/],
      [c.text, false, /bằng chữ/],
    ];
    for (const [criterionId, value, message] of cases) {
      const response = await x.w.reporterA1.s.put(
        `${R}/${r.id}`,
        saveBody(
          [
            { criterionId: criterionId === c.text ? c.yes : c.text, value: criterionId === c.text ? true : 'ok' },
            { criterionId, value },
          ],
          r.revision,
        ),
      );
      expect(response.statusCode, `${criterionId} ${String(value)}`).toBe(400);
      expect(expectError(response, 400, 'VALIDATION', ['values.1.value']).fields).toEqual([
        { field: 'values.1.value', message: expect.stringMatching(message) },
      ]);
    }
    // A criterion of another set (the entry of the other field).
    const foreign = expectOk(await x.w.reporterA1.s.get(`${R}/${r.id}`), ZReport).criteria.length;
    expect(foreign).toBe(6);
    const otherSet = await x.w.reporterA1.s.put(
      `${R}/${r.id}`,
      saveBody([{ criterionId: 1, value: true }], r.revision),
    );
    expectError(otherSet, 400, 'VALIDATION', ['values.0.criterionId']);
    const twice = await x.w.reporterA1.s.put(
      `${R}/${r.id}`,
      saveBody(
        [
          { criterionId: c.count, value: 1 },
          { criterionId: c.count, value: 2 },
        ],
        r.revision,
      ),
    );
    expect(twice.statusCode).toBe(400);
    // Nothing was written by the refused saves.
    expect(expectOk(await x.w.reporterA1.s.get(`${R}/${r.id}`), ZReport).revision).toBe(r.revision);

    // Edge values are accepted and judged: exactly the target, zero, the top of the scale; a percent over 100.
    const edge = expectOk(
      await x.w.reporterA1.s.put(
        `${R}/${r.id}`,
        saveBody(
          [
            { criterionId: c.yes, value: false },
            { criterionId: c.count, value: 10 },
            { criterionId: c.pct, value: 112 },
            { criterionId: c.score, value: 6.5 },
            { criterionId: c.violations, value: 2 },
          ],
          r.revision,
        ),
      ),
      ZReport,
    );
    expect(edge.criteria.map((k: { met: boolean | null }) => k.met)).toEqual([false, true, true, false, null, false]);

    // Submitting needs every judged criterion: the text one (not judged) may stay empty.
    const partial = expectOk(
      await x.w.reporterA1.s.put(
        `${R}/${r.id}`,
        saveBody(
          [
            { criterionId: c.yes, value: true },
            { criterionId: c.score, value: 10 },
          ],
          edge.revision,
        ),
      ),
      ZReport,
    );
    const missing = await x.w.reporterA1.s.post(`${R}/${r.id}/submit`, { revision: partial.revision });
    const missingError = expectError(missing, 400, 'VALIDATION');
    expect(missingError.message).toMatch(
      /Chưa nhập kết quả của 3 tiêu chí được đánh giá: 2\. Số đảng viên tham gia; 3\. Tỷ lệ hoàn thành kế hoạch; 6\. Số vụ vi phạm/,
    );
    expect((missingError.fields ?? []).map((f) => f.field)).toEqual([
      `criterion:${c.count}`,
      `criterion:${c.pct}`,
      `criterion:${c.violations}`,
    ]);
    const complete = expectOk(
      await x.w.reporterA1.s.put(
        `${R}/${r.id}`,
        saveBody(
          fullValues(x.crit).filter((v) => v.criterionId !== c.text),
          partial.revision,
        ),
      ),
      ZReport,
    );
    expect((await x.w.reporterA1.s.post(`${R}/${r.id}/submit`, { revision: complete.revision })).statusCode).toBe(200);
  });
});
