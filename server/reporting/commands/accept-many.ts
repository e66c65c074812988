/**
 * Tiếp nhận nhiều báo cáo một lúc — a preview says, per report, whether it
 * can be accepted now and why not; the commit is all-or-nothing: every
 * report must be readable, submitted, at the revision the user saw, and at a
 * level the user approves. Checks are set-based (one query for all).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { Actor, RequestContext } from '../../lib/context.ts';
import { AppError } from '../../lib/errors.ts';
import { latestUnitName } from '../../lib/sql-text.ts';
import { notify } from '../../notifications/notify.ts';
import { entryReadable } from '../../registry/entry-scope.ts';
import { approveReach, canApproveAt } from '../../registry/policy.ts';
import { reportLink } from '../report-record.ts';

function loadReports(db: Kysely<DB>, actor: Actor, ids: number[]) {
  return db
    .selectFrom('period_report as r')
    .innerJoin('registry_entry as e', 'e.id', 'r.entry_id')
    .innerJoin('org_unit as ou', 'ou.id', 'e.owner_unit_id')
    .innerJoin('org_level as l', 'l.id', 'e.level_id')
    .innerJoin('report_period as p', 'p.id', 'r.period_id')
    .select([
      'r.id',
      'r.status',
      'r.revision',
      'r.changed_after_acceptance',
      'r.submitted_by',
      'e.name as entry_name',
      'e.owner_unit_id',
      latestUnitName('e.owner_unit_id').as('owner_name'),
      sql<string>`ou.current_path::text`.as('owner_path'),
      'l.name as level_name',
      'l.rank as level_rank',
      'p.name as period_name',
      sql<number>`(select count(*) from period_report_value v where v.report_id = r.id and v.met)::int`.as('met_count'),
      sql<number>`(select count(*) from period_report_value v where v.report_id = r.id and v.met is not null)::int`.as(
        'judged_count',
      ),
      sql<number>`(select count(*) from criterion c where c.criteria_set_id = r.criteria_set_id and c.rule <> 'none'
        and not exists (select 1 from period_report_value v where v.report_id = r.id and v.criterion_id = c.id and v.value is not null))::int`.as(
        'missing_values',
      ),
    ])
    .where('r.id', 'in', ids)
    .where(entryReadable(actor, sql.ref('e.id'), sql.ref('e.owner_unit_id')))
    .execute();
}
type Row = Awaited<ReturnType<typeof loadReports>>[number];

const STATUS_PROBLEM: Record<string, string> = {
  draft: 'Báo cáo chưa được gửi.',
  returned: 'Báo cáo đang bị trả lại, chờ đơn vị sửa và gửi lại.',
  accepted: 'Báo cáo đã được tiếp nhận.',
};

async function judge(db: Kysely<DB>, actor: Actor, ids: number[]) {
  const rows = await loadReports(db, actor, ids);
  const reach = await approveReach(db, actor);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id);
    let problem: string | null = null;
    if (!r) problem = `Không tìm thấy báo cáo có mã số ${id}.`;
    else if (r.status !== 'submitted')
      problem = STATUS_PROBLEM[r.status] ?? 'Báo cáo không ở trạng thái chờ tiếp nhận.';
    else if (!canApproveAt(reach, { id: r.owner_unit_id, path: r.owner_path }, r.level_rank)) {
      problem = `Không thuộc thẩm quyền tiếp nhận của bạn: báo cáo về mô hình, điển hình ${r.level_name.toLowerCase()} của "${r.owner_name}" do cán bộ nghiệp vụ cấp đó tiếp nhận.`;
    }
    return { id, row: r ?? null, problem };
  });
}

export async function previewAcceptMany(db: Kysely<DB>, actor: Actor, ids: number[]) {
  const judged = await judge(db, actor, [...new Set(ids)]);
  return {
    items: judged.map(({ id, row, problem }) => ({
      reportId: id,
      entryName: row?.entry_name ?? '',
      ownerUnitName: row?.owner_name ?? '',
      status: row?.status ?? ('draft' as const),
      revision: row?.revision ?? 0,
      acceptable: problem === null,
      problem,
      metCount: row?.met_count ?? 0,
      judgedCount: row?.judged_count ?? 0,
      missingValues: row?.missing_values ?? 0,
    })),
  };
}

export async function acceptMany(
  db: Kysely<DB>,
  ctx: RequestContext & { actor: Actor },
  items: Array<{ reportId: number; revision: number }>,
): Promise<number> {
  const ids = [...new Set(items.map((i) => i.reportId))];
  if (ids.length !== items.length)
    throw new AppError('VALIDATION', 'Một báo cáo được chọn hai lần.', [
      { field: 'items', message: 'Một báo cáo được chọn hai lần.' },
    ]);
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    await trx.selectFrom('period_report').select('id').where('id', 'in', ids).orderBy('id').forUpdate().execute();
    const judged = await judge(trx, ctx.actor, ids);
    const unknown = judged.filter((j) => j.row === null).map((j) => j.id);
    if (unknown.length > 0)
      throw new AppError(
        'NOT_FOUND',
        `Không tìm thấy báo cáo có mã số ${unknown.join(', ')}. Chưa tiếp nhận báo cáo nào.`,
      );
    const problems = judged.flatMap(({ row, problem }, i) => {
      if (problem) return [{ field: `items.${i}`, message: problem }];
      if (row && row.revision !== items[i]!.revision)
        return [
          {
            field: `items.${i}`,
            message: `Báo cáo "${row.period_name}" của "${row.entry_name}" vừa được người khác thay đổi; hãy xem lại.`,
          },
        ];
      return [];
    });
    if (problems.length > 0) {
      const stale = problems.every((p) => p.message.includes('vừa được người khác'));
      throw new AppError(
        stale ? 'CONFLICT' : 'INVALID_STATE',
        `Chưa tiếp nhận báo cáo nào: ${problems.length} báo cáo không tiếp nhận được (${problems.map((p) => p.message).join(' ')})`,
        problems,
      );
    }
    const rows = judged.map((j) => j.row as Row);
    const now = new Date();
    const userId = ctx.actor.userId;
    await trx
      .updateTable('period_report')
      .set((eb) => ({
        status: 'accepted',
        changed_after_acceptance: false,
        accepted_at: now,
        accepted_by: userId,
        updated_by: userId,
        updated_at: now,
        revision: eb('revision', '+', 1),
      }))
      .where('id', 'in', ids)
      .execute();
    const events = await trx
      .insertInto('period_report_event')
      .values(
        rows.map((r) => ({
          report_id: r.id,
          kind: r.changed_after_acceptance ? ('reaccepted' as const) : ('accepted' as const),
          created_by: userId,
          created_at: now,
          data: JSON.stringify({ bulk: true }),
        })),
      )
      .returning(['id', 'report_id'])
      .execute();
    const eventOf = new Map(events.map((e) => [e.report_id, e.id]));
    await notify(
      trx,
      rows
        .filter((r) => r.submitted_by !== null && r.submitted_by !== userId)
        .map((r) => ({
          userId: r.submitted_by!,
          kind: 'report.accepted',
          title: `Báo cáo "${r.period_name}" của "${r.entry_name}" đã được tiếp nhận`,
          body: `${ctx.actor.fullName} đã tiếp nhận báo cáo.`,
          link: reportLink(r.id),
          dedupeKey: `report.accepted:${r.id}:${eventOf.get(r.id)}`,
        })),
    );
    for (const r of rows) {
      await audit({
        action: 'report.accepted',
        entityType: 'period_report',
        entityId: r.id,
        unitId: r.owner_unit_id,
        summary: `${r.changed_after_acceptance ? 'Tiếp nhận lại' : 'Tiếp nhận'} báo cáo "${r.period_name}" của "${r.entry_name}" (tiếp nhận nhiều báo cáo)`,
        before: { status: r.status, revision: r.revision },
        after: { status: 'accepted', revision: r.revision + 1 },
      });
    }
    return rows.length;
  });
}
