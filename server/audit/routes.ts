/** /api/v1/audit — browse the audit log (nhật ký thao tác); 'audit.read' only. Scoping rules: ./queries.ts. */
import { AUDIT_ACTIONS } from '../../common/audit-actions.ts';
import { ZAuditActionList, ZAuditEvent, ZAuditIdParams, ZAuditPage, ZAuditQuery } from '../../common/schemas/audit.ts';
import { requireAbility } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { findAuditEvents, getAuditEvent } from './queries.ts';

const tags = ['audit'];

export async function auditRoutes(app: App): Promise<void> {
  const { db } = app;

  app.get('/audit', { schema: { tags, summary: 'Nhật ký thao tác (mới nhất trước)', querystring: ZAuditQuery, response: { 200: ZAuditPage } } }, async (req) =>
    findAuditEvents(db, requireAbility(req.ctx, 'audit.read'), req.query),
  );

  app.get('/audit/actions', { schema: { tags, summary: 'Danh mục thao tác cho bộ lọc', response: { 200: ZAuditActionList } } }, async (req) => {
    requireAbility(req.ctx, 'audit.read');
    return Object.entries(AUDIT_ACTIONS).map(([action, label]) => ({ action, label }));
  });

  app.get('/audit/:id', { schema: { tags, summary: 'Xem một sự kiện nhật ký', params: ZAuditIdParams, response: { 200: ZAuditEvent } } }, async (req) =>
    getAuditEvent(db, requireAbility(req.ctx, 'audit.read'), req.params.id),
  );
}
