/** /api/v1/inspections — kiểm tra, giám sát: the team, the entries covered, findings per criterion, conclusions and follow-ups. */
import {
  ZCloseFollowupBody,
  ZConcludeBody,
  ZCreateInspectionBody,
  ZFindingsBody,
  ZFollowupBody,
  ZFollowupListQuery,
  ZFollowupPage,
  ZInspectionDetail,
  ZInspectionListQuery,
  ZInspectionPage,
  ZUpdateInspectionBody,
} from '../../common/schemas/inspections.ts';
import { ZIdParams } from '../../common/schemas/shared.ts';
import { requireAbility, requireActor, type Actor } from '../lib/context.ts';
import { notFound } from '../lib/errors.ts';
import type { App } from '../lib/http.ts';
import { loadUnitFor } from '../org/unit-access.ts';
import { concludeInspection } from './commands/conclude-inspection.ts';
import { createInspection } from './commands/create-inspection.ts';
import { addFollowup, closeFollowup } from './commands/followups.ts';
import { saveFindings } from './commands/save-findings.ts';
import { updateInspection } from './commands/update-inspection.ts';
import { loadFollowupFor, loadInspectionFor } from './policy.ts';
import { presentDetail, presentFollowup, presentSummary } from './presenter.ts';
import { findFollowups, findInspections, getInspection } from './queries.ts';

const tags = ['inspections'];

export function inspectionRoutes(app: App): void {
  const { db } = app;
  const show = async (actor: Actor, id: number) => {
    const row = await getInspection(db, actor, id);
    if (!row) throw notFound(`đợt kiểm tra, giám sát có mã số ${id}`);
    return presentDetail(db, actor, row);
  };
  const unitPathFor = async (actor: Actor, unitId: number | undefined) =>
    unitId === undefined ? undefined : (await loadUnitFor(db, actor, unitId, 'registry.read')).path;

  app.get(
    '/inspections',
    {
      schema: {
        tags,
        summary: 'Danh sách các đợt kiểm tra, giám sát (của đơn vị, hoặc có mô hình, điển hình tôi được xem)',
        querystring: ZInspectionListQuery,
        response: { 200: ZInspectionPage },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { unitId, ...filter } = req.query;
      const { items, total } = await findInspections(db, actor, {
        ...filter,
        unitPath: await unitPathFor(actor, unitId),
      });
      return { items: items.map(presentSummary), total, page: filter.page, pageSize: filter.pageSize };
    },
  );

  app.get(
    '/inspections/followups',
    {
      schema: {
        tags,
        summary: 'Việc phải làm sau kiểm tra: theo dõi đến khi hoàn thành (lọc đang mở, quá hạn, theo đơn vị)',
        querystring: ZFollowupListQuery,
        response: { 200: ZFollowupPage },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { unitId, ...filter } = req.query;
      const { items, total } = await findFollowups(db, actor, {
        ...filter,
        unitPath: await unitPathFor(actor, unitId),
      });
      return {
        items: items.map((r) => presentFollowup(actor, r)),
        total,
        page: filter.page,
        pageSize: filter.pageSize,
      };
    },
  );

  app.post(
    '/inspections',
    {
      schema: {
        tags,
        summary: 'Lập đợt kiểm tra, giám sát',
        body: ZCreateInspectionBody,
        response: { 201: ZInspectionDetail },
      },
    },
    async (req, reply) => {
      const actor = requireAbility(req.ctx, 'inspections.write');
      await loadUnitFor(db, actor, req.body.ownerUnitId, 'registry.read', 'inspections.write');
      const id = await createInspection(db, req.ctx, req.body);
      reply.code(201);
      return show(actor, id);
    },
  );

  app.get(
    '/inspections/:id',
    {
      schema: {
        tags,
        summary: 'Một đợt kiểm tra, giám sát: đoàn, đối tượng, kết quả theo tiêu chí, kết luận, việc phải làm',
        params: ZIdParams,
        response: { 200: ZInspectionDetail },
      },
    },
    async (req) => show(requireActor(req.ctx), req.params.id),
  );

  app.patch(
    '/inspections/:id',
    {
      schema: {
        tags,
        summary: 'Sửa đợt kiểm tra, giám sát (thành viên và đối tượng được thay cả danh sách)',
        params: ZIdParams,
        body: ZUpdateInspectionBody,
        response: { 200: ZInspectionDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await loadInspectionFor(db, actor, req.params.id, 'write');
      await updateInspection(db, req.ctx, req.params.id, req.body);
      return show(actor, req.params.id);
    },
  );

  app.put(
    '/inspections/:id/findings',
    {
      schema: {
        tags,
        summary: 'Ghi kết quả kiểm tra một mô hình, điển hình theo từng tiêu chí (thay toàn bộ)',
        params: ZIdParams,
        body: ZFindingsBody,
        response: { 200: ZInspectionDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await loadInspectionFor(db, actor, req.params.id, 'write');
      await saveFindings(db, req.ctx, req.params.id, req.body);
      return show(actor, req.params.id);
    },
  );

  app.post(
    '/inspections/:id/conclude',
    {
      schema: {
        tags,
        summary: 'Kết luận đợt kiểm tra, giám sát',
        params: ZIdParams,
        body: ZConcludeBody,
        response: { 200: ZInspectionDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await loadInspectionFor(db, actor, req.params.id, 'write');
      await concludeInspection(db, req.ctx, req.params.id, req.body);
      return show(actor, req.params.id);
    },
  );

  app.post(
    '/inspections/:id/followups',
    {
      schema: {
        tags,
        summary: 'Thêm việc phải làm sau kiểm tra',
        params: ZIdParams,
        body: ZFollowupBody,
        response: { 201: ZInspectionDetail },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      await loadInspectionFor(db, actor, req.params.id, 'write');
      await addFollowup(db, req.ctx, req.params.id, req.body);
      reply.code(201);
      return show(actor, req.params.id);
    },
  );

  app.post(
    '/inspections/followups/:id/close',
    {
      schema: {
        tags,
        summary: 'Đóng việc phải làm sau kiểm tra (đã hoàn thành hoặc hủy)',
        params: ZIdParams,
        body: ZCloseFollowupBody,
        response: { 200: ZInspectionDetail },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { inspection } = await loadFollowupFor(db, actor, req.params.id);
      await closeFollowup(db, req.ctx, req.params.id, req.body);
      return show(actor, inspection.id);
    },
  );
}
