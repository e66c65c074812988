/**
 * Consistency checks of a review report (báo cáo sơ kết, tổng kết) before it
 * is exported. They catch the kinds of mistakes the seed report makes by
 * hand: a breakdown that does not add up to its total, the same number given
 * differently in two sections, counts that a movement table cannot explain,
 * a document cited with two dates or a date that is not a date, a cited
 * document missing from the registry, text copied from another kind of body
 * ("Huyện ủy" in a bloc's report), two sections with one number, and a name
 * that is not the catalogue's ("5S" written for "5 không").
 *
 * Pure: the report generator describes what the report states (figures,
 * breakdowns, movements, citations, text, headings) and gets warnings back.
 * A report built from the system's data passes; numbers typed over by hand
 * are checked the same way. Every warning names the sections concerned.
 */
import { foldVietnamese } from '../../common/vn-text.ts';

/** A number the report states, under a key that means the same thing wherever it appears. */
export interface Figure {
  key: string;
  label: string;
  value: number;
  section: string;
}

/** "x, of which a, b, c": the parts should add up to the total. */
export interface Breakdown {
  label: string;
  section: string;
  total: number;
  parts: Array<{ label: string; value: number }>;
  /** The figure key the total stands for (checked against other statements of it). */
  totalKey?: string;
}

/** Start + added + moved in − moved out − removed − transferred − replaced = end. */
export interface Movement {
  label: string;
  section: string;
  start: number;
  added: number;
  movedIn?: number;
  movedOut?: number;
  removed: number;
  transferred: number;
  replaced?: number;
  end: number;
  /** Figure keys stating the start and the end elsewhere in the report. */
  startKey?: string;
  endKey?: string;
}

/** A document cited in the text or a footnote: the symbol and the date as written. */
export interface Citation {
  symbol: string;
  /** As written: "09/9/2021", "29/9/2-21", or ISO. */
  dateText: string;
  section: string;
}

export interface ReportDraft {
  figures: Figure[];
  breakdowns: Breakdown[];
  movements: Movement[];
  citations: Citation[];
  /** Free text per section (the judgement parts the operator writes, and generated text). */
  texts: Array<{ section: string; text: string }>;
  /** Section numbers in order, e.g. ["I", "II", "III", "III", "IV"] at one heading level. */
  headings: Array<{ number: string; title: string; level: number }>;
  /** The registry's documents: symbol → ISO date of issue. */
  knownDocuments: Map<string, string>;
  /** Names the catalogue knows (fields, model types); quoted names in breakdown labels must be among them. */
  knownNames: string[];
  /** Words that do not belong in this issuer's report (e.g. for a bloc: "huyện ủy", "đại hội đảng bộ huyện"). */
  foreignTerms: string[];
}

