/** /api/v1/files — upload one attachment (multipart, field "file"); documents then refer to it by id. */
import { ZStoredFile } from '../../common/schemas/documents.ts';
import { requireAbility } from '../lib/context.ts';
import { AppError, invalid } from '../lib/errors.ts';
import type { App } from '../lib/http.ts';
import { recordStoredFile } from './commands/store-file.ts';
import { presentFile } from './presenter.ts';
import { saveUpload } from './storage.ts';

export async function fileRoutes(app: App): Promise<void> {
  app.post(
    '/files',
    { schema: { tags: ['documents'], summary: 'Tải tệp đính kèm lên (multipart/form-data, trường "file")', consumes: ['multipart/form-data'], response: { 201: ZStoredFile } } },
    async (req, reply) => {
      requireAbility(req.ctx, 'documents.write');
      if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Hãy gửi tệp dưới dạng multipart/form-data, trong trường "file".');
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
}
