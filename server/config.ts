/** Configuration from the environment, with the defaults a laptop needs. */
import path from 'node:path';

export interface Config {
  port: number;
  /** Listen address; `hostExplicit` says whether HOST was set (the demo listens on 127.0.0.1 unless it was). */
  host: string;
  hostExplicit: boolean;
  /** NODE_ENV=production: demo data is refused. */
  production: boolean;
  dataDir: string;
  databaseUrl: string | undefined;
  /** Where uploaded files are kept (inside dataDir unless FILES_DIR is set). */
  filesDir: string;
  /** Largest accepted upload, bytes. */
  maxUploadBytes: number;
  /** Sliding session lifetime (hours of inactivity). */
  sessionHours: number;
  /** Absolute session lifetime from sign-in, days. */
  sessionMaxDays: number;
  /** API tokens: lifetime when none is asked for, and the longest allowed, days. */
  tokenDefaultDays: number;
  tokenMaxDays: number;
  secureCookies: boolean;
  /**
   * Fastify's trustProxy: false (default: X-Forwarded-For is ignored), or the proxies named by TRUST_PROXY —
   * comma-separated addresses/CIDRs, a number of hops, or `true` (trust every hop; only behind a proxy that
   * overwrites the header).
   */
  trustProxy: boolean | string | number;
  /** DEMO_DATA: load the demo organisation into an empty database (default: yes, unless production or PUBLIC_URL). */
  loadDemoData: boolean;
  /** DEMO_DATA was set to true explicitly (refused in production). */
  demoDataExplicit: boolean;
  logLevel: string;
  /** SMTP server for e-mail notifications, e.g. smtp://user:pass@mail.local:587; none: no e-mail. */
  smtpUrl: string | undefined;
  /** Sender of e-mail notifications. */
  mailFrom: string;
  /** The address users open the app at (links in e-mails), e.g. https://dienhinh.example.vn. */
  publicUrl: string | undefined;
  /** Minutes between reminder runs (and e-mail delivery); 0 disables the scheduler. */
  reminderIntervalMinutes: number;
  /** Where backup archives are written (default DATA_DIR/backups). */
  backupDir: string;
  /** How many scheduled/manual archives to keep in backupDir (older ones are deleted). */
  backupKeep: number;
  /** Hours between scheduled backups; 0 disables them. */
  backupIntervalHours: number;
}

/** A non-negative number, or the default when unset or not a number. */
function nonNegative(value: string | undefined, fallback: number): number {
  const n = Number(value ?? fallback);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** TRUST_PROXY: unset/false → false; true → true; a number of hops; otherwise the list of proxy addresses. */
export function parseTrustProxy(value: string | undefined): boolean | string | number {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .join(',');
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR ?? './data');
  const production = env.NODE_ENV === 'production';
  const publicUrl = env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : undefined;
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST || '0.0.0.0',
    hostExplicit: Boolean(env.HOST),
    production,
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    filesDir: path.resolve(env.FILES_DIR ?? path.join(dataDir, 'files')),
    maxUploadBytes: Number(env.MAX_UPLOAD_MB ?? 20) * 1024 * 1024,
    sessionHours: Number(env.SESSION_HOURS ?? 12),
    sessionMaxDays: nonNegative(env.SESSION_MAX_DAYS, 7) || 7,
    tokenDefaultDays: nonNegative(env.API_TOKEN_DAYS, 90) || 90,
    tokenMaxDays: nonNegative(env.API_TOKEN_MAX_DAYS, 365) || 365,
    secureCookies: env.SECURE_COOKIES === 'true',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    loadDemoData:
      env.DEMO_DATA === undefined || env.DEMO_DATA === '' ? !production && !publicUrl : env.DEMO_DATA !== 'false',
    demoDataExplicit: env.DEMO_DATA === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || '"Điển hình" <khongtraloi@dienhinh.local>',
    publicUrl,
    reminderIntervalMinutes: nonNegative(env.REMINDER_INTERVAL_MINUTES, 60),
    backupDir: path.resolve(env.BACKUP_DIR ?? path.join(dataDir, 'backups')),
    backupKeep: Math.max(1, Math.floor(nonNegative(env.BACKUP_KEEP, 14))),
    backupIntervalHours: nonNegative(env.BACKUP_INTERVAL_HOURS, 24),
  };
}
