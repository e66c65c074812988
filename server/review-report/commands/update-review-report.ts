/** Save the operator's texts, hand-typed overrides and the header and closing data; warnings are recomputed. */
import type { Kysely } from 'kysely';
import type { TUpdateReviewReportBody } from '../../../common/schemas/review-reports.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { staleRevision } from '../../lib/errors.ts';
import { assertNotFinal } from '../policy.ts';
import { figuresOf, overridesOf, storedWarningsOf, textsOf, type ReviewReportRow } from '../report-record.ts';
import { currentWarnings } from '../warnings.ts';

export async function updateReviewReport(
  db: Kysely<DB>,
  ctx: RequestContext,
  row: ReviewReportRow,
  body: TUpdateReviewReportBody,
): Promise<void> {
  assertNotFinal(row);
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const texts = body.texts ?? textsOf(row);
    const overrides = body.overrides ?? overridesOf(row);
    const warnings = await currentWarnings(trx, figuresOf(row), texts, overrides);
    const unchanged = JSON.stringify(warnings) === JSON.stringify(storedWarningsOf(row));
    const updated = await trx
      .updateTable('review_report')
      .set({
        ...(body.title !== undefined ? { title: body.title } : {}),
        ...(body.number !== undefined ? { number: body.number } : {}),
        ...(body.place !== undefined ? { place: body.place } : {}),
        ...(body.reportDate !== undefined ? { report_date: body.reportDate } : {}),
        ...(body.signerAuthority !== undefined ? { signer_authority: body.signerAuthority } : {}),
        ...(body.signerTitle !== undefined ? { signer_title: body.signerTitle } : {}),
        ...(body.signerName !== undefined ? { signer_name: body.signerName } : {}),
        ...(body.recipients !== undefined ? { recipients: JSON.stringify(body.recipients) } : {}),
        ...(body.layout !== undefined ? { layout: JSON.stringify(body.layout) } : {}),
        texts: JSON.stringify(texts),
        overrides: JSON.stringify(overrides),
        warnings: JSON.stringify(warnings),
        ...(unchanged ? {} : { warnings_acknowledged_by: null, warnings_acknowledged_at: null }),
        revision: row.revision + 1,
        updated_at: new Date(),
      })
      .where('id', '=', row.id)
      .where('status', '=', 'draft')
      .where('revision', '=', body.revision)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleRevision('Báo cáo');
    const { revision: _r, texts: _t, ...rest } = body;
    await audit({
      action: 'review_report.updated',
      entityType: 'review_report',
      entityId: row.id,
      unitId: row.owner_unit_id,
      summary: `Sửa báo cáo "${row.title}"${body.overrides ? ' (có số liệu sửa tay)' : ''}`,
      before: { overrides: overridesOf(row) },
      after: { ...rest, textKeys: body.texts ? Object.keys(body.texts) : undefined, warnings: warnings.length },
    });
  });
}
