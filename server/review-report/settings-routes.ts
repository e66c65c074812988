/** /api/v1/units/:id/document-settings — thể thức văn bản of a unit: its own layout and place, and what it inherits. */
import { ZDocumentSettings, ZDocumentSettingsBody } from '../../common/schemas/review-reports.ts';
import { ZIdParams } from '../../common/schemas/shared.ts';
import { requireActor } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { loadUnitFor } from '../org/unit-access.ts';
import { getDocumentSettings, saveDocumentSettings } from './document-settings.ts';

const tags = ['review-reports'];

export function documentSettingsRoutes(app: App): void {
  const { db } = app;

  app.get(
    '/units/:id/document-settings',
    {
      schema: {
        tags,
        summary: 'Thể thức văn bản của đơn vị: của riêng đơn vị và đang áp dụng (kế thừa từ đơn vị cấp trên)',
        params: ZIdParams,
        response: { 200: ZDocumentSettings },
      },
    },
    async (req) => {
      const unit = await loadUnitFor(db, requireActor(req.ctx), req.params.id, 'registry.read');
      return getDocumentSettings(db, unit);
    },
  );

  app.put(
    '/units/:id/document-settings',
    {
      schema: {
        tags,
        summary: 'Sửa thể thức văn bản của đơn vị (lề, phông chữ, cỡ chữ, dòng tiêu đề, địa danh)',
        params: ZIdParams,
        body: ZDocumentSettingsBody,
        response: { 200: ZDocumentSettings },
      },
    },
    async (req) => {
      const unit = await loadUnitFor(db, requireActor(req.ctx), req.params.id, 'registry.read', 'documents.write');
      await saveDocumentSettings(db, req.ctx, unit, req.body);
      return getDocumentSettings(db, unit);
    },
  );
}
