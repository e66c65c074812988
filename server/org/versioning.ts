/**
 * The primitives every restructuring command is built from. History is
 * append-only in time per unit: a change takes effect on its date by closing
 * the open version ([valid_from, date)) and opening a new one from that date.
 * A change dated the same day as the open version amends it in place.
 * Changes must be recorded in date order for the units they touch.
 */
import { sql, type Transaction } from 'kysely';
import { foldVietnamese, vietnameseSortKey } from '../../common/vn-text.ts';
import { formatDateVi, todayInVietnam } from '../../common/dates.ts';
import type { DB, OrgEventKind, OrgEventUnitRole } from '../db/schema.ts';
import type { RequestContext } from '../lib/context.ts';
import { AppError, invalid } from '../lib/errors.ts';
import { assertCanRestructure } from './policy.ts';

export interface OpenVersion {
  id: number;
  unit_id: number;
  valid_from: string;
  name: string;
  short_name: string | null;
  type_id: number;
  level_id: number;
  parent_id: number | null;
  path: string;
  revision: number;
  ended_on: string | null;
}

export function nameColumns(name: string) {
  return { name, sort_key: vietnameseSortKey(name), search_text: foldVietnamese(name) };
}

export function assertNotFuture(date: string): void {
  if (date > todayInVietnam()) {
    throw invalid(
      'effectiveDate',
      `Ngày hiệu lực ${formatDateVi(date)} ở tương lai; chỉ ghi nhận thay đổi đã có hiệu lực.`,
    );
  }
}

