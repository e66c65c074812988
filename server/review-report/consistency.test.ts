/**
 * Each class of mistake the seed report makes by hand, fed to the checks —
 * and a consistent report that passes. Figures and wording are the seed's
 * (Báo cáo sơ kết 02 năm, Đảng ủy Khối cơ quan và doanh nghiệp tỉnh Yên Bái).
 */
import { describe, expect, it } from 'vitest';
import { checkConsistency, normalizeSymbol, parseCitedDate, type ReportDraft } from './consistency.ts';

const FIELDS = [
  'Mô hình tổ chức đảng điển hình tiên tiến',
  'Mô hình tổ chức hội, đoàn thể điển hình tiên tiến',
  'Mô hình điển hình trong sản xuất, kinh doanh',
  'Mô hình thi đua thực hiện tốt trách nhiệm xã hội của doanh nghiệp',
  'Mô hình Thi đua thực hiện văn hóa công sở',
  'Mô hình Đẩy mạnh Cải cách thủ tục hành chính',
  'Điển hình tiên tiến trong thực hiện nội dung “5 không” để nói không với tiêu cực',
  'Mô hình về lĩnh vực Y tế',
  'Mô hình về lĩnh vực Giáo dục',
  'Mô hình thi đua thực hiện chương trình “5S”',
  'Mô hình khác',
];

/** A consistent report: what the system would generate. */
function consistent(): ReportDraft {
  return {
    figures: [
      { key: 'models.end', label: 'Số mô hình đăng ký', value: 309, section: 'II' },
      { key: 'models.end', label: 'Số mô hình đăng ký', value: 309, section: 'III.1' },
      { key: 'models.province.end', label: 'Số mô hình cấp tỉnh', value: 26, section: 'III.1' },
    ],
    breakdowns: [
      {
        label: 'Mô hình cấp cơ sở đạt tiêu chí theo lĩnh vực',
        section: 'III.2',
        total: 145,
        totalKey: 'models.grassroots.met',
        parts: [
          { label: FIELDS[0]!, value: 32 },
          { label: FIELDS[4]!, value: 57 },
          { label: FIELDS[7]!, value: 11 },
          { label: FIELDS[10]!, value: 45 },
        ],
      },
    ],
    movements: [
      {
        label: 'Mô hình',
        section: 'III.1',
        start: 324,
        added: 6,
        removed: 2,
        transferred: 19,
        end: 309,
        startKey: 'models.start',
        endKey: 'models.end',
      },
    ],
    citations: [
      { symbol: '384-CV/ĐUK', dateText: '09/9/2021', section: 'I' },
      { symbol: '384 - CV/ĐUK', dateText: '09/09/2021', section: 'II' },
    ],
    texts: [{ section: 'III', text: 'Góp phần thực hiện thắng lợi Nghị quyết Đại hội Đảng bộ Khối lần thứ XXI.' }],
    headings: [
      { number: 'I', title: 'CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO', level: 1 },
      { number: 'II', title: 'CÔNG TÁC TRIỂN KHAI', level: 1 },
      { number: '1', title: 'Đăng ký', level: 2 },
      { number: 'III', title: 'KẾT QUẢ CỤ THỂ', level: 1 },
      { number: '1', title: 'Mô hình', level: 2 },
      { number: 'IV', title: 'ĐÁNH GIÁ CHUNG', level: 1 },
    ],
    knownDocuments: new Map([['384-CV/ĐUK', '2021-09-09']]),
    knownNames: FIELDS,
    foreignTerms: ['Huyện ủy', 'Đại hội Đảng bộ huyện'],
  };
}

const codes = (draft: ReportDraft) => checkConsistency(draft).map((w) => w.code);

