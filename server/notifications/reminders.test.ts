/**
 * Reminders before the due date and when overdue: who gets them, what they
 * say, that a second run sends nothing new, and the audit event of a run.
 */
import { describe, expect, it } from 'vitest';
import { setupTest } from '../test/harness.ts';
import { runReminders } from './reminders.ts';
import { notificationsOf, PERIOD_NAME, reminderWorld } from './test-helpers.ts';

const NAMES = {
  pending: 'Mô hình "Dân vận khéo" xã Âu Lâu',
  submitted: 'Mô hình "Cơ quan văn hóa" Sở Tư pháp',
  returned: 'Mô hình "Chuyển đổi số" Sở Tư pháp',
  other: 'Mô hình "Trường học hạnh phúc"',
};

async function auditRuns(t: Awaited<ReturnType<typeof setupTest>>) {
  return t.db.selectFrom('audit_event').selectAll().where('action', '=', 'notification.reminders').execute();
}

describe('reminders before the due date', () => {
  it('reach the reporters of the owner unit and the monitor, list only what is not submitted, and are sent once', async () => {
    const t = await setupTest();
    const { w, period, reporterB1, disabledA1 } = await reminderWorld(t);

    // Before the reminder window (due 15/07, 7 days before = 08/07): nothing.
    expect(await runReminders(t.db, '2026-07-07')).toEqual({ due: 0, overdue: 0 });
    expect(await auditRuns(t)).toHaveLength(0);

    // reporter A1 (pending + returned), reporter A2 (other), the monitor (pending).
    expect(await runReminders(t.db, '2026-07-08')).toEqual({ due: 3, overdue: 0 });

    const [a1] = await notificationsOf(t.db, w.reporterA1.id);
    expect(await notificationsOf(t.db, w.reporterA1.id)).toHaveLength(1);
    expect(a1).toMatchObject({
      kind: 'report.due',
      dedupe_key: `report.due:${period}`,
      link: `/bao-cao-dinh-ky?ky=${period}`,
      title: `Sắp đến hạn báo cáo kỳ ${PERIOD_NAME} (hạn 15/07/2026): 2 mô hình, điển hình chưa gửi báo cáo`,
    });
    expect(a1!.body).toContain(NAMES.pending);
    expect(a1!.body).toContain(NAMES.returned); // returned counts as not submitted
    expect(a1!.body).not.toContain(NAMES.submitted);
    expect(a1!.body).not.toContain(NAMES.other);

    const monitor = await notificationsOf(t.db, w.monitor.id);
    expect(monitor).toHaveLength(1);
    expect(monitor[0]!.title).toContain('1 mô hình, điển hình chưa gửi báo cáo');
    expect(monitor[0]!.body).toContain(NAMES.pending);
    expect(monitor[0]!.body).not.toContain(NAMES.returned);

    const a2 = await notificationsOf(t.db, w.reporterA2.id);
    expect(a2).toHaveLength(1);
    expect(a2[0]!.body).toContain(NAMES.other);
    expect(a2[0]!.body).not.toContain(NAMES.pending);

    // Not a reporter of another unit, not a disabled user, not the operators (before the due date).
    for (const id of [reporterB1.id, disabledA1.id, w.operatorA.id, w.operatorRoot.id, w.viewerA.id])
      expect(await notificationsOf(t.db, id)).toEqual([]);

    // One audit event, in the system's name, with the counts.
    const runs = await auditRuns(t);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ via: 'system', actor_user_id: null });
    expect(runs[0]!.summary).toContain('3 thông báo sắp đến hạn');

    // Running again (same day, or later in the window) sends nothing new and records nothing.
    expect(await runReminders(t.db, '2026-07-08')).toEqual({ due: 0, overdue: 0 });
    expect(await runReminders(t.db, '2026-07-15')).toEqual({ due: 0, overdue: 0 });
    expect(
      await t.db
        .selectFrom('notification')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: 3 });
    expect(await auditRuns(t)).toHaveLength(1);
  });

  it('say nothing when everything is submitted, and nothing to a unit an operator closed', async () => {
    const t = await setupTest();
    const { w, period, entries } = await reminderWorld(t);
    await t.db.updateTable('period_report').set({ status: 'accepted' }).where('period_id', '=', period).execute();
    await t.db
      .insertInto('period_report')
      .values({
        entry_id: entries.pending.id,
        period_id: period,
        criteria_set_id: w.field.criteriaSetId!,
        status: 'submitted',
      })
      .execute();
    await t.db
      .insertInto('report_period_override')
      .values({ period_id: period, unit_id: w.tree.a2, state: 'closed', reason: 'Đơn vị đã giải thể' })
      .execute();
    expect(await runReminders(t.db, '2026-07-10')).toEqual({ due: 0, overdue: 0 });
    expect(await auditRuns(t)).toHaveLength(0);
  });
});

