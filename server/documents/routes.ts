/** /api/v1/documents, /api/v1/document-types — the document registry (sổ văn bản). */
import { createReadStream, existsSync } from 'node:fs';
import { z } from 'zod';
import {
  ZCreateDocumentBody,
  ZDocument,
  ZDocumentListQuery,
  ZDocumentType,
  ZRevokeDocumentBody,
  ZUpdateDocumentBody,
} from '../../common/schemas/documents.ts';
import { ZIdParams, ZPage } from '../../common/schemas/shared.ts';
import { auditRead } from '../lib/audit.ts';
import { requireActor, type Actor } from '../lib/context.ts';
import { invalid, notFound } from '../lib/errors.ts';
import type { App } from '../lib/http.ts';
import { loadUnitFor } from '../org/unit-access.ts';
import { registerDocument } from './commands/register-document.ts';
import { revokeDocument } from './commands/revoke-document.ts';
import { updateDocument } from './commands/update-document.ts';
import { loadDocumentFor } from './policy.ts';
import { presentDocument } from './presenter.ts';
import { findDocuments, getDocument, listDocumentTypes } from './queries.ts';
import { contentDisposition, storedPath } from './storage.ts';
import { binaryResponse, UPLOAD_MEDIA_TYPES } from '../openapi/binary-response.ts';
import { issuerKeyOf, matchTypeCode } from './symbol.ts';

const tags = ['documents'];

export function documentRoutes(app: App): void {
  const { db } = app;
  const show = async (actor: Actor, id: number) => {
    const row = await getDocument(db, actor, id);
    if (!row) throw notFound(`văn bản có mã số ${id}`);
    return presentDocument(row, actor);
  };

  app.get(
    '/document-types',
    {
      schema: {
        tags,
        summary: 'Danh mục loại văn bản',
        response: { 200: z.object({ items: z.array(ZDocumentType) }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const rows = await listDocumentTypes(db);
      return {
        items: rows.map((t) => ({ id: t.id, code: t.code, name: t.name, sortOrder: t.sort_order, active: t.active })),
      };
    },
  );

  app.get(
    '/documents',
    {
      schema: {
        tags,
        summary: 'Sổ văn bản (mới nhất trước)',
        querystring: ZDocumentListQuery,
        response: { 200: ZPage(ZDocument) },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { ownerUnitId, typeCode, issuer, ...filter } = req.query;
      const owner = ownerUnitId === undefined ? null : await loadUnitFor(db, actor, ownerUnitId, 'documents.read');
      let typeId: number | undefined;
      if (typeCode !== undefined) {
        const types = await listDocumentTypes(db);
        const code = matchTypeCode(
          typeCode,
          types.map((t) => t.code),
        );
        if (!code)
          throw invalid(
            'typeCode',
            `Loại văn bản "${typeCode}" không có trong danh mục (${types.map((t) => t.code).join(', ')}).`,
          );
        typeId = types.find((t) => t.code === code)!.id;
      }
      const issuerKey = issuer ? issuerKeyOf(issuer) : undefined;
      const { items, total } = await findDocuments(db, actor, { ...filter, ownerPath: owner?.path, typeId, issuerKey });
      return {
        items: items.map((row) => presentDocument(row, actor)),
        total,
        page: filter.page,
        pageSize: filter.pageSize,
      };
    },
  );

  app.get(
    '/documents/:id',
    { schema: { tags, summary: 'Một văn bản', params: ZIdParams, response: { 200: ZDocument } } },
    async (req) => {
      const actor = requireActor(req.ctx);
      return presentDocument(await loadDocumentFor(db, actor, req.params.id, 'read'), actor);
    },
  );

  app.post(
    '/documents',
    { schema: { tags, summary: 'Đăng ký văn bản', body: ZCreateDocumentBody, response: { 201: ZDocument } } },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const owner = await loadUnitFor(db, actor, req.body.ownerUnitId, 'documents.read', 'documents.write');
      const id = await registerDocument(db, req.ctx, owner, req.body);
      reply.code(201);
      return show(actor, id);
    },
  );

  app.patch(
    '/documents/:id',
    {
      schema: {
        tags,
        summary: 'Sửa văn bản',
        params: ZIdParams,
        body: ZUpdateDocumentBody,
        response: { 200: ZDocument },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const doc = await loadDocumentFor(db, actor, req.params.id, 'write');
      const { ownerUnitId } = req.body;
      const owner =
        ownerUnitId !== undefined && ownerUnitId !== doc.owner_unit_id
          ? await loadUnitFor(db, actor, ownerUnitId, 'documents.read', 'documents.write')
          : null;
      await updateDocument(db, req.ctx, doc, owner, req.body);
      return show(actor, doc.id);
    },
  );

  app.post(
    '/documents/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Thu hồi / hủy văn bản',
        params: ZIdParams,
        body: ZRevokeDocumentBody,
        response: { 200: ZDocument },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const doc = await loadDocumentFor(db, actor, req.params.id, 'write');
      await revokeDocument(db, req.ctx, doc, req.body);
      return show(actor, doc.id);
    },
  );

  app.get(
    '/documents/:id/file',
    {
      schema: {
        tags,
        summary: 'Tải tệp đính kèm của văn bản',
        params: ZIdParams,
        response: binaryResponse('Tệp đính kèm của văn bản', UPLOAD_MEDIA_TYPES),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const doc = await loadDocumentFor(db, actor, req.params.id, 'read');
      if (doc.file_storage_key === null || doc.file_name === null)
        throw notFound(`tệp đính kèm của văn bản ${doc.symbol}`);
      const file = storedPath(app.config.filesDir, doc.file_storage_key);
      if (!existsSync(file)) {
        req.log.error({ documentId: doc.id, storageKey: doc.file_storage_key }, 'stored file missing on disk');
        throw notFound(`nội dung tệp "${doc.file_name}" trên máy chủ (hãy báo quản trị viên)`);
      }
      await auditRead(db, req.ctx, {
        action: 'document.downloaded',
        entityType: 'document',
        entityId: doc.id,
        unitId: doc.owner_unit_id,
        summary: `Tải tệp "${doc.file_name}" của văn bản ${doc.symbol}`,
      });
      return reply
        .header('content-type', doc.file_mime_type ?? 'application/octet-stream')
        .header('content-length', String(doc.file_size_bytes))
        .header('content-disposition', contentDisposition(doc.file_name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(createReadStream(file));
    },
  );
}
