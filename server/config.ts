/** Configuration from the environment, with the defaults a laptop needs. */
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Where uploaded files are kept (inside dataDir unless FILES_DIR is set). */
  filesDir: string;
  /** Largest accepted upload, bytes. */
  maxUploadBytes: number;
  sessionHours: number;
  secureCookies: boolean;
  loadDemoData: boolean;
  logLevel: string;
  /** SMTP server for e-mail notifications, e.g. smtp://user:pass@mail.local:587; none: no e-mail. */
  smtpUrl: string | undefined;
  /** Sender of e-mail notifications. */
  mailFrom: string;
  /** The address users open the app at (links in e-mails), e.g. https://dienhinh.example.vn. */
  publicUrl: string | undefined;
  /** Minutes between reminder runs (and e-mail delivery); 0 disables the scheduler. */
  reminderIntervalMinutes: number;
}

/** A non-negative number of minutes, or the default when unset or not a number. */
function minutes(value: string | undefined, fallback: number): number {
  const n = Number(value ?? fallback);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    filesDir: path.resolve(env.FILES_DIR ?? path.join(dataDir, 'files')),
    maxUploadBytes: Number(env.MAX_UPLOAD_MB ?? 20) * 1024 * 1024,
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    secureCookies: env.SECURE_COOKIES === 'true',
    loadDemoData: env.DEMO_DATA !== 'false',
    logLevel: env.LOG_LEVEL ?? 'info',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || '"Điển hình" <khongtraloi@dienhinh.local>',
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : undefined,
    reminderIntervalMinutes: minutes(env.REMINDER_INTERVAL_MINUTES, 60),
  };
}
