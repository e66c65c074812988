/**
 * /api/v1/admin/backups — system administrators only: the recent runs of every node, "back up now"
 * (answers at once; the page follows the run), and downloading an archive that lies on this node.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import { ZBackupList, ZBackupRunning } from '../../common/schemas/backups.ts';
import { ZIdParams } from '../../common/schemas/shared.ts';
import { contentDisposition } from '../documents/storage.ts';
import { binaryResponse, MEDIA } from '../openapi/binary-response.ts';
import { recordAudit } from '../lib/audit.ts';
import { isSystemAdmin, requireActor, type RequestContext } from '../lib/context.ts';
import { forbidden, notFound, AppError } from '../lib/errors.ts';
import type { App } from '../lib/http.ts';
import { formatBytes } from './manifest.ts';
import { archivePathOf, listRuns } from './runs.ts';
import { backupServiceFor, backupSettingsOf } from './service.ts';

const tags = ['admin'];

function requireSystemAdmin(ctx: RequestContext) {
  const actor = requireActor(ctx);
  if (!isSystemAdmin(actor)) throw forbidden('Chỉ quản trị hệ thống được xem và tạo bản sao lưu dữ liệu.');
  return actor;
}

export function backupRoutes(app: App): void {
  const { db, config } = app;
  const service = () => backupServiceFor(db, backupSettingsOf(config));

  app.get(
    '/admin/backups',
    {
      schema: {
        tags,
        summary: 'Các lần sao lưu gần đây (mọi máy chủ) và lần đang chạy',
        response: { 200: ZBackupList },
      },
    },
    async (req) => {
      requireSystemAdmin(req.ctx);
      return {
        running: service().running,
        settings: {
          backupDir: config.backupDir,
          keep: config.backupKeep,
          intervalHours: config.backupIntervalHours,
          node: os.hostname(),
        },
        items: await listRuns(db, config.backupDir),
      };
    },
  );

  app.post(
    '/admin/backups',
    {
      schema: {
        tags,
        summary: 'Sao lưu ngay: bắt đầu và trả lời ngay; danh sách cho biết khi nào xong',
        response: { 202: ZBackupRunning },
      },
    },
    async (req, reply) => {
      const actor = requireSystemAdmin(req.ctx);
      const s = service();
      const { done } = await s.start({
        trigger: 'manual',
        ctx: req.ctx,
        requestedByName: `${actor.fullName} (${actor.username})`,
      });
      // The run outlives the request: its result (or failure) is recorded and listed; here it is only logged.
      done.catch((err: unknown) => req.log.error({ err }, 'backup failed'));
      return reply
        .code(202)
        .send(s.running ?? { startedAt: new Date().toISOString(), trigger: 'manual', requestedByName: actor.fullName });
    },
  );

  app.get(
    '/admin/backups/:id/download',
    {
      schema: {
        tags,
        summary: 'Tải một bản sao lưu (.tar.gz) có trên máy chủ này',
        params: ZIdParams,
        produces: ['application/gzip'],
        response: binaryResponse('Bản sao lưu (.tar.gz)', [MEDIA.gzip]),
      },
    },
    async (req, reply) => {
      requireSystemAdmin(req.ctx);
      const run = await db.selectFrom('backup_run').selectAll().where('id', '=', req.params.id).executeTakeFirst();
      if (!run) throw notFound('lần sao lưu này');
      const file = archivePathOf(config.backupDir, run.file_name);
      if (run.status !== 'succeeded' || !file)
        throw new AppError('NOT_FOUND', 'Lần sao lưu này không thành công nên không có tệp để tải.');
      const info = await stat(file).catch(() => null);
      if (!info?.isFile()) {
        const where =
          run.node === os.hostname()
            ? `thư mục ${config.backupDir}`
            : `máy chủ ${run.node} (máy đang phục vụ bạn là ${os.hostname()})`;
        const why = run.pruned_at ? 'đã bị xóa theo BACKUP_KEEP' : `không có trên máy chủ này; tệp được ghi ở ${where}`;
        throw new AppError('NOT_FOUND', `Không tải được bản sao lưu ${run.file_name}: tệp ${why}.`);
      }
      await recordAudit(db, req.ctx, {
        action: 'backup.downloaded',
        entityType: 'backup',
        entityId: run.id,
        unitId: null,
        summary: `Tải bản sao lưu ${run.file_name} (${formatBytes(info.size)})`,
      });
      return reply
        .header('content-type', 'application/gzip')
        .header('content-length', String(info.size))
        .header('content-disposition', contentDisposition(run.file_name!))
        .header('cache-control', 'private, no-store')
        .send(createReadStream(file));
    },
  );
}
