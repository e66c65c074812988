/** Unit types and levels are data: system administrators add and edit them (no deletes: deactivate instead). */
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { writeTransaction } from '../../lib/audit.ts';
import { isSystemAdmin, requireActor, type RequestContext } from '../../lib/context.ts';
import { AppError, forbidden, notFound } from '../../lib/errors.ts';

function assertSystemAdmin(ctx: RequestContext): void {
  if (ctx.system) return;
  if (!isSystemAdmin(requireActor(ctx))) throw forbidden('Chỉ quản trị hệ thống được sửa danh mục loại đơn vị và cấp.');
}

async function assertCodeFree(
  db: Kysely<DB>,
  table: 'unit_type' | 'org_level',
  code: string,
  exceptId?: number,
): Promise<void> {
  let query = db.selectFrom(table).select('id').where('code', '=', code);
  if (exceptId) query = query.where('id', '!=', exceptId);
  if (await query.executeTakeFirst())
    throw new AppError('DUPLICATE', `Mã "${code}" đã được dùng.`, [
      { field: 'code', message: `Mã "${code}" đã được dùng.` },
    ]);
}

export interface UnitTypeInput {
  code: string;
  name: string;
  isParty: boolean;
  sortOrder: number;
  active: boolean;
}

export async function saveUnitType(
  db: Kysely<DB>,
  ctx: RequestContext,
  input: UnitTypeInput,
  id?: number,
): Promise<number> {
  assertSystemAdmin(ctx);
  await assertCodeFree(db, 'unit_type', input.code, id);
  const values = {
    code: input.code,
    name: input.name,
    is_party: input.isParty,
    sort_order: input.sortOrder,
    active: input.active,
  };
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = id
      ? await trx.selectFrom('unit_type').selectAll().where('id', '=', id).executeTakeFirst()
      : undefined;
    if (id && !before) throw notFound(`loại đơn vị có mã số ${id}`);
    const row = id
      ? await trx.updateTable('unit_type').set(values).where('id', '=', id).returning('id').executeTakeFirstOrThrow()
      : await trx.insertInto('unit_type').values(values).returning('id').executeTakeFirstOrThrow();
    await audit({
      action: id ? 'org.type.updated' : 'org.type.created',
      entityType: 'unit_type',
      entityId: row.id,
      unitId: null,
      summary: `${id ? 'Sửa' : 'Thêm'} loại đơn vị "${input.name}"`,
      before,
      after: values,
    });
    return row.id;
  });
}

export interface LevelInput {
  code: string;
  name: string;
  rank: number;
  active: boolean;
}

export async function saveLevel(db: Kysely<DB>, ctx: RequestContext, input: LevelInput, id?: number): Promise<number> {
  assertSystemAdmin(ctx);
  await assertCodeFree(db, 'org_level', input.code, id);
  const values = { code: input.code, name: input.name, rank: input.rank, active: input.active };
  return writeTransaction(db, ctx, async ({ trx, audit }) => {
    const before = id
      ? await trx.selectFrom('org_level').selectAll().where('id', '=', id).executeTakeFirst()
      : undefined;
    if (id && !before) throw notFound(`cấp có mã số ${id}`);
    const row = id
      ? await trx.updateTable('org_level').set(values).where('id', '=', id).returning('id').executeTakeFirstOrThrow()
      : await trx.insertInto('org_level').values(values).returning('id').executeTakeFirstOrThrow();
    await audit({
      action: id ? 'org.level.updated' : 'org.level.created',
      entityType: 'org_level',
      entityId: row.id,
      unitId: null,
      summary: `${id ? 'Sửa' : 'Thêm'} cấp "${input.name}"`,
      before,
      after: values,
    });
    return row.id;
  });
}
