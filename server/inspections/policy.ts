/**
 * Who may see and change inspections (kiểm tra, giám sát).
 *
 * - Read: the inspecting unit (owner_unit_id) lies in the actor's
 *   registry.read scope, or the inspection covers an entry the actor may read
 *   (so the inspected unit, and the entry's monitors, see it). Outside that it
 *   does not exist (404).
 * - Write (edit, findings, conclusion, follow-ups): inspections.write on the
 *   inspecting unit; readable but not writable is 403.
 */
import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from '../db/schema.ts';
import { pathInScope, scopeOf, unitInScope, type Actor } from '../lib/context.ts';
import { forbidden, notFound } from '../lib/errors.ts';
import { findUnitRef } from '../org/unit-access.ts';
import { entryReadable } from '../registry/entry-scope.ts';

type Column = Expression<unknown> | RawBuilder<unknown>;

/** SQL predicate: the actor may read the inspection. */
export function inspectionVisible(
  actor: Actor,
  inspectionIdColumn: Column,
  ownerUnitIdColumn: Column,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${unitInScope(scopeOf(actor, 'registry.read'), ownerUnitIdColumn)} or exists (
    select 1 from inspection_subject vs join registry_entry ven on ven.id = vs.entry_id
    where vs.inspection_id = ${inspectionIdColumn} and ${entryReadable(actor, sql.ref('ven.id'), sql.ref('ven.owner_unit_id'))}))`;
}

/** SQL predicate: a follow-up is visible — its inspection is, and its entry (if any) is readable. */
export function followupVisible(actor: Actor): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${inspectionVisible(actor, sql.ref('i.id'), sql.ref('i.owner_unit_id'))} and (fu.entry_id is null or exists (
    select 1 from registry_entry fen where fen.id = fu.entry_id and ${entryReadable(actor, sql.ref('fen.id'), sql.ref('fen.owner_unit_id'))})))`;
}

export function canWriteInspection(actor: Actor, owner: { id: number; path: string }): boolean {
  return pathInScope(scopeOf(actor, 'inspections.write'), owner.id, owner.path);
}

export interface InspectionRow {
  id: number;
  owner_unit_id: number;
  owner_path: string;
  owner_name: string;
  status: 'planned' | 'in_progress' | 'concluded';
  title: string;
  starts_on: string;
  revision: number;
}

/** The unit's latest name (the one unit-access lookup every area uses). */
async function latestUnitName(db: Kysely<DB>, unitId: number): Promise<string> {
  return (await findUnitRef(db, unitId))?.name ?? '';
}

/** Load an inspection for reading (404 outside) or writing (403 when only readable). */
export async function loadInspectionFor(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  mode: 'read' | 'write',
): Promise<InspectionRow> {
  const row = await db
    .selectFrom('inspection as i')
    .innerJoin('org_unit as ou', 'ou.id', 'i.owner_unit_id')
    .select([
      'i.id',
      'i.owner_unit_id',
      sql<string>`ou.current_path::text`.as('owner_path'),
      'i.status',
      'i.title',
      'i.starts_on',
      'i.revision',
    ])
    .where('i.id', '=', id)
    .where(inspectionVisible(actor, sql.ref('i.id'), sql.ref('i.owner_unit_id')))
    .executeTakeFirst();
  if (!row) throw notFound(`đợt kiểm tra, giám sát có mã số ${id}`);
  const owner_name = await latestUnitName(db, row.owner_unit_id);
  if (mode === 'write' && !canWriteInspection(actor, { id: row.owner_unit_id, path: row.owner_path })) {
    throw forbidden(`Chỉ cán bộ nghiệp vụ của "${owner_name}" mới thay đổi được đợt kiểm tra, giám sát này.`);
  }
  return { ...row, owner_name };
}

/** Load a follow-up and its inspection for closing: invisible is 404, not writable 403. */
export async function loadFollowupFor(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
): Promise<{ followupId: number; inspection: InspectionRow }> {
  const row = await db
    .selectFrom('inspection_followup as fu')
    .innerJoin('inspection as i', 'i.id', 'fu.inspection_id')
    .select(['fu.id', 'fu.inspection_id'])
    .where('fu.id', '=', id)
    .where(followupVisible(actor))
    .executeTakeFirst();
  if (!row) throw notFound(`việc phải làm sau kiểm tra có mã số ${id}`);
  return { followupId: row.id, inspection: await loadInspectionFor(db, actor, row.inspection_id, 'write') };
}
