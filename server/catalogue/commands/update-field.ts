/** Sửa lĩnh vực — rename, describe, reorder, retire or restore a field. Its criteria change only by a new version. */
import type { Kysely } from 'kysely';
import { normalizeSpaces } from '../../../common/vn-text.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { staleRevision } from '../../lib/errors.ts';
import type { FieldView } from '../queries.ts';
import { assertNameAndCodeFree } from './create-field.ts';
import { fieldSearchText, lockField, snapshot, type FieldRow } from './field-record.ts';

export interface UpdateFieldInput {
  name?: string;
  description?: string | null;
  sortOrder?: number;
  active?: boolean;
  revision: number;
}

type Editable = Pick<FieldRow, 'name' | 'description' | 'sort_order' | 'active'>;

const LABELS: Record<keyof Editable, string> = {
  name: 'tên',
  description: 'mô tả',
  sort_order: 'thứ tự',
  active: 'trạng thái sử dụng',
};

function diff(current: Editable, input: UpdateFieldInput): Partial<Editable> {
  const wanted: Partial<Editable> = {
    name: input.name === undefined ? undefined : normalizeSpaces(input.name),
    description: input.description,
    sort_order: input.sortOrder,
    active: input.active,
  };
  const changes: Partial<Editable> = {};
  for (const key of Object.keys(wanted) as Array<keyof Editable>) {
    const value = wanted[key];
    if (value !== undefined && value !== current[key]) Object.assign(changes, { [key]: value });
  }
  return changes;
}

/** `field` was loaded and checked for writing by the caller. Sending only unchanged values writes nothing. */
export async function updateField(
  db: Kysely<DB>,
  ctx: RequestContext,
  field: FieldView,
  input: UpdateFieldInput,
): Promise<void> {
  if (Object.keys(diff(field, input)).length === 0) {
    if (field.revision !== input.revision) throw staleRevision(`Lĩnh vực "${field.name}"`);
    return;
  }
  await writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = await lockField(trx, field.id, input.revision);
    const changes = diff(before, input);
    if (changes.name !== undefined)
      await assertNameAndCodeFree(trx, before.owner_unit_id, changes.name, null, before.id);
    const next = {
      code: before.code,
      name: changes.name ?? before.name,
      description: changes.description === undefined ? before.description : changes.description,
    };
    const after = await trx
      .updateTable('model_field')
      .set((eb) => ({ ...changes, search_text: fieldSearchText(next), revision: eb('revision', '+', 1) }))
      .where('id', '=', field.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const what = (Object.keys(changes) as Array<keyof Editable>).map((k) => LABELS[k]).join(', ');
    const status = changes.active === false ? '; ngừng sử dụng' : changes.active === true ? '; sử dụng trở lại' : '';
    await audit({
      action: 'field.updated',
      entityType: 'model_field',
      entityId: field.id,
      unitId: after.owner_unit_id,
      summary: `Sửa lĩnh vực "${after.name}" (${what})${status}`,
      before: snapshot(before),
      after: snapshot(after),
    });
  });
}
