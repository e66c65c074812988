/** /api/v1/people — the people registry (cán bộ, đảng viên, người lao động). */
import {
  ZCreatePersonBody,
  ZLeavePersonBody,
  ZPerson,
  ZPersonListQuery,
  ZReinstatePersonBody,
  ZUpdatePersonBody,
} from '../../common/schemas/people.ts';
import { ZIdParams, ZPage } from '../../common/schemas/shared.ts';
import { auditRead } from '../lib/audit.ts';
import { requireActor, type Actor } from '../lib/context.ts';
import { notFound } from '../lib/errors.ts';
import type { App } from '../lib/http.ts';
import { loadUnitFor } from '../org/unit-access.ts';
import { createPerson } from './commands/create-person.ts';
import { markPersonLeft } from './commands/mark-person-left.ts';
import { reinstatePerson } from './commands/reinstate-person.ts';
import { updatePerson } from './commands/update-person.ts';
import { loadPersonFor } from './policy.ts';
import { presentPerson } from './presenter.ts';
import { findPeople, getPerson } from './queries.ts';

const tags = ['people'];

export function peopleRoutes(app: App): void {
  const { db } = app;
  const show = async (actor: Actor, id: number) => {
    const row = await getPerson(db, actor, id);
    if (!row) throw notFound(`người có mã số ${id}`);
    return presentPerson(row, actor);
  };

  app.get(
    '/people',
    {
      schema: {
        tags,
        summary: 'Danh sách người (theo thứ tự tên tiếng Việt)',
        querystring: ZPersonListQuery,
        response: { 200: ZPage(ZPerson) },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { unitId, ...filter } = req.query;
      const unit = unitId === undefined ? null : await loadUnitFor(db, actor, unitId, 'people.read');
      const { items, total } = await findPeople(db, actor, { ...filter, unitPath: unit?.path });
      return {
        items: items.map((row) => presentPerson(row, actor)),
        total,
        page: filter.page,
        pageSize: filter.pageSize,
      };
    },
  );

  app.get(
    '/people/:id',
    { schema: { tags, summary: 'Thông tin một người', params: ZIdParams, response: { 200: ZPerson } } },
    async (req) => {
      const actor = requireActor(req.ctx);
      const person = await loadPersonFor(db, actor, req.params.id, 'read');
      await auditRead(db, req.ctx, {
        action: 'person.viewed',
        entityType: 'person',
        entityId: person.id,
        unitId: person.unit_id,
        summary: `Xem hồ sơ của ${person.full_name} (${person.unit_name})`,
      });
      return presentPerson(person, actor);
    },
  );

  app.post(
    '/people',
    { schema: { tags, summary: 'Thêm người', body: ZCreatePersonBody, response: { 201: ZPerson } } },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const unit = await loadUnitFor(db, actor, req.body.unitId, 'people.read', 'people.write');
      const id = await createPerson(db, req.ctx, unit, req.body);
      reply.code(201);
      return show(actor, id);
    },
  );

  app.patch(
    '/people/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin hoặc chuyển đơn vị',
        params: ZIdParams,
        body: ZUpdatePersonBody,
        response: { 200: ZPerson },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const person = await loadPersonFor(db, actor, req.params.id, 'write');
      const { unitId } = req.body;
      const target =
        unitId !== undefined && unitId !== person.unit_id
          ? await loadUnitFor(db, actor, unitId, 'people.read', 'people.write')
          : null;
      await updatePerson(db, req.ctx, person, target, req.body);
      return show(actor, person.id);
    },
  );

  app.post(
    '/people/:id/leave',
    {
      schema: {
        tags,
        summary: 'Ghi nhận thôi công tác / chuyển đi',
        params: ZIdParams,
        body: ZLeavePersonBody,
        response: { 200: ZPerson },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const person = await loadPersonFor(db, actor, req.params.id, 'write');
      await markPersonLeft(db, req.ctx, person, req.body);
      return show(actor, person.id);
    },
  );

  app.post(
    '/people/:id/reinstate',
    {
      schema: {
        tags,
        summary: 'Khôi phục người đã thôi công tác',
        params: ZIdParams,
        body: ZReinstatePersonBody,
        response: { 200: ZPerson },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const person = await loadPersonFor(db, actor, req.params.id, 'write');
      await reinstatePerson(db, req.ctx, person, req.body);
      return show(actor, person.id);
    },
  );
}
