/**
 * A real SMTP server for tests (smtp-server on 127.0.0.1, a free port): it
 * accepts every message without authentication or TLS and keeps it parsed
 * (mailparser), so tests check what a mail client would receive.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  /** Envelope recipients (RCPT TO). */
  to: string[];
  from: string;
  subject: string;
  text: string;
  parsed: ParsedMail;
}

export interface SmtpCatcher {
  port: number;
  /** smtp://127.0.0.1:<port> */
  url: string;
  messages: CaughtMail[];
  /** Resolves when at least `count` messages have arrived. */
  waitFor(count: number): Promise<CaughtMail[]>;
  close(): Promise<void>;
}

export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const messages: CaughtMail[] = [];
  let waiters: Array<{ count: number; resolve: (m: CaughtMail[]) => void }> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            parsed,
          });
          waiters = waiters.filter((w) => (messages.length >= w.count ? (w.resolve([...messages]), false) : true));
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor: (count) =>
      messages.length >= count
        ? Promise.resolve([...messages])
        : new Promise((resolve) => waiters.push({ count, resolve })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
