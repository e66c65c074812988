import { describe, expect, it } from 'vitest';
import { matchesOf, normName, parsePastedNames, resolvePasted } from './pasted-names.ts';

const HEADER = 'Họ và tên';

const person = (id: number, fullName: string, position: string | null = null) => ({ id, fullName, position });

describe('parsePastedNames', () => {
  it('reads Excel rows: name, position and achievement separated by tabs', () => {
    const text = 'Nguyễn Văn An\tBí thư chi bộ\tHoàn thành xuất sắc nhiệm vụ\r\nTrần Thị Bình\tĐảng viên';
    expect(parsePastedNames(text, HEADER)).toEqual([
      {
        raw: 'Nguyễn Văn An\tBí thư chi bộ\tHoàn thành xuất sắc nhiệm vụ',
        name: 'Nguyễn Văn An',
        position: 'Bí thư chi bộ',
        achievement: 'Hoàn thành xuất sắc nhiệm vụ',
      },
      { raw: 'Trần Thị Bình\tĐảng viên', name: 'Trần Thị Bình', position: 'Đảng viên', achievement: '' },
    ]);
  });

  it('skips blank lines, lines without a name and the column title row in any case or spacing', () => {
    const text = ['HỌ  VÀ TÊN\tChức vụ\tThành tích', '', '   ', '\tPhó bí thư', '  Lê Văn Cường  \t Kế toán '].join(
      '\n',
    );
    expect(parsePastedNames(text, HEADER)).toEqual([
      { raw: 'Lê Văn Cường  \t Kế toán', name: 'Lê Văn Cường', position: 'Kế toán', achievement: '' },
    ]);
  });

  it('keeps a name alone on its line (no tabs) as a name without position', () => {
    expect(parsePastedNames('Phạm Thị Dung', HEADER)).toEqual([
      { raw: 'Phạm Thị Dung', name: 'Phạm Thị Dung', position: '', achievement: '' },
    ]);
  });

  it('returns nothing for a paste of titles and blanks only', () => {
    expect(parsePastedNames(`${HEADER}\n\n`, HEADER)).toEqual([]);
  });
});

describe('normName', () => {
  it('ignores case and spacing, and composed or decomposed diacritics alike', () => {
    expect(normName('  NGUYỄN   văn  An ')).toBe('nguyễn văn an');
    expect(normName('Nguye\u0302\u0303n')).toBe(normName('Nguyễn'));
  });

  it('keeps diacritics: names that differ only by them are different names', () => {
    expect(normName('Lê Văn Đức')).not.toBe(normName('Le Van Duc'));
    expect(normName('Nguyễn Thị Hà')).not.toBe(normName('Nguyễn Thị Hạ'));
  });
});

describe('matchesOf', () => {
  const found = [
    person(1, 'Nguyễn Văn An', 'Bí thư'),
    person(2, 'Nguyễn Văn An', 'Đảng viên'),
    person(3, 'Nguyễn Văn Anh', 'Bí thư'),
    person(4, 'Lê Văn Đức', null),
  ];

  it('matches the whole name, not a prefix, and not a name without its diacritics', () => {
    expect(matchesOf({ name: 'nguyễn văn anh', position: '' }, found).map((p) => p.id)).toEqual([3]);
    expect(matchesOf({ name: 'Le Van Duc', position: '' }, found)).toEqual([]);
  });

  it('narrows a shared name by the pasted position', () => {
    expect(matchesOf({ name: 'Nguyễn Văn An', position: '' }, found).map((p) => p.id)).toEqual([1, 2]);
    expect(matchesOf({ name: 'Nguyễn Văn An', position: 'đảng  viên' }, found).map((p) => p.id)).toEqual([2]);
  });

  it('keeps every namesake when the position matches none of them', () => {
    expect(matchesOf({ name: 'Nguyễn Văn An', position: 'Kế toán' }, found).map((p) => p.id)).toEqual([1, 2]);
  });
});

describe('resolvePasted', () => {
  const lines = parsePastedNames(
    ['An\tBí thư\tThành tích A', 'Không Ai', 'Hai Người', 'Bình', 'An\tBí thư', 'Cường'].join('\n'),
    HEADER,
  );
  const an = person(1, 'An');
  const binh = person(2, 'Bình');
  const cuong = person(3, 'Cường');
  const matches = [[an], [], [person(4, 'Hai Người'), person(5, 'Hai Người')], [binh], [an], [cuong]];

  it('adds each person once with the achievement pasted, reports duplicates and lines naming no one or several', () => {
    const result = resolvePasted(lines, matches, new Set([3]));
    expect(result.added).toEqual([
      { person: an, achievement: 'Thành tích A' },
      { person: binh, achievement: '' },
    ]);
    expect(result.duplicates).toBe(2);
    expect(result.unmatched).toEqual([
      { line: 'Không Ai', matches: 0 },
      { line: 'Hai Người', matches: 2 },
    ]);
  });

  it('shows an unmatched line with its cells joined by a dash', () => {
    const [line] = parsePastedNames('Không Ai\tBí thư\t\tGhi chú', HEADER);
    expect(resolvePasted([line!], [[]], new Set()).unmatched).toEqual([
      { line: 'Không Ai — Bí thư — Ghi chú', matches: 0 },
    ]);
  });

  it('does not change the set of people already listed', () => {
    const taken = new Set<number>();
    resolvePasted(lines, matches, taken);
    expect(taken.size).toBe(0);
  });
});
