/** /api/v1/registry — models and exemplars: registration, approval, life events, monitors, lists, ledger (the entry
 * timeline, which gathers every area's items, is served by server/timeline/routes.ts). */
import { todayInVietnam } from '../../common/dates.ts';
import {
  ZAcceptBody,
  ZActivityBody,
  ZAssignMonitorBody,
  ZCreateEntryBody,
  ZEntryDetail,
  ZEntryListQuery,
  ZEntryPage,
  ZLifeEventBody,
  ZMonitorParams,
  ZReturnBody,
  ZRevisionBody,
  ZUnassignMonitorBody,
  ZUpdateEntryBody,
} from '../../common/schemas/registry.ts';
import { ZLedger, ZLedgerEntries, ZLedgerEntriesQuery, ZLedgerQuery } from '../../common/schemas/registry-ledger.ts';
import { ZDate, ZIdParams, ZPageQuery } from '../../common/schemas/shared.ts';
import { z } from '../../common/zod-setup.ts';
import { sql } from 'kysely';
import { requireAbility, requireActor, scopeOf, unitInScope, type Actor } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { loadUnitFor } from '../org/unit-access.ts';
import { acceptEntry } from './commands/accept-entry.ts';
import { assignMonitor, unassignMonitor } from './commands/assign-monitor.ts';
import { createEntry } from './commands/create-entry.ts';
import { recordActivity } from './commands/record-activity.ts';
import { recordLifeEvent } from './commands/record-life-event.ts';
import { returnEntry } from './commands/return-entry.ts';
import { submitEntry } from './commands/submit-entry.ts';
import { updateEntry } from './commands/update-entry.ts';
import { computeLedger, ledgerEntries } from './ledger.ts';
import { assertCanApproveLevel, loadEntryFor } from './policy.ts';
import { presentDetail, presentSummary } from './presenter.ts';
import { findEntries } from './queries.ts';
import { loadUnitView } from './unit-view.ts';

const tags = ['registry'];
const ZDetailQuery = z.object({ asOf: ZDate.optional() });

