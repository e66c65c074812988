/** /api/v1/honours/rounds, /proposals, /candidates, /review-queue — đợt khen thưởng, tờ trình, hồ sơ đề nghị, thẩm định. */
import {
  ZAddCandidateBody,
  ZCreateProposalBody,
  ZCreateRoundBody,
  ZProposal,
  ZProposalListQuery,
  ZProposalSummary,
  ZQueueCandidate,
  ZReviewBody,
  ZReviewQueueQuery,
  ZRound,
  ZRoundListQuery,
  ZSubmitProposalBody,
  ZSuggestionList,
  ZUpdateCandidateBody,
  ZUpdateProposalBody,
  ZUpdateRoundBody,
  ZWithdrawCandidateBody,
} from '../../../common/schemas/honours-flow.ts';
import { ZIdParams, ZPage } from '../../../common/schemas/shared.ts';
import { requireAbility, requireActor, type Actor } from '../../lib/context.ts';
import { notFound } from '../../lib/errors.ts';
import type { App } from '../../lib/http.ts';
import { loadUnitFor } from '../../org/unit-access.ts';
import { loadProposalFor, loadRoundFor } from '../policy.ts';
import { addCandidate, candidateProposalId, updateCandidate, withdrawCandidate } from './commands/candidates.ts';
import { createProposal } from './commands/create-proposal.ts';
import { reviewCandidates } from './commands/review-candidates.ts';
import { createRound, updateRound } from './commands/save-round.ts';
import { submitProposal } from './commands/submit-proposal.ts';
import { updateProposal } from './commands/update-proposal.ts';
import { presentProposal, presentProposalSummary, presentRound } from './presenter.ts';
import { findProposals, findRounds, getProposal, getRound } from './queries.ts';
import { reviewQueuePage } from './review-queue.ts';
import { suggestionsFor } from './suggestions.ts';

const tags = ['honours'];

