/** Thêm lĩnh vực / loại mô hình — a new field with its first criteria set (version 1). */
import { sql, type Kysely, type Transaction } from 'kysely';
import { formatDateVi } from '../../../common/dates.ts';
import type { FieldAppliesTo } from '../../../common/schemas/catalogue.ts';
import { foldVietnamese, normalizeSpaces } from '../../../common/vn-text.ts';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import type { RequestContext } from '../../lib/context.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import type { UnitRef } from '../../org/unit-access.ts';
import { fieldSearchText, insertCriteriaSet, snapshot, type CriteriaSetInput } from './field-record.ts';

export interface CreateFieldInput extends CriteriaSetInput {
  code: string | null;
  name: string;
  appliesTo: FieldAppliesTo;
  description: string | null;
  sortOrder: number;
}

/** "Tiên tiến trong sản xuất - kinh doanh" → "TIEN-TIEN-TRONG-SAN-XUAT-KINH-DOANH" (at most 50 characters). */
export function codeFromName(name: string): string {
  const base = foldVietnamese(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 44)
    .replace(/-+$/, '');
  return (base || 'linh-vuc').toUpperCase();
}

const duplicate = (field: string, message: string) => new AppError('DUPLICATE', message, [{ field, message }]);

/** The same owner (or the global catalogue) has no other field with this code or name. */
export async function assertNameAndCodeFree(
  trx: Transaction<DB>,
  ownerUnitId: number | null,
  name: string,
  code: string | null,
  exceptId: number | null,
): Promise<void> {
  let query = trx
    .selectFrom('model_field')
    .select(['id', 'code', 'name'])
    .where(sql<boolean>`coalesce(owner_unit_id, 0) = ${ownerUnitId ?? 0}`);
  if (exceptId !== null) query = query.where('id', '<>', exceptId);
  const others = await query.execute();
  const where = ownerUnitId === null ? ' trong danh mục dùng chung' : ' của cùng đơn vị';
  const sameName = others.find((f) => foldVietnamese(f.name) === foldVietnamese(name));
  if (sameName) throw duplicate('name', `Đã có lĩnh vực "${sameName.name}" (mã ${sameName.code})${where}.`);
  const sameCode = code === null ? undefined : others.find((f) => f.code.toUpperCase() === code.toUpperCase());
  if (sameCode) throw duplicate('code', `Mã "${code}" đã được dùng cho lĩnh vực "${sameCode.name}"${where}.`);
}

/** A free code derived from the name: "X", then "X-2", "X-3"… */
async function freeCode(trx: Transaction<DB>, ownerUnitId: number | null, name: string): Promise<string> {
  const base = codeFromName(name);
  const taken = new Set(
    (
      await trx
        .selectFrom('model_field')
        .select('code')
        .where(sql<boolean>`coalesce(owner_unit_id, 0) = ${ownerUnitId ?? 0}`)
        .execute()
    ).map((r) => r.code.toUpperCase()),
  );
  let code = base;
  for (let n = 2; taken.has(code); n++) code = `${base}-${n}`;
  return code;
}

/** `owner` (null: a global field) must already be checked for catalogue.write (or system admin) by the caller. */
export async function createField(
  db: Kysely<DB>,
  ctx: RequestContext,
  owner: UnitRef | null,
  input: CreateFieldInput,
): Promise<number> {
  if (owner?.endedOn) {
    throw invalid(
      'ownerUnitId',
      `Đơn vị "${owner.name}" đã kết thúc hoạt động từ ${formatDateVi(owner.endedOn)}; không thêm lĩnh vực mới cho đơn vị này.`,
    );
  }
  const name = normalizeSpaces(input.name);
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const ownerUnitId = owner?.id ?? null;
    await assertNameAndCodeFree(trx, ownerUnitId, name, input.code, null);
    const code = input.code ?? (await freeCode(trx, ownerUnitId, name));
    const values = {
      owner_unit_id: ownerUnitId,
      code,
      name,
      applies_to: input.appliesTo,
      description: input.description,
      sort_order: input.sortOrder,
    };
    const field = await trx
      .insertInto('model_field')
      .values({ ...values, search_text: fieldSearchText(values) })
      .returningAll()
      .executeTakeFirstOrThrow();
    const set = await insertCriteriaSet(trx, ctx, field.id, 1, input);
    const where = owner ? `của "${owner.name}"` : 'dùng chung';
    await audit({
      action: 'field.created',
      entityType: 'model_field',
      entityId: field.id,
      unitId: ownerUnitId,
      summary: `Thêm lĩnh vực "${field.name}" (mã ${field.code}) ${where}`,
      after: snapshot(field),
    });
    await audit({
      action: 'criteria.versioned',
      entityType: 'model_field',
      entityId: field.id,
      unitId: ownerUnitId,
      summary: `Ban hành bộ tiêu chí phiên bản 1 của lĩnh vực "${field.name}" (${input.criteria.length} tiêu chí), áp dụng từ ${formatDateVi(input.effectiveFrom)}`,
      after: set.record,
    });
    return field.id;
  });
}
