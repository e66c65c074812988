/**
 * When units end, their models and exemplars on the list pass to the successors as dated changes of owner
 * (registry/commands/change-owner.ts), inside the org command's transaction — the hook the restructuring
 * commands take (org/commands/succession-hook.ts). Org may not know the registry; this module stands above both.
 *
 * - merge: every active entry of each source passes to the target;
 * - split: each goes where `entryTargets` routes it; absent from the map, an exemplar follows its person (the
 *   new unit the person passed to) and a model must be routed — unless the source is kept, where it stays;
 * - dissolve: refused (UNIT_HAS_ACTIVE_ENTRIES, listing them) while the unit owns active entries: the operator
 *   transfers them out, removes them or moves them to another unit first.
 *
 * Entries hang on the unit that owns them directly: sub-units keep theirs and move with their subtree.
 */
import type { Transaction } from 'kysely';
import { formatDateVi } from '../../common/dates.ts';
import type { FieldIssue } from '../../common/errors.ts';
import { upperFirst } from '../../common/vn-text.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../lib/errors.ts';
import type { OnSuccession, UnitSuccession } from '../org/commands/succession-hook.ts';
import { changeEntryOwner } from '../registry/commands/change-owner.ts';

interface ActiveEntry {
  id: number;
  kind: 'model' | 'exemplar';
  name: string;
  owner_unit_id: number;
  person_unit_id: number | null;
}

const label = (e: Pick<ActiveEntry, 'kind' | 'name'>) => `${e.kind === 'model' ? 'mô hình' : 'điển hình'} "${e.name}"`;

async function activeEntriesOf(trx: Transaction<DB>, unitIds: number[]): Promise<ActiveEntry[]> {
  return trx
    .selectFrom('registry_entry as e')
    .leftJoin('person as p', 'p.id', 'e.person_id')
    .select(['e.id', 'e.kind', 'e.name', 'e.owner_unit_id', 'p.unit_id as person_unit_id'])
    .where('e.owner_unit_id', 'in', unitIds)
    .where('e.status', '=', 'active')
    .orderBy('e.id')
    .execute();
}

/** Where each entry goes (entry id → successor unit id); entries left out stay (a kept source). */
function routeSplit(s: UnitSuccession, entries: ActiveEntry[]): Map<number, number> {
  const issues: FieldIssue[] = [];
  const ids = new Set(entries.map((e) => String(e.id)));
  for (const [id, index] of Object.entries(s.entryTargets)) {
    if (!ids.has(id))
      issues.push({
        field: `entryTargets.${id}`,
        message: `Mô hình, điển hình có mã số ${id} không thuộc đơn vị bị chia tách hoặc không còn trong danh sách.`,
      });
    else if (!Number.isInteger(index) || index < 0 || index >= s.targetIds.length)
      issues.push({ field: `entryTargets.${id}`, message: `Không có đơn vị mới thứ ${index + 1}.` });
  }
  const routes = new Map<number, number>();
  for (const e of entries) {
    const index = s.entryTargets[String(e.id)];
    if (index !== undefined) {
      const target = s.targetIds[index];
      if (target !== undefined) routes.set(e.id, target);
    } else if (e.kind === 'exemplar' && e.person_unit_id !== null && s.targetIds.includes(e.person_unit_id)) {
      routes.set(e.id, e.person_unit_id);
    } else if (!s.keepSource) {
      issues.push({
        field: `entryTargets.${e.id}`,
        message: `Chưa chọn đơn vị tiếp nhận cho ${label(e)}.`,
      });
    }
  }
  if (issues.length > 0)
    throw new AppError(
      'VALIDATION',
      `Chưa chuyển được ${issues.length} mô hình, điển hình khi chia tách: ${issues.map((i) => i.message).join(' ')}`,
      issues,
    );
  return routes;
}

export const carryEntries: OnSuccession = async (trx, ctx, audit, s) => {
  const entries = await activeEntriesOf(trx, s.sourceIds);
  if (s.kind === 'dissolve') {
    if (entries.length === 0) return null;
    const shown = entries.slice(0, 5).map(label).join(', ');
    throw new AppError(
      'UNIT_HAS_ACTIVE_ENTRIES',
      `Đơn vị còn ${entries.length} mô hình, điển hình trong danh sách (${shown}${entries.length > 5 ? ', …' : ''}); hãy chuyển đơn vị quản lý, chuyển đi hoặc đưa ra khỏi danh sách trước khi giải thể.`,
      undefined,
      entries.map((e) => ({ id: e.id, name: e.name })),
    );
  }
  const routes = s.kind === 'merge' ? new Map(entries.map((e) => [e.id, s.targetIds[0]!])) : routeSplit(s, entries);
  const cause = upperFirst(s.cause);
  for (const [entryId, toUnitId] of routes) {
    await changeEntryOwner(trx, ctx, audit, {
      entryId,
      toUnitId,
      date: s.date,
      reason: `${cause} từ ${formatDateVi(s.date)}`,
      orgEventId: s.eventId,
    });
  }
  return routes.size > 0 ? `chuyển ${routes.size} mô hình, điển hình` : null;
};
