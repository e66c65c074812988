import type { TLevel, TUnitDetail } from '../../../api/types.ts';
import { today } from '../../../lib/dates.ts';

/** The level one step below the parent's (by rank), as a sensible default for a new sub-unit. */
export function levelBelow(levels: TLevel[] | undefined, parentLevelId: number | undefined): number | undefined {
  if (!levels || parentLevelId === undefined) return undefined;
  const parent = levels.find((l) => l.id === parentLevelId);
  if (!parent) return undefined;
  return [...levels].filter((l) => l.active && l.rank > parent.rank).sort((a, b) => a.rank - b.rank)[0]?.id;
}

export function changeDefaults() {
  return { effectiveDate: today(), documentId: null, note: null };
}

export function parentRef(unit: TUnitDetail) {
  return unit.parentId ? [{ id: unit.parentId, name: unit.parentName ?? '' }] : [];
}
