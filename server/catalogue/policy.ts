/**
 * Who may see and change a field. Seeing: global fields, and fields owned by
 * a unit in the actor's scope or lineage (else 404). Changing: system
 * administrators for global fields; catalogue.write on the owner unit for an
 * organisation's own (else 403).
 */
import type { Kysely } from 'kysely';
import type { TCriteriaSet } from '../../common/schemas/catalogue.ts';
import type { DB } from '../db/schema.ts';
import { isSystemAdmin, pathInScope, scopeOf, type Actor } from '../lib/context.ts';
import { forbidden, notFound } from '../lib/errors.ts';
import { loadUnitFor, type UnitRef } from '../org/unit-access.ts';
import { CATALOGUE_READ, getCriteriaSet, getField, type FieldView } from './queries.ts';

export function canWriteField(
  actor: Actor,
  field: { owner_unit_id: number | null; owner_path: string | null },
): boolean {
  if (field.owner_unit_id === null || field.owner_path === null) return isSystemAdmin(actor);
  return pathInScope(scopeOf(actor, 'catalogue.write'), field.owner_unit_id, field.owner_path);
}

export function assertMayWriteField(
  actor: Actor,
  field: { owner_unit_id: number | null; owner_path: string | null; name: string },
): void {
  if (canWriteField(actor, field)) return;
  throw forbidden(
    field.owner_unit_id === null
      ? `Lĩnh vực "${field.name}" dùng chung cho toàn hệ thống; chỉ quản trị hệ thống được thay đổi.`
      : `Bạn không có quyền quản lý danh mục của đơn vị sở hữu lĩnh vực "${field.name}".`,
  );
}

export async function loadFieldFor(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  mode: 'read' | 'write',
): Promise<FieldView> {
  const field = await getField(db, actor, id);
  if (!field) throw notFound(`lĩnh vực có mã số ${id}`);
  if (mode === 'write') assertMayWriteField(actor, field);
  return field;
}

/** The owner of a new field: null (global) for system administrators only; otherwise a unit with catalogue.write. */
export async function loadFieldOwnerFor(
  db: Kysely<DB>,
  actor: Actor,
  ownerUnitId: number | null,
): Promise<UnitRef | null> {
  if (ownerUnitId !== null) return loadUnitFor(db, actor, ownerUnitId, CATALOGUE_READ, 'catalogue.write');
  if (!isSystemAdmin(actor))
    throw forbidden('Chỉ quản trị hệ thống được thêm lĩnh vực dùng chung; hãy chọn đơn vị sở hữu lĩnh vực.');
  return null;
}

/** A criteria set whose field the actor may see (otherwise 404). */
export async function loadCriteriaSetFor(db: Kysely<DB>, actor: Actor, id: number): Promise<TCriteriaSet> {
  const set = await getCriteriaSet(db, id);
  if (!set || !(await getField(db, actor, set.fieldId))) throw notFound(`bộ tiêu chí có mã số ${id}`);
  return set;
}
