/**
 * /api/v1/evaluation — đánh giá, công nhận đạt tiêu chí: the lists of a
 * period or a phase with the system's proposal and the decision, one
 * entry's detail, deciding (confirm or override with a reason), confirming
 * many proposals at once, the "to review" list, and the dashboard.
 */
import { sql } from 'kysely';
import { todayInVietnam } from '../../common/dates.ts';
import {
  CONFIRM_SKIP_LABELS,
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
  type ConfirmSkipReason,
  type TEvaluationDetail,
  type TEvaluationRow,
} from '../../common/schemas/evaluation.ts';
import { ZId } from '../../common/schemas/shared.ts';
import { z } from '../../common/zod-setup.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { requireAbility, requireActor, type Actor, type RequestContext } from '../lib/context.ts';
import type { App } from '../lib/http.ts';
import { loadUnitFor } from '../org/unit-access.ts';
import { approveReach, canApproveAt, loadEntryFor } from '../registry/policy.ts';
import { scopedEntries } from '../registry/queries.ts';
import { confirmMany, decide, type ConfirmCandidate } from './commands/decide.ts';
import { computeDashboard } from './dashboard.ts';
import {
  findEvaluationRows,
  isOnList,
  loadScope,
  onListSql,
  presentScope,
  proposalsFor,
  type EntryProposal,
  type ScopeKey,
} from './queries.ts';
import { findToReview } from './to-review.ts';

const tags = ['evaluation'];
const ZPeriodParams = z.object({ periodId: ZId });
const ZPhaseParams = z.object({ phaseId: ZId });
const ZEntryParams = z.object({ entryId: ZId });

const num = (v: string | null) => (v === null ? null : Number(v));
const jsonValue = (v: unknown): boolean | number | string | null =>
  typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string' ? v : null;

function summary(p: EntryProposal | undefined) {
  const s = p?.proposal;
  return {
    met: s?.met ?? null,
    metCount: s?.metCount ?? 0,
    judgedCount: s?.judgedCount ?? 0,
    missingCount: s?.missingCount ?? 0,
  };
}

async function presentDetail(db: Kysely<DB>, actor: Actor, entryId: number, key: ScopeKey): Promise<TEvaluationDetail> {
  const entry = await loadEntryFor(db, actor, entryId, 'read');
  const scope = await loadScope(db, key);
  const ctx: RequestContext = { actor, requestId: '', ip: '' };
  const column = key.type === 'period' ? 'ev.period_id' : 'ev.phase_id';
  const [onList, proposals, decision, report, reach] = await Promise.all([
    isOnList(db, key, entryId),
    proposalsFor(db, key, [entry]),
    db
      .selectFrom('evaluation as ev')
      .leftJoin('app_user as u', 'u.id', 'ev.decided_by')
      .leftJoin('org_level as l', 'l.id', 'ev.recognition_level_id')
      .leftJoin('document as d', 'd.id', 'ev.document_id')
      .select([
        'ev.id',
        'ev.decided_met',
        'ev.proposed_met',
        'ev.overridden',
        'ev.reason',
        'ev.recognition_level_id',
        'l.name as level_name',
        'ev.document_id',
        'd.symbol',
        'd.issued_on',
        'd.summary',
        'ev.decided_on',
        'u.full_name as decided_by',
        'ev.updated_at',
        'ev.revision',
      ])
      .where('ev.entry_id', '=', entryId)
      .where(column, '=', key.id)
      .executeTakeFirst(),
    key.type === 'period'
      ? db
          .selectFrom('period_report')
          .select(['id', 'status', 'changed_after_acceptance'])
          .where('entry_id', '=', entryId)
          .where('period_id', '=', key.id)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    approveReach(db, ctx),
  ]);
  const decidedCriteria = decision
    ? new Map(
        (
          await db
            .selectFrom('evaluation_criterion')
            .select(['criterion_id', 'decided_met', 'reason'])
            .where('evaluation_id', '=', decision.id)
            .execute()
        ).map((c) => [c.criterion_id, c]),
      )
    : new Map<number, { decided_met: boolean | null; reason: string | null }>();
  const p = proposals.get(entryId)!;
  const proposedOf = new Map(p.proposal.criteria.map((c) => [c.criterionId, c]));
  return {
    entry: {
      id: entry.id,
      kind: entry.kind,
      name: entry.name,
      status: entry.status,
      ownerUnit: { id: entry.owner_unit_id, name: entry.owner_name },
      field: { id: entry.field_id, name: entry.field_name },
      level: { id: entry.level_id, name: entry.level_name },
    },
    scope: presentScope(scope),
    onList,
    report: report
      ? { id: report.id, status: report.status, changedAfterAcceptance: report.changed_after_acceptance }
      : null,
    periods: p.periods,
    criteria: p.criteria.map((c) => {
      const value = p.values.get(c.id);
      const d = decidedCriteria.get(c.id);
      return {
        criterionId: c.id,
        code: c.code,
        parentCode: c.parent_code,
        title: c.title,
        measure: c.measure,
        rule: c.rule,
        target: num(c.target),
        scaleMax: num(c.scale_max),
        value: jsonValue(value?.value),
        comment: value?.comment ?? null,
        judged: proposedOf.get(c.id)?.judged ?? false,
        proposed: proposedOf.get(c.id)?.proposed ?? null,
        decided: d ? d.decided_met : null,
        reason: d?.reason ?? null,
      };
    }),
    proposal: summary(p),
    decision: decision
      ? {
          id: decision.id,
          decidedMet: decision.decided_met,
          proposedMet: decision.proposed_met,
          overridden: decision.overridden,
          reason: decision.reason,
          recognitionLevel:
            decision.recognition_level_id !== null
              ? { id: decision.recognition_level_id, name: decision.level_name ?? '' }
              : null,
          document:
            decision.document_id !== null
              ? {
                  id: decision.document_id,
                  symbol: decision.symbol ?? '',
                  issuedOn: decision.issued_on ?? '',
                  summary: decision.summary ?? '',
                }
              : null,
          decidedOn: decision.decided_on,
          decidedBy: decision.decided_by,
          decidedAt: decision.updated_at.toISOString(),
        }
      : null,
    revision: decision?.revision ?? null,
    can: {
      decide: onList && canApproveAt(reach, { id: entry.owner_unit_id, path: entry.owner_path }, entry.level_rank),
    },
  };
}

