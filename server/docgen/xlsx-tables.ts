/** Statistics tables as an .xlsx workbook: one sheet per table, Vietnamese headers, bold totals. Used by the review report's annex and the dashboards' data exports. */
import { loadExcelJS } from './lazy-libs.ts';

export interface StatTable {
  sheet: string;
  caption: string;
  headers: string[];
  rows: Array<Array<string | number>>;
  totalRow: boolean;
}

export async function buildXlsxTables(tables: StatTable[], title: string): Promise<Buffer> {
  const wb = new (await loadExcelJS()).Workbook();
  wb.creator = 'Điển hình';
  const used = new Set<string>();
  for (const t of tables) {
    let name = t.sheet.slice(0, 31);
    for (let i = 2; used.has(name); i++) name = `${t.sheet.slice(0, 28)} ${i}`;
    used.add(name);
    const ws = wb.addWorksheet(name);
    ws.addRow([title]).font = { bold: true };
    ws.addRow([t.caption]).font = { italic: true };
    const head = ws.addRow(t.headers);
    head.font = { bold: true };
    t.rows.forEach((r, i) => {
      const row = ws.addRow(r);
      if (t.totalRow && i === t.rows.length - 1) row.font = { bold: true };
    });
    ws.columns.forEach((c, i) => {
      c.width = i === 0 ? 36 : 18;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
