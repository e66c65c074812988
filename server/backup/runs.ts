/**
 * The record of backup runs (table backup_run): written once per run when it ends, with its audit
 * event (and the pruning BACKUP_KEEP did) in the same transaction; read by the administrator's page.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely, Selectable } from 'kysely';
import type { TBackupRun, TBackupTrigger } from '../../common/schemas/backups.ts';
import type { BackupRunTable, DB } from '../db/schema.ts';
import { writeTransaction } from '../lib/audit.ts';
import type { RequestContext } from '../lib/context.ts';
import { tableExists } from './catalog.ts';
import type { BackupOutcome } from './create-backup.ts';
import { ARCHIVE_NAME, formatBytes } from './manifest.ts';

export interface RunRecord {
  trigger: TBackupTrigger;
  startedAt: Date;
  finishedAt: Date;
  requestedBy: number | null;
  requestedByName: string | null;
  outcome: BackupOutcome | null;
  error: string | null;
  /** Archives BACKUP_KEEP deleted after this run. */
  pruned: string[];
}

const TRIGGER_LABEL: Record<TBackupTrigger, string> = {
  manual: 'theo yêu cầu',
  scheduled: 'theo lịch',
  cli: 'bằng lệnh npm run backup',
};

/** Writes the run and its audit events; returns the row id, or null on a database too old to have the table. */
export async function recordRun(db: Kysely<DB>, ctx: RequestContext, run: RunRecord): Promise<number | null> {
  if (!(await tableExists(db, 'backup_run'))) return null;
  const o = run.outcome;
  const m = o?.manifest;
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const row = await trx
      .insertInto('backup_run')
      .values({
        started_at: run.startedAt,
        finished_at: run.finishedAt,
        status: o ? 'succeeded' : 'failed',
        trigger: run.trigger,
        requested_by: run.requestedBy,
        requested_by_name: run.requestedByName,
        node: os.hostname(),
        file_name: o?.fileName ?? null,
        size_bytes: o?.sizeBytes ?? null,
        sha256: o?.sha256 ?? null,
        engine: m?.engine ?? null,
        last_migration: m?.lastMigration ?? null,
        table_count: m ? m.tables.length : null,
        row_count: m ? m.tables.reduce((s, t) => s + t.rows, 0) : null,
        file_count: m ? m.files.length : null,
        file_bytes: m ? m.files.reduce((s, f) => s + f.bytes, 0) : null,
        missing_files: JSON.stringify(m?.missingFiles ?? []),
        audit_head_seq: m?.auditChain?.seq ?? null,
        audit_head_hash: m?.auditChain?.hash ?? null,
        error: run.error,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (o && m) {
      const missing = m.missingFiles.length;
      await audit({
        action: 'backup.created',
        entityType: 'backup',
        entityId: row.id,
        unitId: null,
        summary: `Sao lưu dữ liệu ${TRIGGER_LABEL[run.trigger]}: ${o.fileName} (${formatBytes(o.sizeBytes)})${missing > 0 ? `, THIẾU ${missing} tệp đính kèm` : ''}`,
        after: {
          fileName: o.fileName,
          sha256: o.sha256,
          sizeBytes: o.sizeBytes,
          missingFiles: m.missingFiles,
          auditChain: m.auditChain,
        },
      });
    } else {
      await audit({
        action: 'backup.failed',
        entityType: 'backup',
        entityId: row.id,
        unitId: null,
        summary: `Sao lưu dữ liệu ${TRIGGER_LABEL[run.trigger]} không thành công: ${run.error ?? 'lỗi không rõ'}`,
      });
    }
    if (run.pruned.length > 0) {
      await trx
        .updateTable('backup_run')
        .set({ pruned_at: run.finishedAt })
        .where('file_name', 'in', run.pruned)
        .where('pruned_at', 'is', null)
        .execute();
      await audit({
        action: 'backup.pruned',
        entityType: 'backup',
        entityId: null,
        unitId: null,
        summary: `Xóa ${run.pruned.length} bản sao lưu cũ, chỉ giữ các bản mới nhất theo BACKUP_KEEP: ${run.pruned.join(', ')}`,
      });
    }
    return row.id;
  });
}

/** When the last successful backup (any node, any trigger) started; null when there is none. */
export async function lastSuccessfulBackupAt(db: Kysely<DB>): Promise<Date | null> {
  const row = await db
    .selectFrom('backup_run')
    .select('started_at')
    .where('status', '=', 'succeeded')
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.started_at) : null;
}

export function archivePathOf(backupDir: string, fileName: string | null): string | null {
  if (!fileName || !ARCHIVE_NAME.test(fileName)) return null;
  return path.join(backupDir, fileName);
}

export function presentRun(row: Selectable<BackupRunTable>, backupDir: string): TBackupRun {
  const file = archivePathOf(backupDir, row.file_name);
  const started = new Date(row.started_at);
  const finished = new Date(row.finished_at);
  return {
    id: row.id,
    startedAt: started.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - started.getTime(),
    status: row.status,
    trigger: row.trigger,
    requestedByName: row.requested_by_name,
    node: row.node,
    fileName: row.file_name,
    sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
    sha256: row.sha256,
    engine: row.engine,
    lastMigration: row.last_migration,
    tableCount: row.table_count,
    rowCount: row.row_count === null ? null : Number(row.row_count),
    fileCount: row.file_count,
    fileBytes: row.file_bytes === null ? null : Number(row.file_bytes),
    missingFiles: Array.isArray(row.missing_files) ? (row.missing_files as TBackupRun['missingFiles']) : [],
    auditHeadSeq: row.audit_head_seq === null ? null : Number(row.audit_head_seq),
    auditHeadHash: row.audit_head_hash,
    error: row.error,
    prunedAt: row.pruned_at ? new Date(row.pruned_at).toISOString() : null,
    downloadable: row.status === 'succeeded' && !row.pruned_at && file !== null && existsSync(file),
  };
}

export async function listRuns(db: Kysely<DB>, backupDir: string, limit = 50): Promise<TBackupRun[]> {
  const rows = await db
    .selectFrom('backup_run')
    .selectAll()
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => presentRun(r, backupDir));
}
