/**
 * Runs backups for one database: at most one at a time in this process, and — on PostgreSQL — one at a
 * time in the whole cluster, through a session advisory lock held on a dedicated connection for the
 * run's duration (pg_try_advisory_lock: a second node is told at once, never queued). On PGlite the
 * data-folder lock already makes this process the only one, and holding a connection would block the
 * dump itself (PGlite has one). Every run, succeeded or failed, is recorded (runs.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { TBackupRunning, TBackupTrigger } from '../../common/schemas/backups.ts';
import type { DB } from '../db/schema.ts';
import type { RequestContext } from '../lib/context.ts';
import { AppError } from '../lib/errors.ts';
import {
  createBackup,
  engineOfVersion,
  pruneArchives,
  type BackupLocations,
  type BackupOutcome,
} from './create-backup.ts';
import { lastSuccessfulBackupAt, recordRun } from './runs.ts';

/** pg_try_advisory_lock key of backups (the audit chain's lock is 4716201021). */
export const BACKUP_LOCK_KEY = 4716202023;

export interface BackupSettings extends BackupLocations {
  backupKeep: number;
}

export interface BackupRequest {
  trigger: TBackupTrigger;
  ctx: RequestContext;
  /** Who asked, as the list shows it (a user's name; for the command line, the OS user). */
  requestedByName?: string | null;
  /** Scheduled runs: do nothing unless the last successful backup started at least this many hours ago. */
  onlyIfOlderThanHours?: number;
}

export interface BackupRunResult {
  runId: number | null;
  outcome: BackupOutcome;
}

const engines = new WeakMap<Kysely<DB>, Promise<'pglite' | 'postgres'>>();

export function engineOf(db: Kysely<DB>): Promise<'pglite' | 'postgres'> {
  let e = engines.get(db);
  if (!e) {
    e = sql<{ v: string }>`select version() as v`.execute(db).then((r) => engineOfVersion(r.rows[0]!.v));
    engines.set(db, e);
  }
  return e;
}

const alreadyRunning = () => new AppError('CONFLICT', 'Đang có một lần sao lưu chạy; hãy đợi nó xong rồi thử lại.');

export class BackupService {
  #running: (TBackupRunning & { done: Promise<BackupRunResult | null> }) | null = null;

  constructor(
    private readonly db: Kysely<DB>,
    private settings: BackupSettings,
  ) {}

  /** Settings can change between test apps on one database; the latest caller's win. */
  configure(settings: BackupSettings): this {
    this.settings = settings;
    return this;
  }

  get running(): TBackupRunning | null {
    if (!this.#running) return null;
    const { done: _done, ...state } = this.#running;
    return state;
  }

  /** Settles when the current run (if any) has ended. */
  async idle(): Promise<void> {
    while (this.#running) await this.#running.done.catch(() => undefined);
  }

  /**
   * Starts a run once the locks are held (CONFLICT when another run holds them) and returns its
   * completion, which resolves to null when a scheduled run found a recent enough backup.
   */
  async start(request: BackupRequest): Promise<{ done: Promise<BackupRunResult | null> }> {
    if (this.#running) throw alreadyRunning();
    let locked!: () => void;
    let refused!: (error: unknown) => void;
    const acquired = new Promise<void>((resolve, reject) => {
      locked = resolve;
      refused = reject;
    });
    const state = {
      startedAt: new Date().toISOString(),
      trigger: request.trigger,
      requestedByName: request.requestedByName ?? null,
    };
    const done = this.#withLocks(request, locked, refused);
    this.#running = { ...state, done };
    void done.then(
      () => (this.#running = null),
      () => (this.#running = null),
    );
    await acquired;
    return { done };
  }

  /** Runs to the end (the command line, the scheduler). */
  async run(request: BackupRequest): Promise<BackupRunResult | null> {
    const { done } = await this.start(request);
    return done;
  }

  async #withLocks(
    request: BackupRequest,
    locked: () => void,
    refused: (error: unknown) => void,
  ): Promise<BackupRunResult | null> {
    try {
      if ((await engineOf(this.db)) === 'pglite') {
        locked();
        return await this.#body(request);
      }
      return await this.db.connection().execute(async (conn) => {
        const got = (await sql<{ ok: boolean }>`select pg_try_advisory_lock(${BACKUP_LOCK_KEY}) as ok`.execute(conn))
          .rows[0]?.ok;
        if (!got) {
          if (request.trigger === 'scheduled') {
            locked();
            return null; // another node is making this period's backup
          }
          throw new AppError(
            'CONFLICT',
            'Một máy chủ khác đang sao lưu cơ sở dữ liệu này; hãy đợi nó xong rồi thử lại.',
          );
        }
        try {
          locked();
          return await this.#body(request);
        } finally {
          await sql`select pg_advisory_unlock(${BACKUP_LOCK_KEY})`.execute(conn);
        }
      });
    } catch (error) {
      refused(error); // no effect once `locked` was called
      throw error;
    }
  }

  async #body(request: BackupRequest): Promise<BackupRunResult | null> {
    if (request.onlyIfOlderThanHours !== undefined) {
      const last = await lastSuccessfulBackupAt(this.db);
      if (last && Date.now() - last.getTime() < request.onlyIfOlderThanHours * 3_600_000) return null;
    }
    const startedAt = new Date();
    const requestedBy = request.ctx.actor?.userId ?? null;
    const requestedByName = request.requestedByName ?? null;
    let outcome: BackupOutcome;
    try {
      outcome = await createBackup(this.db, this.settings, startedAt);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await recordRun(this.db, request.ctx, {
        trigger: request.trigger,
        startedAt,
        finishedAt: new Date(),
        requestedBy,
        requestedByName,
        outcome: null,
        error: message,
        pruned: [],
      }).catch(() => undefined);
      throw error;
    }
    const pruned = await pruneArchives(this.settings.backupDir, this.settings.backupKeep);
    const runId = await recordRun(this.db, request.ctx, {
      trigger: request.trigger,
      startedAt,
      finishedAt: new Date(),
      requestedBy,
      requestedByName,
      outcome,
      error: null,
      pruned,
    });
    return { runId, outcome };
  }
}

const services = new WeakMap<Kysely<DB>, BackupService>();

/** The one service of a database in this process (shared by the API, the scheduler and the control socket). */
export function backupServiceFor(db: Kysely<DB>, settings: BackupSettings): BackupService {
  let s = services.get(db);
  if (!s) services.set(db, (s = new BackupService(db, settings)));
  else s.configure(settings);
  return s;
}

export const backupSettingsOf = (config: {
  filesDir: string;
  backupDir: string;
  backupKeep: number;
}): BackupSettings => ({
  filesDir: config.filesDir,
  backupDir: config.backupDir,
  backupKeep: config.backupKeep,
});
