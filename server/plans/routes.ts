/** /api/v1/plans — plans (kế hoạch, chương trình) with their phases, review points and targets. */
import {
  ZClosePlanBody,
  ZCreatePlanBody,
  ZPlan,
  ZPlanListQuery,
  ZPlanSummary,
  ZUpdatePlanBody,
} from '../../common/schemas/plans.ts';
import { ZIdParams, ZPage } from '../../common/schemas/shared.ts';
import { requireActor, type Actor } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { loadVisibleUnit } from '../catalogue/lineage.ts';
import { loadUnitFor } from '../org/unit-access.ts';
import { closePlan } from './commands/close-plan.ts';
import { createPlan } from './commands/create-plan.ts';
import { updatePlan } from './commands/update-plan.ts';
import { loadPlanFor } from './policy.ts';
import { presentPlan, presentPlanSummary } from './presenter.ts';
import { findPlans, listPhases, listTargets } from './queries.ts';

const tags = ['plans'];

export function planRoutes(app: App): void {
  const { db } = app;
  const show = async (actor: Actor, id: number) => {
    const plan = await loadPlanFor(db, actor, id, 'read');
    const [phases, targets] = await Promise.all([listPhases(db, id), listTargets(db, id)]);
    return presentPlan(plan, phases, targets, actor);
  };

  app.get(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Danh sách kế hoạch (của đơn vị mình, cấp dưới và cấp trên)',
        querystring: ZPlanListQuery,
        response: { 200: ZPage(ZPlanSummary) },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { ownerUnitId, forUnitId, ...filter } = req.query;
      const owner = ownerUnitId === undefined ? null : await loadVisibleUnit(db, actor, ownerUnitId, 'plans.read');
      const unit = forUnitId === undefined ? null : await loadVisibleUnit(db, actor, forUnitId, 'plans.read');
      const { items, total } = await findPlans(db, actor, { ...filter, ownerPath: owner?.path, forUnitId: unit?.id });
      return {
        items: items.map((row) => presentPlanSummary(row, actor)),
        total,
        page: filter.page,
        pageSize: filter.pageSize,
      };
    },
  );

  app.get(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'Một kế hoạch với các giai đoạn, mốc sơ kết và chỉ tiêu',
        params: ZIdParams,
        response: { 200: ZPlan },
      },
    },
    async (req) => {
      return show(requireActor(req.ctx), req.params.id);
    },
  );

  app.post(
    '/plans',
    { schema: { tags, summary: 'Tạo kế hoạch', body: ZCreatePlanBody, response: { 201: ZPlan } } },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const owner = await loadUnitFor(db, actor, req.body.ownerUnitId, 'plans.read', 'plans.write');
      const id = await createPlan(db, req.ctx, owner, req.body);
      reply.code(201);
      return show(actor, id);
    },
  );

  app.patch(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'Sửa kế hoạch (giai đoạn, chỉ tiêu gửi lên thay thế toàn bộ)',
        params: ZIdParams,
        body: ZUpdatePlanBody,
        response: { 200: ZPlan },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const plan = await loadPlanFor(db, actor, req.params.id, 'write');
      await updatePlan(db, req.ctx, plan, req.body);
      return show(actor, plan.id);
    },
  );

  app.post(
    '/plans/:id/close',
    {
      schema: { tags, summary: 'Kết thúc kế hoạch', params: ZIdParams, body: ZClosePlanBody, response: { 200: ZPlan } },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const plan = await loadPlanFor(db, actor, req.params.id, 'write');
      await closePlan(db, req.ctx, plan, req.body);
      return show(actor, plan.id);
    },
  );
}
