/**
 * Ban hành phiên bản bộ tiêu chí — a new version of a field's criteria, in
 * effect from a date. Versions are immutable: this only ever inserts; earlier
 * versions and their criteria stay exactly as they were, so whatever was
 * registered or evaluated against them keeps its meaning.
 */
import type { Kysely } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { invalid } from '../../lib/errors.ts';
import type { FieldView } from '../queries.ts';
import { insertCriteriaSet, lockField, type CriteriaSetInput } from './field-record.ts';

/** `field` was loaded and checked for writing by the caller; `revision` is the field's. Returns the new set's id. */
export async function addCriteriaSet(
  db: Kysely<DB>,
  ctx: RequestContext,
  field: FieldView,
  input: CriteriaSetInput & { revision: number },
): Promise<number> {
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockField(trx, field.id, input.revision);
    const latest = await trx
      .selectFrom('criteria_set')
      .select(['version', 'effective_from'])
      .where('field_id', '=', field.id)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (latest && input.effectiveFrom < latest.effective_from) {
      throw invalid(
        'effectiveFrom',
        `Phiên bản mới phải áp dụng từ ngày ${formatDateVi(latest.effective_from)} trở đi (ngày áp dụng của phiên bản ${latest.version} hiện hành).`,
      );
    }
    const version = (latest?.version ?? 0) + 1;
    const set = await insertCriteriaSet(trx, ctx, field.id, version, input);
    await trx
      .updateTable('model_field')
      .set((eb) => ({ revision: eb('revision', '+', 1) }))
      .where('id', '=', field.id)
      .execute();
    await audit({
      action: 'criteria.versioned',
      entityType: 'model_field',
      entityId: field.id,
      unitId: before.owner_unit_id,
      summary: `Ban hành bộ tiêu chí phiên bản ${version} của lĩnh vực "${before.name}" (${input.criteria.length} tiêu chí), áp dụng từ ${formatDateVi(input.effectiveFrom)}`,
      after: set.record,
    });
    return set.id;
  });
}
