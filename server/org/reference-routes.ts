/** /api/v1/org/unit-types and /api/v1/org/levels — the catalogues of unit types and levels. */
import { z } from 'zod';
import { ZLevel, ZLevelBody, ZUnitType, ZUnitTypeBody } from '../../common/schemas/org.ts';
import { ZIdParams } from '../../common/schemas/shared.ts';
import { requireAbility, requireActor } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { saveLevel, saveUnitType } from './commands/save-reference.ts';

const tags = ['org'];

export function referenceRoutes(app: App): void {
  const listTypes = () =>
    app.db
      .selectFrom('unit_type')
      .select(['id', 'code', 'name', 'is_party as isParty', 'sort_order as sortOrder', 'active'])
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  const listLevels = () =>
    app.db
      .selectFrom('org_level')
      .select(['id', 'code', 'name', 'rank', 'active'])
      .orderBy('rank')
      .orderBy('id')
      .execute();

  app.get(
    '/org/unit-types',
    { schema: { tags, summary: 'Danh mục loại đơn vị', response: { 200: z.object({ items: z.array(ZUnitType) }) } } },
    async (req) => {
      requireActor(req.ctx);
      return { items: await listTypes() };
    },
  );
  app.post(
    '/org/unit-types',
    { schema: { tags, summary: 'Thêm loại đơn vị', body: ZUnitTypeBody, response: { 201: ZUnitType } } },
    async (req, reply) => {
      requireAbility(req.ctx, 'org.write');
      const id = await saveUnitType(app.db, req.ctx, req.body);
      reply.code(201);
      return (await listTypes()).find((t) => t.id === id)!;
    },
  );
  app.put(
    '/org/unit-types/:id',
    {
      schema: {
        tags,
        summary: 'Sửa loại đơn vị',
        params: ZIdParams,
        body: ZUnitTypeBody,
        response: { 200: ZUnitType },
      },
    },
    async (req) => {
      requireAbility(req.ctx, 'org.write');
      const id = await saveUnitType(app.db, req.ctx, req.body, req.params.id);
      return (await listTypes()).find((t) => t.id === id)!;
    },
  );

  app.get(
    '/org/levels',
    { schema: { tags, summary: 'Danh mục cấp', response: { 200: z.object({ items: z.array(ZLevel) }) } } },
    async (req) => {
      requireActor(req.ctx);
      return { items: await listLevels() };
    },
  );
  app.post(
    '/org/levels',
    { schema: { tags, summary: 'Thêm cấp', body: ZLevelBody, response: { 201: ZLevel } } },
    async (req, reply) => {
      requireAbility(req.ctx, 'org.write');
      const id = await saveLevel(app.db, req.ctx, req.body);
      reply.code(201);
      return (await listLevels()).find((l) => l.id === id)!;
    },
  );
  app.put(
    '/org/levels/:id',
    { schema: { tags, summary: 'Sửa cấp', params: ZIdParams, body: ZLevelBody, response: { 200: ZLevel } } },
    async (req) => {
      requireAbility(req.ctx, 'org.write');
      const id = await saveLevel(app.db, req.ctx, req.body, req.params.id);
      return (await listLevels()).find((l) => l.id === id)!;
    },
  );
}
