/**
 * /api/v1/evaluation/dashboard.xlsx — the reporting loop's dashboard (completeness from reporting, criteria met
 * from evaluation, over the registry's entries) as an .xlsx workbook, one sheet per chart. It combines areas, so
 * it lives above them.
 */
import { todayInVietnam } from '../../common/dates.ts';
import { ZDashboardXlsxQuery } from '../../common/schemas/evaluation.ts';
import { buildXlsxTables } from '../docgen/xlsx-tables.ts';
import { contentDisposition } from '../documents/storage.ts';
import { computeDashboard } from '../evaluation/dashboard.ts';
import { auditRead, homeUnitFor } from '../lib/audit.ts';
import { requireActor } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { binaryResponse, MEDIA } from '../openapi/binary-response.ts';
import { loadUnitView } from '../registry/unit-view.ts';
import { dashboardTables } from './reporting-tables.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function dashboardRoutes(app: App): void {
  const { db } = app;

  app.get(
    '/evaluation/dashboard.xlsx',
    {
      schema: {
        tags: ['evaluation'],
        summary: 'Tải số liệu bảng điều khiển (.xlsx; sheet= để lấy một biểu)',
        querystring: ZDashboardXlsxQuery,
        produces: [XLSX],
        response: binaryResponse('Bảng tính .xlsx', [MEDIA.xlsx]),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      // An ended unit is counted as it stood on its last day, like the dashboard on screen.
      const view = req.query.unitId === undefined ? null : await loadUnitView(db, actor, req.query.unitId);
      const unit = view ? { ...view.unit, lastDay: view.lastDay } : null;
      const d = await computeDashboard(db, actor, { planId: req.query.planId, periodId: req.query.periodId, unit });
      const tables = dashboardTables(d);
      const chosen = req.query.sheet ? [tables[req.query.sheet]] : Object.values(tables);
      const buffer = await buildXlsxTables(chosen, `Bảng điều khiển — ${d.plan.title}${unit ? ` — ${unit.name}` : ''}`);
      await auditRead(db, req.ctx, {
        action: 'dashboard.exported',
        entityType: 'evaluation_dashboard',
        entityId: d.plan.id,
        unitId: unit?.id ?? homeUnitFor(actor, 'registry.read'),
        summary: `Tải số liệu bảng điều khiển (.xlsx): ${d.plan.title}${unit ? ` — ${unit.name}` : ''} (${chosen.map((t) => t.caption).join('; ')})`,
        after: { query: req.query },
      });
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(`Bảng-điều-khiển-${todayInVietnam()}.xlsx`))
        .header('cache-control', 'private, no-store')
        .send(buffer);
    },
  );
}
