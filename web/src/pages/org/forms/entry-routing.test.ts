import { describe, expect, it } from 'vitest';
import { defaultEntryTarget, entryTargetsBody, unroutedEntries, type RoutedEntry } from './entry-routing.ts';

const model: RoutedEntry = { id: 1, kind: 'model', name: 'Dân vận khéo', personUnitId: null };
const own: RoutedEntry = { id: 2, kind: 'exemplar', name: 'Nguyễn Thị Lan', personUnitId: 10 };
const inChild: RoutedEntry = { id: 3, kind: 'exemplar', name: 'Trần Văn Hùng', personUnitId: 11 };
const elsewhere: RoutedEntry = { id: 4, kind: 'exemplar', name: 'Lê Thu Hà', personUnitId: 99 };
const split = { unitId: 10, keepSource: false, childTargets: { '11': 1 }, childIds: [11, 12] };

describe('split: routing of active entries', () => {
  it('sends an exemplar where its person goes and leaves a model to the operator', () => {
    expect(defaultEntryTarget(own, split)).toBe(0);
    expect(defaultEntryTarget(inChild, split)).toBe(1);
    expect(defaultEntryTarget({ ...inChild, personUnitId: 12 }, split)).toBe(0); // sub-unit not routed: the first
    expect(defaultEntryTarget(elsewhere, split)).toBeNull();
    expect(defaultEntryTarget(model, split)).toBeNull();
    // A kept unit keeps its own people, so their exemplars stay unless chosen.
    expect(defaultEntryTarget(own, { ...split, keepSource: true })).toBeNull();
  });

  it('names what is left unrouted, nothing when the unit is kept', () => {
    const all = [model, own, inChild, elsewhere];
    expect(unroutedEntries(all, {}, split).map((e) => e.id)).toEqual([1, 4]);
    expect(unroutedEntries(all, { '1': 1, '4': 0 }, split)).toEqual([]);
    expect(unroutedEntries(all, {}, { ...split, keepSource: true })).toEqual([]);
  });

  it('sends every target explicitly, the operator’s choice over the default, none beyond the targets', () => {
    const all = [model, own, inChild, elsewhere];
    expect(entryTargetsBody(all, { '1': 1, '2': 1 }, split, 2)).toEqual({ '1': 1, '2': 1, '3': 1 });
    expect(entryTargetsBody(all, { '1': 5 }, split, 2)).toEqual({ '2': 0, '3': 1 });
  });
});
