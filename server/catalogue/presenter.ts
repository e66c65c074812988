/** Shapes fields for the API, with what the current user may do to them. */
import type { TCriteriaSet, TField, TFieldDetail } from '../../common/schemas/catalogue.ts';
import type { Actor } from '../lib/context.ts';
import { canWriteField } from './policy.ts';
import type { FieldView } from './queries.ts';

export function presentField(row: FieldView, actor: Actor): TField {
  return {
    id: row.id,
    ownerUnitId: row.owner_unit_id,
    ownerUnitName: row.owner_unit_name,
    code: row.code,
    name: row.name,
    appliesTo: row.applies_to,
    description: row.description,
    sortOrder: row.sort_order,
    active: row.active,
    revision: row.revision,
    createdAt: row.created_at.toISOString(),
    currentCriteriaSet:
      row.current_set_id === null || row.current_set_id === undefined
        ? null
        : {
            id: row.current_set_id,
            version: row.current_set_version!,
            effectiveFrom: row.current_set_effective_from!,
            criterionCount: row.current_set_criterion_count ?? 0,
          },
    canWrite: canWriteField(actor, row),
  };
}

export function presentFieldDetail(row: FieldView, sets: TCriteriaSet[], actor: Actor): TFieldDetail {
  return { ...presentField(row, actor), criteriaSets: sets };
}