describe('overdue reminders', () => {
  it('add the operators of the owner unit and above, and stop 30 days after the closing day', async () => {
    const t = await setupTest();
    const { w, period, reporterB1 } = await reminderWorld(t);

    // Closing day = due_on 15/07 (no grace): 31 days later nothing goes out any more.
    expect(await runReminders(t.db, '2026-08-15')).toEqual({ due: 0, overdue: 0 });

    // The due reminders went out first; on 20/07 the overdue ones follow, separately.
    expect(await runReminders(t.db, '2026-07-10')).toEqual({ due: 3, overdue: 0 });
    const result = await runReminders(t.db, '2026-07-20');
    // reporter A1, reporter A2, the monitor, operator of bloc A, operator of the root.
    expect(result).toEqual({ due: 0, overdue: 5 });

    const overdue = await t.db.selectFrom('notification').selectAll().where('kind', '=', 'report.overdue').execute();
    const byUser = new Map(overdue.map((n) => [n.user_id, n]));
    expect([...byUser.keys()].sort()).toEqual(
      [w.reporterA1.id, w.reporterA2.id, w.monitor.id, w.operatorA.id, w.operatorRoot.id].sort(),
    );
    expect(byUser.has(w.operatorB.id)).toBe(false);
    expect(byUser.has(reporterB1.id)).toBe(false);

    // The operators above see every late entry of their subtree.
    const root = byUser.get(w.operatorRoot.id)!;
    expect(root.title).toBe(
      `Quá hạn báo cáo kỳ ${PERIOD_NAME} (hạn 15/07/2026): 3 mô hình, điển hình chưa gửi báo cáo`,
    );
    for (const name of [NAMES.pending, NAMES.returned, NAMES.other]) expect(root.body).toContain(name);
    expect(root.dedupe_key).toBe(`report.overdue:${period}`);

    // Twice: nothing new.
    expect(await runReminders(t.db, '2026-07-21')).toEqual({ due: 0, overdue: 0 });
    expect(await auditRuns(t)).toHaveLength(2);
  });

  it("follow the unit's closing day: grace and reopening extend them, a closed unit gets none", async () => {
    const t = await setupTest();
    const { w, period } = await reminderWorld(t);
    await t.db.updateTable('report_period').set({ grace_until: '2026-07-31' }).where('id', '=', period).execute();
    // a2 reopened until 30/09 → still reminded on 20/10; a1 closed → never.
    await t.db
      .insertInto('report_period_override')
      .values({ period_id: period, unit_id: w.tree.a2, state: 'open', open_until: '2026-09-30', reason: 'Gia hạn' })
      .execute();
    await t.db
      .insertInto('report_period_override')
      .values({ period_id: period, unit_id: w.tree.a1, state: 'closed', reason: 'Khóa sổ' })
      .execute();
    expect(await runReminders(t.db, '2026-10-20')).toEqual({ due: 0, overdue: 3 }); // reporter A2, operator A, operator root
    const recipients = (await t.db.selectFrom('notification').select('user_id').execute()).map((r) => r.user_id).sort();
    expect(recipients).toEqual([w.reporterA2.id, w.operatorA.id, w.operatorRoot.id].sort());
  });

  it('lists at most five names and says how many more', async () => {
    const t = await setupTest();
    const { w } = await reminderWorld(t);
    const { modelEntry, registerAccepted } = await import('../registry/test-helpers.ts');
    for (let i = 1; i <= 5; i++)
      await registerAccepted(
        w,
        w.reporterA2.s,
        w.operatorA.s,
        modelEntry(w, w.tree.a2, { name: `Mô hình thêm số ${i}` }),
      );
    expect(await runReminders(t.db, '2026-07-16')).toMatchObject({ overdue: 5 });
    const [root] = await notificationsOf(t.db, w.operatorRoot.id);
    expect(root!.title).toContain(': 8 mô hình, điển hình chưa gửi báo cáo');
    expect(root!.body).toContain('và 3 mô hình, điển hình khác');
    expect(root!.body.split('; ')).toHaveLength(5);
  });
});
