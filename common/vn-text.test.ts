import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareVietnameseNames,
  escapeLike,
  foldVietnamese,
  personNameSortKey,
  splitVietnameseName,
  upperFirst,
  vietnameseSortKey,
} from './vn-text.ts';

/** The 29 letters of the Vietnamese alphabet, plus f, j, w, z found in loanwords and minority names. */
const LETTERS = [...'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz'];
const VOWELS = new Set([...'aăâeêioôơuưy']);
/** ngang, huyền, hỏi, ngã, sắc, nặng (as combining marks). */
const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'];

/** A letter, carrying a tone when it is a vowel; composed (NFC) as people type it. */
const letter = fc
  .tuple(fc.constantFrom(...LETTERS), fc.constantFrom(...TONES))
  .map(([l, tone]) => (VOWELS.has(l) ? l + tone : l).normalize('NFC'));
const word = fc.array(letter, { minLength: 1, maxLength: 7 }).map((ls) => ls.join(''));

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);
const byKey = (a: string, b: string) => {
  const ka = personNameSortKey(a);
  const kb = personNameSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

describe('Vietnamese sort keys', () => {
  it('order single words exactly as the ICU Vietnamese collator does', () => {
    const collator = new Intl.Collator('vi');
    fc.assert(
      fc.property(word, word, (a, b) => sign(byKey(a, b)) === sign(collator.compare(a, b))),
      { numRuns: 20_000 },
    );
  });

  it('ignore letter case, like the collator at accent sensitivity', () => {
    // Keys are built from lower-cased text: "AN" and "an" are the same name. The default
    // collator still tells them apart at the tertiary (case) level, so compare with one
    // that ignores case but not letters or tones.
    const collator = new Intl.Collator('vi', { sensitivity: 'accent' });
    const cased = fc.tuple(word, fc.boolean()).map(([w, upper]) => (upper ? w.toUpperCase() : w));
    fc.assert(
      fc.property(cased, cased, (a, b) => sign(byKey(a, b)) === sign(collator.compare(a, b))),
      { numRuns: 5_000 },
    );
  });

  it('put letters before tones: a < ă < â, d < đ, and ngang < huyền < hỏi < ngã < sắc < nặng', () => {
    const sorted = (words: string[]) =>
      [...words].sort((a, b) => (vietnameseSortKey(a) < vietnameseSortKey(b) ? -1 : 1));
    expect(sorted(['đa', 'âm', 'da', 'ăn', 'an'])).toEqual(['an', 'ăn', 'âm', 'da', 'đa']);
    expect(sorted(['mạ', 'má', 'mã', 'mả', 'mà', 'ma'])).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ']);
    // Letters decide before tones anywhere in the word: "mà" < "mab" though à > a.
    expect(sorted(['mab', 'mà'])).toEqual(['mà', 'mab']);
  });

  it('order full names by given name, then middle name, then family name', () => {
    const names = [
      'Trần Thanh Tùng',
      'Nguyễn Thị Ngọc Bích',
      'Tô Thị Thanh Mai',
      'Đỗ Tuấn Lương',
      'Nguyễn Trương Lương',
      'Hoàng Duy Võ',
    ];
    expect([...names].sort(compareVietnameseNames)).toEqual([
      'Nguyễn Thị Ngọc Bích',
      'Nguyễn Trương Lương',
      'Đỗ Tuấn Lương',
      'Tô Thị Thanh Mai',
      'Trần Thanh Tùng',
      'Hoàng Duy Võ',
    ]);
    // Composed and decomposed input give the same key.
    expect(personNameSortKey('Nguyễn Văn Ấn'.normalize('NFD'))).toBe(personNameSortKey('Nguyễn Văn Ấn'));
  });

  it('split names and fold text for search', () => {
    expect(splitVietnameseName(' Nguyễn  Thị Ngọc Bích ')).toEqual({
      familyName: 'Nguyễn',
      middleName: 'Thị Ngọc',
      givenName: 'Bích',
    });
    expect(splitVietnameseName('Bích')).toEqual({ familyName: '', middleName: '', givenName: 'Bích' });
    expect(foldVietnamese('  ĐỖ Tuấn   Lương ')).toBe('do tuan luong');
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
  });
});

describe('upperFirst', () => {
  it('raises only the first letter, diacritics and đ included', () => {
    expect(upperFirst('điển hình "Nguyễn Văn A"')).toBe('Điển hình "Nguyễn Văn A"');
    expect(upperFirst('ủy ban')).toBe('Ủy ban');
    expect(upperFirst('mô hình')).toBe('Mô hình');
    expect(upperFirst('')).toBe('');
  });
});
