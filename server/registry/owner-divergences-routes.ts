/**
 * /api/v1/registry/owner-divergences — đối chiếu đơn vị quản lý: the exemplars whose person belongs to another
 * unit than the entry's owner (owner-divergences.ts), and the one-click repair that records a change of owner to
 * the person's unit for each chosen entry, all in one transaction.
 */
import { ZOwnerDivergences, ZRepairDivergencesBody, ZRepairDivergencesResult } from '../../common/schemas/registry.ts';
import { ZPageQuery } from '../../common/schemas/shared.ts';
import { requireAbility } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { repairOwnerDivergences } from './commands/repair-owner-divergences.ts';
import { ownerDivergences } from './owner-divergences.ts';

const tags = ['registry'];

export function ownerDivergenceRoutes(app: App): void {
  const { db } = app;

  app.get(
    '/registry/owner-divergences',
    {
      schema: {
        tags,
        summary: 'Điển hình có cá nhân thuộc đơn vị khác với đơn vị quản lý (đối chiếu đơn vị quản lý)',
        querystring: ZPageQuery,
        response: { 200: ZOwnerDivergences },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'registry.read');
      const { page, pageSize } = req.query;
      const { items, total } = await ownerDivergences(db, actor, { page, pageSize });
      return {
        items: items.map((r) => ({
          entryId: r.entryId,
          entryName: r.entryName,
          level: { id: r.levelId, name: r.levelName },
          ownerUnit: { id: r.ownerUnitId, name: r.ownerName },
          person: { id: r.personId, name: r.personName },
          personUnit: { id: r.personUnitId, name: r.personUnitName },
          canRepair: r.canRepair,
        })),
        total,
        page,
        pageSize,
      };
    },
  );
  app.post(
    '/registry/owner-divergences/repair',
    {
      schema: {
        tags,
        summary: 'Đồng bộ đơn vị quản lý của các điển hình đã chọn với đơn vị của cá nhân (một giao dịch)',
        body: ZRepairDivergencesBody,
        response: { 200: ZRepairDivergencesResult },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'registry.approve');
      const { entryIds, effectiveDate } = await repairOwnerDivergences(db, req.ctx, actor, req.body);
      return { repaired: entryIds.length, entryIds, effectiveDate };
    },
  );
}
