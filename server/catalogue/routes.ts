/** /api/v1/catalogue — fields / model types (lĩnh vực, loại mô hình) and their versioned criteria sets. */
import { z } from 'zod';
import {
  ZAddCriteriaSetBody,
  ZCreateFieldBody,
  ZCriteriaSet,
  ZField,
  ZFieldDetail,
  ZFieldListQuery,
  ZUpdateFieldBody,
} from '../../common/schemas/catalogue.ts';
import { ZIdParams } from '../../common/schemas/shared.ts';
import { requireActor, type Actor } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { addCriteriaSet } from './commands/add-criteria-set.ts';
import { createField } from './commands/create-field.ts';
import { updateField } from './commands/update-field.ts';
import { loadVisibleUnit } from './lineage.ts';
import { loadCriteriaSetFor, loadFieldFor, loadFieldOwnerFor } from './policy.ts';
import { presentField, presentFieldDetail } from './presenter.ts';
import { CATALOGUE_READ, findFields, listCriteriaSets } from './queries.ts';

const tags = ['catalogue'];

export function catalogueRoutes(app: App): void {
  const { db } = app;
  const show = async (actor: Actor, id: number) => {
    const field = await loadFieldFor(db, actor, id, 'read');
    return presentFieldDetail(field, await listCriteriaSets(db, id), actor);
  };

  app.get(
    '/catalogue/fields',
    {
      schema: {
        tags,
        summary: 'Danh mục lĩnh vực, loại mô hình (dùng chung, của đơn vị mình và cấp trên)',
        querystring: ZFieldListQuery,
        response: { 200: z.object({ items: z.array(ZField) }) },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { forUnitId, ...filter } = req.query;
      const unit = forUnitId === undefined ? null : await loadVisibleUnit(db, actor, forUnitId, CATALOGUE_READ);
      const rows = await findFields(db, actor, { ...filter, forUnitId: unit?.id });
      return { items: rows.map((row) => presentField(row, actor)) };
    },
  );

  app.get(
    '/catalogue/fields/:id',
    {
      schema: {
        tags,
        summary: 'Một lĩnh vực với mọi phiên bản bộ tiêu chí',
        params: ZIdParams,
        response: { 200: ZFieldDetail },
      },
    },
    async (req) => {
      return show(requireActor(req.ctx), req.params.id);
    },
  );

  app.post(
    '/catalogue/fields',
    {
      schema: {
        tags,
        summary: 'Thêm lĩnh vực, loại mô hình cùng bộ tiêu chí đầu tiên',
        body: ZCreateFieldBody,
        response: { 201: ZFieldDetail },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const owner = await loadFieldOwnerFor(db, actor, req.body.ownerUnitId);
      const id = await createField(db, req.ctx, owner, req.body);
      reply.code(201);
      return show(actor, id);
    },
  );

  app.patch(
    '/catalogue/fields/:id',
    {
      schema: {
        tags,
        summary: 'Sửa tên, mô tả, thứ tự, trạng thái sử dụng của lĩnh vực',
        params: ZIdParams,
        body: ZUpdateFieldBody,
        response: { 200: ZFieldDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const field = await loadFieldFor(db, actor, req.params.id, 'write');
      await updateField(db, req.ctx, field, req.body);
      return show(actor, field.id);
    },
  );

  app.post(
    '/catalogue/fields/:id/criteria-sets',
    {
      schema: {
        tags,
        summary: 'Ban hành phiên bản mới của bộ tiêu chí',
        params: ZIdParams,
        body: ZAddCriteriaSetBody,
        response: { 201: ZFieldDetail },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const field = await loadFieldFor(db, actor, req.params.id, 'write');
      await addCriteriaSet(db, req.ctx, field, req.body);
      reply.code(201);
      return show(actor, field.id);
    },
  );

  app.get(
    '/catalogue/criteria-sets/:id',
    { schema: { tags, summary: 'Một phiên bản bộ tiêu chí', params: ZIdParams, response: { 200: ZCriteriaSet } } },
    async (req) => {
      return loadCriteriaSetFor(db, requireActor(req.ctx), req.params.id);
    },
  );
}
