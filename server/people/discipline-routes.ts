/** /api/v1/people/:id/disciplines — kỷ luật của một người (xem: people.read; ghi nhận: people.write trên đơn vị của người đó). */
import { ZDiscipline, ZDisciplineBody, ZDisciplineList } from '../../common/schemas/honours-discipline.ts';
import { ZIdParams } from '../../common/schemas/shared.ts';
import { auditRead } from '../lib/audit.ts';
import { requireActor } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { disciplinesOfPerson, recordDiscipline } from './discipline-record.ts';
import { loadPersonFor } from './policy.ts';

const tags = ['people'];

export function disciplineRoutes(app: App): void {
  const { db } = app;

  app.get(
    '/people/:id/disciplines',
    {
      schema: {
        tags,
        summary: 'Các hình thức kỷ luật của một người (mới nhất trước)',
        params: ZIdParams,
        response: { 200: ZDisciplineList },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const person = await loadPersonFor(db, actor, req.params.id, 'read');
      const items = await disciplinesOfPerson(db, person.id);
      await auditRead(db, req.ctx, {
        action: 'discipline.viewed',
        entityType: 'person',
        entityId: person.id,
        unitId: person.unit_id,
        summary: `Xem ${items.length} hình thức kỷ luật của ${person.full_name} (${person.unit_name})`,
      });
      return { items };
    },
  );

  app.post(
    '/people/:id/disciplines',
    {
      schema: {
        tags,
        summary: 'Ghi nhận kỷ luật',
        params: ZIdParams,
        body: ZDisciplineBody,
        response: { 201: ZDiscipline },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const person = await loadPersonFor(db, actor, req.params.id, 'write');
      const id = await recordDiscipline(db, req.ctx, person, req.body);
      reply.code(201);
      return (await disciplinesOfPerson(db, person.id)).find((d) => d.id === id)!;
    },
  );
}
