/** GET /api/v1/registry/entries/:id/timeline — an entry's timeline across every area (compose.ts). */
import { ZTimeline } from '../../common/schemas/registry-timeline.ts';
import { ZIdParams } from '../../common/schemas/shared.ts';
import { requireActor } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { loadEntryFor } from '../registry/policy.ts';
import { composeEntryTimeline } from './compose.ts';

export function timelineRoutes(app: App): void {
  const { db } = app;

  app.get(
    '/registry/entries/:id/timeline',
    {
      schema: {
        tags: ['registry'],
        summary: 'Dòng thời gian của một mô hình, điển hình',
        params: ZIdParams,
        response: { 200: ZTimeline },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await loadEntryFor(db, actor, req.params.id, 'read');
      return composeEntryTimeline(db, actor, req.params.id);
    },
  );
}