describe('review report consistency checks', () => {
  it('a report built from one source of truth passes', () => {
    expect(checkConsistency(consistent())).toEqual([]);
  });

  it('the grassroots breakdown by field that adds up to 318, not the stated 146', () => {
    const draft = consistent();
    const parts = [32, 14, 12, 30, 57, 27, 10, 12, 16, 6, 17, 85].map((value, i) => ({
      label: FIELDS[i % FIELDS.length]!,
      value,
    }));
    draft.breakdowns = [{ label: 'Mô hình tập thể cấp cơ sở theo lĩnh vực', section: 'III.2', total: 146, parts }];
    const [warning] = checkConsistency(draft).filter((w) => w.code === 'breakdown_sum');
    expect(warning?.message).toContain('318');
    expect(warning?.message).toContain('146');
    expect(warning?.sections).toEqual(['III.2']);
  });

  it('20 vs 22 province-level models in two sections', () => {
    const draft = consistent();
    draft.figures.push({
      key: 'models.province.registered',
      label: 'Mô hình đăng ký cấp tỉnh',
      value: 20,
      section: 'II',
    });
    draft.figures.push({
      key: 'models.province.registered',
      label: 'Mô hình đăng ký cấp tỉnh',
      value: 22,
      section: 'II.1',
    });
    const warnings = checkConsistency(draft).filter((w) => w.code === 'figure_mismatch');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toMatch(/20 \(mục II\).*22 \(mục II\.1\)/);
  });

  it('324 then 309 models with nothing that explains the difference', () => {
    const draft = consistent();
    draft.movements = [
      { label: 'Mô hình', section: 'III.1', start: 324, added: 0, removed: 0, transferred: 0, end: 309 },
    ];
    expect(codes(draft)).toContain('movement_identity');
  });

  it('a count stated in the text that disagrees with the movement table', () => {
    const draft = consistent();
    draft.figures.push({ key: 'models.start', label: 'Số mô hình đăng ký đầu kỳ', value: 330, section: 'II' });
    const warning = checkConsistency(draft).find((w) => w.code === 'movement_figure');
    expect(warning?.sections).toEqual(['II', 'III.1']);
  });

  it('letter 384-CV/ĐUK dated 09/9/2021 in one place and 29/9/2-21 in another', () => {
    const draft = consistent();
    draft.citations = [
      { symbol: '384-CV/ĐUK', dateText: '09/9/2021', section: 'I' },
      { symbol: 'Số 384 - CV/ĐUK', dateText: '29/9/2-21', section: 'II' },
    ];
    const found = codes(draft);
    expect(found).toContain('citation_bad_date');
    expect(found).toContain('citation_date_conflict');
    // The seed writes that footnote twice: still one warning for the bad date.
    draft.citations.push({ symbol: 'Số 384 - CV/ĐUK', dateText: '29/9/2-21', section: 'II' });
    expect(codes(draft).filter((c) => c === 'citation_bad_date')).toHaveLength(1);
  });

  it('a cited document missing from the registry, or dated differently there', () => {
    const draft = consistent();
    draft.citations = [
      { symbol: '577-CV/ĐUK', dateText: '28/4/2022', section: 'II' },
      { symbol: '384-CV/ĐUK', dateText: '29/9/2021', section: 'I' },
    ];
    expect(codes(draft)).toEqual(expect.arrayContaining(['citation_unknown', 'citation_registry_date']));
  });

  it('text copied from a district report', () => {
    const draft = consistent();
    draft.texts.push({
      section: 'III.4',
      text: 'Thực hiện Kế hoạch số 112-KH/TU của Tỉnh uỷ, Huyện ủy đã ban hành Kế hoạch số 95-KH/HU.',
    });
    draft.texts.push({ section: 'III.1', text: 'theo mục tiêu Nghị quyết Đại hội Đảng bộ huyện lần thứ XXI' });
    const warnings = checkConsistency(draft).filter((w) => w.code === 'foreign_term');
    expect(warnings.map((w) => w.sections[0])).toEqual(['III.4', 'III.1']);
  });

  it('two sections numbered III', () => {
    const draft = consistent();
    draft.headings.push({ number: 'III', title: 'ĐÁNH GÍA CHUNG', level: 1 });
    const warning = checkConsistency(draft).find((w) => w.code === 'duplicate_heading');
    expect(warning?.message).toContain('KẾT QUẢ CỤ THỂ');
  });

  it('"5S" written where the catalogue says "5 không"', () => {
    const draft = consistent();
    draft.breakdowns[0]!.parts[3] = {
      label: 'Mô hình điển hình tiên tiến trong thực hiện nội dung “5S” để nói không với tiêu cực',
      value: 45,
    };
    const warning = checkConsistency(draft).find((w) => w.code === 'unknown_name');
    expect(warning?.message).toContain('“5 không”');
  });

  it('reads symbols and dates the way they are typed', () => {
    expect(normalizeSymbol('Số 384 - CV/ ĐUK')).toBe('384-CV/ĐUK');
    expect(parseCitedDate('09/9/2021')).toBe('2021-09-09');
    expect(parseCitedDate('29/9/2-21')).toBeNull();
    expect(parseCitedDate('31/02/2022')).toBeNull();
  });
});
