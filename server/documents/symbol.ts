/**
 * Số, ký hiệu of a party document: "384-CV/ĐUK" = number 384, type CV (công
 * văn), issuer ĐUK (Đảng ủy Khối). People type it in many ways ("Số 384 -
 * CV/ĐUK", "1141- CV/ BTGTU", "384-cv/đuk"); we read all of them and store one
 * canonical form.
 */
import { foldVietnamese } from '../../common/vn-text.ts';
import { invalid } from '../lib/errors.ts';

export interface ParsedSymbol {
  /** Canonical form: "384-CV/ĐUK" (the number keeps the digits as written, e.g. "01-KL/TW"). */
  symbol: string;
  number: number;
  /** The document type's code exactly as in document_type.code. */
  typeCode: string;
  issuerCode: string;
  /** Same issuer whatever the diacritics: "ĐUK" and "DUK" are both "DUK". */
  issuerKey: string;
}

export const SYMBOL_EXAMPLE = '384-CV/ĐUK';
const SHAPE = /^(\d{1,9})-(\p{L}+)\/([\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*)$/u;

export function issuerKeyOf(issuerCode: string): string {
  return foldVietnamese(issuerCode).toUpperCase();
}

/** Remove "Số", unify dashes, drop spaces around "-" and "/". */
export function normalizeSymbolText(raw: string): string {
  return raw
    .normalize('NFC')
    .trim()
    .replace(/^(số|so)\s*[:.]?\s*/iu, '')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*([-/])\s*/g, '$1');
}

/** The type code as registered, matched ignoring case (then ignoring diacritics if that is unambiguous). */
export function matchTypeCode(written: string, codes: readonly string[]): string | null {
  const lower = written.toLowerCase();
  const exact = codes.filter((c) => c.toLowerCase() === lower);
  if (exact.length === 1) return exact[0]!;
  const folded = codes.filter((c) => foldVietnamese(c) === foldVietnamese(written));
  return folded.length === 1 ? folded[0]! : null;
}

/** Parse a symbol against the known document type codes; a 400 naming `symbol` if it cannot be read. */
export function parseSymbol(raw: string, typeCodes: readonly string[], field = 'symbol'): ParsedSymbol {
  const text = normalizeSymbolText(raw);
  const match = SHAPE.exec(text);
  if (!match) {
    throw invalid(
      field,
      `Số, ký hiệu "${raw.trim()}" không đúng dạng. Hãy ghi theo dạng số-loại văn bản/cơ quan ban hành, ví dụ: ${SYMBOL_EXAMPLE}.`,
    );
  }
  const [, digits, writtenType, writtenIssuer] = match as unknown as [string, string, string, string];
  const number = Number(digits);
  if (number < 1) throw invalid(field, `Số văn bản trong "${raw.trim()}" phải lớn hơn 0, ví dụ: ${SYMBOL_EXAMPLE}.`);
  const typeCode = matchTypeCode(writtenType, typeCodes);
  if (!typeCode) {
    throw invalid(
      field,
      `Loại văn bản "${writtenType}" trong số, ký hiệu "${raw.trim()}" không có trong danh mục (${typeCodes.join(', ')}). Ví dụ đúng: ${SYMBOL_EXAMPLE}.`,
    );
  }
  const issuerCode = writtenIssuer.toUpperCase();
  return {
    symbol: `${digits}-${typeCode}/${issuerCode}`,
    number,
    typeCode,
    issuerCode,
    issuerKey: issuerKeyOf(issuerCode),
  };
}
