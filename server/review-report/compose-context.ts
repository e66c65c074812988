/**
 * What composing a review report shares between its sections: the inputs,
 * the accumulators (body blocks, figures, breakdowns, movements, citations,
 * texts, headings, tables, the numbers that may be typed over) and the
 * helpers that write to them. Pure: no database.
 */
import type { REVIEW_TEXT_KEYS } from '../../common/schemas/review-reports.ts';
import type { Block, Inline } from '../docgen/party-document.ts';
import type { StatTable } from '../docgen/xlsx-tables.ts';
import type { Breakdown, Citation, Figure, Movement, ReportDraft } from './consistency.ts';
import { GRASSROOTS_CODES, type CitedDocument, type EntryKind, type LevelRef, type ReviewFigures } from './figures.ts';

/** The sections the operator writes (common/'s list, in the order they appear). */
export type TextKey = (typeof REVIEW_TEXT_KEYS)[number];
export type ReportTexts = Partial<Record<TextKey, string>>;
export type Overrides = Record<string, number>;

/** A number the report states that the operator may type over: its key, the computed value and the one stated. */
export interface ReportNumber {
  key: string;
  computed: number;
  value: number;
  overridden: boolean;
}

export interface ComposedReport {
  body: Block[];
  /** Every number that can be overridden, by key (the keys PATCH's `overrides` takes). */
  numbers: ReportNumber[];
  draftParts: Omit<ReportDraft, 'knownDocuments' | 'foreignTerms'>;
  tables: StatTable[];
}

export const KIND_WORD: Record<EntryKind, string> = { model: 'mô hình', exemplar: 'điển hình tiên tiến' };
export const KIND_KEY: Record<EntryKind, string> = { model: 'models', exemplar: 'exemplars' };

/** "09/9/2021": the day with a leading zero under 10, the month without, as the seed writes dates. */
export function citeDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${String(d).padStart(2, '0')}/${m}/${y}`;
}

/** "Kế hoạch số 46-KH/ĐUK, ngày 26/3/2021 về ..." */
export function citeDocument(d: CitedDocument): string {
  return `${d.typeName} số ${d.symbol}, ngày ${citeDate(d.issuedOn)} về ${d.summary.replace(/^về\s+/i, '')}`;
}

export const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
export const n = (v: number) => v.toLocaleString('vi-VN');

/** "Số 384 - CV/ĐUK, ngày 29/9/2-21"-style mentions in free text. */
export const CITATION_RE =
  /[Ss]ố\s+(\d+\s*-\s*[A-ZĐ]+(?:\s*\/\s*[A-ZĐ][A-ZĐ-]*)+)\s*,?\s*ngày\s+([0-9][0-9/-]*[0-9])/gu;

export function citationsIn(text: string, section: string): Citation[] {
  return [...text.matchAll(CITATION_RE)].map((m) => ({ symbol: m[1]!, dateText: m[2]!, section }));
}

export const paragraphsOf = (text: string | undefined): Block[] =>
  (text ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p): Block => ({ kind: 'paragraph', content: [p], indent: true }));

/** The composer of one report: a fresh set of accumulators and the helpers over them. */
export function createComposer(figures: ReviewFigures, texts: ReportTexts, overrides: Overrides) {
  const body: Block[] = [];
  const figs: Figure[] = [];
  const breakdowns: Breakdown[] = [];
  const movements: Movement[] = [];
  const citations: Citation[] = [];
  const draftTexts: ReportDraft['texts'] = [];
  const headings: ReportDraft['headings'] = [];
  const tables: StatTable[] = [];

  const numbers = new Map<string, ReportNumber>();
  const v = (key: string, computed: number) => {
    const value = Object.hasOwn(overrides, key) ? overrides[key]! : computed;
    if (!numbers.has(key)) numbers.set(key, { key, computed, value, overridden: value !== computed });
    return value;
  };
  const levelById = new Map(figures.levels.map((l) => [l.id, l]));
  const levelName = (id: number) => levelById.get(id)?.name ?? `Cấp ${id}`;
  const isGrassroots = (l: LevelRef | undefined) => !!l && GRASSROOTS_CODES.includes(l.code);
  const upperLevels = figures.levels.filter((l) => !isGrassroots(l));

  const heading = (level: 1 | 2, number: string, title: string) => {
    headings.push({ number, title, level });
    body.push({ kind: 'heading', level, text: level === 1 ? `${number}. ${title}` : `${number}. ${title}` });
  };
  const operatorText = (key: TextKey, section: string) => {
    const text = texts[key];
    if (!text?.trim()) return;
    draftTexts.push({ section, text });
    citations.push(...citationsIn(text, section));
    body.push(...paragraphsOf(text));
  };
  const sentence = (section: string, content: Inline[]) => {
    const text = content.map((c) => (typeof c === 'string' ? c : 'text' in c ? c.text : '')).join('');
    draftTexts.push({ section, text });
    body.push({ kind: 'paragraph', content, indent: true });
  };
  const footnoteFor = (docs: CitedDocument[], section: string): Inline[] => {
    if (docs.length === 0) return [];
    for (const d of docs) citations.push({ symbol: d.symbol, dateText: citeDate(d.issuedOn), section });
    return [{ footnote: `${docs.map(citeDocument).join('; ')}.` }];
  };

  const planDoc = figures.documents.find((d) => d.role === 'plan');
  const unitDocs = figures.documents.filter((d) => d.role === 'unit');

  const registration = (section: string): string => {
    const total = (k: EntryKind) => v(`${KIND_KEY[k]}.end`, figures.counts[k].total);
    for (const k of ['model', 'exemplar'] as const)
      figs.push({ key: `${KIND_KEY[k]}.end`, label: `Số ${KIND_WORD[k]} trong danh sách`, value: total(k), section });
    const byLevel = (k: EntryKind, levelId: number) => {
      const computed = figures.counts[k].byLevel.find((c) => c.levelId === levelId)?.count ?? 0;
      const value = v(`${KIND_KEY[k]}.level.${levelId}.end`, computed);
      figs.push({
        key: `${KIND_KEY[k]}.level.${levelId}.end`,
        label: `Số ${KIND_WORD[k]} ${lowerFirst(levelName(levelId))}`,
        value,
        section,
      });
      return value;
    };
    const parts = upperLevels
      .map((l) => ({ l, m: byLevel('model', l.id), e: byLevel('exemplar', l.id) }))
      .filter((p) => p.m + p.e > 0)
      .map((p) => `${n(p.m)} mô hình và ${n(p.e)} điển hình tiên tiến ${lowerFirst(p.l.name)}`);
    const text = `Đến nay có ${n(total('model'))} mô hình tập thể và ${n(total('exemplar'))} điển hình tiên tiến cá nhân đăng ký${parts.length ? `, trong đó có ${parts.join('; ')}` : ''}.`;
    return text;
  };
  return {
    figures,
    texts,
    overrides,
    body,
    figs,
    breakdowns,
    movements,
    citations,
    draftTexts,
    headings,
    tables,
    numbers,
    v,
    levelById,
    levelName,
    isGrassroots,
    upperLevels,
    heading,
    operatorText,
    sentence,
    footnoteFor,
    planDoc,
    unitDocs,
    registration,
  };
}

export type Composer = ReturnType<typeof createComposer>;
