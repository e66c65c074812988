/**
 * A reporting world for notification tests, built from the registry world and
 * plain inserts (report_period, period_report): accepted models in a1 and a2,
 * a monitor on one, and a six-month period of 2026 due on 15/07/2026.
 */
import { expect } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB, PeriodReportStatus } from '../db/schema.ts';
import { modelEntry, registerAccepted, registryWorld } from '../registry/test-helpers.ts';
import { buildUser } from '../test/factories.ts';
import type { TestContext } from '../test/harness.ts';

export const PERIOD_NAME = '6 tháng đầu năm 2026';

export async function buildPeriod(
  db: Kysely<DB>,
  planId: number,
  o: { dueOn?: string; graceUntil?: string | null; remindDaysBefore?: number } = {},
): Promise<number> {
  const row = await db
    .insertInto('report_period')
    .values({
      plan_id: planId,
      kind: 'half_year',
      name: PERIOD_NAME,
      starts_on: '2026-01-01',
      ends_on: '2026-06-30',
      due_on: o.dueOn ?? '2026-07-15',
      grace_until: o.graceUntil ?? null,
      remind_days_before: o.remindDaysBefore ?? 7,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function buildReport(
  db: Kysely<DB>,
  entryId: number,
  periodId: number,
  status: PeriodReportStatus,
): Promise<void> {
  const entry = await db
    .selectFrom('registry_entry')
    .select('criteria_set_id')
    .where('id', '=', entryId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('period_report')
    .values({
      entry_id: entryId,
      period_id: periodId,
      criteria_set_id: entry.criteria_set_id,
      status,
      submitted_at: status === 'draft' ? null : new Date('2026-07-01T03:00:00Z'),
    })
    .execute();
}

export async function setEmail(db: Kysely<DB>, userId: number, email: string | null): Promise<void> {
  await db.updateTable('app_user').set({ email }).where('id', '=', userId).execute();
}

/**
 * a1: "pending" (monitored), "submitted" (report submitted), "returned" (report returned);
 * a2: "other" (no report). Users: the registry world's, plus a reporter of b1 and a disabled reporter of a1.
 */
export async function reminderWorld(t: TestContext) {
  const w = await registryWorld(t);
  const accept = (unitId: number, name: string) =>
    registerAccepted(
      w,
      unitId === w.tree.a1 ? w.reporterA1.s : w.reporterA2.s,
      w.operatorA.s,
      modelEntry(w, unitId, { name }),
      '2022-01-10',
    ) as Promise<{ id: number; revision: number }>;
  const pending = await accept(w.tree.a1, 'Mô hình "Dân vận khéo" xã Âu Lâu');
  const submitted = await accept(w.tree.a1, 'Mô hình "Cơ quan văn hóa" Sở Tư pháp');
  const returned = await accept(w.tree.a1, 'Mô hình "Chuyển đổi số" Sở Tư pháp');
  const other = await accept(w.tree.a2, 'Mô hình "Trường học hạnh phúc"');
  const assigned = await w.operatorA.s.post(`/api/v1/registry/entries/${pending.id}/monitors`, {
    userId: w.monitor.id,
    assignedOn: '2022-02-01',
    revision: pending.revision,
  });
  expect(assigned.statusCode, assigned.body).toBe(201);
  const reporterB1 = await buildUser(t.db, {
    fullName: 'Cán bộ báo cáo B1',
    grants: [{ role: 'reporter', unitId: w.tree.b1 }],
  });
  const disabledA1 = await buildUser(t.db, {
    fullName: 'Cán bộ đã nghỉ',
    status: 'disabled',
    grants: [{ role: 'reporter', unitId: w.tree.a1 }],
  });
  const period = await buildPeriod(t.db, w.plan);
  await buildReport(t.db, submitted.id, period, 'submitted');
  await buildReport(t.db, returned.id, period, 'returned');
  return { w, period, entries: { pending, submitted, returned, other }, reporterB1, disabledA1 };
}

export async function notificationsOf(db: Kysely<DB>, userId: number) {
  return db.selectFrom('notification').selectAll().where('user_id', '=', userId).orderBy('id').execute();
}
