/** POST /api/v1/registry/entries/:id/owner — chuyển đơn vị quản lý: an entry on the list passes to another unit. */
import { todayInVietnam } from '../../common/dates.ts';
import { ZChangeOwnerBody, ZEntryDetail } from '../../common/schemas/registry.ts';
import { ZIdParams } from '../../common/schemas/shared.ts';
import { requireAbility } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { loadUnitFor } from '../org/unit-access.ts';
import { changeOwner } from './commands/change-owner.ts';
import { loadEntryFor } from './policy.ts';
import { presentDetail } from './presenter.ts';

export function ownerRoutes(app: App): void {
  const { db } = app;
  app.post(
    '/registry/entries/:id/owner',
    {
      schema: {
        tags: ['registry'],
        summary: 'Chuyển đơn vị quản lý một mô hình, điển hình từ một ngày (kèm lý do)',
        params: ZIdParams,
        body: ZChangeOwnerBody,
        response: { 200: ZEntryDetail },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'registry.approve');
      await loadEntryFor(db, actor, req.params.id, 'approve');
      await loadUnitFor(db, actor, req.body.unitId, 'registry.read', 'registry.write');
      await changeOwner(db, req.ctx, req.params.id, req.body);
      const asOf = todayInVietnam();
      return presentDetail(db, actor, await loadEntryFor(db, actor, req.params.id, 'read', asOf), asOf);
    },
  );
}
