/** /api/v1/reporting — reporting periods, unit overrides, periodic reports and their flow, completeness. */
import { todayInVietnam } from '../../common/dates.ts';
import {
  ZReport,
  ZReportRevisionBody,
  ZReturnReportBody,
  ZSaveReportBody,
  ZStartReportBody,
} from '../../common/schemas/reporting.ts';
import {
  ZAcceptManyBody,
  ZAcceptManyPreview,
  ZAcceptManyPreviewBody,
  ZAcceptManyResult,
  ZCompleteness,
  ZCompletenessQuery,
  ZPeriodEntriesPage,
  ZPeriodEntriesQuery,
} from '../../common/schemas/reporting-completeness.ts';
import {
  ZCreatePeriodBody,
  ZGeneratePeriodsBody,
  ZGeneratePeriodsResult,
  ZOverride,
  ZOverrideBody,
  ZPeriod,
  ZPeriodListQuery,
  ZPeriodPage,
  ZUpdatePeriodBody,
  ZWindow,
} from '../../common/schemas/reporting-periods.ts';
import { ZId, ZIdParams } from '../../common/schemas/shared.ts';
import { z } from '../../common/zod-setup.ts';
import { requireAbility, requireActor, type Actor } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { loadUnitFor } from '../org/unit-access.ts';
import { loadPlanFor } from '../plans/policy.ts';
import { loadEntryFor } from '../registry/policy.ts';
import { acceptMany, previewAcceptMany } from './commands/accept-many.ts';
import { createPeriod } from './commands/create-period.ts';
import { generatePeriods } from './commands/generate-periods.ts';
import { acceptReport, returnReport } from './commands/review-report.ts';
import { saveReport } from './commands/save-report.ts';
import { setOverride } from './commands/set-override.ts';
import { startReport } from './commands/start-report.ts';
import { submitReport } from './commands/submit-report.ts';
import { updatePeriod } from './commands/update-period.ts';
import { computeCompleteness, findPeriodEntries } from './completeness.ts';
import { periodWindow } from './period-rules.ts';
import { findPeriods, getPeriods, listOverrides, loadPeriodFor, presentPeriod } from './periods.ts';
import { loadReportFor } from './policy.ts';
import { presentReport } from './presenter.ts';

const tags = ['reporting'];
const ZWindowQuery = z.object({ unitId: ZId });

