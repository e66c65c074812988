import { describe, expect, it } from 'vitest';
import { type AppError } from '../lib/errors.ts';
import { parseSymbol } from './symbol.ts';

const CODES = ['NQ', 'QĐ', 'CT', 'KL', 'QC', 'QĐi', 'HD', 'KH', 'CTr', 'BC', 'TB', 'TTr', 'CV', 'BB', 'GM'];

function failure(raw: string): AppError {
  try {
    parseSymbol(raw, CODES);
  } catch (e) {
    return e as AppError;
  }
  throw new Error(`"${raw}" was accepted`);
}

describe('document symbols (số, ký hiệu)', () => {
  it.each([
    ['46-KH/ĐUK', '46-KH/ĐUK', 46, 'KH', 'ĐUK', 'DUK'],
    ['384-CV/ĐUK', '384-CV/ĐUK', 384, 'CV', 'ĐUK', 'DUK'],
    ['1141-CV/BTGTU', '1141-CV/BTGTU', 1141, 'CV', 'BTGTU', 'BTGTU'],
    ['24-KH/TU', '24-KH/TU', 24, 'KH', 'TU', 'TU'],
    ['01-KL/TW', '01-KL/TW', 1, 'KL', 'TW', 'TW'],
    ['05-CT/TW', '05-CT/TW', 5, 'CT', 'TW', 'TW'],
    ['1141- CV/ BTGTU', '1141-CV/BTGTU', 1141, 'CV', 'BTGTU', 'BTGTU'],
    ['Số 384 - CV/ĐUK', '384-CV/ĐUK', 384, 'CV', 'ĐUK', 'DUK'],
    ['số: 384-cv/đuk', '384-CV/ĐUK', 384, 'CV', 'ĐUK', 'DUK'],
    ['384 – CV / DUK', '384-CV/DUK', 384, 'CV', 'DUK', 'DUK'],
    ['12-qđi/tu', '12-QĐi/TU', 12, 'QĐi', 'TU', 'TU'],
    ['12-QĐ/TU', '12-QĐ/TU', 12, 'QĐ', 'TU', 'TU'],
    ['12-QD/TU', '12-QĐ/TU', 12, 'QĐ', 'TU', 'TU'],
    ['3-CTR/ĐUK', '3-CTr/ĐUK', 3, 'CTr', 'ĐUK', 'DUK'],
    ['7-BC/ĐU-BTG', '7-BC/ĐU-BTG', 7, 'BC', 'ĐU-BTG', 'DU-BTG'],
    ['Số 384 - CV/ĐUK'.normalize('NFD'), '384-CV/ĐUK', 384, 'CV', 'ĐUK', 'DUK'],
  ])('reads %j', (raw, symbol, number, typeCode, issuerCode, issuerKey) => {
    expect(parseSymbol(raw, CODES)).toEqual({ symbol, number, typeCode, issuerCode, issuerKey });
  });

  it.each(['', '384', 'CV/ĐUK', '384-CV', '384/CV-ĐUK', '-5-CV/ĐUK', '384-CV/ĐUK/X', '38a-CV/ĐUK', '384-C V/ĐUK'])(
    'refuses %j naming the field and showing an example',
    (raw) => {
      const e = failure(raw);
      expect(e.code).toBe('VALIDATION');
      expect(e.fields).toEqual([{ field: 'symbol', message: e.message }]);
      expect(e.message).toMatch(/ví dụ: 384-CV\/ĐUK/);
    },
  );

  it('refuses number 0 and unknown type codes, listing the known ones', () => {
    expect(failure('0-CV/ĐUK').message).toMatch(/lớn hơn 0/);
    const unknown = failure('5-XYZ/ĐUK');
    expect(unknown.message).toMatch(/Loại văn bản "XYZ"/);
    expect(unknown.message).toMatch(/NQ, QĐ, CT/);
  });
});
