/**
 * /api/v1/registry/overview (+ .xlsx, + coverage units): the registry's numbers as of a date, and every chart's
 * data as an .xlsx workbook (one sheet per chart). The reporting loop's dashboard, which combines areas, is
 * exported by server/dashboards/.
 */
import { sql, type Kysely } from 'kysely';
import { formatDateVi, todayInVietnam } from '../../common/dates.ts';
import {
  ZCoverageUnitPage,
  ZCoverageUnitsQuery,
  ZOverview,
  ZOverviewQuery,
  ZOverviewXlsxQuery,
  ZViewUnitList,
  ZViewUnitsQuery,
  type TOverview,
} from '../../common/schemas/registry-overview.ts';
import { contentDisposition } from '../documents/storage.ts';
import { binaryResponse, MEDIA } from '../openapi/binary-response.ts';
import type { StatTable } from '../docgen/xlsx-tables.ts';
import { buildXlsxTables } from '../docgen/xlsx-tables.ts';
import { auditRead, homeUnitFor } from '../lib/audit.ts';
import { requireActor, type Actor } from '../lib/context.ts';
import { invalid } from '../lib/errors.ts';
import type { App } from '../lib/http.ts';
import { subtreeOnSql } from '../org/subtree-on.ts';
import type { DB } from '../db/schema.ts';
import { coverageUnits, computeOverview, type OverviewUnit } from './overview.ts';
import { findViewUnits, loadUnitView, viewDay, type UnitView } from './unit-view.ts';

