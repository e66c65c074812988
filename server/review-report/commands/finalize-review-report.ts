/**
 * Ký ban hành: sign and issue a review report. In one transaction the report
 * is registered in its unit's document registry (number rules included),
 * its layout is fixed as laid out at signing, and it becomes final: from
 * then on it is a record and nothing in it changes.
 */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import { REVIEW_REPORT_KIND_LABELS } from '../../../common/schemas/review-reports.ts';
import type { DB } from '../../db/schema.ts';
import { insertDocument } from '../../documents/commands/register-document.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { requireActor, type RequestContext } from '../../lib/context.ts';
import { AppError, staleRevision } from '../../lib/errors.ts';
import type { UnitRef } from '../../org/unit-access.ts';
import { effectiveLayout } from '../document-settings.ts';
import { assertNotFinal } from '../policy.ts';
import { figuresOf, layoutOf, overridesOf, textsOf, type ReviewReportRow } from '../report-record.ts';
import { currentWarnings, warningsAcknowledged } from '../warnings.ts';

const missing = (field: string, message: string) => new AppError('INVALID_STATE', message, [{ field, message }]);

/** What the report still lacks before it can be signed: each as a field and a Vietnamese message. */
export async function signingBlockers(
  db: Kysely<DB>,
  row: ReviewReportRow,
): Promise<Array<{ field: string; message: string }>> {
  const out: Array<{ field: string; message: string }> = [];
  const warnings = await currentWarnings(db, figuresOf(row), textsOf(row), overridesOf(row));
  if (!warningsAcknowledged(row, warnings)) {
    out.push({
      field: 'warnings',
      message: `Báo cáo còn ${warnings.length} cảnh báo về tính nhất quán của số liệu chưa được xác nhận. Hãy xem và xác nhận các cảnh báo trước khi ký ban hành.`,
    });
  }
  if (!row.number.trim())
    out.push({
      field: 'number',
      message: 'Báo cáo chưa có số, ký hiệu (ví dụ: 125-BC/ĐUK). Hãy ghi số, ký hiệu trước khi ký ban hành.',
    });
  if (!row.report_date)
    out.push({
      field: 'reportDate',
      message: 'Báo cáo chưa có ngày ban hành. Hãy ghi ngày báo cáo trước khi ký ban hành.',
    });
  if (!row.signer_name.trim())
    out.push({
      field: 'signerName',
      message: 'Báo cáo chưa có họ tên người ký. Hãy ghi người ký trước khi ký ban hành.',
    });
  return out;
}

export async function finalizeReviewReport(
  db: Kysely<DB>,
  ctx: RequestContext,
  row: ReviewReportRow,
  owner: UnitRef,
  revision: number,
): Promise<void> {
  const actor = requireActor(ctx);
  assertNotFinal(row);
  if (row.revision !== revision) throw staleRevision('Báo cáo');
  const [first] = await signingBlockers(db, row);
  if (first) throw missing(first.field, first.message);

  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    let doc;
    try {
      doc = await insertDocument(trx, actor, audit, owner, {
        symbol: row.number,
        issuedOn: row.report_date!,
        issuerName: figuresOf(row).unit.name,
        issuerUnitId: owner.id,
        summary: `${REVIEW_REPORT_KIND_LABELS[row.kind]}: ${row.title}`.slice(0, 2000),
        signer: row.signer_name,
        fileId: null,
      });
    } catch (error) {
      // The registry's rules speak of "symbol"; on the report the field is its number.
      if (error instanceof AppError && error.fields?.some((f) => f.field === 'symbol')) {
        throw new AppError(error.code, error.message, [{ field: 'number', message: error.message }]);
      }
      throw error;
    }
    const now = new Date();
    const layout = await effectiveLayout(trx, row.owner_unit_id, layoutOf(row));
    const updated = await trx
      .updateTable('review_report')
      .set({
        status: 'final',
        signed_by: actor.userId,
        signed_at: now,
        document_id: doc.id,
        layout: JSON.stringify(layout),
        revision: row.revision + 1,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .where('revision', '=', revision)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw staleRevision('Báo cáo');
    await audit({
      action: 'review_report.finalized',
      entityType: 'review_report',
      entityId: row.id,
      unitId: row.owner_unit_id,
      summary: `Ký ban hành báo cáo "${row.title}", số ${doc.symbol} ngày ${formatDateVi(doc.issued_on)}, người ký ${row.signer_name}`,
      after: { documentId: doc.id, symbol: doc.symbol, issuedOn: doc.issued_on, signerName: row.signer_name },
    });
  });
}