export function honourProposalRoutes(app: App): void {
  const { db } = app;
  const showRound = async (actor: Actor, id: number) => {
    const row = await getRound(db, actor, id);
    if (!row) throw notFound(`đợt khen thưởng có mã số ${id}`);
    return presentRound(actor, row);
  };
  const showProposal = async (actor: Actor, id: number) => {
    const row = await getProposal(db, actor, id);
    if (!row) throw notFound(`tờ trình đề nghị khen thưởng có mã số ${id}`);
    return presentProposal(db, actor, row);
  };

  // ─── Rounds ──────────────────────────────────────────────────────────────

  app.get(
    '/honours/rounds',
    {
      schema: {
        tags,
        summary: 'Các đợt khen thưởng (của đơn vị và các cấp trên nó khi lọc theo đơn vị)',
        querystring: ZRoundListQuery,
        response: { 200: ZPage(ZRound) },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { unitId, ...filter } = req.query;
      const unit = unitId === undefined ? null : await loadUnitFor(db, actor, unitId, 'registry.read');
      const { items, total } = await findRounds(db, actor, { ...filter, unitPath: unit?.path });
      return { items: items.map((r) => presentRound(actor, r)), total, page: filter.page, pageSize: filter.pageSize };
    },
  );

  app.post(
    '/honours/rounds',
    { schema: { tags, summary: 'Mở đợt khen thưởng', body: ZCreateRoundBody, response: { 201: ZRound } } },
    async (req, reply) => {
      const actor = requireAbility(req.ctx, 'honours.review');
      await loadUnitFor(db, actor, req.body.ownerUnitId, 'registry.read', 'honours.review');
      const id = await createRound(db, req.ctx, actor, req.body);
      reply.code(201);
      return showRound(actor, id);
    },
  );

  app.get(
    '/honours/rounds/:id',
    { schema: { tags, summary: 'Một đợt khen thưởng', params: ZIdParams, response: { 200: ZRound } } },
    async (req) => showRound(requireActor(req.ctx), req.params.id),
  );

  app.patch(
    '/honours/rounds/:id',
    {
      schema: {
        tags,
        summary: 'Sửa, kết thúc hoặc mở lại đợt khen thưởng',
        params: ZIdParams,
        body: ZUpdateRoundBody,
        response: { 200: ZRound },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await loadRoundFor(db, actor, req.params.id, 'edit');
      await updateRound(db, req.ctx, actor, req.params.id, req.body);
      return showRound(actor, req.params.id);
    },
  );

  // ─── Proposals ───────────────────────────────────────────────────────────

  app.get(
    '/honours/proposals',
    {
      schema: {
        tags,
        summary: 'Tờ trình đề nghị khen thưởng: đơn vị tôi gửi, và gửi tới đơn vị tôi xét',
        querystring: ZProposalListQuery,
        response: { 200: ZPage(ZProposalSummary) },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { unitId, ...filter } = req.query;
      const unit = unitId === undefined ? null : await loadUnitFor(db, actor, unitId, 'registry.read');
      const { items, total } = await findProposals(db, actor, { ...filter, unitPath: unit?.path });
      return { items: items.map(presentProposalSummary), total, page: filter.page, pageSize: filter.pageSize };
    },
  );

  app.post(
    '/honours/proposals',
    {
      schema: {
        tags,
        summary: 'Lập tờ trình đề nghị khen thưởng (lên cấp trên, hoặc lên cơ quan bên ngoài)',
        body: ZCreateProposalBody,
        response: { 201: ZProposal },
      },
    },
    async (req, reply) => {
      const actor = requireAbility(req.ctx, 'honours.propose');
      await loadRoundFor(db, actor, req.body.roundId, 'read');
      const proposer = await loadUnitFor(db, actor, req.body.proposerUnitId, 'registry.read', 'honours.propose');
      const id = await createProposal(db, req.ctx, actor, proposer, req.body);
      reply.code(201);
      return showProposal(actor, id);
    },
  );

  app.get(
    '/honours/proposals/:id',
    {
      schema: { tags, summary: 'Một tờ trình với các hồ sơ đề nghị', params: ZIdParams, response: { 200: ZProposal } },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      return showProposal(actor, req.params.id);
    },
  );

  app.patch(
    '/honours/proposals/:id',
    {
      schema: {
        tags,
        summary: 'Sửa tờ trình (trích yếu, văn bản, tệp đính kèm)',
        params: ZIdParams,
        body: ZUpdateProposalBody,
        response: { 200: ZProposal },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      await loadProposalFor(db, actor, req.params.id, 'edit');
      await updateProposal(db, req.ctx, req.params.id, req.body);
      return showProposal(actor, req.params.id);
    },
  );

  app.post(
    '/honours/proposals/:id/submit',
    {
      schema: {
        tags,
        summary: 'Gửi tờ trình (hoặc gửi lại các hồ sơ đã sửa sau khi bị trả lại)',
        params: ZIdParams,
        body: ZSubmitProposalBody,
        response: { 200: ZProposal },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const proposal = await loadProposalFor(db, actor, req.params.id, 'edit');
      await submitProposal(db, req.ctx, proposal, req.body.revision ?? null);
      return showProposal(actor, req.params.id);
    },
  );

  app.get(
    '/honours/proposals/:id/suggestions',
    {
      schema: {
        tags,
        summary:
          'Gợi ý: mô hình, điển hình của đơn vị đề nghị đã được đánh giá đạt tiêu chí, chưa được đề nghị trong đợt',
        params: ZIdParams,
        response: { 200: ZSuggestionList },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const proposal = await loadProposalFor(db, actor, req.params.id, 'edit');
      return { items: await suggestionsFor(db, actor, proposal) };
    },
  );

  app.post(
    '/honours/proposals/:id/candidates',
    {
      schema: {
        tags,
        summary: 'Thêm người, tập thể được đề nghị khen thưởng',
        params: ZIdParams,
        body: ZAddCandidateBody,
        response: { 201: ZProposal },
      },
    },
    async (req, reply) => {
      const actor = requireActor(req.ctx);
      const proposal = await loadProposalFor(db, actor, req.params.id, 'edit');
      await addCandidate(db, req.ctx, actor, proposal, req.body);
      reply.code(201);
      return showProposal(actor, req.params.id);
    },
  );

  app.patch(
    '/honours/candidates/:id',
    {
      schema: {
        tags,
        summary: 'Sửa hồ sơ đề nghị (khi tờ trình còn là bản nháp, hoặc hồ sơ bị trả lại)',
        params: ZIdParams,
        body: ZUpdateCandidateBody,
        response: { 200: ZProposal },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const proposal = await loadProposalFor(db, actor, await candidateProposalId(db, req.params.id), 'edit');
      await updateCandidate(db, req.ctx, proposal, req.params.id, req.body);
      return showProposal(actor, proposal.id);
    },
  );

  app.post(
    '/honours/candidates/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Rút người, tập thể khỏi tờ trình (khi tờ trình còn là bản nháp)',
        params: ZIdParams,
        body: ZWithdrawCandidateBody,
        response: { 200: ZProposal },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const proposal = await loadProposalFor(db, actor, await candidateProposalId(db, req.params.id), 'edit');
      await withdrawCandidate(db, req.ctx, proposal, req.params.id, req.body.revision ?? null);
      return showProposal(actor, proposal.id);
    },
  );

  app.post(
    '/honours/proposals/:id/review',
    {
      schema: {
        tags,
        summary: 'Thẩm định: trả lại (nêu lý do) hoặc chuyển Hội đồng nhiều hồ sơ một lần',
        params: ZIdParams,
        body: ZReviewBody,
        response: { 200: ZProposal },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const proposal = await loadProposalFor(db, actor, req.params.id, 'review');
      await reviewCandidates(db, req.ctx, proposal, req.body);
      return showProposal(actor, req.params.id);
    },
  );

  app.get(
    '/honours/review-queue',
    {
      schema: {
        tags,
        summary: 'Hồ sơ đề nghị gửi tới các đơn vị tôi thẩm định',
        querystring: ZReviewQueueQuery,
        response: { 200: ZPage(ZQueueCandidate) },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      return reviewQueuePage(db, actor, req.query);
    },
  );
}
