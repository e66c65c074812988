/** /api/v1/org — the organisation tree, as of any date, and its restructuring. */
import { todayInVietnam } from '../../common/dates.ts';
import {
  ZAsOfQuery,
  ZChangeUnitBody,
  ZCreateUnitBody,
  ZDissolveBody,
  ZMergeBody,
  ZMoveUnitBody,
  ZOrgStats,
  ZOrgStatsQuery,
  ZSplitBody,
  ZCreatedUnits,
  ZUnitDetail,
  ZUnitPage,
  ZUnitHistory,
  ZUnitListQuery,
} from '../../common/schemas/org.ts';
import { ZIdParams } from '../../common/schemas/shared.ts';
import { requireAbility } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import type { OnSuccession } from './commands/succession-hook.ts';
import { loadUnitFor } from './unit-access.ts';
import { changeUnit } from './commands/change-unit.ts';
import { createUnit } from './commands/create-unit.ts';
import { dissolveUnit } from './commands/dissolve-unit.ts';
import { mergeUnits } from './commands/merge-units.ts';
import { moveUnit } from './commands/move-unit.ts';
import { splitUnit } from './commands/split-unit.ts';
import { presentUnitDetail } from './presenter.ts';
import { countUnits, findUnits, getHistory } from './queries.ts';
import { referenceRoutes } from './reference-routes.ts';

const tags = ['org'];

/** `onSuccession` carries what other areas keep under ending units (server/succession/carry-entries.ts). */
export function orgRoutes(app: App, onSuccession?: OnSuccession): void {
  referenceRoutes(app);

  app.get(
    '/org/units',
    {
      schema: {
        tags,
        summary: 'Danh sách đơn vị tại một thời điểm (con của một đơn vị, hoặc tìm kiếm)',
        querystring: ZUnitListQuery,
        response: { 200: ZUnitPage },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'org.read');
      if (req.query.parentId) await loadUnitFor(app.db, actor, req.query.parentId, 'org.read');
      return findUnits(app.db, actor, req.query);
    },
  );

  app.get(
    '/org/units/:id',
    {
      schema: {
        tags,
        summary: 'Một đơn vị tại một thời điểm',
        params: ZIdParams,
        querystring: ZAsOfQuery,
        response: { 200: ZUnitDetail },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'org.read');
      await loadUnitFor(app.db, actor, req.params.id, 'org.read');
      return presentUnitDetail(app.db, actor, req.params.id, req.query.asOf ?? todayInVietnam());
    },
  );

  app.get(
    '/org/units/:id/history',
    {
      schema: {
        tags,
        summary: 'Lịch sử của đơn vị: các phiên bản và sự kiện',
        params: ZIdParams,
        response: { 200: ZUnitHistory },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'org.read');
      await loadUnitFor(app.db, actor, req.params.id, 'org.read');
      return getHistory(app.db, req.params.id);
    },
  );

  app.get(
    '/org/stats',
    {
      schema: {
        tags,
        summary: 'Số đơn vị theo loại và cấp tại một thời điểm',
        querystring: ZOrgStatsQuery,
        response: { 200: ZOrgStats },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'org.read');
      const root = req.query.rootId ? await loadUnitFor(app.db, actor, req.query.rootId, 'org.read') : null;
      return countUnits(app.db, actor, root?.path ?? null, req.query.asOf ?? todayInVietnam());
    },
  );

  app.post(
    '/org/units',
    { schema: { tags, summary: 'Thành lập đơn vị', body: ZCreateUnitBody, response: { 201: ZUnitDetail } } },
    async (req, reply) => {
      const actor = requireAbility(req.ctx, 'org.write');
      if (req.body.parentId) await loadUnitFor(app.db, actor, req.body.parentId, 'org.read');
      const id = await createUnit(app.db, req.ctx, req.body);
      reply.code(201);
      return presentUnitDetail(app.db, actor, id, req.body.effectiveDate);
    },
  );

  app.post(
    '/org/units/:id/change',
    {
      schema: {
        tags,
        summary: 'Đổi tên, sửa loại hoặc cấp của đơn vị từ ngày hiệu lực',
        params: ZIdParams,
        body: ZChangeUnitBody,
        response: { 200: ZUnitDetail },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'org.write');
      await loadUnitFor(app.db, actor, req.params.id, 'org.read');
      await changeUnit(app.db, req.ctx, req.params.id, req.body);
      return presentUnitDetail(app.db, actor, req.params.id, req.body.effectiveDate);
    },
  );

  app.post(
    '/org/units/:id/move',
    {
      schema: {
        tags,
        summary: 'Chuyển đơn vị (cùng các đơn vị trực thuộc) sang đơn vị cấp trên khác',
        params: ZIdParams,
        body: ZMoveUnitBody,
        response: { 200: ZUnitDetail },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'org.write');
      await loadUnitFor(app.db, actor, req.params.id, 'org.read');
      await loadUnitFor(app.db, actor, req.body.parentId, 'org.read');
      await moveUnit(app.db, req.ctx, req.params.id, req.body);
      return presentUnitDetail(app.db, actor, req.params.id, req.body.effectiveDate);
    },
  );

  app.post(
    '/org/merges',
    { schema: { tags, summary: 'Hợp nhất / sáp nhập đơn vị', body: ZMergeBody, response: { 200: ZUnitDetail } } },
    async (req) => {
      const actor = requireAbility(req.ctx, 'org.write');
      for (const id of req.body.sourceIds) await loadUnitFor(app.db, actor, id, 'org.read');
      if (req.body.targetId) await loadUnitFor(app.db, actor, req.body.targetId, 'org.read');
      if (req.body.newTarget?.parentId) await loadUnitFor(app.db, actor, req.body.newTarget.parentId, 'org.read');
      const targetId = await mergeUnits(app.db, req.ctx, req.body, onSuccession);
      return presentUnitDetail(app.db, actor, targetId, req.body.effectiveDate);
    },
  );

  app.post(
    '/org/units/:id/split',
    {
      schema: {
        tags,
        summary: 'Chia tách đơn vị',
        params: ZIdParams,
        body: ZSplitBody,
        response: { 200: ZCreatedUnits },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'org.write');
      await loadUnitFor(app.db, actor, req.params.id, 'org.read');
      for (const t of req.body.targets) if (t.parentId) await loadUnitFor(app.db, actor, t.parentId, 'org.read');
      return { ids: await splitUnit(app.db, req.ctx, req.params.id, req.body, onSuccession) };
    },
  );

  app.post(
    '/org/units/:id/dissolve',
    {
      schema: {
        tags,
        summary: 'Giải thể đơn vị',
        params: ZIdParams,
        body: ZDissolveBody,
        response: { 200: ZUnitDetail },
      },
    },
    async (req) => {
      const actor = requireAbility(req.ctx, 'org.write');
      await loadUnitFor(app.db, actor, req.params.id, 'org.read');
      await dissolveUnit(app.db, req.ctx, req.params.id, req.body, onSuccession);
      return presentUnitDetail(app.db, actor, req.params.id, req.body.effectiveDate);
    },
  );
}
