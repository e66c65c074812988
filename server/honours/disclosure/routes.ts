/**
 * /api/v1/honours/disclosures — publishing a list of candidates for public
 * comments (công khai lấy ý kiến) and reading the comments; and
 * /api/v1/public/disclosures/:token — the public page and its comment form,
 * reached by the link alone (no sign-in).
 */
import { sql } from 'kysely';
import {
  ZComment,
  ZCreateDisclosureBody,
  ZDisclosure,
  ZDisclosureListQuery,
  ZDisclosureSummary,
  ZPublicCommentBody,
  ZPublicDisclosure,
} from '../../../common/schemas/honours-disclosure.ts';
import { ZIdParams, ZOk, ZPage } from '../../../common/schemas/shared.ts';
import { z } from '../../../common/zod-setup.ts';
import { requireActor, type Actor } from '../../lib/context.ts';
import { honoursUnitReadable } from '../policy.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import type { App } from '../../lib/http.ts';
import { loadUnitFor } from '../../org/unit-access.ts';
import { publicCommentLimit } from '../../http/rate-limits.ts';
import { canReview, loadRoundFor } from '../policy.ts';
import { createDisclosure } from './commands/create-disclosure.ts';
import { addPublicComment, markCommentRead } from './commands/comments.ts';
import {
  findDisclosures,
  getDisclosure,
  getDisclosureByToken,
  presentComment,
  presentDetail,
  presentPublic,
  presentSummary,
} from './queries.ts';

const tags = ['honours'];
const ZTokenParams = z.object({
  token: z.string().trim().min(1, 'Thiếu mã đường dẫn công khai.').max(100, 'Mã đường dẫn công khai không hợp lệ.'),
});

export function disclosureRoutes(app: App): void {
  const { db } = app;
  const show = async (actor: Actor, id: number) => {
    const row = await getDisclosure(db, actor, id);
    if (!row) throw notFound(`đợt công khai lấy ý kiến có mã số ${id}`);
    return presentDetail(db, row);
  };

  app.get(
    '/honours/disclosures',
    {
      schema: {
        tags,
        summary: 'Các đợt công khai danh sách khen thưởng để lấy ý kiến (của đơn vị tôi được xem)',
        querystring: ZDisclosureListQuery,
        response: { 200: ZPage(ZDisclosureSummary) },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { unitId, ...filter } = req.query;
      const unitPath = unitId === undefined ? undefined : (await loadUnitFor(db, actor, unitId, 'registry.read')).path;
      const { items, total } = await findDisclosures(db, actor, { ...filter, unitPath });
      return { items: items.map(presentSummary), total, page: filter.page, pageSize: filter.pageSize };
    },
  );

  app.post(
    '/honours/disclosures',
    {
      schema: {
        tags,
        summary: 'Công khai danh sách hồ sơ đề nghị khen thưởng để lấy ý kiến trong một khoảng thời gian',
        body: ZCreateDisclosureBody,
        response: { 201: ZDisclosure },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const round = await loadRoundFor(db, actor, req.body.roundId, 'edit');
      const id = await createDisclosure(db, req.ctx, round, req.body);
      reply.code(201);
      return show(actor, id);
    },
  );

  app.get(
    '/honours/disclosures/:id',
    {
      schema: {
        tags,
        summary: 'Một đợt công khai: danh sách đã công khai và các ý kiến góp ý',
        params: ZIdParams,
        response: { 200: ZDisclosure },
      },
    },
    async (req) => show(requireActor(req.ctx), req.params.id),
  );

  app.post(
    '/honours/comments/:id/read',
    { schema: { tags, summary: 'Đánh dấu đã xem một ý kiến góp ý', params: ZIdParams, response: { 200: ZComment } } },
    async (req) => {
      const actor = requireActor(req.ctx);
      const load = () =>
        db
          .selectFrom('honour_comment as cm')
          .innerJoin('honour_disclosure as d', 'd.id', 'cm.disclosure_id')
          .innerJoin('org_unit as u', 'u.id', 'd.unit_id')
          .leftJoin('honour_candidate as c', 'c.id', 'cm.candidate_id')
          .select([
            'cm.id',
            'cm.disclosure_id',
            'cm.candidate_id',
            'c.display_name as candidate_name',
            'cm.author_name',
            'cm.contact',
            'cm.content',
            'cm.created_at',
            'cm.read_at',
            'd.unit_id',
            'd.title',
            sql<string>`u.current_path::text`.as('unit_path'),
          ])
          .where('cm.id', '=', req.params.id)
          .where(honoursUnitReadable(actor, sql.ref('d.unit_id')))
          .executeTakeFirst();
      const comment = await load();
      if (!comment) throw notFound(`ý kiến góp ý có mã số ${req.params.id}`);
      if (!canReview(actor, { id: comment.unit_id, path: comment.unit_path }))
        throw forbidden('Chỉ cán bộ thi đua, khen thưởng của đơn vị công khai mới đánh dấu được ý kiến góp ý.');
      await markCommentRead(db, req.ctx, comment);
      const { disclosureId: _d, ...view } = presentComment((await load())!);
      return view;
    },
  );

  app.get(
    '/public/disclosures/:token',
    {
      schema: {
        tags,
        summary: 'Danh sách công khai lấy ý kiến (không cần đăng nhập)',
        params: ZTokenParams,
        response: { 200: ZPublicDisclosure },
      },
      config: { public: true },
    },
    async (req) => {
      const row = await getDisclosureByToken(db, req.params.token);
      if (!row) throw notFound('danh sách công khai theo đường dẫn này');
      return presentPublic(db, row);
    },
  );

  app.post(
    '/public/disclosures/:token/comments',
    {
      schema: {
        tags,
        summary: 'Gửi ý kiến góp ý về danh sách công khai (không cần đăng nhập, trong thời gian lấy ý kiến)',
        params: ZTokenParams,
        body: ZPublicCommentBody,
        response: { 201: ZOk },
      },
      // Per address, in memory (each comment notifies the reviewers); addPublicComment keeps the daily limit per list in the database.
      config: { public: true, rateLimit: publicCommentLimit() },
    },
    async (req, reply) => {
      const row = await getDisclosureByToken(db, req.params.token);
      if (!row) throw notFound('danh sách công khai theo đường dẫn này');
      const { candidateId, authorName, contact, content } = req.body;
      await addPublicComment(db, { ...req.ctx, ip: req.ip }, row, { candidateId, authorName, contact, content });
      reply.code(201);
      return { ok: true as const };
    },
  );
}
