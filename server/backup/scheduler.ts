/**
 * Scheduled backups: every BACKUP_INTERVAL_HOURS (0: off), keeping the BACKUP_KEEP newest archives.
 * The scheduler wakes every few minutes and backs up when the last successful backup — of any node,
 * read from backup_run — is older than the interval; so a server restarted daily still backs up, a
 * manual backup counts, and in a cluster the advisory lock plus that check make one node do it
 * (service.ts). Errors are logged and recorded as a failed run, never thrown.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { DB } from '../db/schema.ts';
import { systemContext } from '../lib/context.ts';
import { startControlSocket, type ControlLogger } from './control-socket.ts';
import { formatBytes } from './manifest.ts';
import { backupServiceFor, backupSettingsOf } from './service.ts';

export interface BackupScheduler {
  /** One check now (what the timer does); resolves when it is done. */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export interface SchedulerTiming {
  firstCheckAfterMs?: number;
  checkEveryMs?: number;
}

export function startBackupScheduler(
  db: Kysely<DB>,
  config: Config,
  log: ControlLogger,
  timing: SchedulerTiming = {},
): BackupScheduler {
  const hours = config.backupIntervalHours;
  if (!hours) return { tick: () => Promise.resolve(), stop: () => Promise.resolve() };
  const { firstCheckAfterMs = 5 * 60_000, checkEveryMs = Math.min(10 * 60_000, hours * 3_600_000) } = timing;
  let stopped = false;
  let current: Promise<void> | null = null;
  const tick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (current) return current;
    const service = backupServiceFor(db, backupSettingsOf(config));
    if (service.running) return Promise.resolve(); // a manual backup is being made now
    current = service
      .run({ trigger: 'scheduled', ctx: systemContext, requestedByName: null, onlyIfOlderThanHours: hours })
      .then((result) => {
        if (result)
          log.info(
            { file: result.outcome.path, missingFiles: result.outcome.manifest.missingFiles.length },
            `scheduled backup: ${result.outcome.fileName} (${formatBytes(result.outcome.sizeBytes)})`,
          );
      })
      .catch((err: unknown) => {
        log.error({ err }, 'scheduled backup failed');
      })
      .finally(() => {
        current = null;
      });
    return current;
  };
  const first = setTimeout(() => void tick(), firstCheckAfterMs);
  const every = setInterval(() => void tick(), Math.max(1_000, Math.min(checkEveryMs, 2 ** 31 - 1)));
  first.unref();
  every.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearTimeout(first);
      clearInterval(every);
      if (current) await current;
    },
  };
}

/** What `npm start` runs next to the notification scheduler: the schedule, and on PGlite the control socket. */
export async function startBackupServices(
  db: Kysely<DB>,
  config: Config,
  log: ControlLogger,
): Promise<{ stop(): Promise<void> }> {
  const scheduler = startBackupScheduler(db, config, log);
  const socket = config.databaseUrl
    ? null
    : await startControlSocket(db, config, log).catch((err: unknown) => {
        log.error({ err }, 'control socket not started: `npm run backup` cannot reach this server');
        return null;
      });
  return {
    async stop() {
      await socket?.close();
      await scheduler.stop();
    },
  };
}