export async function evaluationRoutes(app: App): Promise<void> {
  const { db } = app;
  const unitFor = async (actor: Actor, unitId: number | undefined) =>
    unitId === undefined ? undefined : await loadUnitFor(db, actor, unitId, 'registry.read');

  const list = async (actor: Actor, key: ScopeKey, query: z.infer<typeof ZEvaluationListQuery>) => {
    const { unitId, ...filter } = query;
    const unit = await unitFor(actor, unitId);
    const scope = await loadScope(db, key);
    const { items, total } = await findEvaluationRows(db, actor, key, { ...filter, unitPath: unit?.path });
    const [proposals, reach] = await Promise.all([
      proposalsFor(db, key, items),
      approveReach(db, { actor, requestId: '', ip: '' }),
    ]);
    const rows: TEvaluationRow[] = items.map((r) => ({
      entry: {
        id: r.id,
        kind: r.kind,
        name: r.name,
        status: r.status,
        ownerUnit: { id: r.owner_unit_id, name: r.owner_name },
        field: { id: r.field_id, name: r.field_name },
        level: { id: r.level_id, name: r.level_name },
      },
      report:
        r.report_id !== null
          ? { id: r.report_id, status: r.report_status!, changedAfterAcceptance: r.report_changed ?? false }
          : null,
      acceptedReports: r.accepted_reports,
      proposal: summary(proposals.get(r.id)),
      decision:
        r.ev_id !== null
          ? {
              id: r.ev_id,
              decidedMet: r.ev_decided_met!,
              overridden: r.ev_overridden ?? false,
              decidedOn: r.ev_decided_on!,
              decidedBy: r.ev_decided_by,
              recognitionLevel: r.ev_level_id !== null ? { id: r.ev_level_id, name: r.ev_level_name ?? '' } : null,
              revision: r.ev_revision!,
            }
          : null,
      canDecide: canApproveAt(reach, { id: r.owner_unit_id, path: r.owner_path }, r.level_rank),
    }));
    return { scope: presentScope(scope), items: rows, total, page: filter.page, pageSize: filter.pageSize };
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
    async (req) => list(requireActor(req.ctx), { type: 'period', id: req.params.periodId }, req.query),
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
    async (req) => list(requireActor(req.ctx), { type: 'phase', id: req.params.phaseId }, req.query),
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
      const actor = requireActor(req.ctx);
      const key: ScopeKey =
        req.query.periodId !== undefined
          ? { type: 'period', id: req.query.periodId }
          : { type: 'phase', id: req.query.phaseId! };
      return presentDetail(db, actor, req.params.entryId, key);
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
      return presentDetail(db, actor, entry.id, key);
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
      const key: ScopeKey = { type: 'period', id: req.params.periodId };
      const scope = await loadScope(db, key);
      const ids = [...new Set(req.body.entryIds)];
      const found = await scopedEntries(db, actor)
        .select([
          'e.id',
          'e.name',
          'e.criteria_set_id',
          'e.owner_unit_id',
          sql<string>`ou.current_path::text`.as('owner_path'),
          'l.rank as level_rank',
          sql<boolean>`${onListSql(key)}`.as('on_list'),
          sql<boolean>`exists (select 1 from evaluation x where x.entry_id = e.id and x.period_id = ${key.id})`.as(
            'decided',
          ),
        ])
        .where('e.id', 'in', ids)
        .execute();
      const byId = new Map(found.map((f) => [f.id, f]));
      const reach = await approveReach(db, req.ctx);
      const skipped: Array<{ entryId: number; reason: ConfirmSkipReason; label: string }> = [];
      const skip = (entryId: number, reason: ConfirmSkipReason) =>
        skipped.push({ entryId, reason, label: CONFIRM_SKIP_LABELS[reason] });
      const eligible: typeof found = [];
      for (const id of ids) {
        const f = byId.get(id);
        if (!f) skip(id, 'not_found');
        else if (!canApproveAt(reach, { id: f.owner_unit_id, path: f.owner_path }, f.level_rank))
          skip(id, 'not_allowed');
        else if (!f.on_list) skip(id, 'not_on_list');
        else if (f.decided) skip(id, 'already_decided');
        else eligible.push(f);
      }
      const proposals = await proposalsFor(db, key, eligible);
      const candidates: ConfirmCandidate[] = [];
      for (const f of eligible) {
        const proposal = proposals.get(f.id)!;
        if (proposal.proposal.met === null) skip(f.id, 'no_proposal');
        else candidates.push({ entry: f, proposal });
      }
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
      const unit = await unitFor(actor, req.query.unitId);
      return computeDashboard(db, actor, {
        planId: req.query.planId,
        periodId: req.query.periodId,
        unit: unit ?? null,
      });
    },
  );
}
