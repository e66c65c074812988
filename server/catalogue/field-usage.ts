/**
 * Which fields a unit may use — for plan targets and registry entries: the
 * global ones and those defined in the unit's lineage (itself, its ancestors,
 * and the units that merged or split into them), for the right kind.
 */
import { sql, type Kysely } from 'kysely';
import { FIELD_APPLIES_TO_LABELS, type FieldAppliesTo } from '../../common/schemas/catalogue.ts';
import type { DB } from '../db/schema.ts';
import { invalid } from '../lib/errors.ts';
import { lineageOf } from './lineage.ts';

export interface UsableField {
  id: number;
  name: string;
  applies_to: FieldAppliesTo;
  active: boolean;
  owner_unit_id: number | null;
}

/** The fields among `fieldIds` that `unitId` may use, by id. */
export async function findUsableFields(
  db: Kysely<DB>,
  unitId: number,
  fieldIds: readonly number[],
): Promise<Map<number, UsableField>> {
  if (fieldIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('model_field as f')
    .select(['f.id', 'f.name', 'f.applies_to', 'f.active', 'f.owner_unit_id'])
    .where('f.id', 'in', [...new Set(fieldIds)])
    .where(sql<boolean>`(f.owner_unit_id is null or f.owner_unit_id in (${lineageOf([unitId])}))`)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Can a field that applies to `appliesTo` be used for a model or an exemplar? */
export function fieldFitsKind(appliesTo: FieldAppliesTo, kind: 'model' | 'exemplar'): boolean {
  return appliesTo === 'both' || appliesTo === kind;
}

/** Why `field` cannot be used (as `kind`, by a unit named `unitName`), or null if it can. */
export function fieldProblem(
  field: UsableField | undefined,
  fieldId: number,
  unitName: string,
  kind: 'model' | 'exemplar' | null,
  allowInactive = false,
): string | null {
  if (!field) return `Không tìm thấy lĩnh vực có mã số ${fieldId} trong danh mục áp dụng cho "${unitName}".`;
  if (kind && !fieldFitsKind(field.applies_to, kind)) {
    return `Lĩnh vực "${field.name}" chỉ áp dụng cho ${FIELD_APPLIES_TO_LABELS[field.applies_to].toLowerCase()}, không dùng cho ${kind === 'model' ? 'mô hình' : 'điển hình tiên tiến cá nhân'}.`;
  }
  if (!field.active && !allowInactive) return `Lĩnh vực "${field.name}" đã ngừng sử dụng; hãy chọn lĩnh vực khác.`;
  return null;
}

/** Throws a 400 naming `path` unless the unit may use the field for that kind. */
export async function assertFieldUsable(
  db: Kysely<DB>,
  input: {
    fieldId: number;
    unit: { id: number; name: string };
    kind: 'model' | 'exemplar';
    path?: string;
    allowInactive?: boolean;
  },
): Promise<UsableField> {
  const field = (await findUsableFields(db, input.unit.id, [input.fieldId])).get(input.fieldId);
  const problem = fieldProblem(field, input.fieldId, input.unit.name, input.kind, input.allowInactive);
  if (problem) throw invalid(input.path ?? 'fieldId', problem);
  return field!;
}
