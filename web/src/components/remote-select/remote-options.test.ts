/** What a search-as-you-type select offers while the search changes, and what its empty list says. */
import { describe, expect, it } from 'vitest';
import { emptyText, mergeOptions, rememberChosen } from './remote-options.ts';

interface Unit {
  id: number;
  name: string;
}
const idOf = (u: Unit) => u.id;
const labelOf = (u: Unit) => u.name;
const hanoi = { id: 1, name: 'Hà Nội' };
const hue = { id: 2, name: 'Huế' };
const caoBang = { id: 3, name: 'Cao Bằng' };

describe('mergeOptions', () => {
  it('offers what the search found, in its order', () => {
    expect(mergeOptions([hue, hanoi], [], [], idOf, labelOf)).toEqual([
      { value: 2, label: 'Huế', item: hue },
      { value: 1, label: 'Hà Nội', item: hanoi },
    ]);
  });

  it('keeps a chosen value the search no longer finds, first, with its label', () => {
    expect(mergeOptions([hue], [hanoi], [1], idOf, labelOf).map((o) => o.label)).toEqual(['Hà Nội', 'Huế']);
  });

  it('drops remembered items that are no longer chosen', () => {
    expect(mergeOptions([hue], [hanoi, caoBang], [3], idOf, labelOf).map((o) => o.value)).toEqual([3, 2]);
  });

  it('lists a chosen item found again once, with the label the server gives now', () => {
    const renamed = { id: 1, name: 'Thủ đô Hà Nội' };
    expect(mergeOptions([renamed], [hanoi], [1], idOf, labelOf)).toEqual([
      { value: 1, label: 'Thủ đô Hà Nội', item: renamed },
    ]);
  });
});

describe('rememberChosen', () => {
  it('adds the chosen options and keeps what was remembered before', () => {
    const options = mergeOptions([hue, caoBang], [], [], idOf, labelOf);
    expect(rememberChosen([hanoi], options, [2], idOf)).toEqual([hanoi, hue]);
  });
});

describe('emptyText', () => {
  const texts = { notFound: 'không thấy', unavailable: 'lỗi', typeToSearch: 'gõ để tìm' };
  it.each([
    [{ failed: true, fetching: false, query: 'a' }, texts, 'lỗi'],
    [{ failed: false, fetching: true, query: 'a' }, texts, 'đang tìm'],
    [{ failed: false, fetching: false, query: '' }, texts, 'gõ để tìm'],
    [{ failed: false, fetching: false, query: 'a' }, texts, 'không thấy'],
    [{ failed: true, fetching: false, query: 'a' }, { notFound: 'không thấy' }, 'không thấy'],
    [{ failed: false, fetching: false, query: '' }, { notFound: 'không thấy' }, 'không thấy'],
  ])('%o with %o says %s', (state, given, expected) => {
    expect(emptyText(state, given, 'đang tìm')).toBe(expected);
  });
});