/** The unit's open version (null if the unit does not exist or has ended), locked for update. */
export async function loadOpenVersion(trx: Transaction<DB>, unitId: number): Promise<OpenVersion | null> {
  const row = await trx
    .selectFrom('org_unit_version as v')
    .innerJoin('org_unit as u', 'u.id', 'v.unit_id')
    .select([
      'v.id',
      'v.unit_id',
      'v.valid_from',
      'v.name',
      'v.short_name',
      'v.type_id',
      'v.level_id',
      'v.parent_id',
      sql<string>`v.path::text`.as('path'),
      'u.revision',
      'u.ended_on',
    ])
    .where('v.unit_id', '=', unitId)
    .where('v.valid_to', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}

export function assertChronological(version: Pick<OpenVersion, 'valid_from' | 'name'>, date: string): void {
  if (version.valid_from > date) {
    throw invalid(
      'effectiveDate',
      `"${version.name}" đã có thay đổi hiệu lực từ ${formatDateVi(version.valid_from)}; không thể ghi nhận thay đổi có hiệu lực sớm hơn (${formatDateVi(date)}).`,
    );
  }
}

/** No unit in the subtree (rooted at `path`) may have a change dated after `date`. */
export async function assertSubtreeChronological(trx: Transaction<DB>, path: string, date: string): Promise<void> {
  const later = await trx
    .selectFrom('org_unit_version')
    .select(['name', 'valid_from'])
    .where(sql<boolean>`path <@ ${path}::ltree`)
    .where('valid_to', 'is', null)
    .where('valid_from', '>', date)
    .orderBy('valid_from', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (later) assertChronological(later, date);
}

export function assertRevision(version: Pick<OpenVersion, 'revision' | 'name'>, revision: number): void {
  if (version.revision !== revision) {
    throw new AppError(
      'CONFLICT',
      `Đơn vị "${version.name}" vừa được người khác thay đổi. Hãy tải lại để xem thông tin mới nhất; thay đổi của bạn chưa được lưu.`,
    );
  }
}

export async function bumpRevision(trx: Transaction<DB>, unitIds: number[]): Promise<void> {
  if (unitIds.length === 0) return;
  await trx
    .updateTable('org_unit')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', 'in', unitIds)
    .execute();
}

export async function assertDocumentExists(trx: Transaction<DB>, documentId: number | null): Promise<void> {
  if (documentId === null) return;
  const doc = await trx.selectFrom('document').select('id').where('id', '=', documentId).executeTakeFirst();
  if (!doc) throw invalid('documentId', `Không tìm thấy văn bản có mã số ${documentId} trong sổ văn bản.`);
}

export async function recordEvent(
  trx: Transaction<DB>,
  ctx: RequestContext,
  event: { kind: OrgEventKind; effectiveDate: string; documentId: number | null; note: string | null },
  units: Array<{ unitId: number; role: OrgEventUnitRole }>,
): Promise<number> {
  const { id } = await trx
    .insertInto('org_event')
    .values({
      kind: event.kind,
      effective_date: event.effectiveDate,
      document_id: event.documentId,
      note: event.note,
      created_by: ctx.actor?.userId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const unique = new Map(units.map((u) => [`${u.unitId}:${u.role}`, u]));
  if (unique.size > 0) {
    await trx
      .insertInto('org_event_unit')
      .values([...unique.values()].map((u) => ({ event_id: id, unit_id: u.unitId, role: u.role })))
      .execute();
  }
  return id;
}

export interface VersionChanges {
  name?: string;
  short_name?: string | null;
  type_id?: number;
  level_id?: number;
  parent_id?: number | null;
  path?: string;
}

/** Apply changes to one unit from `date`: amend the open version if it began that day, else close it and open a new one. */
export async function reviseVersion(
  trx: Transaction<DB>,
  open: OpenVersion,
  date: string,
  eventId: number,
  changes: VersionChanges,
): Promise<void> {
  const values = {
    short_name: changes.short_name === undefined ? open.short_name : changes.short_name,
    type_id: changes.type_id ?? open.type_id,
    level_id: changes.level_id ?? open.level_id,
    parent_id: changes.parent_id === undefined ? open.parent_id : changes.parent_id,
    path: changes.path ?? open.path,
    ...nameColumns(changes.name ?? open.name),
    event_id: eventId,
  };
  if (open.valid_from === date) {
    await trx.updateTable('org_unit_version').set(values).where('id', '=', open.id).execute();
    return;
  }
  await trx.updateTable('org_unit_version').set({ valid_to: date }).where('id', '=', open.id).execute();
  await trx
    .insertInto('org_unit_version')
    .values({ ...values, unit_id: open.unit_id, valid_from: date })
    .execute();
}

/** Close a unit's open version at `date` (the unit ends). A unit must exist at least one day, so a version that began that day cannot be closed. */
export async function closeVersion(trx: Transaction<DB>, open: OpenVersion, date: string): Promise<void> {
  if (open.valid_from === date) {
    throw invalid(
      'effectiveDate',
      `"${open.name}" mới có thay đổi hiệu lực từ chính ngày ${formatDateVi(date)}; đơn vị phải tồn tại ít nhất một ngày trước khi kết thúc.`,
    );
  }
  await trx.updateTable('org_unit_version').set({ valid_to: date }).where('id', '=', open.id).execute();
}

/**
 * Re-root a subtree from `date`: every open version whose path lies under
 * `oldPrefix` gets the path `newPrefix` + its remainder. `rootParent` sets the
 * new parent of the subtree's root; `reparent` moves the direct children of
 * one unit to another. With `excludeRoot` the unit at `oldPrefix` itself is
 * left alone (used when a merged unit's children pass to the target).
 * Set-based: a fixed number of statements whatever the subtree's size.
 */
export async function rebaseSubtree(
  trx: Transaction<DB>,
  options: {
    oldPrefix: string;
    newPrefix: string;
    date: string;
    eventId: number;
    excludeRoot?: boolean;
    rootParent?: { unitId: number; parentId: number | null };
    reparent?: { from: number; to: number };
  },
): Promise<number> {
  const { oldPrefix, newPrefix, date, eventId } = options;
  const rootId = Number(oldPrefix.split('.').pop());
  const inSubtree = sql<boolean>`path <@ ${oldPrefix}::ltree${options.excludeRoot ? sql` and unit_id <> ${rootId}` : sql``}`;
  const newParent = sql<number | null>`case
      when ${options.rootParent ? sql`unit_id = ${options.rootParent.unitId}` : sql`false`} then ${options.rootParent?.parentId ?? null}::int
      when ${options.reparent ? sql`parent_id = ${options.reparent.from}` : sql`false`} then ${options.reparent?.to ?? null}::int
      else parent_id end`;
  // subpath() refuses an empty remainder, so the subtree's root is handled apart.
  const rebased = (column: string) =>
    sql<string>`case when nlevel(${sql.ref(column)}) = nlevel(${oldPrefix}::ltree) then ${newPrefix}::ltree
      else ${newPrefix}::ltree || subpath(${sql.ref(column)}, nlevel(${oldPrefix}::ltree)) end`;
  const newPath = rebased('path');

  // Versions that began on this very day are amended in place.
  await trx
    .updateTable('org_unit_version')
    .set({ path: newPath, parent_id: newParent, event_id: eventId })
    .where('valid_to', 'is', null)
    .where('valid_from', '=', date)
    .where(inSubtree)
    .execute();

  // The others are closed, and reopened from `date` with the new path.
  const closed = await trx
    .updateTable('org_unit_version')
    .set({ valid_to: date })
    .where('valid_to', 'is', null)
    .where('valid_from', '<', date)
    .where(inSubtree)
    .returning([
      'unit_id',
      'name',
      'short_name',
      'type_id',
      'level_id',
      'parent_id',
      sql<string>`path::text`.as('path'),
      'sort_key',
      'search_text',
    ])
    .execute();
  const rows = closed.map((r) => ({
    unit_id: r.unit_id,
    valid_from: date,
    name: r.name,
    short_name: r.short_name,
    type_id: r.type_id,
    level_id: r.level_id,
    parent_id:
      options.rootParent && r.unit_id === options.rootParent.unitId
        ? options.rootParent.parentId
        : options.reparent && r.parent_id === options.reparent.from
          ? options.reparent.to
          : r.parent_id,
    path: r.path === oldPrefix ? newPrefix : newPrefix + r.path.slice(oldPrefix.length),
    sort_key: r.sort_key,
    search_text: r.search_text,
    event_id: eventId,
  }));
  for (let i = 0; i < rows.length; i += 1000) {
    await trx
      .insertInto('org_unit_version')
      .values(rows.slice(i, i + 1000))
      .execute();
  }

  // Scope follows the unit: current paths of every unit under the old prefix (ended ones too).
  await trx
    .updateTable('org_unit')
    .set({ current_path: rebased('current_path') })
    .where(sql<boolean>`current_path <@ ${oldPrefix}::ltree${options.excludeRoot ? sql` and id <> ${rootId}` : sql``}`)
    .execute();
  return rows.length;
}

/**
 * The guards every change to one existing unit runs first: it is still open,
 * the actor may restructure it, the revision is current, the date is in order
 * and the cited document exists. Returns its open version (locked).
 */
export async function loadForChange(
  trx: Transaction<DB>,
  ctx: RequestContext,
  unitId: number,
  change: { revision: number; effectiveDate: string; documentId: number | null },
): Promise<OpenVersion> {
  const open = await loadOpenVersion(trx, unitId);
  if (!open) throw new AppError('NOT_FOUND', `Không tìm thấy đơn vị đang hoạt động có mã số ${unitId}.`);
  assertCanRestructure(ctx, { id: unitId, path: open.path, name: open.name });
  assertRevision(open, change.revision);
  assertChronological(open, change.effectiveDate);
  await assertDocumentExists(trx, change.documentId);
  return open;
}
