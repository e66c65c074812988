/**
 * Vietnamese text helpers shared by server and web: diacritic-insensitive
 * folding for search, and sort keys that order names the way Vietnamese lists
 * do (given name, then middle, then family name; alphabet a ă â b c d đ e ê …;
 * tones ngang < huyền < hỏi < ngã < sắc < nặng).
 */

const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const TONES: Record<string, number> = {
  '\u0300': 1, // huyền
  '\u0309': 2, // hỏi
  '\u0303': 3, // ngã
  '\u0301': 4, // sắc
  '\u0323': 5, // nặng
};
const MODIFIERS: Record<string, Record<string, string>> = {
  '\u0306': { a: 'ă' },
  '\u0302': { a: 'â', e: 'ê', o: 'ô' },
  '\u031b': { o: 'ơ', u: 'ư' },
};
const COMBINING = /[\u0300-\u036f]/;

/** Lower-case, strip every diacritic, đ → d, collapse spaces: "Nguyễn  Thị" → "nguyen thi". */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Collapse runs of white space and trim; keeps the text as the user wrote it otherwise. */
export function normalizeSpaces(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

interface LetterKey {
  primary: string;
  tones: string;
}

function wordKey(word: string): LetterKey {
  const chars = [...word.toLowerCase().normalize('NFD')];
  let primary = '';
  let tones = '';
  for (let i = 0; i < chars.length; i++) {
    let base = chars[i]!;
    if (COMBINING.test(base)) continue;
    let tone = 0;
    while (i + 1 < chars.length && COMBINING.test(chars[i + 1]!)) {
      const mark = chars[++i]!;
      const modified = MODIFIERS[mark]?.[base];
      if (modified) base = modified;
      else if (TONES[mark] !== undefined) tone = TONES[mark]!;
    }
    const index = ALPHABET.indexOf(base);
    if (index >= 0) {
      primary += String.fromCharCode(0x41 + index);
      tones += String(tone);
    } else if (/[0-9]/.test(base)) {
      primary += base; // digits sort before letters
      tones += '0';
    }
    // spaces, hyphens and punctuation carry no weight
  }
  return { primary, tones };
}

/** Sort key for one piece of text in Vietnamese alphabetical order (compare with collation "C"). */
export function vietnameseSortKey(text: string): string {
  const words = normalizeSpaces(text).split(' ').map(wordKey);
  return words.map((w) => w.primary).join('!') + '"' + words.map((w) => w.tones).join('');
}

export interface NameParts {
  familyName: string;
  middleName: string;
  givenName: string;
}

/** "Nguyễn Thị Ngọc Bích" → family "Nguyễn", middle "Thị Ngọc", given "Bích". */
export function splitVietnameseName(fullName: string): NameParts {
  const words = normalizeSpaces(fullName).split(' ').filter(Boolean);
  if (words.length === 0) return { familyName: '', middleName: '', givenName: '' };
  if (words.length === 1) return { familyName: '', middleName: '', givenName: words[0]! };
  return {
    familyName: words[0]!,
    middleName: words.slice(1, -1).join(' '),
    givenName: words[words.length - 1]!,
  };
}

/**
 * Sort key for a person's name as Vietnamese lists order it: by given name,
 * then middle name, then family name, letters before tones.
 */
export function personNameSortKey(fullName: string): string {
  const { familyName, middleName, givenName } = splitVietnameseName(fullName);
  const parts = [givenName, middleName, familyName].map((p) => (p ? normalizeSpaces(p).split(' ').map(wordKey) : []));
  const primary = parts.map((words) => words.map((w) => w.primary).join('!')).join('!!');
  const tones = parts.map((words) => words.map((w) => w.tones).join('')).join('');
  return `${primary}"${tones}`;
}

/** Compare two full names in Vietnamese list order. */
export function compareVietnameseNames(a: string, b: string): number {
  const ka = personNameSortKey(a);
  const kb = personNameSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Escape a user string for use inside a LIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The text with its first letter in upper case: a label or clause placed at the start of a sentence. */
export function upperFirst(text: string): string {
  return text.length === 0 ? text : `${text[0]!.toUpperCase()}${text.slice(1)}`;
}
