import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { valueText } from './parse.ts';

describe('the text of an Excel value', () => {
  it.each([
    ['plain text', 'Mô hình "Dân vận khéo"', 'Mô hình "Dân vận khéo"'],
    ['a number', 42, '42'],
    ['empty', null, ''],
    ['rich text', { richText: [{ text: 'Chi bộ ' }, { font: { bold: true }, text: 'Kho bạc' }] }, 'Chi bộ Kho bạc'],
    ['a formula result', { formula: 'A1&B1', result: 'Đảng ủy Khối' }, 'Đảng ủy Khối'],
    ['a hyperlink', { text: 'Trang tin', hyperlink: 'https://example.vn' }, 'Trang tin'],
    [
      'a hyperlink whose text is rich text',
      { text: { richText: [{ text: 'Điển ' }, { text: 'hình' }] }, hyperlink: 'https://example.vn' },
      'Điển hình',
    ],
    ['an object of no known shape', { foo: 1 }, ''],
  ])('%s', (_name, value, text) => {
    expect(valueText(value)).toBe(text);
  });

  it('reads a hyperlink cell with rich text from a real workbook, not "[object Object]"', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1').value = {
      text: { richText: [{ text: 'Mô hình ' }, { text: 'số 1' }] },
      hyperlink: 'https://example.vn/mo-hinh',
    } as unknown as ExcelJS.CellValue;
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(await wb.xlsx.writeBuffer());
    expect(valueText(back.getWorksheet('S')!.getCell('A1').value)).not.toContain('[object Object]');
  });
});
