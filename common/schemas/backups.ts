/** Backups for system administrators: /api/v1/admin/backups (server/backup/routes.ts). */
import { z } from '../zod-setup.ts';

/** backup_run.trigger and backup_run.status. */
export const BACKUP_TRIGGERS = ['manual', 'scheduled', 'cli'] as const;
export const BACKUP_STATUSES = ['succeeded', 'failed'] as const;

export const ZBackupTrigger = z.enum(BACKUP_TRIGGERS);
export type TBackupTrigger = z.infer<typeof ZBackupTrigger>;

export const ZBackupRun = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string(),
  durationMs: z.number().int(),
  status: z.enum(BACKUP_STATUSES),
  trigger: ZBackupTrigger,
  /** Who asked (a user's name), or null for the schedule and the command line. */
  requestedByName: z.string().nullable(),
  /** The host that wrote the archive (its BACKUP_DIR). */
  node: z.string(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().nullable(),
  sha256: z.string().nullable(),
  engine: z.string().nullable(),
  lastMigration: z.string().nullable(),
  tableCount: z.number().nullable(),
  rowCount: z.number().nullable(),
  fileCount: z.number().nullable(),
  fileBytes: z.number().nullable(),
  /** Files the database references that were missing or damaged on disk: not in the archive. */
  missingFiles: z.array(z.object({ key: z.string(), reason: z.enum(['missing', 'corrupt']) })),
  auditHeadSeq: z.number().nullable(),
  auditHeadHash: z.string().nullable(),
  error: z.string().nullable(),
  prunedAt: z.string().nullable(),
  /** The archive is on this server's disk: it can be downloaded from here. */
  downloadable: z.boolean(),
});
export type TBackupRun = z.infer<typeof ZBackupRun>;

export const ZBackupRunning = z.object({
  startedAt: z.string(),
  trigger: ZBackupTrigger,
  requestedByName: z.string().nullable(),
});
export type TBackupRunning = z.infer<typeof ZBackupRunning>;

export const ZBackupList = z.object({
  /** A backup in progress on this server, if any. */
  running: ZBackupRunning.nullable(),
  settings: z.object({
    backupDir: z.string(),
    keep: z.number().int(),
    /** 0: scheduled backups are off. */
    intervalHours: z.number(),
    node: z.string(),
  }),
  items: z.array(ZBackupRun),
});
export type TBackupList = z.infer<typeof ZBackupList>;