export function reportingRoutes(app: App): void {
  const { db } = app;
  const showPeriod = async (actor: Actor, id: number) =>
    presentPeriod(await loadPeriodFor(db, actor, id, 'read'), actor);

  // ─── Periods ──────────────────────────────────────────────────────────────

  app.get(
    '/reporting/periods',
    {
      schema: {
        tags,
        summary: 'Các kỳ báo cáo (của các kế hoạch mình được xem)',
        querystring: ZPeriodListQuery,
        response: { 200: ZPeriodPage },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { items, total } = await findPeriods(db, actor, req.query);
      return {
        items: items.map((r) => presentPeriod(r, actor)),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
      };
    },
  );

  app.post(
    '/reporting/periods',
    {
      schema: { tags, summary: 'Tạo một kỳ báo cáo của kế hoạch', body: ZCreatePeriodBody, response: { 201: ZPeriod } },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const plan = await loadPlanFor(db, actor, req.body.planId, 'write');
      const id = await createPeriod(db, req.ctx, plan, req.body);
      reply.code(201);
      return showPeriod(actor, id);
    },
  );

  app.post(
    '/reporting/periods/generate',
    {
      schema: {
        tags,
        summary: 'Tạo các kỳ báo cáo 6 tháng, năm còn thiếu theo thời gian của kế hoạch',
        body: ZGeneratePeriodsBody,
        response: { 200: ZGeneratePeriodsResult },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const plan = await loadPlanFor(db, actor, req.body.planId, 'write');
      const { created, existing } = await generatePeriods(db, req.ctx, plan, req.body);
      return { created: (await getPeriods(db, actor, created)).map((r) => presentPeriod(r, actor)), existing };
    },
  );

  app.get(
    '/reporting/periods/:id',
    { schema: { tags, summary: 'Một kỳ báo cáo', params: ZIdParams, response: { 200: ZPeriod } } },
    async (req) => showPeriod(requireActor(req.ctx), req.params.id),
  );

  app.patch(
    '/reporting/periods/:id',
    {
      schema: {
        tags,
        summary: 'Sửa kỳ báo cáo (tên, ngày, hạn nộp, gia hạn)',
        params: ZIdParams,
        body: ZUpdatePeriodBody,
        response: { 200: ZPeriod },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const period = await loadPeriodFor(db, actor, req.params.id, 'write');
      await updatePeriod(db, req.ctx, period, req.body);
      return showPeriod(actor, period.id);
    },
  );

  app.get(
    '/reporting/periods/:id/overrides',
    {
      schema: {
        tags,
        summary: 'Các lần mở / khóa kỳ báo cáo cho từng đơn vị',
        params: ZIdParams,
        response: { 200: z.array(ZOverride) },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await loadPeriodFor(db, actor, req.params.id, 'read');
      return listOverrides(db, actor, req.params.id);
    },
  );

  app.post(
    '/reporting/periods/:id/overrides',
    {
      schema: {
        tags,
        summary: 'Mở lại đến một ngày, hoặc khóa, kỳ báo cáo cho một đơn vị và các đơn vị trực thuộc',
        params: ZIdParams,
        body: ZOverrideBody,
        response: { 201: ZOverride },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      await loadPeriodFor(db, actor, req.params.id, 'read');
      const unit = await loadUnitFor(db, actor, req.body.unitId, 'registry.read', 'registry.approve');
      const id = await setOverride(db, req.ctx, req.params.id, unit, req.body);
      reply.code(201);
      return (await listOverrides(db, actor, req.params.id, [id]))[0]!;
    },
  );

  app.get(
    '/reporting/periods/:id/window',
    {
      schema: {
        tags,
        summary: 'Thời hạn nhận báo cáo của kỳ đối với một đơn vị',
        params: ZIdParams,
        querystring: ZWindowQuery,
        response: { 200: ZWindow },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await loadPeriodFor(db, actor, req.params.id, 'read');
      const unit = await loadUnitFor(db, actor, req.query.unitId, 'registry.read');
      return periodWindow(db, req.params.id, unit.id, todayInVietnam());
    },
  );

  app.get(
    '/reporting/periods/:id/entries',
    {
      schema: {
        tags,
        summary: 'Danh sách mô hình, điển hình phải báo cáo trong kỳ (phía sau mỗi con số của bảng tiến độ)',
        params: ZIdParams,
        querystring: ZPeriodEntriesQuery,
        response: { 200: ZPeriodEntriesPage },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await loadPeriodFor(db, actor, req.params.id, 'read');
      const { unitId, page, pageSize, ...filter } = req.query;
      const unit = unitId === undefined ? null : await loadUnitFor(db, actor, unitId, 'registry.read');
      const { items, total } = await findPeriodEntries(
        db,
        actor,
        req.params.id,
        { ...filter, unitPath: unit?.path },
        page,
        pageSize,
      );
      return { items, total, page, pageSize };
    },
  );

  app.get(
    '/reporting/periods/:id/completeness',
    {
      schema: {
        tags,
        summary: 'Tiến độ báo cáo của kỳ: tổng và theo từng đơn vị trực thuộc',
        params: ZIdParams,
        querystring: ZCompletenessQuery,
        response: { 200: ZCompleteness },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await loadPeriodFor(db, actor, req.params.id, 'read');
      return computeCompleteness(db, actor, req.params.id, req.query.unitId ?? null);
    },
  );

  // ─── Reports ──────────────────────────────────────────────────────────────

  app.post(
    '/reporting/reports',
    {
      schema: {
        tags,
        summary: 'Bắt đầu (hoặc mở lại) báo cáo định kỳ của một mô hình, điển hình',
        body: ZStartReportBody,
        response: { 200: ZReport, 201: ZReport },
      },
    },
    async (req, reply) => {
      const actor = requireAbility(req.ctx, 'registry.write');
      const entry = await loadEntryFor(db, actor, req.body.entryId, 'write');
      const { id, created } = await startReport(db, req.ctx, entry, req.body.periodId);
      reply.code(created ? 201 : 200);
      return presentReport(db, actor, id);
    },
  );

  app.post(
    '/reporting/reports/accept-many/preview',
    {
      schema: {
        tags,
        summary: 'Xem trước việc tiếp nhận nhiều báo cáo',
        body: ZAcceptManyPreviewBody,
        response: { 200: ZAcceptManyPreview },
      },
    },
    async (req) => previewAcceptMany(db, requireAbility(req.ctx, 'registry.approve'), req.body.reportIds),
  );

  app.post(
    '/reporting/reports/accept-many',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận nhiều báo cáo (tất cả hoặc không báo cáo nào)',
        body: ZAcceptManyBody,
        response: { 200: ZAcceptManyResult },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'registry.approve');
      return { accepted: await acceptMany(db, { ...req.ctx, actor }, req.body.items) };
    },
  );

  app.get(
    '/reporting/reports/:id',
    { schema: { tags, summary: 'Một báo cáo định kỳ', params: ZIdParams, response: { 200: ZReport } } },
    async (req) => {
      const actor = requireActor(req.ctx);
      await loadReportFor(db, actor, req.params.id, 'read');
      return presentReport(db, actor, req.params.id);
    },
  );

  app.put(
    '/reporting/reports/:id',
    {
      schema: {
        tags,
        summary: 'Lưu báo cáo (tự động lưu khi soạn)',
        params: ZIdParams,
        body: ZSaveReportBody,
        response: { 200: ZReport },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await loadReportFor(db, actor, req.params.id, 'write');
      await saveReport(db, req.ctx, req.params.id, req.body);
      return presentReport(db, actor, req.params.id);
    },
  );

  app.post(
    '/reporting/reports/:id/submit',
    {
      schema: {
        tags,
        summary: 'Gửi (hoặc gửi lại) báo cáo',
        params: ZIdParams,
        body: ZReportRevisionBody,
        response: { 200: ZReport },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await loadReportFor(db, actor, req.params.id, 'write');
      await submitReport(db, req.ctx, req.params.id, req.body.revision);
      return presentReport(db, actor, req.params.id);
    },
  );

  app.post(
    '/reporting/reports/:id/return',
    {
      schema: {
        tags,
        summary: 'Trả lại báo cáo, kèm lý do và nhận xét theo từng ô',
        params: ZIdParams,
        body: ZReturnReportBody,
        response: { 200: ZReport },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await loadReportFor(db, actor, req.params.id, 'approve');
      await returnReport(db, req.ctx, req.params.id, req.body);
      return presentReport(db, actor, req.params.id);
    },
  );

  app.post(
    '/reporting/reports/:id/accept',
    {
      schema: {
        tags,
        summary: 'Tiếp nhận (hoặc tiếp nhận lại) báo cáo',
        params: ZIdParams,
        body: ZReportRevisionBody,
        response: { 200: ZReport },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await loadReportFor(db, actor, req.params.id, 'approve');
      await acceptReport(db, req.ctx, req.params.id, req.body.revision);
      return presentReport(db, actor, req.params.id);
    },
  );
}
