/**
 * E-mail delivery through a real SMTP server on 127.0.0.1 (smtp-server +
 * mailparser): the Vietnamese subject arrives intact, each notice is mailed
 * once, users without an address get only the in-app notice, and a mail
 * server that is down is recorded on the notification, never thrown.
 */
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { setupTest } from '../test/harness.ts';
import { startSmtpCatcher } from '../test/smtp-catcher.ts';
import { createMailer, deliverPendingEmails } from './mailer.ts';
import { notify } from './notify.ts';
import { runReminders } from './reminders.ts';
import { notificationsOf, PERIOD_NAME, reminderWorld, setEmail } from './test-helpers.ts';

const FROM = '"Điển hình" <khongtraloi@dienhinh.local>';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('e-mail delivery', () => {
  it('mails the reminders with the Vietnamese subject intact, once, only to active users with an address', async () => {
    const t = await setupTest();
    const catcher = await startSmtpCatcher();
    try {
      const { w, period } = await reminderWorld(t);
      await setEmail(t.db, w.reporterA1.id, 'baocao.a1@sotuphap.yenbai.gov.vn');
      await setEmail(t.db, w.monitor.id, ' theodoi@dienhinh.vn ');
      // reporter A2 has no address: in-app only.
      expect(await runReminders(t.db, '2026-07-10')).toEqual({ due: 3, overdue: 0 });

      const mailer = createMailer({ smtpUrl: catcher.url, mailFrom: FROM, publicUrl: 'https://dienhinh.example.vn/' })!;
      try {
        expect(await deliverPendingEmails(t.db, mailer)).toEqual({ emailed: 2, failed: 0 });
        const mails = await catcher.waitFor(2);
        const toA1 = mails.find((m) => m.to.includes('baocao.a1@sotuphap.yenbai.gov.vn'))!;
        expect(toA1.subject).toBe(
          `Sắp đến hạn báo cáo kỳ ${PERIOD_NAME} (hạn 15/07/2026): 2 mô hình, điển hình chưa gửi báo cáo`,
        );
        expect(toA1.parsed.from?.value[0]).toMatchObject({ name: 'Điển hình', address: 'khongtraloi@dienhinh.local' });
        expect(toA1.text).toContain('Kính gửi Cán bộ báo cáo A1,');
        expect(toA1.text).toContain('Mô hình "Dân vận khéo" xã Âu Lâu');
        expect(toA1.text).toContain(`https://dienhinh.example.vn/bao-cao-dinh-ky?ky=${period}`);
        expect(
          mails
            .map((m) => m.to)
            .flat()
            .sort(),
        ).toEqual(['baocao.a1@sotuphap.yenbai.gov.vn', 'theodoi@dienhinh.vn']);

        const [a1] = await notificationsOf(t.db, w.reporterA1.id);
        expect(a1!.emailed_at).toBeInstanceOf(Date);
        expect(a1!.email_error).toBeNull();
        const [a2] = await notificationsOf(t.db, w.reporterA2.id);
        expect(a2).toMatchObject({ emailed_at: null, email_error: null, read_at: null });

        // Nothing is mailed twice.
        expect(await deliverPendingEmails(t.db, mailer)).toEqual({ emailed: 0, failed: 0 });
        expect(catcher.messages).toHaveLength(2);

        // A disabled user, and a notice older than 7 days, are not mailed.
        await t.db.updateTable('app_user').set({ status: 'disabled' }).where('id', '=', w.monitor.id).execute();
        await notify(t.db, [
          { userId: w.monitor.id, kind: 'report.returned', title: 'Báo cáo bị trả lại', body: 'Bổ sung số liệu.' },
          { userId: w.reporterA1.id, kind: 'report.returned', title: 'Cũ', body: 'Quá 7 ngày.' },
        ]);
        await t.db
          .updateTable('notification')
          .set({ created_at: new Date(Date.now() - 8 * 86_400_000) })
          .where('title', '=', 'Cũ')
          .execute();
        expect(await deliverPendingEmails(t.db, mailer)).toEqual({ emailed: 0, failed: 0 });
      } finally {
        mailer.close();
      }
    } finally {
      await catcher.close();
    }
  });

  it('records the error when the mail server cannot be reached, without throwing or retrying', async () => {
    const t = await setupTest();
    const { w } = await reminderWorld(t);
    await setEmail(t.db, w.reporterA1.id, 'baocao.a1@sotuphap.yenbai.gov.vn');
    await setEmail(t.db, w.reporterA2.id, 'baocao.a2@truongcaodang.edu.vn');
    await runReminders(t.db, '2026-07-10');
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${await closedPort()}`,
      mailFrom: FROM,
      publicUrl: undefined,
    })!;
    try {
      expect(await deliverPendingEmails(t.db, mailer)).toEqual({ emailed: 0, failed: 2 });
      for (const id of [w.reporterA1.id, w.reporterA2.id]) {
        const [n] = await notificationsOf(t.db, id);
        expect(n!.emailed_at).toBeNull();
        expect(n!.email_error).toMatch(/ECONNREFUSED|ECONNECTION/);
      }
      // Recorded, not retried forever.
      expect(await deliverPendingEmails(t.db, mailer)).toEqual({ emailed: 0, failed: 0 });
    } finally {
      mailer.close();
    }
  });

  it('does nothing without SMTP configured', async () => {
    expect(createMailer(loadConfig({}))).toBeNull();
    expect(loadConfig({}).mailFrom).toBe(FROM);
    const t = await setupTest();
    const { w } = await reminderWorld(t);
    await setEmail(t.db, w.reporterA1.id, 'baocao.a1@sotuphap.yenbai.gov.vn');
    await runReminders(t.db, '2026-07-10');
    expect(await deliverPendingEmails(t.db, null)).toEqual({ emailed: 0, failed: 0 });
    const [n] = await notificationsOf(t.db, w.reporterA1.id);
    expect(n).toMatchObject({ emailed_at: null, email_error: null });
  });
});
