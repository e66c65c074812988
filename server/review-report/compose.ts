/**
 * A review report from its stored figures, the operator's texts and the
 * hand-typed overrides: (a) the body blocks of the Party document in the
 * seed's structure (I leadership, II implementation, III results, IV
 * assessment, V directions, VI recommendations), (b) the ReportDraft the
 * consistency checks read — every number the body states, under its figure
 * key, so an override that breaks a breakdown or the movement identity is
 * caught — and (c) the statistics tables, shared by the body and the .xlsx
 * annex. Pure: no database.
 */
import { buildXlsxTables, type StatTable } from '../docgen/xlsx-tables.ts';
import { FUNNEL_STAGE_LABELS, FUNNEL_STAGES, type FunnelStage } from '../../common/schemas/honours-funnel.ts';
import type { Block, Inline } from '../docgen/party-document.ts';
import type { Breakdown, Citation, Figure, Movement, ReportDraft } from './consistency.ts';
import {
  GRASSROOTS_CODES,
  type CitedDocument,
  type EntryKind,
  type LevelRef,
  type MovementRow,
  type ReviewFigures,
} from './figures.ts';

/** The sections the operator writes, in the order they appear. */
export const TEXT_KEYS = [
  'intro',
  'leadership',
  'implementation',
  'results',
  'strengths',
  'weaknesses',
  'causes',
  'directions',
  'recommendations',
  'closing',
] as const;
export type TextKey = (typeof TEXT_KEYS)[number];
export type ReportTexts = Partial<Record<TextKey, string>>;
export type Overrides = Record<string, number>;

/** Terms that do not belong in a bloc's report (text copied from a district's). */
export const DEFAULT_FOREIGN_TERMS = ['Huyện ủy', 'Đại hội Đảng bộ huyện'];

export type { StatTable } from '../docgen/xlsx-tables.ts';

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

const KIND_WORD: Record<EntryKind, string> = { model: 'mô hình', exemplar: 'điển hình tiên tiến' };
const KIND_KEY: Record<EntryKind, string> = { model: 'models', exemplar: 'exemplars' };

