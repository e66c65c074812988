/**
 * /api/v1/notifications: each user sees and marks only their own; another
 * user's notification is "not found"; unauthenticated 401. The on-demand
 * job is for system administrators only and mails through a real SMTP server.
 * The scheduler logs its runs and its failures and never throws.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { loadConfig } from '../config.ts';
import {
  ZNotification,
  ZNotificationPage,
  ZReadAllResult,
  ZReminderRunResult,
} from '../../common/schemas/notifications.ts';
import { anonymous, expectError, expectOk, setupTest } from '../test/harness.ts';
import { startSmtpCatcher } from '../test/smtp-catcher.ts';
import { startNotificationScheduler } from './jobs.ts';
import { notify } from './notify.ts';
import { buildPeriod, reminderWorld, setEmail } from './test-helpers.ts';
import { registryWorld } from '../registry/test-helpers.ts';

const N = '/api/v1/notifications';

afterEach(() => {
  vi.useRealTimers();
});

async function apiWorld() {
  const t = await setupTest();
  const w = await registryWorld(t);
  await notify(t.db, [
    {
      userId: w.reporterA1.id,
      kind: 'report.due',
      title: 'Sắp đến hạn báo cáo 1',
      body: 'Nội dung 1',
      link: '/bao-cao-dinh-ky?ky=1',
      dedupeKey: 'x:1',
    },
    {
      userId: w.reporterA1.id,
      kind: 'report.returned',
      title: 'Báo cáo bị trả lại',
      body: 'Bổ sung số liệu tiêu chí 2',
    },
    { userId: w.reporterA1.id, kind: 'report.accepted', title: 'Báo cáo đã được tiếp nhận', body: 'Đã tiếp nhận' },
    { userId: w.reporterA2.id, kind: 'report.due', title: 'Của người khác', body: 'Không được thấy' },
  ]);
  const ids = (await t.db.selectFrom('notification').select(['id', 'user_id']).orderBy('id').execute()).map(
    (r) => r.id,
  );
  return { t, w, mine: ids.slice(0, 3), theirs: ids[3]! };
}

describe('notifications API', () => {
  it('lists only my own, newest first, with the unread count and the unread filter', async () => {
    const { w, mine } = await apiWorld();
    const page = expectOk(await w.reporterA1.s.get(`${N}?pageSize=2`), ZNotificationPage);
    expect(page).toMatchObject({ total: 3, unreadCount: 3, page: 1, pageSize: 2 });
    expect(page.items.map((n: { id: number }) => n.id)).toEqual([mine[2], mine[1]]);
    expect(page.items[0]).toMatchObject({
      kind: 'report.accepted',
      title: 'Báo cáo đã được tiếp nhận',
      readAt: null,
      link: null,
    });
    expect(
      expectOk(await w.reporterA1.s.get(`${N}?page=2&pageSize=2`), ZNotificationPage).items.map(
        (n: { id: number }) => n.id,
      ),
    ).toEqual([mine[0]]);

    const other = expectOk(await w.reporterA2.s.get(N), ZNotificationPage);
    expect(other).toMatchObject({ total: 1, unreadCount: 1 });
    expect(other.items[0]!.title).toBe('Của người khác');
    expect(expectOk(await w.operatorRoot.s.get(N), ZNotificationPage)).toMatchObject({
      total: 0,
      unreadCount: 0,
      items: [],
    });

    const bad = await w.reporterA1.s.get(`${N}?unread=maybe`);
    expect(expectError(bad, 400, 'VALIDATION', ['unread']).message).toContain('chưa đọc');
  });

  it("marks one as read (mine only: another user's is not found) and then all", async () => {
    const { w, mine, theirs } = await apiWorld();
    const read = await w.reporterA1.s.post(`${N}/${mine[1]}/read`);
    const readAt = expectOk(read, ZNotification).readAt;
    expect(readAt).toEqual(expect.any(String));
    // Reading again keeps the first time.
    expect(expectOk(await w.reporterA1.s.post(`${N}/${mine[1]}/read`), ZNotification).readAt).toBe(readAt);

    let page = expectOk(await w.reporterA1.s.get(`${N}?unread=true`), ZNotificationPage);
    expect(page).toMatchObject({ total: 2, unreadCount: 2 });
    expect(page.items.map((n: { id: number }) => n.id)).toEqual([mine[2], mine[0]]);
    expect(expectOk(await w.reporterA1.s.get(`${N}?unread=false`), ZNotificationPage)).toMatchObject({
      total: 3,
      unreadCount: 2,
    });

    const foreign = await w.reporterA1.s.post(`${N}/${theirs}/read`);
    expect(expectError(foreign, 404, 'NOT_FOUND').message).toBe('Không tìm thấy thông báo.');
    expect(await w.reporterA1.s.post(`${N}/999999/read`).then((r) => r.statusCode)).toBe(404);
    expect(expectOk(await w.reporterA2.s.get(N), ZNotificationPage)).toMatchObject({ unreadCount: 1 });

    const all = await w.reporterA1.s.post(`${N}/read-all`);
    expect(expectOk(all, ZReadAllResult)).toEqual({ marked: 2, unreadCount: 0 });
    page = expectOk(await w.reporterA1.s.get(`${N}?unread=true`), ZNotificationPage);
    expect(page).toMatchObject({ total: 0, unreadCount: 0, items: [] });
    // The other user's stay unread.
    expect(expectOk(await w.reporterA2.s.get(N), ZNotificationPage)).toMatchObject({ unreadCount: 1 });
  });

  it('refuses the unauthenticated (401) on every endpoint', async () => {
    const { t, mine } = await apiWorld();
    const anon = anonymous(t.app);
    for (const response of [
      await anon.get(N),
      await anon.post(`${N}/${mine[0]}/read`),
      await anon.post(`${N}/read-all`),
      await anon.post(`${N}/reminders/run`),
    ]) {
      expect(response.statusCode).toBe(401);
    }
    expect(await t.db.selectFrom('notification').select('id').where('read_at', 'is not', null).execute()).toEqual([]);
  });
});

describe('running the reminders now', () => {
  it('is for system administrators only, and sends reminders and e-mails', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-07-10T03:00:00Z'));
    const t = await setupTest();
    const catcher = await startSmtpCatcher();
    try {
      const { w } = await reminderWorld(t);
      await setEmail(t.db, w.reporterA1.id, 'baocao.a1@sotuphap.yenbai.gov.vn');
      for (const s of [w.operatorRoot.s, w.operatorA.s, w.reporterA1.s, w.viewerA.s]) {
        expect((await s.post(`${N}/reminders/run`)).statusCode).toBe(403);
      }
      expect(await t.db.selectFrom('notification').select('id').execute()).toEqual([]);

      t.app.config.smtpUrl = catcher.url;
      const run = await w.admin.s.post(`${N}/reminders/run`);
      expect(expectOk(run, ZReminderRunResult)).toEqual({ due: 3, overdue: 0, emailed: 1, emailFailed: 0 });
      expect((await catcher.waitFor(1))[0]!.subject).toContain('Sắp đến hạn báo cáo kỳ 6 tháng đầu năm 2026');
      // The manual run is recorded in the administrator's name.
      const audit = await t.db
        .selectFrom('audit_event')
        .selectAll()
        .where('action', '=', 'notification.reminders')
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.actor_user_id).toBe(w.admin.id);

      expect(expectOk(await w.admin.s.post(`${N}/reminders/run`), ZReminderRunResult)).toEqual({
        due: 0,
        overdue: 0,
        emailed: 0,
        emailFailed: 0,
      });
      expect(expectOk(await w.reporterA1.s.get(N), ZNotificationPage).unreadCount).toBe(1);
    } finally {
      await catcher.close();
    }
  });
});

describe('the scheduler', () => {
  it('runs the job shortly after start and stops on request', async () => {
    const t = await setupTest();
    const w = await registryWorld(t);
    const { modelEntry, registerAccepted } = await import('../registry/test-helpers.ts');
    await registerAccepted(w, w.reporterA1.s, w.operatorA.s, modelEntry(w, w.tree.a1));
    // A period due in three days from the real today.
    const { todayInVietnam } = await import('../../common/dates.ts');
    const today = todayInVietnam();
    const due = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
    const period = await buildPeriod(t.db, w.plan, { dueOn: due });
    await t.db
      .updateTable('report_period')
      .set({ starts_on: '2026-01-01', ends_on: today < due ? today : due })
      .where('id', '=', period)
      .execute();

    let resolveRun!: (v: unknown) => void;
    const ran = new Promise((resolve) => (resolveRun = resolve));
    const log = { info: (obj: object) => resolveRun(obj), error: (obj: object) => resolveRun(obj) };
    const scheduler = startNotificationScheduler(t.db, { ...loadConfig({}), reminderIntervalMinutes: 60 }, log, 0);
    expect(await ran).toEqual({ due: 1, overdue: 0, emailed: 0, emailFailed: 0 });
    await scheduler.stop();
  });

  it('logs a failing run instead of throwing; 0 minutes disables it', async () => {
    let resolveError!: (v: unknown) => void;
    const failed = new Promise((resolve) => (resolveError = resolve));
    const broken = {} as Kysely<DB>;
    const scheduler = startNotificationScheduler(
      broken,
      { ...loadConfig({}), reminderIntervalMinutes: 60 },
      { info: () => undefined, error: (obj) => resolveError(obj) },
      0,
    );
    expect(await failed).toEqual({ err: expect.any(Error) });
    await scheduler.stop();

    const calls: unknown[] = [];
    const off = startNotificationScheduler(
      broken,
      { ...loadConfig({}), reminderIntervalMinutes: 0 },
      { info: (o) => calls.push(o), error: (o) => calls.push(o) },
      0,
    );
    await off.stop();
    expect(calls).toEqual([]);
  });
});
