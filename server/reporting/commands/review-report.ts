/**
 * Trả lại / tiếp nhận báo cáo — the operator of the entry's level returns a
 * submitted report with a reason (and notes next to the fields concerned),
 * or accepts it ("tiếp nhận lại" when it was changed after an acceptance).
 * The submitter (and, on a return, the unit's reporters) are notified.
 */
import type { Kysely, Transaction } from 'kysely';
import type { TReturnReportBody } from '../../../common/schemas/reporting.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalid, invalidState } from '../../lib/errors.ts';
import { notify } from '../../notifications/notify.ts';
import { insertReportEvent, lockReport, reportLabel, reportLink, saveReportRow, snapshot } from '../report-record.ts';

const notSubmitted = (status: string) =>
  invalidState(
    status === 'accepted'
      ? 'Báo cáo đã được tiếp nhận.'
      : status === 'returned'
        ? 'Báo cáo đã bị trả lại, đang chờ đơn vị sửa và gửi lại.'
        : 'Báo cáo chưa được gửi; chỉ trả lại hoặc tiếp nhận được báo cáo đã gửi.',
  );

/** Active reporters granted on the unit (the people who write its reports). */
async function reportersOf(trx: Transaction<DB>, unitId: number): Promise<number[]> {
  const rows = await trx
    .selectFrom('role_grant as g')
    .innerJoin('app_user as u', 'u.id', 'g.user_id')
    .select('g.user_id')
    .distinct()
    .where('g.unit_id', '=', unitId)
    .where('g.role', '=', 'reporter')
    .where('g.revoked_at', 'is', null)
    .where('u.status', '=', 'active')
    .execute();
  return rows.map((r) => r.user_id);
}

/** The caller loaded the report and checked registry.approve at its entry's level. */
export async function returnReport(
  db: Kysely<DB>,
  ctx: RequestContext,
  reportId: number,
  body: TReturnReportBody,
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockReport(trx, reportId, body.revision);
    if (before.status !== 'submitted') throw notSubmitted(before.status);
    const criterionIds = body.notes.flatMap((n) =>
      n.field.startsWith('criterion:') ? [Number(n.field.slice('criterion:'.length))] : [],
    );
    if (criterionIds.length > 0) {
      const found = new Set(
        (
          await trx
            .selectFrom('criterion')
            .select('id')
            .where('criteria_set_id', '=', before.criteria_set_id)
            .where('id', 'in', criterionIds)
            .execute()
        ).map((c) => c.id),
      );
      body.notes.forEach((n, i) => {
        if (n.field.startsWith('criterion:') && !found.has(Number(n.field.slice('criterion:'.length)))) {
          throw invalid(
            `notes.${i}.field`,
            `Tiêu chí ${n.field.slice('criterion:'.length)} không thuộc bộ tiêu chí của báo cáo này.`,
          );
        }
      });
    }
    const now = new Date();
    const after = await saveReportRow(trx, ctx, reportId, now, {
      status: 'returned',
      return_reason: body.reason,
      return_notes: JSON.stringify(body.notes),
    });
    const eventId = await insertReportEvent(trx, ctx, reportId, 'returned', now, body.reason, { notes: body.notes });
    const recipients = new Set([
      ...(before.submitted_by === null ? [] : [before.submitted_by]),
      ...(await reportersOf(trx, before.ownerUnitId)),
    ]);
    if (ctx.actor) recipients.delete(ctx.actor.userId);
    await notify(
      trx,
      [...recipients].map((userId) => ({
        userId,
        kind: 'report.returned',
        title: `Báo cáo "${before.periodName}" của "${before.entryName}" bị trả lại`,
        body: body.reason,
        link: reportLink(reportId),
        dedupeKey: `report.returned:${reportId}:${eventId}`,
      })),
    );
    await audit({
      action: 'report.returned',
      entityType: 'period_report',
      entityId: reportId,
      unitId: before.ownerUnitId,
      summary: `Trả lại ${reportLabel(before)}: ${body.reason}`,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
}

/** The caller loaded the report and checked registry.approve at its entry's level. */
export async function acceptReport(
  db: Kysely<DB>,
  ctx: RequestContext,
  reportId: number,
  revision: number,
): Promise<void> {
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockReport(trx, reportId, revision);
    if (before.status !== 'submitted') throw notSubmitted(before.status);
    const now = new Date();
    const again = before.changed_after_acceptance;
    const after = await saveReportRow(trx, ctx, reportId, now, {
      status: 'accepted',
      changed_after_acceptance: false,
      accepted_at: now,
      accepted_by: ctx.actor?.userId ?? null,
    });
    const eventId = await insertReportEvent(trx, ctx, reportId, again ? 'reaccepted' : 'accepted', now);
    if (before.submitted_by !== null && before.submitted_by !== ctx.actor?.userId) {
      await notify(trx, [
        {
          userId: before.submitted_by,
          kind: 'report.accepted',
          title: `Báo cáo "${before.periodName}" của "${before.entryName}" đã được ${again ? 'tiếp nhận lại' : 'tiếp nhận'}`,
          body: `${ctx.actor?.fullName ?? 'Cán bộ nghiệp vụ'} đã ${again ? 'tiếp nhận lại' : 'tiếp nhận'} báo cáo.`,
          link: reportLink(reportId),
          dedupeKey: `report.accepted:${reportId}:${eventId}`,
        },
      ]);
    }
    await audit({
      action: 'report.accepted',
      entityType: 'period_report',
      entityId: reportId,
      unitId: before.ownerUnitId,
      summary: `${again ? 'Tiếp nhận lại' : 'Tiếp nhận'} ${reportLabel(before)}`,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
}