export const WARNING_CODES = [
  'breakdown_sum',
  'figure_mismatch',
  'movement_identity',
  'movement_figure',
  'citation_date_conflict',
  'citation_bad_date',
  'citation_unknown',
  'citation_registry_date',
  'foreign_term',
  'duplicate_heading',
  'unknown_name',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface ConsistencyWarning {
  code: WarningCode;
  message: string;
  sections: string[];
}

const n = (v: number) => v.toLocaleString('vi-VN');

/** "384 - CV/ĐUK", "384-CV/ ĐUK" → "384-CV/ĐUK". */
export function normalizeSymbol(symbol: string): string {
  return symbol.normalize('NFC').replace(/\s+/g, '').replace(/^Số/i, '').toUpperCase();
}

/** "09/9/2021" or "2021-09-09" → "2021-09-09"; anything else (e.g. "29/9/2-21") → null. */
export function parseCitedDate(text: string): string | null {
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const viDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

function checkBreakdowns(draft: ReportDraft, out: ConsistencyWarning[]): void {
  for (const b of draft.breakdowns) {
    const sum = b.parts.reduce((s, p) => s + p.value, 0);
    if (sum !== b.total) {
      out.push({
        code: 'breakdown_sum',
        message: `${b.label}: tổng các thành phần là ${n(sum)}, khác số tổng ${n(b.total)} (chênh ${n(sum - b.total)}).`,
        sections: [b.section],
      });
    }
  }
}

function checkFigures(draft: ReportDraft, out: ConsistencyWarning[]): void {
  const statements = [
    ...draft.figures,
    ...draft.breakdowns
      .filter((b) => b.totalKey)
      .map((b) => ({ key: b.totalKey!, label: b.label, value: b.total, section: b.section })),
  ];
  const byKey = new Map<string, Figure[]>();
  for (const f of statements) byKey.set(f.key, [...(byKey.get(f.key) ?? []), f]);
  for (const [, list] of byKey) {
    const values = [...new Set(list.map((f) => f.value))];
    if (values.length > 1) {
      const where = list.map((f) => `${n(f.value)} (mục ${f.section})`).join(', ');
      out.push({
        code: 'figure_mismatch',
        message: `${list[0]!.label}: cùng một số liệu nhưng ghi khác nhau — ${where}.`,
        sections: [...new Set(list.map((f) => f.section))],
      });
    }
  }
}

function checkMovements(draft: ReportDraft, out: ConsistencyWarning[]): void {
  const figureValues = new Map<string, Figure[]>();
  for (const f of draft.figures) figureValues.set(f.key, [...(figureValues.get(f.key) ?? []), f]);
  for (const m of draft.movements) {
    const computed =
      m.start + m.added + (m.movedIn ?? 0) - (m.movedOut ?? 0) - m.removed - m.transferred - (m.replaced ?? 0);
    if (computed !== m.end) {
      out.push({
        code: 'movement_identity',
        message: `${m.label}: đầu kỳ ${n(m.start)} + bổ sung ${n(m.added + (m.movedIn ?? 0))} − giảm ${n(m.removed + m.transferred + (m.movedOut ?? 0) + (m.replaced ?? 0))} = ${n(computed)}, nhưng cuối kỳ ghi ${n(m.end)}.`,
        sections: [m.section],
      });
    }
    for (const [key, value, what] of [
      [m.startKey, m.start, 'đầu kỳ'],
      [m.endKey, m.end, 'cuối kỳ'],
    ] as const) {
      if (!key) continue;
      for (const f of figureValues.get(key) ?? []) {
        if (f.value !== value) {
          out.push({
            code: 'movement_figure',
            message: `${f.label} ghi ${n(f.value)} ở mục ${f.section}, nhưng bảng biến động (${m.label}) có số ${what} là ${n(value)}.`,
            sections: [f.section, m.section],
          });
        }
      }
    }
  }
}

function checkCitations(draft: ReportDraft, out: ConsistencyWarning[]): void {
  const bySymbol = new Map<string, Citation[]>();
  for (const c of draft.citations) {
    const key = normalizeSymbol(c.symbol);
    bySymbol.set(key, [...(bySymbol.get(key) ?? []), c]);
  }
  const known = new Map([...draft.knownDocuments].map(([s, d]) => [normalizeSymbol(s), d]));
  for (const [symbol, list] of bySymbol) {
    const sections = [...new Set(list.map((c) => c.section))];
    for (const c of list) {
      if (parseCitedDate(c.dateText) === null) {
        out.push({
          code: 'citation_bad_date',
          message: `Văn bản số ${symbol} được ghi ngày "${c.dateText}" ở mục ${c.section} — không phải một ngày hợp lệ.`,
          sections: [c.section],
        });
      }
    }
    const dates = [...new Set(list.map((c) => parseCitedDate(c.dateText) ?? c.dateText))];
    if (dates.length > 1) {
      out.push({
        code: 'citation_date_conflict',
        message: `Văn bản số ${symbol} được ghi với các ngày khác nhau: ${list.map((c) => `"${c.dateText}" (mục ${c.section})`).join(', ')}.`,
        sections,
      });
    }
    const registered = known.get(symbol);
    if (registered === undefined) {
      out.push({
        code: 'citation_unknown',
        message: `Văn bản số ${symbol} được trích dẫn nhưng không có trong sổ văn bản.`,
        sections,
      });
    } else {
      for (const c of list) {
        const date = parseCitedDate(c.dateText);
        if (date !== null && date !== registered) {
          out.push({
            code: 'citation_registry_date',
            message: `Văn bản số ${symbol} ghi ngày ${viDate(date)} ở mục ${c.section}, nhưng sổ văn bản ghi ngày ${viDate(registered)}.`,
            sections: [c.section],
          });
        }
      }
    }
  }
}

function checkText(draft: ReportDraft, out: ConsistencyWarning[]): void {
  const terms = draft.foreignTerms.map((t) => ({ term: t, folded: foldVietnamese(t) }));
  for (const { section, text } of draft.texts) {
    const folded = foldVietnamese(text);
    for (const { term, folded: f } of terms) {
      const re = new RegExp(`(^|[^a-z0-9])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9])`);
      if (re.test(folded)) {
        out.push({
          code: 'foreign_term',
          message: `Mục ${section} có cụm từ "${term}", không thuộc văn bản của cấp này (có thể chép từ báo cáo khác).`,
          sections: [section],
        });
      }
    }
  }
}

function checkHeadings(draft: ReportDraft, out: ConsistencyWarning[]): void {
  const seen = new Map<string, string>();
  let parent = '';
  for (const h of draft.headings) {
    if (h.level === 1) parent = h.number;
    const key = h.level === 1 ? `1:${h.number}` : `${h.level}:${parent}.${h.number}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      out.push({
        code: 'duplicate_heading',
        message: `Hai mục cùng đánh số ${h.number}: "${earlier}" và "${h.title}".`,
        sections: [h.number],
      });
    } else {
      seen.set(key, h.title);
    }
  }
}

/** Every part of a breakdown must carry a name the catalogue knows (case and diacritics aside). */
function checkNames(draft: ReportDraft, out: ConsistencyWarning[]): void {
  if (draft.knownNames.length === 0) return;
  const known = draft.knownNames.map((name) => ({ name, folded: foldVietnamese(name) }));
  for (const b of draft.breakdowns) {
    for (const part of b.parts) {
      const folded = foldVietnamese(part.label);
      if (known.some((k) => k.folded === folded)) continue;
      const suggestion = nearest(folded, known);
      out.push({
        code: 'unknown_name',
        message: `"${part.label}" (mục ${b.section}) không trùng tên nào trong danh mục${suggestion ? `; có phải "${suggestion}"?` : '.'}`,
        sections: [b.section],
      });
    }
  }
}

/** The catalogue name sharing the most words with the label. */
function nearest(folded: string, known: Array<{ name: string; folded: string }>): string | null {
  const words = new Set(folded.split(/[^a-z0-9]+/).filter(Boolean));
  let best: { name: string; score: number } | null = null;
  for (const k of known) {
    const kw = k.folded.split(/[^a-z0-9]+/).filter(Boolean);
    const common = kw.filter((w) => words.has(w)).length;
    const score = common / Math.max(kw.length, words.size);
    if (!best || score > best.score) best = { name: k.name, score };
  }
  return best && best.score >= 0.5 ? best.name : null;
}

export function checkConsistency(draft: ReportDraft): ConsistencyWarning[] {
  const out: ConsistencyWarning[] = [];
  checkBreakdowns(draft, out);
  checkFigures(draft, out);
  checkMovements(draft, out);
  checkCitations(draft, out);
  checkText(draft, out);
  checkHeadings(draft, out);
  checkNames(draft, out);
  // The same sentence written twice (the seed repeats a footnote) is one warning.
  const seen = new Set<string>();
  return out.filter((w) => {
    const key = `${w.code}|${w.message}|${w.sections.join(',')}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
