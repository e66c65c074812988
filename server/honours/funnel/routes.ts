/** /api/v1/honours/funnel — the honours funnel of a round for a subtree, and the names behind every number. */
import { ZFunnel, ZFunnelListQuery, ZFunnelQuery, ZFunnelRow } from '../../../common/schemas/honours-funnel.ts';
import { ZPage } from '../../../common/schemas/shared.ts';
import { requireActor, type Actor } from '../../lib/context.ts';
import { invalid, notFound } from '../../lib/errors.ts';
import type { App } from '../../lib/http.ts';
import { sql } from 'kysely';
import { findUnitRef, loadUnitFor } from '../../org/unit-access.ts';
import { honoursUnitReadable, loadRoundFor } from '../policy.ts';
import { funnelCounts, funnelList, unitInRoundTree } from './queries.ts';

const tags = ['honours'];

export function funnelRoutes(app: App): void {
  const { db } = app;

  /** The round (visible, else 404) and the subtree's unit (readable, else 404; inside the round's tree, else 400). */
  const load = async (actor: Actor, roundId: number, unitId: number | undefined) => {
    const round = await loadRoundFor(db, actor, roundId, 'read');
    // The round's own unit: its readers, and those of its successors (a unit that ended hands its history on).
    // A unit that only proposes to the round sees its own subtree's funnel, never the whole round's names.
    const ownerReadable = async () =>
      (await db
        .selectFrom('org_unit as u')
        .select('u.id')
        .where('u.id', '=', round.owner_unit_id)
        .where(honoursUnitReadable(actor, sql.ref('u.id')))
        .executeTakeFirst()) !== undefined;
    if ((unitId === undefined || unitId === round.owner_unit_id) && !(await ownerReadable())) {
      throw notFound(
        `đơn vị có mã số ${round.owner_unit_id} trong phạm vi của bạn — hãy chọn đơn vị của mình để xem kết quả đợt "${round.name}"`,
      );
    }
    const unit =
      unitId === undefined || unitId === round.owner_unit_id
        ? ((await findUnitRef(db, round.owner_unit_id)) ??
          (await loadUnitFor(db, actor, round.owner_unit_id, 'registry.read')))
        : await loadUnitFor(db, actor, unitId, 'registry.read');
    if (unit.id !== round.owner_unit_id && !(await unitInRoundTree(db, round, unit.id))) {
      throw invalid(
        'unitId',
        `Đơn vị "${unit.name}" không thuộc "${round.owner_name}" trong thời gian của đợt khen thưởng.`,
      );
    }
    return { round, unit };
  };

  app.get(
    '/honours/funnel',
    {
      schema: {
        tags,
        summary:
          'Phễu khen thưởng của một đợt cho một đơn vị và các đơn vị trực thuộc: cơ sở đã khen → đề nghị → thẩm định → Hội đồng → quyết định → đề nghị cấp trên',
        querystring: ZFunnelQuery,
        response: { 200: ZFunnel },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { round, unit } = await load(actor, req.query.roundId, req.query.unitId);
      return {
        round: { id: round.id, name: round.name },
        unit: { id: unit.id, name: unit.name },
        stages: await funnelCounts(db, round, unit.id),
      };
    },
  );

  app.get(
    '/honours/funnel/list',
    {
      schema: {
        tags,
        summary: 'Danh sách tập thể, cá nhân đứng sau một con số của phễu khen thưởng',
        querystring: ZFunnelListQuery,
        response: { 200: ZPage(ZFunnelRow) },
      },
    },
    async (req) => {
      const actor = requireActor(req.ctx);
      const { roundId, unitId, ...filter } = req.query;
      const { round, unit } = await load(actor, roundId, unitId);
      const { items, total } = await funnelList(db, round, unit.id, filter);
      return {
        items: items.map((r) => ({
          subject: r.subject,
          displayName: r.display_name,
          position: r.position,
          unit: { id: r.unit_id, name: r.unit_name },
          awardName: r.award_name,
          candidateId: r.candidate_id,
          honourId: r.honour_id,
          entryId: r.entry_id,
          personId: r.person_id,
        })),
        total,
        page: filter.page,
        pageSize: filter.pageSize,
      };
    },
  );
}