/** "09/9/2021": the day with a leading zero under 10, the month without, as the seed writes dates. */
export function citeDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${String(d).padStart(2, '0')}/${m}/${y}`;
}

/** "Kế hoạch số 46-KH/ĐUK, ngày 26/3/2021 về ..." */
export function citeDocument(d: CitedDocument): string {
  return `${d.typeName} số ${d.symbol}, ngày ${citeDate(d.issuedOn)} về ${d.summary.replace(/^về\s+/i, '')}`;
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);
const n = (v: number) => v.toLocaleString('vi-VN');

/** "Số 384 - CV/ĐUK, ngày 29/9/2-21"-style mentions in free text. */
const CITATION_RE = /[Ss]ố\s+(\d+\s*-\s*[A-ZĐ]+(?:\s*\/\s*[A-ZĐ][A-ZĐ-]*)+)\s*,?\s*ngày\s+([0-9][0-9/-]*[0-9])/gu;

export function citationsIn(text: string, section: string): Citation[] {
  return [...text.matchAll(CITATION_RE)].map((m) => ({ symbol: m[1]!, dateText: m[2]!, section }));
}

const paragraphsOf = (text: string | undefined): Block[] =>
  (text ?? '')
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p): Block => ({ kind: 'paragraph', content: [p], indent: true }));

export function composeReport(figures: ReviewFigures, texts: ReportTexts, overrides: Overrides): ComposedReport {
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

  operatorText('intro', 'Mở đầu');

  // ─── I ───
  heading(1, 'I', 'CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO');
  operatorText('leadership', 'I');
  if (unitDocs.length > 0) {
    sentence('I', [
      `Trong kỳ, ${figures.unit.name} đã ban hành ${n(unitDocs.length)} văn bản lãnh đạo, chỉ đạo, hướng dẫn thực hiện.`,
      ...footnoteFor(unitDocs, 'I'),
    ]);
  }

  // ─── II ───
  heading(1, 'II', 'CÔNG TÁC TRIỂN KHAI THỰC HIỆN');
  operatorText('implementation', 'II');
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
  const planInline: Inline[] = planDoc
    ? [` (thực hiện ${planDoc.typeName} số ${planDoc.symbol}, ngày ${citeDate(planDoc.issuedOn)})`]
    : [];
  if (planDoc) citations.push({ symbol: planDoc.symbol, dateText: citeDate(planDoc.issuedOn), section: 'II' });
  const reg = registration('II');
  sentence('II', [reg.replace(/\.$/, ''), ...planInline, '.']);

  // Commendation (the seed's II.4): the funnel of the unit's rounds in the period, each number typed over like the others.
  const honours = figures.honours;
  if (honours && honours.rounds.length > 0) {
    const stage = (st: FunnelStage, subject: 'collectives' | 'individuals', label: string) => {
      const computed = honours.stages.find((x) => x.stage === st)?.[subject] ?? 0;
      const key = `honours.${st}.${subject}`;
      const value = v(key, computed);
      figs.push({ key, label, value, section: 'II' });
      return value;
    };
    const two = (x: number) => (x > 0 && x < 10 ? `0${x}` : n(x));
    const selfC = stage('self_granted', 'collectives', 'Số tập thể được cơ sở tuyên dương, khen thưởng');
    const selfI = stage('self_granted', 'individuals', 'Số cá nhân được cơ sở tuyên dương, khen thưởng');
    const propC = stage('proposed', 'collectives', 'Số tập thể cơ sở đề nghị khen thưởng');
    const propI = stage('proposed', 'individuals', 'Số cá nhân cơ sở đề nghị khen thưởng');
    const decC = stage('decided', 'collectives', 'Số tập thể được khen thưởng');
    const decI = stage('decided', 'individuals', 'Số cá nhân được khen thưởng');
    const outC = stage('proposed_outside', 'collectives', 'Số tập thể đề nghị cấp trên khen thưởng');
    const outI = stage('proposed_outside', 'individuals', 'Số cá nhân đề nghị cấp trên khen thưởng');
    const outDecC = stage('decided_outside', 'collectives', 'Số tập thể được cấp trên khen thưởng');
    const outDecI = stage('decided_outside', 'individuals', 'Số cá nhân được cấp trên khen thưởng');
    const parts = [
      `Qua tổng hợp, đã có ${n(selfC)} tập thể và ${n(selfI)} cá nhân được các cấp ủy cơ sở tuyên dương, khen thưởng`,
      `cấp ủy cơ sở đã đề nghị khen thưởng ${n(propC)} tập thể và ${n(propI)} cá nhân`,
      `${figures.unit.name} đã ban hành quyết định khen thưởng ${n(decC)} tập thể và ${n(decI)} cá nhân`,
    ];
    if (outC + outI > 0)
      parts.push(
        `đề nghị cấp trên khen thưởng ${two(outI)} cá nhân và ${two(outC)} tập thể${outDecC + outDecI > 0 ? ` (đã được khen thưởng ${n(outDecC)} tập thể, ${n(outDecI)} cá nhân)` : ''}`,
      );
    sentence('II', [`${parts.join('; ')}.`]);
    tables.push({
      sheet: 'Khen thưởng',
      caption: `Kết quả tuyên dương, khen thưởng (${honours.rounds.map((r) => r.name).join('; ')})`,
      headers: ['Bước', 'Tập thể', 'Cá nhân'],
      rows: FUNNEL_STAGES.map((st) => [
        FUNNEL_STAGE_LABELS[st],
        honours.stages.find((x) => x.stage === st)?.collectives ?? 0,
        honours.stages.find((x) => x.stage === st)?.individuals ?? 0,
      ]),
      totalRow: false,
    });
  }

  // ─── III ───
  heading(1, 'III', 'KẾT QUẢ CỤ THỂ');

  // 1. Counts by level × kind.
  heading(2, '1', 'Số lượng mô hình, điển hình tiên tiến trong danh sách');
  const countRows = figures.levels
    .map((l) => {
      const m = v(`models.level.${l.id}.end`, figures.counts.model.byLevel.find((c) => c.levelId === l.id)?.count ?? 0);
      const e = v(
        `exemplars.level.${l.id}.end`,
        figures.counts.exemplar.byLevel.find((c) => c.levelId === l.id)?.count ?? 0,
      );
      return { l, m, e };
    })
    .filter((r) => r.m + r.e > 0);
  const modelsEnd = v('models.end', figures.counts.model.total);
  const exemplarsEnd = v('exemplars.end', figures.counts.exemplar.total);
  for (const [k, total, key] of [
    ['model', modelsEnd, 'models.end'],
    ['exemplar', exemplarsEnd, 'exemplars.end'],
  ] as const) {
    breakdowns.push({
      label: `Số ${KIND_WORD[k]} trong danh sách theo cấp`,
      section: 'III.1',
      total,
      totalKey: key,
      parts: countRows.map((r) => ({ label: r.l.name, value: k === 'model' ? r.m : r.e })),
    });
  }
  const countTable: StatTable = {
    sheet: 'Số lượng theo cấp',
    caption: `Số lượng mô hình, điển hình tiên tiến trong danh sách đến ngày ${citeDate(figures.to)}`,
    headers: ['Cấp', 'Mô hình tập thể', 'Điển hình tiên tiến cá nhân', 'Cộng'],
    rows: [
      ...countRows.map((r) => [r.l.name, r.m, r.e, r.m + r.e]),
      ['Tổng cộng', modelsEnd, exemplarsEnd, modelsEnd + exemplarsEnd],
    ],
    totalRow: true,
  };
  tables.push(countTable);
  sentence('III.1', [registration('III.1')]);
  body.push({
    kind: 'table',
    caption: countTable.caption,
    headers: countTable.headers,
    rows: countTable.rows,
    totalRow: true,
  });

  // 2. Movement table per kind.
  heading(2, '2', 'Biến động danh sách trong kỳ');
  const MV: Array<keyof MovementRow> = [
    'start',
    'added',
    'movedIn',
    'movedOut',
    'removed',
    'transferred',
    'replaced',
    'end',
  ];
  const MV_HEAD = [
    'Đầu kỳ',
    'Bổ sung',
    'Chuyển cấp đến',
    'Chuyển cấp đi',
    'Đưa ra khỏi danh sách',
    'Chuyển đi',
    'Thay thế',
    'Cuối kỳ',
  ];
  for (const k of ['model', 'exemplar'] as const) {
    const mv = figures.movements[k];
    const total = Object.fromEntries(
      MV.map((b) => [b, v(`${KIND_KEY[k]}.movement.${b}`, mv.total[b])]),
    ) as unknown as MovementRow;
    const levelRows = mv.byLevel.map((r) => {
      const row = Object.fromEntries(
        MV.map((b) => [b, v(`${KIND_KEY[k]}.movement.level.${r.levelId}.${b}`, r[b])]),
      ) as unknown as MovementRow;
      movements.push({ label: `${KIND_WORD[k]} — ${lowerFirst(levelName(r.levelId))}`, section: 'III.2', ...row });
      return [levelName(r.levelId), ...MV.map((b) => row[b])];
    });
    movements.push({
      label: `Tổng số ${KIND_WORD[k]}`,
      section: 'III.2',
      ...total,
      startKey: `${KIND_KEY[k]}.start`,
      endKey: `${KIND_KEY[k]}.end`,
    });
    const label = k === 'model' ? 'mô hình tập thể' : 'điển hình tiên tiến cá nhân';
    const table: StatTable = {
      sheet: k === 'model' ? 'Biến động mô hình' : 'Biến động điển hình',
      caption: `Biến động ${label} từ ngày ${citeDate(figures.from)} đến ngày ${citeDate(figures.to)}`,
      headers: ['Cấp', ...MV_HEAD],
      rows: [...levelRows, ['Tổng cộng', ...MV.map((b) => total[b])]],
      totalRow: true,
    };
    tables.push(table);
    sentence('III.2', [
      `Về ${label}: đầu kỳ ${n(total.start)}, bổ sung ${n(total.added)}, đưa ra khỏi danh sách ${n(total.removed)}, chuyển đi ${n(total.transferred)}, thay thế ${n(total.replaced)}; cuối kỳ ${n(total.end)}.`,
    ]);
    body.push({ kind: 'table', caption: table.caption, headers: table.headers, rows: table.rows, totalRow: true });
  }

  // 3. Criteria met by field and level ("x/y").
  heading(2, '3', 'Số lượng mô hình, điển hình tiên tiến đáp ứng đủ các tiêu chí');
  const critRows: Array<Array<string | number>> = [];
  let critMet = 0;
  let critEvaluated = 0;
  for (const k of ['model', 'exemplar'] as const) {
    for (const l of figures.levels) {
      const rows = figures.criteria.filter((c) => c.kind === k && c.levelId === l.id && c.evaluated > 0);
      if (rows.length === 0) continue;
      const parts = rows.map((r) => ({
        r,
        met: v(`criteria.${k}.${l.id}.${r.fieldId}.met`, r.met),
        evaluated: v(`criteria.${k}.${l.id}.${r.fieldId}.evaluated`, r.evaluated),
      }));
      const met = v(
        `criteria.${k}.${l.id}.met`,
        rows.reduce((s, r) => s + r.met, 0),
      );
      const evaluated = v(
        `criteria.${k}.${l.id}.evaluated`,
        rows.reduce((s, r) => s + r.evaluated, 0),
      );
      breakdowns.push({
        label: `Số ${KIND_WORD[k]} ${lowerFirst(l.name)} đạt tiêu chí theo lĩnh vực`,
        section: 'III.3',
        total: met,
        totalKey: `criteria.${k}.${l.id}.met`,
        parts: parts.map((p) => ({ label: p.r.fieldName, value: p.met })),
      });
      breakdowns.push({
        label: `Số ${KIND_WORD[k]} ${lowerFirst(l.name)} đã đánh giá theo lĩnh vực`,
        section: 'III.3',
        total: evaluated,
        totalKey: `criteria.${k}.${l.id}.evaluated`,
        parts: parts.map((p) => ({ label: p.r.fieldName, value: p.evaluated })),
      });
      for (const p of parts)
        critRows.push([
          k === 'model' ? 'Mô hình' : 'Điển hình',
          l.name,
          p.r.fieldName,
          p.met,
          p.evaluated,
          `${p.met}/${p.evaluated}`,
        ]);
      critMet += met;
      critEvaluated += evaluated;
      if (!isGrassroots(l)) {
        sentence('III.3', [
          `${l.name}: ${n(met)}/${n(evaluated)} ${KIND_WORD[k]} đáp ứng đủ tiêu chí, gồm: ${parts.map((p) => `${p.r.fieldName} (${p.met}/${p.evaluated} ${KIND_WORD[k]})`).join('; ')}.`,
        ]);
      }
    }
  }
  const critTable: StatTable = {
    sheet: 'Đạt tiêu chí',
    caption: 'Mô hình, điển hình tiên tiến đáp ứng đủ các tiêu chí theo lĩnh vực và cấp',
    headers: ['Loại', 'Cấp', 'Lĩnh vực', 'Đạt tiêu chí', 'Đã đánh giá', 'Tỷ lệ'],
    rows: [...critRows, ['Tổng cộng', '', '', critMet, critEvaluated, `${critMet}/${critEvaluated}`]],
    totalRow: true,
  };
  tables.push(critTable);
  if (critRows.length === 0) sentence('III.3', ['Trong kỳ chưa có kết quả đánh giá được quyết định.']);
  else
    body.push({
      kind: 'table',
      caption: critTable.caption,
      headers: critTable.headers,
      rows: critTable.rows,
      totalRow: true,
    });

  // 4. Individual exemplars above grassroots, by name.
  heading(2, '4', 'Điển hình tiên tiến cá nhân đạt các tiêu chí');
  const upperExemplarRows = figures.criteria.filter(
    (c) => c.kind === 'exemplar' && !isGrassroots(levelById.get(c.levelId)),
  );
  const exMet = v(
    'exemplars.upper.met',
    upperExemplarRows.reduce((s, r) => s + r.met, 0),
  );
  const exEvaluated = v(
    'exemplars.upper.evaluated',
    upperExemplarRows.reduce((s, r) => s + r.evaluated, 0),
  );
  figs.push({ key: 'exemplars.upper.met', label: 'Số điển hình cá nhân đạt tiêu chí', value: exMet, section: 'III.4' });
  figs.push({
    key: 'exemplars.upper.met',
    label: 'Số điển hình cá nhân đạt tiêu chí (theo danh sách nêu tên)',
    value: figures.exemplarsMet.length,
    section: 'III.4',
  });
  const people = figures.exemplarsMet.map((p) => `${p.name}${p.position ? `, ${p.position}` : ''}, ${p.unitName}`);
  sentence('III.4', [
    `Có ${n(exMet)}/${n(exEvaluated)} đồng chí đạt các tiêu chí${people.length ? ` gồm: Đồng chí ${people.join('; ')}` : ''}.`,
  ]);
  tables.push({
    sheet: 'Điển hình đạt tiêu chí',
    caption: 'Điển hình tiên tiến cá nhân đạt các tiêu chí',
    headers: ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Cấp'],
    rows: [
      ...figures.exemplarsMet.map((p, i) => [i + 1, p.name, p.position ?? '', p.unitName, levelName(p.levelId)]),
      ['Tổng cộng', `${exMet}/${exEvaluated}`, '', '', ''],
    ],
    totalRow: true,
  });

  // 5. Grassroots models by field.
  heading(2, '5', 'Mô hình, điển hình tiên tiến cấp cơ sở');
  const grassModels = figures.criteria.filter((c) => c.kind === 'model' && isGrassroots(levelById.get(c.levelId)));
  const byField = new Map<number, { name: string; onList: number; met: number; evaluated: number }>();
  for (const r of grassModels) {
    const f = byField.get(r.fieldId) ?? { name: r.fieldName, onList: 0, met: 0, evaluated: 0 };
    f.onList += r.onList;
    f.met += r.met;
    f.evaluated += r.evaluated;
    byField.set(r.fieldId, f);
  }
  const fieldParts = [...byField].map(([id, f]) => ({
    ...f,
    met: v(`grassroots.field.${id}.met`, f.met),
    evaluated: v(`grassroots.field.${id}.evaluated`, f.evaluated),
    onList: v(`grassroots.field.${id}.onList`, f.onList),
  }));
  const grassTotal = v(
    'grassroots.models.onList',
    grassModels.reduce((s, r) => s + r.onList, 0),
  );
  const grassEvaluated = v(
    'grassroots.models.evaluated',
    grassModels.reduce((s, r) => s + r.evaluated, 0),
  );
  const grassMet = v(
    'grassroots.models.met',
    grassModels.reduce((s, r) => s + r.met, 0),
  );
  const grassExemplars = v(
    'grassroots.exemplars.onList',
    figures.criteria
      .filter((c) => c.kind === 'exemplar' && isGrassroots(levelById.get(c.levelId)))
      .reduce((s, r) => s + r.onList, 0),
  );
  for (const [label, measure, total, key] of [
    ['Mô hình tập thể cấp cơ sở trong danh sách theo lĩnh vực', 'onList', grassTotal, 'grassroots.models.onList'],
    ['Mô hình tập thể cấp cơ sở đã đánh giá theo lĩnh vực', 'evaluated', grassEvaluated, 'grassroots.models.evaluated'],
    ['Mô hình tập thể cấp cơ sở đạt tiêu chí theo lĩnh vực', 'met', grassMet, 'grassroots.models.met'],
  ] as const) {
    breakdowns.push({
      label,
      section: 'III.5',
      total,
      totalKey: key,
      parts: fieldParts.map((f) => ({ label: f.name, value: f[measure] })),
    });
  }
  // The grassroots count and the counts above it make the list's total (a grassroots figure typed as the whole list is caught).
  const grassLevel = figures.levels.find((l) => isGrassroots(l));
  if (grassLevel) {
    for (const [k, grass, total, key] of [
      ['model', grassTotal, modelsEnd, 'models.end'],
      ['exemplar', grassExemplars, exemplarsEnd, 'exemplars.end'],
    ] as const) {
      breakdowns.push({
        label: `Số ${KIND_WORD[k]} trong danh sách: các cấp trên cơ sở và cấp cơ sở`,
        section: 'III.5',
        total,
        totalKey: key,
        parts: [
          ...countRows
            .filter((r) => !isGrassroots(r.l))
            .map((r) => ({ label: r.l.name, value: k === 'model' ? r.m : r.e })),
          { label: grassLevel.name, value: grass },
        ],
      });
    }
  }
  const evaluatedPart =
    grassEvaluated > 0
      ? `; qua đánh giá ${n(grassEvaluated)} mô hình, có ${n(grassMet)} mô hình đạt các tiêu chí`
      : '; trong kỳ chưa có kết quả đánh giá';
  const fieldList = fieldParts.filter((f) => f.evaluated > 0).map((f) => `${f.name} (${f.met}/${f.evaluated} mô hình)`);
  sentence('III.5', [
    `Có ${n(grassTotal)} mô hình tập thể cấp cơ sở trong danh sách${evaluatedPart}${fieldList.length ? `, gồm: ${fieldList.join('; ')}` : ''}.`,
  ]);
  sentence('III.5', [`Các điển hình cá nhân cấp cơ sở trong danh sách: ${n(grassExemplars)} điển hình.`]);
  tables.push({
    sheet: 'Cấp cơ sở theo lĩnh vực',
    caption: 'Mô hình tập thể cấp cơ sở theo lĩnh vực',
    headers: ['Lĩnh vực', 'Trong danh sách', 'Đã đánh giá', 'Đạt tiêu chí', 'Tỷ lệ'],
    rows: [
      ...fieldParts.map((f) => [f.name, f.onList, f.evaluated, f.met, `${f.met}/${f.evaluated}`]),
      ['Tổng cộng', grassTotal, grassEvaluated, grassMet, `${grassMet}/${grassEvaluated}`],
    ],
    totalRow: true,
  });
  if (texts.results?.trim()) {
    heading(2, '6', 'Các kết quả khác');
    operatorText('results', 'III.6');
  }

  // ─── IV–VI ───
  heading(1, 'IV', 'ĐÁNH GIÁ CHUNG');
  heading(2, '1', 'Ưu điểm');
  operatorText('strengths', 'IV.1');
  heading(2, '2', 'Hạn chế, khuyết điểm');
  operatorText('weaknesses', 'IV.2');
  heading(2, '3', 'Nguyên nhân của hạn chế, khuyết điểm');
  operatorText('causes', 'IV.3');
  heading(1, 'V', 'PHƯƠNG HƯỚNG NHIỆM VỤ THỜI GIAN TỚI');
  operatorText('directions', 'V');
  heading(1, 'VI', 'KIẾN NGHỊ, ĐỀ XUẤT');
  operatorText('recommendations', 'VI');
  operatorText('closing', 'Kết luận');

  return {
    body,
    numbers: [...numbers.values()],
    draftParts: {
      figures: figs,
      breakdowns,
      movements,
      citations,
      texts: draftTexts,
      headings,
      knownNames: figures.knownNames,
    },
    tables,
  };
}

/** The .xlsx annex: one sheet per statistics table. */
export const buildAnnex = (tables: StatTable[], title: string): Promise<Buffer> => buildXlsxTables(tables, title);
