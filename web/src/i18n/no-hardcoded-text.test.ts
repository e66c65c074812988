/**
 * Every string the UI shows comes from the catalogue: no words written
 * directly as JSX text or in text-bearing attributes of the components.
 */
import { describe, expect, test } from 'vitest';

const sources = import.meta.glob<string>('../**/*.tsx', { query: '?raw', import: 'default', eager: true });

const JSX_TEXT = />[^<>{}=;()]*\p{L}{2,}[^<>{}]*<\//gu;
const TEXT_ATTRIBUTE =
  /\b(title|placeholder|label|okText|cancelText|tooltip|extra|description|aria-label|content)="[^"]*\p{L}[^"]*"/gu;

describe('no hard-coded UI text', () => {
  test('the component files were found', () => {
    expect(Object.keys(sources).length).toBeGreaterThan(20);
  });

  for (const [file, text] of Object.entries(sources)) {
    test(file, () => {
      const found = [...text.matchAll(JSX_TEXT), ...text.matchAll(TEXT_ATTRIBUTE)].map((m) => m[0]);
      expect(found).toEqual([]);
    });
  }
});
