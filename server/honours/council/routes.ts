/**
 * /api/v1/honours/council-sessions — Hội đồng Thi đua – Khen thưởng: sessions,
 * attendance, conflicts of interest, ballots (secret or open, per the award
 * form's rule), counting at the close, and the minutes (.docx).
 */
import {
  ZAttendanceBody,
  ZBallotBody,
  ZCloseCouncilBody,
  ZCouncilListQuery,
  ZCouncilSession,
  ZCouncilSummary,
  ZCreateCouncilBody,
  ZRecusalBody,
} from '../../../common/schemas/honours-council.ts';
import { ZIdParams, ZPage } from '../../../common/schemas/shared.ts';
import { contentDisposition } from '../../documents/storage.ts';
import { binaryResponse, MEDIA } from '../../openapi/binary-response.ts';
import { auditRead } from '../../lib/audit.ts';
import { requireActor, type Actor } from '../../lib/context.ts';
import type { App } from '../../lib/http.ts';
import { loadRoundFor } from '../policy.ts';
import { setAttendance } from './commands/attendance.ts';
import { castBallots } from './commands/cast-ballots.ts';
import { closeCouncil } from './commands/close-council.ts';
import { createCouncil } from './commands/create-council.ts';
import { recuse } from './commands/recuse.ts';
import { buildCouncilMinutes, minutesFileName } from './minutes.ts';
import { presentCouncil, presentCouncilSummary } from './presenter.ts';
import { loadCouncilAsMember, loadCouncilFor, loadManagedCouncilFor } from './policy.ts';
import { findCouncils } from './queries.ts';

const tags = ['honours'];
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ZCouncilPage = ZPage(ZCouncilSummary);
const S = '/honours/council-sessions';

export function councilRoutes(app: App): void {
  const { db } = app;
  const show = async (actor: Actor, id: number) => presentCouncil(db, actor, await loadCouncilFor(db, actor, id));
  const managed = (actor: Actor, id: number) => loadManagedCouncilFor(db, actor, id);
  const asMember = (actor: Actor, id: number) => loadCouncilAsMember(db, actor, id);

  app.get(
    S,
    {
      schema: {
        tags,
        summary: 'Các phiên họp Hội đồng Thi đua – Khen thưởng (tôi là thành viên, hoặc của đơn vị tôi được xem)',
        querystring: ZCouncilListQuery,
        response: { 200: ZCouncilPage },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { items, total } = await findCouncils(db, actor, req.query);
      return { items: items.map(presentCouncilSummary), total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );

  app.post(
    S,
    {
      schema: {
        tags,
        summary: 'Lập phiên họp Hội đồng: thành viên, hồ sơ đưa ra xét',
        body: ZCreateCouncilBody,
        response: { 201: ZCouncilSession },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const round = await loadRoundFor(db, actor, req.body.roundId, 'edit');
      const id = await createCouncil(db, req.ctx, round, req.body);
      reply.code(201);
      return show(actor, id);
    },
  );

  app.get(
    `${S}/:id`,
    {
      schema: {
        tags,
        summary: 'Một phiên họp Hội đồng: thành viên, chương trình, phiếu của tôi, kết quả khi đã kết thúc',
        params: ZIdParams,
        response: { 200: ZCouncilSession },
      },
    },
    async (req) => show(requireActor(req.ctx), req.params.id),
  );

  app.post(
    `${S}/:id/attendance`,
    {
      schema: {
        tags,
        summary: 'Điểm danh thành viên có mặt',
        params: ZIdParams,
        body: ZAttendanceBody,
        response: { 200: ZCouncilSession },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await managed(actor, req.params.id);
      await setAttendance(db, req.ctx, req.params.id, req.body);
      return show(actor, req.params.id);
    },
  );

  app.post(
    `${S}/:id/recusals`,
    {
      schema: {
        tags,
        summary: 'Khai xung đột lợi ích với một hồ sơ (công khai), trước khi bỏ phiếu',
        params: ZIdParams,
        body: ZRecusalBody,
        response: { 200: ZCouncilSession },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await asMember(actor, req.params.id);
      await recuse(db, req.ctx, req.params.id, actor.userId, req.body);
      return show(actor, req.params.id);
    },
  );

  app.post(
    `${S}/:id/ballots`,
    {
      schema: {
        tags,
        summary: 'Bỏ phiếu (mỗi thành viên một phiếu cho mỗi hồ sơ; vắng mặt thì gửi phiếu bằng văn bản)',
        params: ZIdParams,
        body: ZBallotBody,
        response: { 200: ZCouncilSession },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await asMember(actor, req.params.id);
      await castBallots(db, req.ctx, req.params.id, actor.userId, req.body);
      return show(actor, req.params.id);
    },
  );

  app.post(
    `${S}/:id/close`,
    {
      schema: {
        tags,
        summary: 'Kết thúc phiên họp và kiểm phiếu theo quy định của từng hình thức khen thưởng',
        params: ZIdParams,
        body: ZCloseCouncilBody,
        response: { 200: ZCouncilSession },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await managed(actor, req.params.id);
      await closeCouncil(db, req.ctx, req.params.id, req.body.revision);
      return show(actor, req.params.id);
    },
  );

  app.get(
    `${S}/:id/minutes.docx`,
    {
      schema: {
        tags,
        summary: 'Tải biên bản họp Hội đồng (.docx, sau khi kết thúc phiên họp)',
        params: ZIdParams,
        produces: [DOCX],
        response: binaryResponse('Biên bản (.docx)', [MEDIA.docx]),
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const row = await loadCouncilFor(db, actor, req.params.id);
      const buffer = await buildCouncilMinutes(db, row);
      await auditRead(db, req.ctx, {
        action: 'council_minutes.exported',
        entityType: 'council_session',
        entityId: row.id,
        unitId: row.unit_id,
        summary: `Tải biên bản họp "${row.title}" (${row.candidate_count} hồ sơ, đợt "${row.round_name}") — ${minutesFileName(row)}`,
      });
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', contentDisposition(minutesFileName(row)))
        .header('cache-control', 'private, no-store')
        .send(buffer);
    },
  );
}
