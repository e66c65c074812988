/**
 * The pure part of RemoteSelect: which options a search-as-you-type select shows and what its empty list says.
 * Kept apart from React so the rules are unit-tested.
 */

export interface RemoteOption<T> {
  value: number;
  label: string;
  item: T;
}

/**
 * The options for the current search: the items found, plus every chosen item that the search did not find,
 * listed first, so a chosen value keeps its label however the list changes. Items remembered but no longer
 * chosen are dropped.
 */
export function mergeOptions<T>(
  found: readonly T[],
  remembered: readonly T[],
  selected: readonly number[],
  idOf: (item: T) => number,
  labelOf: (item: T) => string,
): RemoteOption<T>[] {
  const foundIds = new Set(found.map(idOf));
  const chosen = new Set(selected);
  const kept = new Map<number, T>();
  for (const item of remembered) {
    const id = idOf(item);
    if (chosen.has(id) && !foundIds.has(id)) kept.set(id, item);
  }
  return [...kept.values(), ...found].map((item) => ({ value: idOf(item), label: labelOf(item), item }));
}

/** Remember the chosen items among the options (newest label wins), forgetting none chosen earlier. */
export function rememberChosen<T>(
  remembered: readonly T[],
  options: readonly RemoteOption<T>[],
  chosen: readonly number[],
  idOf: (item: T) => number,
): T[] {
  const byId = new Map<number, T>(remembered.map((item) => [idOf(item), item]));
  for (const option of options) if (chosen.includes(option.value)) byId.set(option.value, option.item);
  return [...byId.values()];
}

export interface EmptyTexts {
  notFound: string;
  /** Shown when the search failed; without it, a failure reads as "not found". */
  unavailable?: string;
  /** Shown before anything is typed; without it, "not found". */
  typeToSearch?: string;
}

/** What the empty dropdown says: the failure, the search under way, an invitation to type, or "not found". */
export function emptyText(
  state: { failed: boolean; fetching: boolean; query: string },
  texts: EmptyTexts,
  searching: string,
): string {
  if (state.failed && texts.unavailable) return texts.unavailable;
  if (state.fetching) return searching;
  if (!state.query && texts.typeToSearch) return texts.typeToSearch;
  return texts.notFound;
}
