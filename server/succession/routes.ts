/** GET /api/v1/org/units/:id/active-entries — what a merger, split or dissolution of the unit would carry. */
import { ZUnitActiveEntries } from '../../common/schemas/org.ts';
import { ZIdParams } from '../../common/schemas/shared.ts';
import { requireActor } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { loadUnitFor } from '../org/unit-access.ts';
import { unitActiveEntries } from './queries.ts';

export function successionRoutes(app: App): void {
  const { db } = app;
  app.get(
    '/org/units/:id/active-entries',
    {
      schema: {
        tags: ['org'],
        summary: 'Mô hình, điển hình đang trong danh sách do đơn vị trực tiếp quản lý (để chuyển khi sắp xếp tổ chức)',
        params: ZIdParams,
        response: { 200: ZUnitActiveEntries },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await loadUnitFor(db, actor, req.params.id, 'registry.read');
      return { items: await unitActiveEntries(db, actor, req.params.id) };
    },
  );
}
