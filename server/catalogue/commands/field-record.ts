/** Shared pieces of the catalogue commands: derived columns, the audit snapshot, the revision lock, writing a criteria set. */
import type { Selectable, Transaction } from 'kysely';
import type { TCriterionInput } from '../../../common/schemas/catalogue.ts';
import { foldVietnamese } from '../../../common/vn-text.ts';
import type { DB, ModelFieldTable } from '../../db/schema.ts';
import type { RequestContext } from '../../lib/context.ts';
import { notFound, staleRevision } from '../../lib/errors.ts';

export type FieldRow = Selectable<ModelFieldTable>;

export function fieldSearchText(f: { code: string; name: string; description: string | null }): string {
  return foldVietnamese([f.code, f.name, f.description ?? ''].join(' '));
}

/** What the audit log keeps of a field before and after a change. */
export function snapshot(f: FieldRow) {
  return {
    ownerUnitId: f.owner_unit_id,
    code: f.code,
    name: f.name,
    appliesTo: f.applies_to,
    description: f.description,
    sortOrder: f.sort_order,
    active: f.active,
    revision: f.revision,
  };
}

/** Lock the field's row and check the client saw the latest revision. */
export async function lockField(trx: Transaction<DB>, id: number, revision: number): Promise<FieldRow> {
  const row = await trx.selectFrom('model_field').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound(`lĩnh vực có mã số ${id}`);
  if (row.revision !== revision) throw staleRevision(`Lĩnh vực "${row.name}"`);
  return row;
}

export interface CriteriaSetInput {
  effectiveFrom: string;
  note: string | null;
  criteria: TCriterionInput[];
}

/** Insert a new, immutable version of a field's criteria; returns its id and what the audit log keeps. */
export async function insertCriteriaSet(
  trx: Transaction<DB>,
  ctx: RequestContext,
  fieldId: number,
  version: number,
  input: CriteriaSetInput,
) {
  const set = await trx
    .insertInto('criteria_set')
    .values({
      field_id: fieldId,
      version,
      effective_from: input.effectiveFrom,
      note: input.note,
      created_by: ctx.actor?.userId ?? null,
    })
    .returning(['id', 'version', 'effective_from'])
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('criterion')
    .values(
      input.criteria.map((c, index) => ({
        criteria_set_id: set.id,
        code: c.code,
        parent_code: c.parentCode,
        title: c.title,
        measure: c.measure,
        rule: c.rule,
        target: c.target,
        scale_max: c.scaleMax,
        sort_order: index,
      })),
    )
    .execute();
  const record = {
    criteriaSetId: set.id,
    version: set.version,
    effectiveFrom: set.effective_from,
    note: input.note,
    criteria: input.criteria.map((c) => ({
      code: c.code,
      parentCode: c.parentCode,
      title: c.title,
      measure: c.measure,
      rule: c.rule,
      target: c.target,
      scaleMax: c.scaleMax,
    })),
  };
  return { id: set.id, record };
}
