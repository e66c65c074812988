/**
 * The notification job: reminders, then e-mail delivery. Run by the
 * scheduler every REMINDER_INTERVAL_MINUTES (and once shortly after start),
 * and on demand by a system administrator. Runs never overlap in one process.
 */
import type { Kysely } from 'kysely';
import { todayInVietnam } from '../../common/dates.ts';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { systemContext, type RequestContext } from '../lib/context.ts';
import { createMailer, deliverPendingEmails, type Mailer } from './mailer.ts';
import { runReminders } from './reminders.ts';

export interface JobResult {
  due: number;
  overdue: number;
  emailed: number;
  emailFailed: number;
}

let running: Promise<JobResult> | null = null;

/** Reminders then e-mails; if a run is in progress, wait for it and run again (so a manual run sees today's state). */
export async function runNotificationJob(
  db: Kysely<DB>,
  mailer: Mailer | null,
  ctx: RequestContext = systemContext,
  today = todayInVietnam(),
): Promise<JobResult> {
  while (running) await running.catch(() => undefined);
  const run = (async () => {
    const reminders = await runReminders(db, today, ctx);
    const mail = await deliverPendingEmails(db, mailer);
    return { ...reminders, emailed: mail.emailed, emailFailed: mail.failed };
  })();
  running = run;
  try {
    return await run;
  } finally {
    if (running === run) running = null;
  }
}

export interface Logger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface Scheduler {
  stop(): Promise<void>;
}

/** Start the periodic job; `REMINDER_INTERVAL_MINUTES=0` disables it. Errors are logged, never thrown. */
export function startNotificationScheduler(
  db: Kysely<DB>,
  config: Config,
  log: Logger,
  firstRunAfterMs = 15_000,
): Scheduler {
  const minutes = config.reminderIntervalMinutes;
  if (!minutes) return { stop: () => Promise.resolve() };
  const mailer = createMailer(config);
  let stopped = false;
  let current: Promise<unknown> | null = null;
  const tick = () => {
    if (stopped || current) return;
    current = runNotificationJob(db, mailer)
      .then((r) => {
        if (r.due + r.overdue + r.emailed + r.emailFailed > 0) log.info(r, 'notification job');
      })
      .catch((err: unknown) => log.error({ err }, 'notification job failed'))
      .finally(() => {
        current = null;
      });
  };
  const first = setTimeout(tick, firstRunAfterMs);
  const every = setInterval(tick, Math.min(minutes * 60_000, 2 ** 31 - 1));
  first.unref();
  every.unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      if (current) await current;
      mailer?.close();
    },
  };
}