const tags = ['registry'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const pct = (n: number, d: number) => (d === 0 ? '' : `${Math.round((n * 1000) / d) / 10}%`);

export function overviewTables(o: TOverview): Record<'active' | 'coverage' | 'movement', StatTable> {
  const on = formatDateVi(o.asOf);
  return {
    active: {
      sheet: 'Theo lĩnh vực và cấp',
      caption: `Mô hình, điển hình trong danh sách ngày ${on}, theo lĩnh vực và cấp`,
      headers: ['Lĩnh vực', 'Cấp', 'Mô hình', 'Điển hình'],
      rows: [
        ...o.active.map((r) => [r.field.name, r.level.name, r.models, r.exemplars]),
        ['Tổng cộng', '', o.activeTotal.models, o.activeTotal.exemplars],
      ],
      totalRow: true,
    },
    coverage: {
      sheet: 'Độ phủ',
      caption: `Tổ chức cơ sở đảng đã có mô hình ngày ${on}`,
      headers: ['Đơn vị', 'Số tổ chức cơ sở đảng', 'Đã có mô hình', 'Chưa có mô hình', 'Tỷ lệ đã có'],
      rows: [
        ...o.coverage.byChild.map((r) => [
          r.unit.name,
          r.units,
          r.covered,
          r.units - r.covered,
          pct(r.covered, r.units),
        ]),
        [
          'Tổng cộng',
          o.coverage.units,
          o.coverage.covered,
          o.coverage.units - o.coverage.covered,
          pct(o.coverage.covered, o.coverage.units),
        ],
      ],
      totalRow: true,
    },
    movement: {
      sheet: 'Biến động theo năm',
      caption: 'Biến động danh sách mô hình, điển hình theo năm',
      headers: ['Năm', 'Từ ngày', 'Đến ngày', 'Đầu kỳ', 'Bổ sung', 'Đưa ra', 'Chuyển cấp trên', 'Thay thế', 'Cuối kỳ'],
      rows: o.movement.map((r) => [
        r.year,
        formatDateVi(r.from),
        formatDateVi(r.to),
        r.start,
        r.added,
        r.removed,
        r.transferred,
        r.replaced,
        r.end,
      ]),
      totalRow: false,
    },
  };
}

/** `child` lies in `unit`'s subtree: today's, or for an ended unit the one it had on `day`. */
async function isWithin(db: Kysely<DB>, child: OverviewUnit, unit: OverviewUnit, day: string): Promise<boolean> {
  if (!unit.asStood) return child.path === unit.path || child.path.startsWith(`${unit.path}.`);
  const { rows } = await sql<{
    unit_id: number;
  }>`select t.unit_id from (${subtreeOnSql(unit.id, day)}) t where t.unit_id = ${child.id}`.execute(db);
  return rows.length > 0;
}

export function overviewRoutes(app: App): void {
  const { db } = app;
  /** The chosen unit; one that has ended is seen as it stood (unit-view.ts). */
  const unitFor = async (actor: Actor, unitId: number | undefined): Promise<(OverviewUnit & UnitView) | null> => {
    if (unitId === undefined) return null;
    const view = await loadUnitView(db, actor, unitId);
    return { ...view, id: view.unit.id, name: view.unit.name, path: view.unit.path, asStood: view.lastDay !== null };
  };
  /** The day of the numbers: the one asked for (never in the future), and for an ended unit at most its last day. */
  const asOfOf = (asOf: string | undefined, unit: UnitView | null = null) => {
    const today = todayInVietnam();
    if (asOf && asOf > today) throw invalid('asOf', 'Ngày xem số liệu không được ở tương lai.');
    return (unit ? viewDay(unit, asOf) : asOf) ?? today;
  };

  app.get(
    '/registry/overview',
    {
      schema: {
        tags,
        summary:
          'Tổng quan danh sách tại một ngày: theo lĩnh vực và cấp, độ phủ tổ chức cơ sở đảng, biến động theo năm',
        querystring: ZOverviewQuery,
        response: { 200: ZOverview },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const unit = await unitFor(actor, req.query.unitId);
      const overview = await computeOverview(db, actor, {
        unit,
        asOf: asOfOf(req.query.asOf, unit),
        kind: req.query.kind,
      });
      return { ...overview, endedOn: unit?.unit.endedOn ?? null };
    },
  );

  app.get(
    '/registry/overview.xlsx',
    {
      schema: {
        tags,
        summary: 'Tải số liệu tổng quan (.xlsx; sheet= để lấy một biểu)',
        querystring: ZOverviewXlsxQuery,
        produces: [XLSX],
        response: binaryResponse('Bảng tính .xlsx', [MEDIA.xlsx]),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const unit = await unitFor(actor, req.query.unitId);
      const o = await computeOverview(db, actor, { unit, asOf: asOfOf(req.query.asOf, unit), kind: req.query.kind });
      const tables = overviewTables(o);
      const chosen = req.query.sheet ? [tables[req.query.sheet]] : Object.values(tables);
      const title = `Tổng quan mô hình, điển hình${unit ? ` — ${unit.name}` : ''} — ngày ${formatDateVi(o.asOf)}`;
      const buffer = await buildXlsxTables(chosen, title);
      await auditRead(db, req.ctx, {
        action: 'dashboard.exported',
        entityType: 'registry_overview',
        entityId: null,
        unitId: unit?.id ?? homeUnitFor(actor, 'registry.read'),
        summary: `Tải "Tổng-quan-${o.asOf}.xlsx": ${title} (${chosen.map((t) => t.caption).join('; ')})`,
        after: { query: req.query },
      });
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', contentDisposition(`Tổng-quan-${o.asOf}.xlsx`))
        .header('cache-control', 'private, no-store')
        .send(buffer);
    },
  );

  app.get(
    '/registry/units',
    {
      schema: {
        tags,
        summary:
          'Các đơn vị có thể xem danh sách, tổng quan (kể cả đơn vị đã kết thúc mà mình được xem, như ngày cuối)',
        querystring: ZViewUnitsQuery,
        response: { 200: ZViewUnitList },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      return { items: await findViewUnits(db, actor, { q: req.query.q, limit: req.query.pageSize }) };
    },
  );

  app.get(
    '/registry/coverage/units',
    {
      schema: {
        tags,
        summary: 'Tổ chức cơ sở đảng chưa có (hoặc đã có) mô hình tại một ngày',
        querystring: ZCoverageUnitsQuery,
        response: { 200: ZCoverageUnitPage },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { unitId, childId, asOf, covered, page, pageSize } = req.query;
      const unit = await unitFor(actor, unitId);
      const day = asOfOf(asOf, unit);
      const loaded = await unitFor(actor, childId);
      // Under an ended unit, its child as it stood then (whatever became of it since).
      const child = loaded && unit?.asStood ? { ...loaded, asStood: true } : loaded;
      if (child && unit && !(await isWithin(db, child, unit, day)))
        throw invalid('childId', 'Đơn vị con không thuộc đơn vị đã chọn.');
      const { items, total } = await coverageUnits(db, actor, {
        unit,
        child,
        asOf: day,
        covered: covered ?? false,
        page,
        pageSize,
      });
      return { items, total, page, pageSize };
    },
  );
}
