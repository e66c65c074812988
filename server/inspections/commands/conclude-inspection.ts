/** Kết luận đợt kiểm tra, giám sát — conclusions, recommendations and the date; the inspection is then closed to edits. */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalid } from '../../lib/errors.ts';
import { assertNotFuture } from '../../registry/entry-record.ts';
import { assertNotConcluded, inspectionLabel, lockInspection, saveInspection } from '../inspection-record.ts';

export interface ConcludeInput {
  conclusions: string;
  recommendations: string | null;
  concludedOn: string;
  revision: number;
}

/** The inspection was loaded and checked for inspections.write by the caller. */
export async function concludeInspection(
  db: Kysely<DB>,
  ctx: RequestContext,
  id: number,
  input: ConcludeInput,
): Promise<void> {
  assertNotFuture(input.concludedOn, 'concludedOn');
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockInspection(trx, id, input.revision);
    assertNotConcluded(before);
    if (input.concludedOn < before.starts_on) {
      throw invalid(
        'concludedOn',
        `Ngày kết luận (${formatDateVi(input.concludedOn)}) trước ngày bắt đầu đợt (${formatDateVi(before.starts_on)}).`,
      );
    }
    const after = await saveInspection(trx, id, {
      status: 'concluded',
      conclusions: input.conclusions,
      recommendations: input.recommendations,
      concluded_on: input.concludedOn,
    });
    await audit({
      action: 'inspection.concluded',
      entityType: 'inspection',
      entityId: id,
      unitId: before.owner_unit_id,
      summary: `Kết luận ${inspectionLabel(before)} ngày ${formatDateVi(input.concludedOn)}`,
      before: { status: before.status, revision: before.revision },
      after: {
        status: after.status,
        conclusions: input.conclusions,
        recommendations: input.recommendations,
        concludedOn: input.concludedOn,
        revision: after.revision,
      },
    });
  });
}
