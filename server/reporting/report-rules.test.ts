/** A periodic report's rules: the lock dates and overrides, concurrent edits, value validation. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildUser, DEFAULT_PASSWORD } from '../test/factories.ts';
import { json, setupTest, signIn } from '../test/harness.ts';
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
    expect(r.statusCode, r.body).toBe(201);
    return json(r);
  }

  it('opens on the first day, accepts a submission on the due date and refuses it the next day', async () => {
    const { x } = await world();
    setToday('2022-06-30');
    const h2 = await secondHalf(x);
    const early = await x.w.reporterA1.s.post(R, { entryId: x.entries.a1.id, periodId: h2.id });
    expect(early.statusCode).toBe(409);
    expect(json(early).error.message).toBe('Kỳ báo cáo "6 tháng cuối năm 2022" bắt đầu từ ngày 01/07/2022.');

    setToday('2022-07-10');
    const r1 = await startReport(x.w.reporterA1.s, x.entries.a1.id, x.period.id);
    const r2 = await startReport(x.w.reporterA1.s, x.entries.a1b.id, x.period.id);
    const s1 = json(await x.w.reporterA1.s.put(`${R}/${r1.id}`, saveBody(fullValues(x.crit), r1.revision)));
    const s2 = json(await x.w.reporterA1.s.put(`${R}/${r2.id}`, saveBody(fullValues(x.crit), r2.revision)));

    setToday('2022-07-15');
    const onTime = await x.w.reporterA1.s.post(`${R}/${r1.id}/submit`, { revision: s1.revision });
    expect(onTime.statusCode, onTime.body).toBe(200);
    expect(json(onTime).late).toBe(false);

    setToday('2022-07-16');
    const tooLate = await x.w.reporterA1.s.post(`${R}/${r2.id}/submit`, { revision: s2.revision });
    expect(tooLate.statusCode).toBe(409);
    expect(json(tooLate).error.message).toMatch(/đã hết hạn nhận báo cáo ngày 15\/07\/2022/);
    const editLate = await x.w.reporterA1.s.put(`${R}/${r2.id}`, saveBody(fullValues(x.crit), s2.revision));
    expect(editLate.statusCode).toBe(409);
    const closed = json(await x.w.reporterA1.s.get(`${R}/${r2.id}`));
    expect(closed).toMatchObject({
      status: 'draft',
      late: true,
      window: { open: false, closingDay: '2022-07-15' },
      can: { edit: false, submit: false },
    });
    // Starting a report after the closing day is refused with the reason.
    const a2 = await x.w.reporterA2.s.post(R, { entryId: x.entries.a2.id, periodId: x.period.id });
    expect(a2.statusCode).toBe(409);
    expect(json(a2).error.message).toMatch(/hết hạn/);
  });

  it('accepts submissions in the grace window, marked late', async () => {
    const { x } = await world();
    setToday('2022-07-10');
    const r = await startReport(x.w.reporterA1.s, x.entries.a1.id, x.period.id);
    const s = json(await x.w.reporterA1.s.put(`${R}/${r.id}`, saveBody(fullValues(x.crit), r.revision)));
    const period = json(await x.w.operatorRoot.s.get(`${P}/${x.period.id}`));
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
    expect(sent.statusCode, sent.body).toBe(200);
    expect(json(sent)).toMatchObject({ status: 'submitted', late: true });
    setToday('2022-07-21');
    expect(json(await x.w.reporterA1.s.get(`${P}/${x.period.id}/window?unitId=${x.w.tree.a1}`))).toMatchObject({
      open: false,
      closingDay: '2022-07-20',
    });
  });

  it('follows overrides: nearest unit wins, the latest on a unit wins', async () => {
    const { x } = await world();
    const { w } = x;
    const win = async (unitId: number) => json(await w.operatorA.s.get(`${P}/${x.period.id}/window?unitId=${unitId}`));
    const override = async (body: Record<string, unknown>) => {
      const r = await w.operatorA.s.post(`${P}/${x.period.id}/overrides`, body);
      expect(r.statusCode, r.body).toBe(201);
      return json(r);
    };
    setToday('2022-07-10');
    const r = await startReport(w.reporterA1.s, x.entries.a1.id, x.period.id);
    const s = json(await w.reporterA1.s.put(`${R}/${r.id}`, saveBody(fullValues(x.crit), r.revision)));
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
    expect(refused.statusCode).toBe(409);
    expect(json(refused).error.message).toMatch(/đã được khóa đối với đơn vị này/);
    // The latest override on the same unit wins.
    await override({ unitId: w.tree.a1, state: 'open', openUntil: '2022-07-27', reason: 'Mở lại cho đơn vị' });
    expect(await win(w.tree.a1)).toMatchObject({ open: true, closingDay: '2022-07-27' });
    const sent = await w.reporterA1.s.post(`${R}/${r.id}/submit`, { revision: s.revision });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(json(sent).late).toBe(true);
    expect(json<unknown[]>(await w.operatorA.s.get(`${P}/${x.period.id}/overrides`)).length).toBe(3);
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
    const returned = json(
      await x.w.operatorA.s.post(`${R}/${sent.id}/return`, { reason: 'Sai số liệu', revision: sent.revision }),
    );
    expect(returned).toMatchObject({ status: 'returned', window: { open: false }, can: { edit: true, submit: true } });
    const fixed = await x.w.reporterA1.s.put(
      `${R}/${sent.id}`,
      saveBody(fullValues(x.crit), returned.revision, { results: 'Đã sửa số liệu' }),
    );
    expect(fixed.statusCode, fixed.body).toBe(200);
    const resent = await x.w.reporterA1.s.post(`${R}/${sent.id}/submit`, { revision: json(fixed).revision });
    expect(resent.statusCode, resent.body).toBe(200);
    // Late is judged by the first submission, which was on time.
    expect(json(resent)).toMatchObject({ status: 'submitted', late: false });
  });

  it('a submission racing an operator closing the period ends consistent', async () => {
    const { t, x } = await world();
    setToday('2022-07-10');
    const r = await startReport(x.w.reporterA1.s, x.entries.a1.id, x.period.id);
    const s = json(await x.w.reporterA1.s.put(`${R}/${r.id}`, saveBody(fullValues(x.crit), r.revision)));
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
      expect(submit.statusCode).toBe(409);
      expect(json(submit).error.message).toMatch(/khóa/);
      expect(row).toMatchObject({ status: 'draft', submitted_at: null, revision: s.revision });
      expect(events.map((e) => e.kind)).toEqual(['created']);
      expect(
        await t.db.selectFrom('audit_event').select('id').where('action', '=', 'report.submitted').execute(),
      ).toEqual([]);
    }
    // Either way, after the close no further submission is possible.
    const fresh = json(await x.w.reporterA1.s.get(`${R}/${r.id}`));
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
    const opened = json(await lan.get(`${R}/${r.id}`));
    const first = await lan.put(
      `${R}/${r.id}`,
      saveBody(fullValues(x.crit), opened.revision, { results: 'Bản của chị Lan' }),
    );
    expect(first.statusCode, first.body).toBe(200);
    const second = await x.w.reporterA1.s.put(
      `${R}/${r.id}`,
      saveBody([{ criterionId: x.crit.count, value: 3 }], r.revision, { results: 'Bản của cán bộ A1' }),
    );
    expect(second.statusCode).toBe(409);
    const error = json(second).error;
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toMatch(
      /^Báo cáo này vừa được Nguyễn Thị Lan lưu lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}, sau khi bạn mở\./,
    );
    expect(error.message).toMatch(/vẫn còn trên màn hình/);
    const now = json(await x.w.reporterA1.s.get(`${R}/${r.id}`));
    expect(now.results).toBe('Bản của chị Lan');
    expect(now.criteria.find((c: { criterionId: number }) => c.criterionId === x.crit.count).value).toBe(25);
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
      expect(json(response).error.fields).toEqual([
        { field: 'values.1.value', message: expect.stringMatching(message) },
      ]);
    }
    // A criterion of another set (the entry of the other field).
    const foreign = (await x.w.reporterA1.s.get(`${R}/${r.id}`)).json().criteria.length;
    expect(foreign).toBe(6);
    const otherSet = await x.w.reporterA1.s.put(
      `${R}/${r.id}`,
      saveBody([{ criterionId: 1, value: true }], r.revision),
    );
    expect(otherSet.statusCode).toBe(400);
    expect(json(otherSet).error.fields[0].field).toBe('values.0.criterionId');
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
    expect(json(await x.w.reporterA1.s.get(`${R}/${r.id}`)).revision).toBe(r.revision);

    // Edge values are accepted and judged: exactly the target, zero, the top of the scale; a percent over 100.
    const edge = json(
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
    );
    expect(edge.criteria.map((k: { met: boolean | null }) => k.met)).toEqual([false, true, true, false, null, false]);

    // Submitting needs every judged criterion: the text one (not judged) may stay empty.
    const partial = json(
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
    );
    const missing = await x.w.reporterA1.s.post(`${R}/${r.id}/submit`, { revision: partial.revision });
    expect(missing.statusCode).toBe(400);
    expect(json(missing).error.message).toMatch(
      /Chưa nhập kết quả của 3 tiêu chí được đánh giá: 2\. Số đảng viên tham gia; 3\. Tỷ lệ hoàn thành kế hoạch; 6\. Số vụ vi phạm/,
    );
    expect(json(missing).error.fields.map((f: { field: string }) => f.field)).toEqual([
      `criterion:${c.count}`,
      `criterion:${c.pct}`,
      `criterion:${c.violations}`,
    ]);
    const complete = json(
      await x.w.reporterA1.s.put(
        `${R}/${r.id}`,
        saveBody(
          fullValues(x.crit).filter((v) => v.criterionId !== c.text),
          partial.revision,
        ),
      ),
    );
    expect((await x.w.reporterA1.s.post(`${R}/${r.id}/submit`, { revision: complete.revision })).statusCode).toBe(200);
  });
});
