/** Create a review report: compute and store the figures as of the snapshot date; texts start from the unit's last report of the same kind. */
import type { Kysely } from 'kysely';
import type { TCreateReviewReportBody } from '../../../common/schemas/review-reports.ts';
import { REVIEW_REPORT_KIND_LABELS } from '../../../common/schemas/review-reports.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalid } from '../../lib/errors.ts';
import type { UnitRef } from '../../org/unit-access.ts';
import { nearestSettings } from '../document-settings.ts';
import { computeReviewFigures } from '../figures.ts';
import { currentWarnings } from '../warnings.ts';

export async function createReviewReport(
  db: Kysely<DB>,
  ctx: RequestContext,
  unit: UnitRef,
  body: TCreateReviewReportBody & { snapshotOn: string },
): Promise<number> {
  if (body.planId) {
    const plan = await db.selectFrom('plan').select('id').where('id', '=', body.planId).executeTakeFirst();
    if (!plan) throw invalid('planId', `Không tìm thấy kế hoạch có mã số ${body.planId}.`);
  }
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const figures = await computeReviewFigures(trx, {
      unitId: unit.id,
      from: body.from,
      to: body.to,
      asOf: body.snapshotOn,
      planId: body.planId ?? null,
    });
    const previous = await trx
      .selectFrom('review_report')
      .select('texts')
      .where('owner_unit_id', '=', unit.id)
      .where('kind', '=', body.kind)
      .orderBy('period_to', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const texts = (previous?.texts ?? {}) as Record<string, string>;
    const warnings = await currentWarnings(trx, figures, texts, {});
    const row = await trx
      .insertInto('review_report')
      .values({
        owner_unit_id: unit.id,
        kind: body.kind,
        title: body.title,
        number: body.number,
        place: body.place || ((await nearestSettings(trx, unit.id)).place ?? ''),
        report_date: body.reportDate ?? null,
        period_from: body.from,
        period_to: body.to,
        snapshot_on: body.snapshotOn,
        plan_id: body.planId ?? null,
        figures: JSON.stringify(figures),
        texts: JSON.stringify(texts),
        overrides: JSON.stringify({}),
        warnings: JSON.stringify(warnings),
        signer_authority: body.signerAuthority ?? null,
        signer_title: body.signerTitle,
        signer_name: body.signerName,
        recipients: JSON.stringify(body.recipients),
        layout: JSON.stringify({}),
        created_by: ctx.actor?.userId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'review_report.created',
      entityType: 'review_report',
      entityId: row.id,
      unitId: unit.id,
      summary: `${REVIEW_REPORT_KIND_LABELS[body.kind]} "${body.title}" của ${unit.name} (${body.from} – ${body.to}, số liệu đến ngày ${body.snapshotOn})`,
      after: {
        kind: body.kind,
        from: body.from,
        to: body.to,
        snapshotOn: body.snapshotOn,
        models: figures.counts.model.total,
        exemplars: figures.counts.exemplar.total,
      },
    });
    return row.id;
  });
}
