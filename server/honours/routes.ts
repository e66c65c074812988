/** /api/v1/honours — the catalogue of award forms and their dated council rules. */
import { z } from 'zod';
import { todayInVietnam } from '../../common/dates.ts';
import {
  ZAwardForm,
  ZAwardFormListQuery,
  ZAwardRuleInput,
  ZCreateAwardFormBody,
  ZUpdateAwardFormBody,
} from '../../common/schemas/honours.ts';
import { ZIdParams } from '../../common/schemas/shared.ts';
import { requireActor } from '../lib/context.ts';
import { notFound } from '../lib/errors.ts';
import type { App } from '../lib/http.ts';
import { findAwardForms } from './award-forms.ts';
import { addAwardRule, createAwardForm, updateAwardForm } from './commands/save-award-form.ts';

const tags = ['honours'];

export function honoursRoutes(app: App): void {
  const { db } = app;
  const one = async (id: number, onDate?: string) => {
    const [form] = await findAwardForms(db, { ids: [id], onDate, includeInactive: true });
    if (!form) throw notFound(`hình thức khen thưởng có mã số ${id}`);
    return form;
  };

  app.get(
    '/honours/award-forms',
    {
      schema: {
        tags,
        summary: 'Danh mục hình thức khen thưởng, với quy định xét đang áp dụng tại một ngày',
        querystring: ZAwardFormListQuery,
        response: { 200: z.object({ items: z.array(ZAwardForm), onDate: z.string() }) },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      const onDate = req.query.onDate ?? todayInVietnam();
      return { items: await findAwardForms(db, { ...req.query, onDate }), onDate };
    },
  );

  app.get(
    '/honours/award-forms/:id',
    {
      schema: {
        tags,
        summary: 'Một hình thức khen thưởng và các phiên bản quy định xét',
        params: ZIdParams,
        querystring: z.object({ onDate: ZAwardFormListQuery.shape.onDate }),
        response: { 200: ZAwardForm },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      return one(req.params.id, req.query.onDate);
    },
  );

  app.post(
    '/honours/award-forms',
    {
      schema: {
        tags,
        summary: 'Thêm hình thức khen thưởng (quản trị hệ thống)',
        body: ZCreateAwardFormBody,
        response: { 201: ZAwardForm },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      const id = await createAwardForm(db, req.ctx, req.body);
      reply.code(201);
      return one(id);
    },
  );

  app.patch(
    '/honours/award-forms/:id',
    {
      schema: {
        tags,
        summary: 'Sửa, ngừng dùng hình thức khen thưởng (quản trị hệ thống)',
        params: ZIdParams,
        body: ZUpdateAwardFormBody,
        response: { 200: ZAwardForm },
      },
    },
    async (req) => {
      requireActor(req.ctx);
      await updateAwardForm(db, req.ctx, req.params.id, req.body);
      return one(req.params.id);
    },
  );

  app.post(
    '/honours/award-forms/:id/rules',
    {
      schema: {
        tags,
        summary: 'Ban hành phiên bản quy định xét mới, áp dụng từ một ngày (quản trị hệ thống)',
        params: ZIdParams,
        body: ZAwardRuleInput,
        response: { 201: ZAwardForm },
      },
    },
    async (req, reply) => {
      requireActor(req.ctx);
      await addAwardRule(db, req.ctx, req.params.id, req.body);
      reply.code(201);
      return one(req.params.id);
    },
  );
}
