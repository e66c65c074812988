/**
 * /api/v1/files — upload one attachment (multipart, field "file"); documents and
 * registry events then refer to it by id. GET /files/:id downloads it for whoever
 * uploaded it or may read a document or registry entry it is attached to.
 */
import { createReadStream, existsSync } from 'node:fs';
import { sql } from 'kysely';
import { ZStoredFile } from '../../common/schemas/documents.ts';
import { ZIdParams } from '../../common/schemas/shared.ts';
import { auditRead } from '../lib/audit.ts';
import { can, requireActor } from '../lib/context.ts';
import { AppError, forbidden, invalid, notFound } from '../lib/errors.ts';
import { hasActiveMonitorAssignment } from '../monitoring/policy.ts';
import { fileReadable } from './file-access.ts';
import { storedFileUnit } from './file-unit.ts';
import type { App } from '../lib/http.ts';
import { recordStoredFile } from './commands/store-file.ts';
import { presentFile } from './presenter.ts';
import { contentDisposition, saveUpload, storedPath } from './storage.ts';
import { binaryResponse, UPLOAD_MEDIA_TYPES } from '../openapi/binary-response.ts';

export function fileRoutes(app: App): void {
  app.post(
    '/files',
    {
      schema: {
        tags: ['documents'],
        summary: 'Tải tệp đính kèm lên (multipart/form-data, trường "file")',
        consumes: ['multipart/form-data'],
        response: { 201: ZStoredFile },
      },
    },
    async (req, reply) => {
      // Document writers upload; so do monitors (no documents.write) for the attachments of their notes.
      const actor = requireActor(req.ctx);
      if (!can(actor, 'documents.write') && !(await hasActiveMonitorAssignment(app.db, actor.userId)))
        throw forbidden();
      if (!req.isMultipart())
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Hãy gửi tệp dưới dạng multipart/form-data, trong trường "file".');
      const part = await req.file();
      if (!part) throw invalid('file', 'Chưa có tệp nào được gửi lên (trường "file").');
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw invalid('file', `Tệp phải được gửi trong trường "file" (không phải "${part.fieldname}").`);
      }
      const saved = await saveUpload(app.config.filesDir, part.file, part.filename, app.config.maxUploadBytes);
      const row = await recordStoredFile(app.db, req.ctx, saved);
      reply.code(201);
      return presentFile(row);
    },
  );

  app.get(
    '/files/:id',
    {
      schema: {
        tags: ['documents'],
        summary: 'Tải một tệp đính kèm',
        params: ZIdParams,
        response: binaryResponse('Nội dung tệp', UPLOAD_MEDIA_TYPES),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const file = await app.db
        .selectFrom('stored_file as f')
        .select(['f.id', 'f.original_name', 'f.mime_type', 'f.size_bytes', 'f.storage_key'])
        .where('f.id', '=', req.params.id)
        .where(fileReadable(actor, sql.ref('f.id'), sql.ref('f.created_by')))
        .executeTakeFirst();
      if (!file) throw notFound(`tệp có mã số ${req.params.id}`);
      const path = storedPath(app.config.filesDir, file.storage_key);
      if (!existsSync(path))
        throw notFound(`nội dung tệp "${file.original_name}" trên máy chủ (hãy báo quản trị viên)`);
      await auditRead(app.db, req.ctx, {
        action: 'file.downloaded',
        entityType: 'stored_file',
        entityId: file.id,
        unitId: await storedFileUnit(app.db, file.id),
        summary: `Tải tệp "${file.original_name}" (${Math.max(1, Math.round(file.size_bytes / 1024))} KB)`,
      });
      return reply
        .header('content-type', file.mime_type)
        .header('content-length', String(file.size_bytes))
        .header('content-disposition', contentDisposition(file.original_name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(createReadStream(path));
    },
  );
}
