/**
 * /api/v1/audit — browse the audit log (nhật ký thao tác); 'audit.read' only. Scoping rules: ./queries.ts.
 * /audit/integrity — the chain check (./integrity.ts), for whoever reads the whole log.
 */
import { AUDIT_ACTIONS } from '../../common/audit-actions.ts';
import { ZAuditActionList, ZAuditEvent, ZAuditIdParams, ZAuditPage, ZAuditQuery } from '../../common/schemas/audit.ts';
import { ZAuditIntegrity, ZAuditIntegrityQuery } from '../../common/schemas/audit-integrity.ts';
import { auditRead } from '../lib/audit.ts';
import { requireAbility } from '../lib/context.ts';
import { forbidden } from '../lib/errors.ts';
import type { App } from '../lib/http.ts';
import { verifyAuditChain } from './integrity.ts';
import { findAuditEvents, getAuditEvent, readsWholeAuditLog } from './queries.ts';

const tags = ['audit'];

export function auditRoutes(app: App): void {
  const { db } = app;

  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: 'Nhật ký thao tác (mới nhất trước)',
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage },
      },
    },
    async (req) => findAuditEvents(db, requireAbility(req.ctx, 'audit.read'), req.query),
  );

  app.get(
    '/audit/actions',
    { schema: { tags, summary: 'Danh mục thao tác cho bộ lọc', response: { 200: ZAuditActionList } } },
    (req) => {
      requireAbility(req.ctx, 'audit.read');
      return Object.entries(AUDIT_ACTIONS).map(([action, label]) => ({ action, label }));
    },
  );

  app.get(
    '/audit/integrity',
    {
      schema: {
        tags,
        summary: 'Kiểm tra tính toàn vẹn của nhật ký (chuỗi mã băm); tùy chọn đối chiếu một mã niêm phong đã ghi lại',
        querystring: ZAuditIntegrityQuery,
        response: { 200: ZAuditIntegrity },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'audit.read');
      if (!readsWholeAuditLog(actor))
        throw forbidden(
          'Chỉ quản trị hệ thống hoặc kiểm tra viên toàn hệ thống (được cấp quyền ở đơn vị gốc) mới kiểm tra được tính toàn vẹn của toàn bộ nhật ký.',
        );
      const result = await verifyAuditChain(db, req.query);
      const outcome = result.ok
        ? 'toàn vẹn'
        : `KHÔNG toàn vẹn — ${result.firstBroken?.message ?? result.anchor?.message ?? ''}`;
      await auditRead(db, req.ctx, {
        action: 'audit.verified',
        entityType: 'audit_event',
        entityId: result.head?.seq ?? null,
        unitId: null,
        summary: `Kiểm tra ${result.checked} sự kiện nhật ký: ${outcome}${result.head ? ` (mã niêm phong đến sự kiện số ${result.head.seq}: ${result.head.hash})` : ''}`,
        after: {
          ok: result.ok,
          checked: result.checked,
          firstBroken: result.firstBroken,
          head: result.head,
          anchor: result.anchor,
        },
      });
      return result;
    },
  );

  app.get(
    '/audit/:id',
    { schema: { tags, summary: 'Xem một sự kiện nhật ký', params: ZAuditIdParams, response: { 200: ZAuditEvent } } },
    async (req) => getAuditEvent(db, requireAbility(req.ctx, 'audit.read'), req.params.id),
  );
}
