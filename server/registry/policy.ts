/**
 * Who may see and change registry entries.
 *
 * - Read: registry.read on the owner unit (by its current path), or an active
 *   monitor assignment (người phụ trách theo dõi) of the actor on the entry —
 *   assigned users see the entry read-only even outside their grants.
 *   Outside that, an entry does not exist (404).
 * - Write (register, edit a draft, submit, record activities and content
 *   changes): registry.write on the owner unit (reporters: their own unit).
 * - Approve (accept, return, level changes, removal, replacement, transfer,
 *   reinstatement, monitor assignment): registry.approve on the owner unit
 *   through a grant whose unit sits at the entry's level or above it — "the
 *   operator of that level": a bloc operator approves grassroots and bloc
 *   entries of its subtree, a province-level entry needs the province.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { isSystemAdmin, pathInScope, scopeOf, type Actor, type RequestContext } from '../lib/context.ts';
import { forbidden, invalid, notFound } from '../lib/errors.ts';
import { ROLE_ACTIONS, ROLE_REACH } from '../../common/roles.ts';
import { todayInVietnam } from '../../common/dates.ts';
import { getEntry, type EntryDetailRow } from './queries.ts';

export interface UnitPath {
  id: number;
  path: string;
}

export function canWriteUnit(actor: Actor, unit: UnitPath): boolean {
  return pathInScope(scopeOf(actor, 'registry.write'), unit.id, unit.path);
}

export function canReadUnit(actor: Actor, unit: UnitPath): boolean {
  return pathInScope(scopeOf(actor, 'registry.read'), unit.id, unit.path);
}

/** The approve grants of an actor, each with the level rank of the granted unit. */
export interface ApproveReach {
  all: boolean;
  grants: Array<{ unitId: number; path: string; rank: number; subtree: boolean }>;
}

export async function approveReach(db: Kysely<DB>, actor: Actor): Promise<ApproveReach> {
  if (isSystemAdmin(actor)) return { all: true, grants: [] };
  const grants = actor.grants.filter((g) => ROLE_ACTIONS[g.role].includes('registry.approve'));
  if (grants.length === 0) return { all: false, grants: [] };
  const ranks = await db
    .selectFrom('org_unit_version as v')
    .innerJoin('org_level as l', 'l.id', 'v.level_id')
    .select(['v.unit_id', 'l.rank'])
    .where('v.unit_id', 'in', [...new Set(grants.map((g) => g.unitId))])
    .orderBy('v.valid_from', 'asc')
    .orderBy('v.id', 'asc')
    .execute();
  const rankOf = new Map<number, number>();
  for (const r of ranks) rankOf.set(r.unit_id, r.rank); // the latest version wins
  return {
    all: false,
    grants: grants.map((g) => ({
      unitId: g.unitId,
      path: g.path,
      rank: rankOf.get(g.unitId) ?? Number.MAX_SAFE_INTEGER,
      subtree: ROLE_REACH[g.role] === 'subtree',
    })),
  };
}

/**
 * For a command that may also run as the system's own work (demo data, tests' set-up): the system reaches
 * everything, a context without an actor nothing.
 */
export async function contextReach(db: Kysely<DB>, ctx: RequestContext): Promise<ApproveReach> {
  if (ctx.system) return { all: true, grants: [] };
  return ctx.actor ? approveReach(db, ctx.actor) : { all: false, grants: [] };
}

/** May the reach approve an entry of `owner` at a level of rank `levelRank` (smaller rank = higher level)? */
export function canApproveAt(reach: ApproveReach, owner: UnitPath, levelRank: number): boolean {
  if (reach.all) return true;
  return reach.grants.some((g) => {
    const covers = g.subtree ? owner.path === g.path || owner.path.startsWith(`${g.path}.`) : owner.id === g.unitId;
    return covers && g.rank <= levelRank;
  });
}

export type EntryMode = 'read' | 'write' | 'approve';

/**
 * Load an entry for an action: outside the read scope it does not exist
 * (404); readable but not writable (or not approvable at its level) is 403.
 */
export async function loadEntryFor(
  db: Kysely<DB>,
  actor: Actor,
  id: number,
  mode: EntryMode,
  asOf = todayInVietnam(),
): Promise<EntryDetailRow> {
  const entry = await getEntry(db, actor, id, asOf);
  if (!entry) throw notFound(`mô hình, điển hình có mã số ${id}`);
  if (mode === 'read') return entry;
  const owner = { id: entry.owner_unit_id, path: entry.owner_path };
  if (mode === 'write' && !canWriteUnit(actor, owner)) {
    throw forbidden(`Bạn không có quyền thay đổi hồ sơ mô hình, điển hình của "${entry.owner_name}".`);
  }
  if (mode === 'approve' && !canApproveAt(await approveReach(db, actor), owner, entry.level_rank)) {
    throw forbidden(
      `Việc này thuộc thẩm quyền của cán bộ nghiệp vụ ${entry.level_name.toLowerCase()} quản lý "${entry.owner_name}".`,
    );
  }
  return entry;
}

/** The approver must also reach another level (level changes, reinstatement at a new level): 403 otherwise. */
export async function assertCanApproveLevel(
  db: Kysely<DB>,
  actor: Actor,
  owner: UnitPath & { name: string },
  levelId: number,
): Promise<void> {
  const level = await db.selectFrom('org_level').select(['name', 'rank']).where('id', '=', levelId).executeTakeFirst();
  if (!level) throw invalid('levelId', `Không tìm thấy cấp có mã số ${levelId}.`);
  if (!canApproveAt(await approveReach(db, actor), owner, level.rank)) {
    throw forbidden(
      `Bạn không có quyền đưa mô hình, điển hình của "${owner.name}" vào danh sách ${level.name.toLowerCase()}.`,
    );
  }
}
