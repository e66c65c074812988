/** /api/v1/registry/entries/:id/monitor-notes — theo dõi, đôn đốc: notes, visits and reminders on a model or exemplar. */
import { ZMonitorNoteBody, ZMonitorNotePage, ZMonitorNoteQuery } from '../../common/schemas/monitoring.ts';
import { ZIdParams } from '../../common/schemas/shared.ts';
import { requireActor } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { loadEntryFor } from '../registry/policy.ts';
import { recordMonitorNote } from './commands/record-monitor-note.ts';
import { canWriteNotes, loadEntryForNotes } from './policy.ts';
import { findNotes } from './queries.ts';

const tags = ['monitoring'];

export function monitoringRoutes(app: App): void {
  const { db } = app;

  app.get(
    '/registry/entries/:id/monitor-notes',
    {
      schema: {
        tags,
        summary: 'Ghi nhận theo dõi, đôn đốc của một mô hình, điển hình (mới nhất trước)',
        params: ZIdParams,
        querystring: ZMonitorNoteQuery,
        response: { 200: ZMonitorNotePage },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const entry = await loadEntryFor(db, actor, req.params.id, 'read');
      const { page, pageSize } = req.query;
      const { items, total } = await findNotes(db, entry.id, page, pageSize);
      return { items, total, page, pageSize, canWrite: await canWriteNotes(db, actor, entry) };
    },
  );

  app.post(
    '/registry/entries/:id/monitor-notes',
    {
      schema: {
        tags,
        summary:
          'Ghi nhận theo dõi, đến thực tế, đôn đốc (người được phân công theo dõi hoặc cán bộ nghiệp vụ của cấp)',
        params: ZIdParams,
        body: ZMonitorNoteBody,
        response: { 201: ZMonitorNotePage },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const entry = await loadEntryForNotes(db, actor, req.params.id);
      await recordMonitorNote(db, req.ctx, entry, req.body);
      reply.code(201);
      const { items, total } = await findNotes(db, entry.id, 1, 20);
      return { items, total, page: 1, pageSize: 20, canWrite: true };
    },
  );
}
