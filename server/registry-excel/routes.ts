/**
 * /api/v1/registry — Excel: the list as .xlsx (export.xlsx), the import
 * template, and the two-step import (preview a file, then commit it all or
 * nothing), plus the kept file of an import.
 */
import { createReadStream, existsSync } from 'node:fs';
import { todayInVietnam } from '../../common/dates.ts';
import { ZEntryListQuery } from '../../common/schemas/registry.ts';
import {
  ZImportCommitBody,
  ZImportCommitResult,
  ZImportFields,
  ZImportInfo,
  ZImportPreview,
  ZTemplateQuery,
} from '../../common/schemas/registry-excel.ts';
import { ZIdParams } from '../../common/schemas/shared.ts';
import { auditRead, homeUnitFor } from '../lib/audit.ts';
import { requireAbility, requireActor } from '../lib/context.ts';
import { AppError, invalid, notFound } from '../lib/errors.ts';
import type { App } from '../lib/http.ts';
import { loadUnitFor } from '../org/unit-access.ts';
import { loadUnitView } from '../registry/unit-view.ts';
import { contentDisposition, storedPath } from '../documents/storage.ts';
import { binaryResponse, MEDIA } from '../openapi/binary-response.ts';
import { assertNoNul } from '../lib/input-guard.ts';
import { commitImport } from './commands/commit-import.ts';
import { previewImport } from './commands/preview-import.ts';
import { countExport, describeFilter, exportFileName, streamExport, type ExportLabels } from './export.ts';
import { loadImportFor, presentImport } from './queries.ts';
import { buildTemplate, loadTemplateCatalogue } from './template.ts';

