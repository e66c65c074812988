import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { packPartyDocument, type PartyDocumentSpec } from './party-document.ts';
import { placeDateLine } from './party-layout.ts';
import { docxToPdf, findSoffice } from './pdf.ts';
import { readDocx } from './read-docx.ts';

const spec = (overrides: Partial<PartyDocumentSpec> = {}): PartyDocumentSpec => ({
  superior: 'Đảng bộ tỉnh Lào Cai',
  issuer: 'Đảng ủy các cơ quan Đảng tỉnh',
  number: 'Số 15-BC/ĐU',
  place: 'Lào Cai',
  date: '2026-02-05',
  docType: 'Báo cáo',
  summary: ['Sơ kết 02 năm thực hiện Kết luận số 01-KL/TW'],
  body: [
    { kind: 'heading', level: 1, text: 'I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO' },
    {
      kind: 'paragraph',
      content: [
        'Ban Thường vụ ban hành Kế hoạch',
        { footnote: 'Kế hoạch số 46-KH/ĐUK, ngày 15/7/2021.' },
        ' về học tập và làm theo.',
      ],
    },
    {
      kind: 'table',
      caption: 'Biểu 1',
      headers: ['Cấp', 'Mô hình', 'Điển hình'],
      rows: [
        ['Cơ sở', 298, 585],
        ['Tổng số', 324, 597],
      ],
      totalRow: true,
    },
  ],
  recipients: ['Ban Thường vụ Tỉnh ủy', 'Ban Tuyên giáo và Dân vận Tỉnh ủy', 'Lưu Văn phòng'],
  signature: { authority: 'T/M Ban Thường vụ', title: 'Phó Bí thư', name: 'Nguyễn Thị Hạnh' },
  ...overrides,
});

describe('Party document (.docx)', () => {
  it('reads back with the header, the title, the body, the table, the footnote, recipients and signature — Vietnamese intact', async () => {
    const buffer = await packPartyDocument(spec());
    const doc = await readDocx(buffer);
    const text = doc.paragraphs;
    expect(text.slice(0, 6)).toEqual([
      'ĐẢNG BỘ TỈNH LÀO CAI',
      'ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH',
      '*',
      'Số 15-BC/ĐU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Lào Cai, ngày 05 tháng 02 năm 2026',
    ]);
    expect(text).toContain('BÁO CÁO');
    expect(text).toContain('Sơ kết 02 năm thực hiện Kết luận số 01-KL/TW');
    expect(text).toContain('I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO');
    expect(text).toContain('Ban Thường vụ ban hành Kế hoạch về học tập và làm theo.');
    expect(text).toEqual(expect.arrayContaining(['Cơ sở', '298', '585', 'Tổng số', '324', '597']));
    expect(doc.footnotes).toEqual(['Kế hoạch số 46-KH/ĐUK, ngày 15/7/2021.']);
    expect(text.slice(-7)).toEqual([
      'Nơi nhận:',
      '- Ban Thường vụ Tỉnh ủy,',
      '- Ban Tuyên giáo và Dân vận Tỉnh ủy,',
      '- Lưu Văn phòng.',
      'T/M BAN THƯỜNG VỤ',
      'PHÓ BÍ THƯ',
      'Nguyễn Thị Hạnh',
    ]);
  });

  it('lays the page out from settings: A4, margins in millimetres, Times New Roman 14 by default', async () => {
    const zip = await JSZip.loadAsync(await packPartyDocument(spec({ layout: { margins: { leftMm: 35 } } })));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/w:left="1984"/); // 35 mm
    expect(xml).toMatch(/w:top="1134"/); // 20 mm
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('Times New Roman');
    expect(styles).toMatch(/<w:sz w:val="28"\/>/);
  });

  it('writes dates the official way, and leaves blanks for the clerk', () => {
    expect(placeDateLine('Yên Bái', '2021-09-29')).toBe('Yên Bái, ngày 29 tháng 9 năm 2021');
    expect(placeDateLine('Yên Bái', '2021-01-09')).toBe('Yên Bái, ngày 09 tháng 01 năm 2021');
    expect(placeDateLine('Lào Cai', '2026-12-01')).toBe('Lào Cai, ngày 01 tháng 12 năm 2026');
    expect(placeDateLine('Lào Cai', null, 2026)).toBe('Lào Cai, ngày     tháng     năm 2026');
  });

  it.skipIf(!findSoffice())(
    'converts to PDF with LibreOffice, in a font that has the Vietnamese glyphs',
    async () => {
      const pdf = await docxToPdf(await packPartyDocument(spec()));
      expect(pdf).not.toBeNull();
      expect(pdf!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf!.toString('latin1')).toMatch(/LiberationSerif|TimesNewRoman/);
    },
    180_000,
  );
});
