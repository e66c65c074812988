/**
 * Where each active entry of a unit goes when the unit is split (pure logic, shared by the split dialog and its
 * tests). Mirrors the server's rule (POST /org/units/:id/split, entryTargets): an exemplar follows its person — a
 * person of the unit itself goes to the first new unit (or stays when the unit is kept), a person of a sub-unit
 * goes where that sub-unit goes — and a model must be chosen, unless the unit is kept (then it may stay).
 */

/** What the routing needs of an active entry (GET /org/units/:id/active-entries). */
export interface RoutedEntry {
  id: number;
  kind: 'model' | 'exemplar';
  name: string;
  personUnitId: number | null;
}

export interface SplitShape {
  /** The unit being split. */
  unitId: number;
  keepSource: boolean;
  /** Sub-unit id → index of the new unit that takes it (0 when not chosen, as the server does). */
  childTargets: Record<string, number | null | undefined>;
  /** Sub-units of the unit, whose people follow them. */
  childIds: number[];
}

/** The default target index of an entry, or null when the operator must choose (or, kept, it stays). */
export function defaultEntryTarget(entry: RoutedEntry, split: SplitShape): number | null {
  if (entry.kind === 'model' || entry.personUnitId === null) return null;
  if (entry.personUnitId === split.unitId) return split.keepSource ? null : 0;
  if (split.childIds.includes(entry.personUnitId)) return split.childTargets[String(entry.personUnitId)] ?? 0;
  return null;
}

/** The entry's target: the operator's choice, else the default. */
export function entryTarget(
  entry: RoutedEntry,
  chosen: Record<string, number | null | undefined>,
  split: SplitShape,
): number | null {
  return chosen[String(entry.id)] ?? defaultEntryTarget(entry, split);
}

/** Entries left without a target that the split would refuse: all of them unless the unit is kept. */
export function unroutedEntries(
  entries: RoutedEntry[],
  chosen: Record<string, number | null | undefined>,
  split: SplitShape,
): RoutedEntry[] {
  if (split.keepSource) return [];
  return entries.filter((e) => entryTarget(e, chosen, split) === null);
}

/** The request's entryTargets: every entry with a target, explicit (so what the operator saw is what is sent). */
export function entryTargetsBody(
  entries: RoutedEntry[],
  chosen: Record<string, number | null | undefined>,
  split: SplitShape,
  targetCount: number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const entry of entries) {
    const target = entryTarget(entry, chosen, split);
    if (target !== null && target < targetCount) out[String(entry.id)] = target;
  }
  return out;
}