const tags = ['registry'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZExportQuery = ZEntryListQuery.omit({ page: true, pageSize: true });

export function registryExcelRoutes(app: App): void {
  const { db } = app;

  app.get(
    '/registry/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất danh sách mô hình, điển hình ra Excel (.xlsx), cùng bộ lọc với danh sách',
        querystring: ZExportQuery,
        produces: [XLSX],
        response: binaryResponse('Danh sách (.xlsx)', [MEDIA.xlsx]),
      },
    },
    async (req, reply) => {
      // like the list: the scope decides (registry.read on the owner unit, or an active monitor assignment)
      const actor = requireActor(req.ctx);
      const { unitId, asOf, ...rest } = req.query;
      let date = asOf ?? todayInVietnam();
      const labels: ExportLabels = {};
      let unitPath: string | undefined;
      let subtreeOn: { unitId: number; on: string } | undefined;
      if (unitId !== undefined) {
        // Like the list: a unit that has ended is exported as it stood on its last day (registry/unit-view.ts).
        const view = await loadUnitView(db, actor, unitId);
        if (view.lastDay) {
          subtreeOn = { unitId, on: view.lastDay };
          date = view.lastDay;
        } else unitPath = view.unit.path;
        labels.unitName = view.unit.name;
      }
      if (rest.levelId !== undefined) {
        const level = await db.selectFrom('org_level').select('name').where('id', '=', rest.levelId).executeTakeFirst();
        if (!level) throw invalid('levelId', `Không có cấp có mã số ${rest.levelId}.`);
        labels.levelName = level.name;
      }
      if (rest.fieldId !== undefined) {
        const field = await db
          .selectFrom('model_field')
          .select('name')
          .where('id', '=', rest.fieldId)
          .executeTakeFirst();
        if (!field) throw invalid('fieldId', `Không có lĩnh vực có mã số ${rest.fieldId}.`);
        labels.fieldName = field.name;
      }
      if (rest.planId !== undefined) {
        const plan = await db.selectFrom('plan').select('title').where('id', '=', rest.planId).executeTakeFirst();
        labels.planTitle = plan?.title ?? `mã số ${rest.planId}`;
      }
      if (rest.monitorId !== undefined) {
        const user = await db
          .selectFrom('app_user')
          .select('full_name')
          .where('id', '=', rest.monitorId)
          .executeTakeFirst();
        labels.monitorName = user?.full_name ?? `mã số ${rest.monitorId}`;
      }
      const filter = { ...rest, ...(subtreeOn ? { onDate: undefined, subtreeOn } : { unitPath }), asOf: date };
      const total = await countExport(db, actor, filter);
      await auditRead(db, req.ctx, {
        action: 'registry.exported',
        entityType: 'registry_entry',
        entityId: null,
        unitId: unitId ?? homeUnitFor(actor, 'registry.read'),
        summary: `Xuất ${total} dòng ra Excel "${exportFileName(rest.kind, date)}" — ${describeFilter(filter, labels)}`,
        after: { query: req.query, rows: total },
      });
      // Audited first: the stream starts reading at once and must not run if the audit fails.
      const stream = await streamExport(db, actor, filter, labels, total);
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(exportFileName(rest.kind, date)))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .header('x-total-count', String(total))
        .send(stream);
    },
  );

  app.get(
    '/registry/import/template.xlsx',
    {
      schema: {
        tags,
        summary: 'Tải mẫu nhập danh sách (Excel) với hướng dẫn và danh mục thả xuống',
        querystring: ZTemplateQuery,
        produces: [XLSX],
        response: binaryResponse('Mẫu nhập (.xlsx)', [MEDIA.xlsx]),
      },
    },
    async (req, reply) => {
      const actor = requireAbility(req.ctx, 'registry.write');
      const { kind, ownerUnitId } = req.query;
      const owner =
        ownerUnitId === undefined ? null : await loadUnitFor(db, actor, ownerUnitId, 'registry.read', 'registry.write');
      const catalogue = await loadTemplateCatalogue(db, actor, kind, owner);
      const buffer = await buildTemplate(kind, catalogue, owner?.name ?? null);
      const name = kind === 'model' ? 'Mẫu-nhập-mô-hình.xlsx' : 'Mẫu-nhập-điển-hình.xlsx';
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(name))
        .header('cache-control', 'private, no-store')
        .send(buffer);
    },
  );

  app.post(
    '/registry/import',
    {
      schema: {
        tags,
        summary:
          'Nhập danh sách từ Excel, bước 1: tải tệp lên (multipart: file, kind, ownerUnitId), đọc và kiểm tra từng dòng; chưa ghi vào danh sách',
        consumes: ['multipart/form-data'],
        response: { 201: ZImportPreview },
      },
    },
    async (req, reply) => {
      const actor = requireAbility(req.ctx, 'registry.write');
      if (!req.isMultipart())
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Hãy gửi tệp dưới dạng multipart/form-data: trường "file" và các trường "kind", "ownerUnitId".',
        );
      const fields: Record<string, string> = {};
      let file: { name: string; content: Buffer } | null = null;
      for await (const part of req.parts()) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file' || file) {
            part.file.resume();
            throw invalid('file', `Chỉ gửi một tệp, trong trường "file" (không phải "${part.fieldname}").`);
          }
          file = { name: part.filename, content: await part.toBuffer() };
        } else {
          // A field sent as application/json arrives parsed: a number or a word is fine, an object is not.
          const value = part.value;
          if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean')
            throw invalid(part.fieldname, `Trường "${part.fieldname}" phải là văn bản hoặc số.`);
          fields[part.fieldname] = String(value);
        }
      }
      assertNoNul(fields, 'body'); // multipart fields bypass the request guard of lib/input-guard.ts
      const parsedFields = ZImportFields.safeParse(fields);
      if (!parsedFields.success) {
        const issues = parsedFields.error.issues.map((i) => ({
          field: String(i.path[0] ?? 'body'),
          message: i.message,
        }));
        throw new AppError(
          'VALIDATION',
          `Dữ liệu không hợp lệ — ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
          issues,
        );
      }
      if (!file) throw invalid('file', 'Chưa có tệp nào được gửi lên (trường "file").');
      const { kind, ownerUnitId } = parsedFields.data;
      const owner = await loadUnitFor(db, actor, ownerUnitId, 'registry.read', 'registry.write');
      const preview = await previewImport(db, req.ctx, app.config, {
        kind,
        owner,
        fileName: file.name,
        content: file.content,
      });
      reply.code(201);
      return preview;
    },
  );

  app.get(
    '/registry/import/:id',
    { schema: { tags, summary: 'Một lần nhập từ Excel', params: ZIdParams, response: { 200: ZImportInfo } } },
    async (req) => {
      const actor = requireActor(req.ctx);
      return presentImport(await loadImportFor(db, actor, req.params.id, 'read'));
    },
  );

  app.get(
    '/registry/import/:id/file',
    {
      schema: {
        tags,
        summary: 'Tải lại tệp Excel của một lần nhập',
        params: ZIdParams,
        response: binaryResponse('Tệp Excel đã tải lên', [MEDIA.xlsx]),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const imp = await loadImportFor(db, actor, req.params.id, 'read');
      const path = storedPath(app.config.filesDir, imp.storage_key);
      if (!existsSync(path)) {
        req.log.error({ importId: imp.id, storageKey: imp.storage_key }, 'stored file missing on disk');
        throw notFound(`nội dung tệp "${imp.file_name}" trên máy chủ (hãy báo quản trị viên)`);
      }
      await auditRead(db, req.ctx, {
        action: 'registry_import.downloaded',
        entityType: 'registry_import',
        entityId: imp.id,
        unitId: imp.owner_unit_id,
        summary: `Tải lại tệp Excel "${imp.file_name}" của lần nhập số ${imp.id} (${imp.owner_name})`,
      });
      return reply
        .header('content-type', imp.mime_type)
        .header('content-length', String(imp.size_bytes))
        .header('content-disposition', contentDisposition(imp.file_name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(createReadStream(path));
    },
  );

  app.post(
    '/registry/import/:id/commit',
    {
      schema: {
        tags,
        summary:
          'Nhập danh sách từ Excel, bước 2: ghi tất cả các dòng (sau khi bỏ qua, sửa) vào danh sách, hoặc không ghi dòng nào',
        params: ZIdParams,
        body: ZImportCommitBody,
        response: { 200: ZImportCommitResult },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const imp = await loadImportFor(db, actor, req.params.id, 'write');
      const owner = { id: imp.owner_unit_id, path: imp.owner_path, name: imp.owner_name };
      return commitImport(db, req.ctx, app.config.filesDir, imp, owner, req.body);
    },
  );
}
