/**
 * /api/v1/evaluation — đánh giá, công nhận đạt tiêu chí: the lists of a
 * period or a phase with the system's proposal and the decision, one
 * entry's detail, deciding (confirm or override with a reason), confirming
 * many proposals at once, the "to review" list, and the dashboard.
 */
import { todayInVietnam } from '../../common/dates.ts';
import {
  ZConfirmManyBody,
  ZConfirmManyResult,
  ZDashboard,
  ZDashboardQuery,
  ZDecisionBody,
  ZEvaluationDetail,
  ZEvaluationDetailQuery,
  ZEvaluationListQuery,
  ZEvaluationPage,
  ZToReviewPage,
  ZToReviewQuery,
  type TEvaluationDetail,
  type TEvaluationPage,
} from '../../common/schemas/evaluation.ts';
import { ZId } from '../../common/schemas/shared.ts';
import { z } from '../../common/zod-setup.ts';
import { requireAbility, requireActor, type Actor, type RequestContext } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { loadUnitFor } from '../org/unit-access.ts';
import { approveReach, loadEntryFor } from '../registry/policy.ts';
import { loadUnitView } from '../registry/unit-view.ts';
import { confirmMany, decide } from './commands/decide.ts';
import { computeDashboard } from './dashboard.ts';
import { canDecideFor, sortConfirmRequests } from './policy.ts';
import { proposalsFor } from './proposal-queries.ts';
import { presentEvaluationDetail, presentEvaluationRow, presentScope } from './presenter.ts';
import { findEvaluationRows, loadEvaluationDetail, loadScope } from './queries.ts';
import type { ScopeKey } from './scope-sql.ts';
import { findToReview } from './to-review.ts';

const tags = ['evaluation'];
const ZPeriodParams = z.object({ periodId: ZId });
const ZPhaseParams = z.object({ phaseId: ZId });
const ZEntryParams = z.object({ entryId: ZId });

