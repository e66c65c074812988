/**
 * The names pasted into "Ghi nhận khen thưởng của đơn vị" from Excel: one
 * person a line, cells separated by tabs ("Họ và tên<TAB>Chức vụ<TAB>Thành
 * tích"), and how each line is matched to one person of the granting unit.
 * Pure: the modal looks the names up and turns the outcome into text.
 */

/** Names compared as written (diacritics matter in Vietnamese names), ignoring case and spacing. */
export const normName = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

export interface PastedLine {
  /** The line as pasted, trimmed: shown back when it matches no one. */
  raw: string;
  name: string;
  position: string;
  achievement: string;
}

/**
 * The lines that name someone: blank lines, lines with an empty first cell and
 * the column title row (its first cell is `headerName`, e.g. "Họ và tên") are skipped.
 */
export function parsePastedNames(text: string, headerName: string): PastedLine[] {
  const header = normName(headerName);
  return text
    .split(/\r?\n/)
    .map((raw) => ({ raw: raw.trim(), cells: raw.split('\t').map((c) => c.trim()) }))
    .filter((l) => l.cells[0] && normName(l.cells[0]) !== header)
    .map(({ raw, cells }) => ({ raw, name: cells[0] ?? '', position: cells[1] ?? '', achievement: cells[2] ?? '' }));
}

interface NamedPerson {
  id: number;
  fullName: string;
  position?: string | null;
}

/**
 * The people a line names among the search results: the same name; when
 * several share it, the position (if pasted) narrows them down.
 */
export function matchesOf<P extends NamedPerson>(
  line: Pick<PastedLine, 'name' | 'position'>,
  found: readonly P[],
): P[] {
  const matches = found.filter((p) => normName(p.fullName) === normName(line.name));
  if (matches.length > 1 && line.position) {
    const byPosition = matches.filter((p) => normName(p.position ?? '') === normName(line.position));
    if (byPosition.length > 0) return byPosition;
  }
  return matches;
}

export interface PasteResolution<P> {
  /** One person per line that named exactly one, not already among the rows, in the pasted order. */
  added: Array<{ person: P; achievement: string }>;
  /** Lines naming someone already listed (or named twice in the paste). */
  duplicates: number;
  /** Lines naming no one (`matches` 0) or several people (`matches` > 1); tabs shown as " — ". */
  unmatched: Array<{ line: string; matches: number }>;
}

/** Each line's matches (`matches[i]` for `lines[i]`) turned into rows, skipping people in `taken`. */
export function resolvePasted<P extends { id: number }>(
  lines: readonly PastedLine[],
  matches: readonly (readonly P[])[],
  taken: ReadonlySet<number>,
): PasteResolution<P> {
  const seen = new Set(taken);
  const result: PasteResolution<P> = { added: [], duplicates: 0, unmatched: [] };
  lines.forEach((line, i) => {
    const found = matches[i] ?? [];
    if (found.length !== 1) {
      result.unmatched.push({ line: line.raw.replace(/\t+/g, ' — '), matches: found.length });
      return;
    }
    const person = found[0]!;
    if (seen.has(person.id)) {
      result.duplicates += 1;
      return;
    }
    seen.add(person.id);
    result.added.push({ person, achievement: line.achievement });
  });
  return result;
}
