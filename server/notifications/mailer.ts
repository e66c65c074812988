/**
 * E-mail delivery of notifications, when SMTP is configured (SMTP_URL).
 * Every notification not yet mailed (created in the last 7 days, emailed_at
 * and email_error both null) whose user is active and has an address is sent
 * once: the rows are claimed first (emailed_at set, `for update skip locked`),
 * so two runs never mail the same notice; a failure is recorded in
 * email_error (emailed_at cleared) and not retried. Nothing here throws
 * because a mail server is down.
 */
import nodemailer from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { sql, type Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** Absolute base of links in e-mails (PUBLIC_URL), or null. */
  publicUrl: string | null;
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** How far back unsent notifications are still mailed. */
export const EMAIL_MAX_AGE_DAYS = 7;
const BATCH = 200;
/** Connection-level failures: the server cannot be reached, so the rest of the run is not attempted one by one. */
const CONNECTION_ERRORS = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'ETLS',
]);

/** A mailer on SMTP_URL (smtp://user:pass@host:port or smtps://…), or null when SMTP is not configured. */
export function createMailer(config: Pick<Config, 'smtpUrl' | 'mailFrom' | 'publicUrl'>): Mailer | null {
  if (!config.smtpUrl) return null;
  const transport = nodemailer.createTransport(
    new SMTPTransport({
      url: config.smtpUrl,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    }),
  );
  return {
    publicUrl: config.publicUrl ?? null,
    async send(message) {
      await transport.sendMail({
        from: config.mailFrom,
        to: message.to,
        subject: message.subject,
        text: message.text,
        textEncoding: 'base64',
      });
    },
    close: () => transport.close(),
  };
}

interface Pending {
  id: number;
  title: string;
  body: string;
  link: string | null;
  email: string;
  full_name: string;
}

export function emailText(n: Pick<Pending, 'body' | 'link' | 'full_name'>, publicUrl: string | null): string {
  const lines = [`Kính gửi ${n.full_name},`, '', n.body];
  if (n.link && publicUrl)
    lines.push('', `Xem chi tiết: ${publicUrl.replace(/\/+$/, '')}${n.link.startsWith('/') ? '' : '/'}${n.link}`);
  lines.push('', '—', 'Thư này được gửi tự động từ hệ thống Điển hình; vui lòng không trả lời thư này.');
  return lines.join('\n');
}

function describe(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const text = `${e.code ? `${e.code}: ` : ''}${e.message ?? String(error)}`;
  return text.slice(0, 500);
}

/** Claim the next batch: mark emailed_at now so that no other run sends them too. */
async function claim(db: Kysely<DB>): Promise<Pending[]> {
  const result = await sql<Pending>`
    with next as (
      select n.id from notification n
      join app_user u on u.id = n.user_id
      where n.emailed_at is null and n.email_error is null
        and n.created_at > now() - make_interval(days => ${EMAIL_MAX_AGE_DAYS})
        and u.status = 'active' and u.email is not null and btrim(u.email) <> ''
      order by n.id
      limit ${BATCH}
      for update of n skip locked
    )
    update notification n set emailed_at = now()
    from next, app_user u
    where n.id = next.id and u.id = n.user_id
    returning n.id, n.title, n.body, n.link, btrim(u.email) as email, u.full_name`.execute(db);
  return result.rows.sort((a, b) => a.id - b.id);
}

/**
 * Send every pending notification by e-mail. Returns how many were sent and
 * how many failed (each failure recorded on its notification). With no
 * mailer (SMTP not configured) nothing is attempted.
 */
export async function deliverPendingEmails(
  db: Kysely<DB>,
  mailer: Mailer | null,
): Promise<{ emailed: number; failed: number }> {
  if (!mailer) return { emailed: 0, failed: 0 };
  let emailed = 0;
  let failed = 0;
  for (;;) {
    const batch = await claim(db);
    if (batch.length === 0) break;
    const sent: number[] = [];
    const errors = new Map<string, number[]>();
    let unreachable: string | null = null;
    for (const n of batch) {
      if (unreachable) {
        errors.set(unreachable, [...(errors.get(unreachable) ?? []), n.id]);
        continue;
      }
      try {
        await mailer.send({ to: n.email, subject: n.title, text: emailText(n, mailer.publicUrl) });
        sent.push(n.id);
      } catch (error) {
        const message = describe(error);
        errors.set(message, [...(errors.get(message) ?? []), n.id]);
        const code = (error as { code?: string }).code;
        if (code && CONNECTION_ERRORS.has(code)) unreachable = message;
      }
    }
    if (sent.length > 0)
      await db
        .updateTable('notification')
        .set({ emailed_at: sql`now()` })
        .where('id', 'in', sent)
        .execute();
    for (const [message, ids] of errors) {
      await db
        .updateTable('notification')
        .set({ emailed_at: null, email_error: message })
        .where('id', 'in', ids)
        .execute();
      failed += ids.length;
    }
    emailed += sent.length;
    if (batch.length < BATCH) break;
  }
  return { emailed, failed };
}
