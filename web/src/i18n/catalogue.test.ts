import { describe, expect, test } from 'vitest';
import { en, vi, viParts } from './catalogues.ts';
import { format, setCatalogue, t } from './index.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  test('vi.json and en.json have exactly the same keys', () => {
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    expect(viKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(enKeys.filter((k) => !viKeys.includes(k))).toEqual([]);
  });

  test('no key is defined in two catalogue files', () => {
    const seen = new Map<string, number>();
    viParts.forEach((part, i) => {
      for (const key of Object.keys(part)) {
        expect(seen.has(key), `${key} is in catalogue files ${seen.get(key)} and ${i}`).toBe(false);
        seen.set(key, i);
      }
    });
  });

  test('no message is empty, and both languages use the same placeholders', () => {
    for (const [key, text] of Object.entries(vi)) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders((en as Record<string, string>)[key] ?? ''), key).toEqual(placeholders(text));
    }
  });

  test('t() fills placeholders and keeps unknown ones visible', () => {
    expect(t('org.done.created', { name: 'Chi bộ 4' })).toBe('Đã thêm đơn vị "Chi bộ 4".');
    expect(format('{a} và {b}', { a: 1 })).toBe('1 và {b}');
  });

  test('the English catalogue can be switched in', () => {
    setCatalogue(en);
    expect(t('menu.audit')).toBe('Audit log');
    setCatalogue(vi);
    expect(t('menu.audit')).toBe('Nhật ký hệ thống');
  });
});