export function evaluationRoutes(app: App): void {
  const { db } = app;
  const unitFor = async (actor: Actor, unitId: number | undefined) =>
    unitId === undefined ? undefined : await loadUnitFor(db, actor, unitId, 'registry.read');

  const list = async (
    ctx: RequestContext,
    key: ScopeKey,
    query: z.infer<typeof ZEvaluationListQuery>,
  ): Promise<TEvaluationPage> => {
    const actor = requireActor(ctx);
    const { unitId, ...filter } = query;
    const unit = await unitFor(actor, unitId);
    const scope = await loadScope(db, key);
    const { items, total } = await findEvaluationRows(db, actor, key, { ...filter, unitPath: unit?.path });
    const [proposals, reach] = await Promise.all([proposalsFor(db, key, items), approveReach(db, actor)]);
    return {
      scope: presentScope(scope),
      items: items.map((r) => presentEvaluationRow(r, proposals.get(r.id), canDecideFor(reach, r))),
      total,
      page: filter.page,
      pageSize: filter.pageSize,
    };
  };

  const detail = async (ctx: RequestContext, entryId: number, key: ScopeKey): Promise<TEvaluationDetail> => {
    const actor = requireActor(ctx);
    const entry = await loadEntryFor(db, actor, entryId, 'read');
    const [data, reach] = await Promise.all([loadEvaluationDetail(db, key, entry), approveReach(db, actor)]);
    return presentEvaluationDetail(entry, data, canDecideFor(reach, entry));
  };

  app.get(
    '/evaluation/periods/:periodId',
    {
      schema: {
        tags,
        summary: 'Đánh giá theo kỳ báo cáo: danh sách phải báo cáo, đề xuất của hệ thống và kết quả đánh giá',
        params: ZPeriodParams,
        querystring: ZEvaluationListQuery,
        response: { 200: ZEvaluationPage },
      },
    },
    async (req) => list(req.ctx, { type: 'period', id: req.params.periodId }, req.query),
  );

  app.get(
    '/evaluation/phases/:phaseId',
    {
      schema: {
        tags,
        summary:
          'Đánh giá theo giai đoạn của kế hoạch: mô hình, điển hình trong danh sách trong giai đoạn, đề xuất và kết quả',
        params: ZPhaseParams,
        querystring: ZEvaluationListQuery,
        response: { 200: ZEvaluationPage },
      },
    },
    async (req) => list(req.ctx, { type: 'phase', id: req.params.phaseId }, req.query),
  );

  app.get(
    '/evaluation/entries/:entryId',
    {
      schema: {
        tags,
        summary: 'Đánh giá một mô hình, điển hình cho một kỳ hoặc giai đoạn: tiêu chí, giá trị, đề xuất, kết quả',
        params: ZEntryParams,
        querystring: ZEvaluationDetailQuery,
        response: { 200: ZEvaluationDetail },
      },
    },
    async (req) => {
      const key: ScopeKey =
        req.query.periodId !== undefined
          ? { type: 'period', id: req.query.periodId }
          : { type: 'phase', id: req.query.phaseId! };
      return detail(req.ctx, req.params.entryId, key);
    },
  );

  app.post(
    '/evaluation/decisions',
    {
      schema: {
        tags,
        summary: 'Ghi kết quả đánh giá (xác nhận đề xuất, hoặc đánh giá khác đề xuất kèm lý do), công nhận ở một cấp',
        body: ZDecisionBody,
        response: { 200: ZEvaluationDetail },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'registry.approve');
      const body = req.body;
      const entry = await loadEntryFor(db, actor, body.entryId, 'approve');
      const key: ScopeKey =
        body.periodId !== null ? { type: 'period', id: body.periodId } : { type: 'phase', id: body.phaseId! };
      const scope = await loadScope(db, key);
      await decide(
        db,
        req.ctx,
        {
          entry: {
            id: entry.id,
            name: entry.name,
            criteria_set_id: entry.criteria_set_id,
            owner_unit_id: entry.owner_unit_id,
          },
          owner: { id: entry.owner_unit_id, path: entry.owner_path },
          scope,
        },
        body,
      );
      return detail(req.ctx, entry.id, key);
    },
  );

  app.post(
    '/evaluation/periods/:periodId/confirm-many',
    {
      schema: {
        tags,
        summary: 'Xác nhận đề xuất của hệ thống cho nhiều mô hình, điển hình của một kỳ',
        params: ZPeriodParams,
        body: ZConfirmManyBody,
        response: { 200: ZConfirmManyResult },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'registry.approve');
      const key = { type: 'period', id: req.params.periodId } as const;
      const scope = await loadScope(db, key);
      const reach = await approveReach(db, actor);
      const { candidates, skipped } = await sortConfirmRequests(db, actor, reach, key, req.body.entryIds);
      const confirmed = await confirmMany(db, req.ctx, scope, candidates, todayInVietnam());
      return { confirmed, skipped };
    },
  );

  app.get(
    '/evaluation/to-review',
    {
      schema: {
        tags,
        summary: 'Cần xem xét: mô hình, điển hình không đạt hai kỳ liên tiếp (để đưa ra khỏi danh sách hoặc thay thế)',
        querystring: ZToReviewQuery,
        response: { 200: ZToReviewPage },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { unitId, page, pageSize } = req.query;
      const unit = await unitFor(actor, unitId);
      const { items, total } = await findToReview(db, actor, { unitPath: unit?.path, page, pageSize });
      return { items, total, page, pageSize };
    },
  );

  app.get(
    '/evaluation/dashboard',
    {
      schema: {
        tags,
        summary:
          'Bảng điều khiển: tình hình báo cáo theo đơn vị, đạt tiêu chí theo lĩnh vực và cấp, diễn biến qua các kỳ',
        querystring: ZDashboardQuery,
        response: { 200: ZDashboard },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      // An ended unit is seen as it stood on its last day, like its registry list (registry/unit-view.ts).
      const view = req.query.unitId === undefined ? null : await loadUnitView(db, actor, req.query.unitId);
      return computeDashboard(db, actor, {
        planId: req.query.planId,
        periodId: req.query.periodId,
        unit: view ? { ...view.unit, lastDay: view.lastDay } : null,
      });
    },
  );
}