export function registryRoutes(app: App): void {
  const { db } = app;
  const show = async (actor: Actor, id: number, asOf = todayInVietnam()) =>
    presentDetail(db, actor, await loadEntryFor(db, actor, id, 'read', asOf), asOf);
  /** The owners a ledger counts: today's subtree of an active unit; an ended unit's as it stood on its last day. */
  const ledgerOwners = async (actor: Actor, unitId: number | undefined) => {
    if (unitId === undefined) return {};
    const view = await loadUnitView(db, actor, unitId);
    return view.lastDay ? { subtreeOn: { unitId: view.unit.id, on: view.lastDay } } : { unitPath: view.unit.path };
  };

  app.get(
    '/registry/entries',
    {
      schema: {
        tags,
        summary: 'Danh sách mô hình, điển hình (lọc, tìm kiếm, theo thứ tự tên tiếng Việt)',
        querystring: ZEntryListQuery,
        response: { 200: ZEntryPage },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { unitId, asOf, ...filter } = req.query;
      const view = unitId === undefined ? null : await loadUnitView(db, actor, unitId);
      if (view?.lastDay) {
        // An ended unit: what it held on its last day, in its subtree as it stood then, named as they were then.
        const { items, total } = await findEntries(db, actor, {
          ...filter,
          onDate: undefined,
          subtreeOn: { unitId: view.unit.id, on: view.lastDay },
          asOf: view.lastDay,
        });
        const page = { items: items.map(presentSummary), total, page: filter.page, pageSize: filter.pageSize };
        return { ...page, asOf: view.lastDay, endedOn: view.unit.endedOn };
      }
      const date = asOf ?? todayInVietnam();
      const { items, total } = await findEntries(db, actor, { ...filter, unitPath: view?.unit.path, asOf: date });
      return { items: items.map(presentSummary), total, page: filter.page, pageSize: filter.pageSize, asOf: date };
    },
  );

  app.get(
    '/registry/my-assignments',
    {
      schema: {
        tags,
        summary: 'Mô hình, điển hình tôi được phân công theo dõi',
        querystring: ZPageQuery,
        response: { 200: ZEntryPage },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const date = todayInVietnam();
      const { items, total } = await findEntries(db, actor, {
        monitorId: actor.userId,
        asOf: date,
        page: req.query.page,
        pageSize: req.query.pageSize,
      });
      return {
        items: items.map(presentSummary),
        total,
        page: req.query.page,
        pageSize: req.query.pageSize,
        asOf: date,
      };
    },
  );

  app.post(
    '/registry/entries',
    {
      schema: {
        tags,
        summary: 'Đăng ký mô hình, điển hình (lưu nháp, gửi, hoặc đưa vào danh sách ngay)',
        body: ZCreateEntryBody,
        response: { 201: ZEntryDetail },
      },
    },
    async (req, reply) => {
      const actor = requireAbility(req.ctx, 'registry.write');
      const { entry, accept } = req.body;
      if (accept) requireAbility(req.ctx, 'registry.approve');
      let ownerId = entry.ownerUnitId;
      if (!ownerId && entry.personId) {
        const person = await db
          .selectFrom('person as p')
          .select('p.unit_id')
          .where('p.id', '=', entry.personId)
          .where(unitInScope(scopeOf(actor, 'people.read'), sql.ref('p.unit_id')))
          .executeTakeFirst();
        ownerId = person?.unit_id ?? null;
      }
      if (ownerId) {
        const unit = await loadUnitFor(db, actor, ownerId, 'registry.read', 'registry.write');
        if (accept) await assertCanApproveLevel(db, actor, unit, entry.levelId);
      }
      const id = await createEntry(db, req.ctx, req.body);
      reply.code(201);
      return show(actor, id);
    },
  );

  app.get(
    '/registry/entries/:id',
    {
      schema: {
        tags,
        summary: 'Hồ sơ một mô hình, điển hình (nơi đã nhân rộng, người theo dõi, thời gian trong danh sách)',
        params: ZIdParams,
        querystring: ZDetailQuery,
        response: { 200: ZEntryDetail },
      },
    },
    async (req) => show(requireActor(req.ctx), req.params.id, req.query.asOf),
  );

  app.patch(
    '/registry/entries/:id',
    {
      schema: {
        tags,
        summary: 'Sửa hồ sơ đăng ký (đang soạn hoặc bị trả lại)',
        params: ZIdParams,
        body: ZUpdateEntryBody,
        response: { 200: ZEntryDetail },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'registry.write');
      await loadEntryFor(db, actor, req.params.id, 'write');
      await updateEntry(db, req.ctx, req.params.id, req.body);
      return show(actor, req.params.id);
    },
  );

  app.post(
    '/registry/entries/:id/submit',
    {
      schema: {
        tags,
        summary: 'Gửi (hoặc gửi lại) đăng ký để cấp có thẩm quyền duyệt',
        params: ZIdParams,
        body: ZRevisionBody,
        response: { 200: ZEntryDetail },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'registry.write');
      await loadEntryFor(db, actor, req.params.id, 'write');
      await submitEntry(db, req.ctx, req.params.id, req.body.revision);
      return show(actor, req.params.id);
    },
  );

  app.post(
    '/registry/entries/:id/return',
    {
      schema: {
        tags,
        summary: 'Trả lại đăng ký, kèm lý do',
        params: ZIdParams,
        body: ZReturnBody,
        response: { 200: ZEntryDetail },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'registry.approve');
      await loadEntryFor(db, actor, req.params.id, 'approve');
      await returnEntry(db, req.ctx, req.params.id, req.body);
      return show(actor, req.params.id);
    },
  );

  app.post(
    '/registry/entries/:id/accept',
    {
      schema: {
        tags,
        summary: 'Đưa vào danh sách từ một ngày (kèm văn bản quyết định)',
        params: ZIdParams,
        body: ZAcceptBody,
        response: { 200: ZEntryDetail },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'registry.approve');
      await loadEntryFor(db, actor, req.params.id, 'approve');
      await acceptEntry(db, req.ctx, req.params.id, req.body);
      return show(actor, req.params.id);
    },
  );

  app.post(
    '/registry/entries/:id/events',
    {
      schema: {
        tags,
        summary:
          'Ghi nhận diễn biến: chuyển cấp, đổi tên, điều chỉnh nội dung, đưa ra khỏi danh sách, thay thế, chuyển đi, khôi phục',
        params: ZIdParams,
        body: ZLifeEventBody,
        response: { 200: ZEntryDetail },
      },
    },
    async (req) => {
      const body = req.body;
      const byWriter = body.kind === 'renamed' || body.kind === 'content_adjusted';
      const actor = requireAbility(req.ctx, byWriter ? 'registry.write' : 'registry.approve');
      const entry = await loadEntryFor(db, actor, req.params.id, byWriter ? 'write' : 'approve');
      const newLevel =
        body.kind === 'level_changed' ? body.toLevelId : body.kind === 'reinstated' ? body.levelId : null;
      if (newLevel !== null)
        await assertCanApproveLevel(
          db,
          actor,
          { id: entry.owner_unit_id, path: entry.owner_path, name: entry.owner_name },
          newLevel,
        );
      await recordLifeEvent(db, req.ctx, req.params.id, body);
      return show(actor, req.params.id);
    },
  );

  app.post(
    '/registry/entries/:id/activities',
    {
      schema: {
        tags,
        summary: 'Ghi nhận ra mắt, ký cam kết (kèm tệp đính kèm)',
        params: ZIdParams,
        body: ZActivityBody,
        response: { 200: ZEntryDetail },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'registry.write');
      await loadEntryFor(db, actor, req.params.id, 'write');
      await recordActivity(db, req.ctx, req.params.id, req.body);
      return show(actor, req.params.id);
    },
  );

  app.post(
    '/registry/entries/:id/monitors',
    {
      schema: {
        tags,
        summary: 'Phân công người theo dõi',
        params: ZIdParams,
        body: ZAssignMonitorBody,
        response: { 201: ZEntryDetail },
      },
    },
    async (req, reply) => {
      const actor = requireAbility(req.ctx, 'registry.approve');
      await loadEntryFor(db, actor, req.params.id, 'approve');
      await assignMonitor(db, req.ctx, req.params.id, req.body);
      reply.code(201);
      return show(actor, req.params.id);
    },
  );

  app.post(
    '/registry/entries/:id/monitors/:monitorId/unassign',
    {
      schema: {
        tags,
        summary: 'Thôi phân công người theo dõi',
        params: ZMonitorParams,
        body: ZUnassignMonitorBody,
        response: { 200: ZEntryDetail },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'registry.approve');
      await loadEntryFor(db, actor, req.params.id, 'approve');
      await unassignMonitor(db, req.ctx, req.params.id, req.params.monitorId, req.body);
      return show(actor, req.params.id);
    },
  );

  app.get(
    '/registry/ledger',
    {
      schema: {
        tags,
        summary:
          'Bảng biến động: đầu kỳ + bổ sung + chuyển đến − chuyển đi − đưa ra − chuyển về cơ quan khác − thay thế = cuối kỳ, theo cấp',
        querystring: ZLedgerQuery,
        response: { 200: ZLedger },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { unitId, ...filter } = req.query;
      return computeLedger(db, actor, { ...filter, ...(await ledgerOwners(actor, unitId)) });
    },
  );

  app.get(
    '/registry/ledger/entries',
    {
      schema: {
        tags,
        summary: 'Danh sách phía sau một con số của bảng biến động',
        querystring: ZLedgerEntriesQuery,
        response: { 200: ZLedgerEntries },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { unitId, bucket, page, pageSize, ...filter } = req.query;
      const { items, total } = await ledgerEntries(
        db,
        actor,
        { ...filter, ...(await ledgerOwners(actor, unitId)) },
        bucket,
        page,
        pageSize,
      );
      return {
        bucket,
        items: items.map((r) => ({
          ...presentSummary(r),
          span: {
            level: { id: r.span.levelId, name: r.span.levelName },
            validFrom: r.span.validFrom,
            validTo: r.span.validTo,
            began: r.span.began,
            ended: r.span.ended,
          },
        })),
        total,
        page,
        pageSize,
      };
    },
  );
}
